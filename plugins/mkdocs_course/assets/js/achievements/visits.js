// The lessons visited, as course.js keeps them beside the record (docs/architecture.md, "Visits"):
// `{"version": 1, "pages": [...]}` under "<record key>:visits", site-root URLs, the latest last, at
// most 1,000. The achievements page reads them into the progress file and merges a file's back.
// Storage that cannot be used reads as no visits and refuses a write, as it does in course.js.

// course.js's limit (its MAX_VISITS): a lesson page cannot import it without loading more.
const MAX_VISITS = 1000;
const visitsKey = (recordKey) => recordKey + ":visits";

/**
 * The lessons visited in this browser, the latest last; none when storage cannot be read.
 * @param {string} recordKey the record's localStorage key (the store's `key`)
 * @returns {string[]}
 */
export function storedVisits(recordKey) {
  try {
    const data = JSON.parse(localStorage.getItem(visitsKey(recordKey)));
    if (data?.version === 1 && Array.isArray(data.pages)) return data.pages.filter((url) => typeof url === "string");
  } catch {}
  return [];
}

/**
 * Two lists of visited lessons as one, each lesson once: a file's first, then this browser's,
 * which are the recent ones, so the lesson visited last here stays last; the latest 1,000 kept.
 * @param {string[]} fromFile
 * @param {string[]} stored
 * @returns {string[]}
 */
export function mergeVisits(fromFile, stored) {
  const latestFirst = [...new Set([...fromFile, ...stored].reverse())];
  return latestFirst.slice(0, MAX_VISITS).reverse();
}

/**
 * Stores the lessons visited, in the format course.js reads.
 * @param {string} recordKey the record's localStorage key
 * @param {string[]} pages
 * @returns {boolean} false when storage refused them
 */
export function storeVisits(recordKey, pages) {
  try {
    localStorage.setItem(visitsKey(recordKey), JSON.stringify({ version: 1, pages }));
    return true;
  } catch {
    return false;
  }
}

/**
 * "Delete my data": the visits go with the record.
 * @param {string} recordKey the record's localStorage key
 */
export function forgetVisits(recordKey) {
  try {
    localStorage.removeItem(visitsKey(recordKey));
  } catch {}
}
