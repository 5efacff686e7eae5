// Building page elements. Text is always set as text; only the site's own rendered Markdown is
// ever set as markup, through elementWithHtml.

/**
 * A new element with attributes and children; string children become text nodes, never markup.
 * @param {string} tag
 * @param {Record<string, string|number>} [attributes]
 * @param {...(Node|string)} children
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A new element holding HTML that the site's own Markdown build rendered (quiz text): author
 * content from the build, never anything a learner typed.
 */
export function elementWithHtml(tag, attributes, trustedHtml) {
  const element = el(tag, attributes);
  element.innerHTML = trustedHtml;
  return element;
}

/** Text for screen readers only (the course.css class hides it visually). */
export const screenReaderText = (text) => el("span", { class: "course-sr" }, text);

/**
 * Adds a stylesheet of the course to the page once; widgets load their own, unless the build put
 * it in <head> already (compared as full URLs: the page links it relative to itself).
 */
export function addStylesheet(url) {
  const linked = [...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === url);
  if (!linked) document.head.append(el("link", { rel: "stylesheet", href: url }));
}
