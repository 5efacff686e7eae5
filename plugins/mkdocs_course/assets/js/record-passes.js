// The pass rule of the learner's record, on its own because every lesson page reads passes and
// nothing else: record.js holds the rest of the record's rules and imports these, so every page
// counts a pass the same way.

/** The record versions this code can read (record.js migrates the older ones). */
export const READABLE_VERSIONS = [1, 2];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A plain object holding data (not an array, not null). */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** A best score: a percentage from 0 to 100. */
export const isScore = (value) => typeof value === "number" && value >= 0 && value <= 100;
/** A date as the record keeps it: ISO 8601 in UTC, as Date.toISOString() writes it. */
export const isDateText = (value) => typeof value === "string" && ISO_DATE.test(value) && !isNaN(Date.parse(value));
/** The value under `key` when it is the map's own, never one inherited from Object.prototype. */
export const ownValue = (map, key) => (isObject(map) && Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * Whether a block's entry is a pass: `passed: true`, a best score from 0 to 100 and an ISO date.
 * Every page counts passes by this rule, so they all agree.
 */
export function isPass(entry) {
  return isObject(entry) && entry.passed === true && isScore(entry.bestScore) && isDateText(entry.passedAt);
}

/**
 * The ids of the passed blocks in a stored record (its raw JSON text), for pages that only read.
 * @param {string|null} storedText
 * @param {string[]} blockIds
 * @returns {string[]}
 */
export function passedBlockIds(storedText, blockIds) {
  try {
    const data = JSON.parse(storedText);
    if (READABLE_VERSIONS.includes(data?.version)) return blockIds.filter((id) => isPass(ownValue(data.blocks, id)));
  } catch {}
  return [];
}
