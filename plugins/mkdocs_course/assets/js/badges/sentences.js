// Joining an author's phrases into sentences without doubled punctuation: an outcome may end in
// ".", "!", "?" or nothing. The same rules as badges/text.py, which writes the badge's credential.

const FINAL = /[.!?\u2026]["'\u2019\u201d)\]]*$/u;
const SOFT_END = /[\s.;,:]+$/u;

/**
 * `text` as a sentence: trimmed, with a full stop added unless it already ends with ".", "!", "?"
 * or "…" (closing quotes and brackets after them allowed).
 * @param {string} text
 * @returns {string}
 */
export function asSentence(text) {
  const trimmed = String(text).trim();
  if (!trimmed) return "";
  return FINAL.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Phrases run together, "a; b; c.": a phrase's own closing ".", ";", "," or ":" gives way to the
 * separator; one that ends in "!" or "?" keeps it and is followed by a space alone.
 * @param {string[]} phrases
 * @returns {string}
 */
export function listSentence(phrases) {
  let joined = "";
  for (const phrase of phrases.map((text) => String(text).trim())) {
    if (!phrase) continue;
    if (joined) joined += FINAL.test(joined) ? " " : "; ";
    joined += FINAL.test(phrase) && !phrase.endsWith(".") ? phrase : phrase.replace(SOFT_END, "") || phrase;
  }
  return asSentence(joined);
}

/**
 * A message whose `{placeholders}` are filled with elements rather than text (a link, a bold
 * name), as the pieces to append: `message()` leaves the placeholders it was given no value for.
 * @param {string} text  the message, such as "Type it in the {field} field."
 * @param {Object<string, Node>} elements  by placeholder name
 * @returns {Array<string|Node>}
 */
export function withElements(text, elements) {
  return text.split(/(\{[a-z_]+\})/).filter(Boolean).map((piece) => {
    const name = piece.slice(1, -1);
    return piece.startsWith("{") && elements[name] ? elements[name] : piece;
  });
}
