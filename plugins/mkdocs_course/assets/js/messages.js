// The words the course shows, in the site's language: the page carries the areas of the catalog
// its widgets use (messages/page.py writes them into <script id="course-messages">), already
// resolved at build time (English, then the language, then the author's overrides, key by key).
// Read from the page whenever it changes, so every bundle that inlines this module agrees.
// Kept small: the quiz page loads it with its first code (message-formats.js has the rest).
// Code that loads only after an action or a problem (writing, notices) fetches its words then
// (words-on-demand.js), so that lesson pages do not carry them.

let readFrom = null;
let words = { locale: "en", direction: "ltr", areas: {} };
let wordsOnDemand = {};

/**
 * The page's words: `{locale, direction, areas}` (messages/page.py).
 * @returns {{locale: string, direction: string, areas: Object}}
 */
export function pageWords() {
  const node = document.getElementById("course-messages");
  if (node && node !== readFrom) {
    readFrom = node;
    try {
      words = JSON.parse(node.textContent);
    } catch {
      // a broken block keeps the last page's words
    }
  }
  return words;
}

/**
 * Adds the areas fetched on demand (words-on-demand.js) to those the page carries.
 * @param {Object} areas `{area: {name: message}}`
 */
export function addWords(areas) {
  wordsOnDemand = { ...wordsOnDemand, ...areas };
}

/**
 * The message `key` ("area.name") with its `{placeholders}` filled from `values`; numbers are
 * written as the locale writes them, and a plural message picks its form by `values.count`
 * (`Intl.PluralRules`, the same CLDR rules as the build's). A key the page lacks shows as itself,
 * so that a missing area is seen, never hidden.
 * @param {string} key
 * @param {Object<string, string|number>} [values]
 * @returns {string}
 */
export function message(key, values = {}) {
  const { locale, areas } = pageWords();
  const [area, name] = key.split(".");
  let text = areas[area]?.[name] ?? wordsOnDemand[area]?.[name] ?? key;
  if (typeof text === "object") text = text[new Intl.PluralRules(locale).select(values.count)] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (placeholder, valueName) => {
    const value = values[valueName];
    if (value === undefined) return placeholder;
    return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}
