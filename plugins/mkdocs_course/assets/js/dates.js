// Dates as the course writes them, on the quiz and achievements pages, in badges and in the
// statement: one locale rule, so that they all agree.

/**
 * The course's locale for dates and paper: the course data's `locale` (from the plugin's option),
 * else the page's language, else en-GB; a tag Intl cannot use counts as absent.
 * @param {string} [locale]
 * @returns {string}
 */
export function courseLocale(locale) {
  for (const candidate of [locale, document.documentElement.lang, "en-GB"]) {
    try {
      if (candidate) return Intl.getCanonicalLocales(candidate)[0];
    } catch {
      // not a BCP 47 tag: try the next
    }
  }
  return "en-GB";
}

/**
 * "21 November 2026" in the course's locale (dateStyle "long").
 * @param {Date|string} date a Date, or a date as the record keeps it
 * @param {string} [locale]
 * @returns {string}
 */
export function formatDate(date, locale) {
  const when = date instanceof Date ? date : new Date(date);
  return new Intl.DateTimeFormat(courseLocale(locale), { dateStyle: "long" }).format(when);
}
