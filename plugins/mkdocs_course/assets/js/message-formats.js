// Numbers, lists, the locale and the direction of the page's language, for the code that loads
// after the page's first (feedback, badges, the statement, the achievements page).
import { pageWords } from "./messages.js";

/**
 * The site's locale (BCP 47), for numbers, lists and plural rules.
 * @returns {string}
 */
export function messagesLocale() {
  return pageWords().locale;
}

/**
 * "rtl" on a right-to-left site (Arabic), else "ltr": for what the page draws itself (badges,
 * the statement), where no `dir` attribute reaches.
 * @returns {string}
 */
export function messagesDirection() {
  return pageWords().direction;
}

/**
 * `count` as the locale writes it ("1 234" in French).
 * @param {number} count
 * @returns {string}
 */
export function formatNumber(count) {
  return new Intl.NumberFormat(pageWords().locale).format(count);
}

/**
 * Items joined as the language joins a list: "a, b and c", "a, b et c", "a、b、c".
 * @param {string[]} items
 * @returns {string}
 */
export function formatList(items) {
  return new Intl.ListFormat(pageWords().locale, { type: "conjunction" }).format(items);
}
