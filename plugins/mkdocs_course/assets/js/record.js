// The learner's record, defined once: its empty form, every field check and limit, the
// migration of older versions, the merge of a quiz result and of a restored file, and the one
// shape of what is set aside. The pass rule is in record-passes.js (re-exported here), which is
// all a lesson page loads. The stored record (store.js) and the progress file
// (achievements/progress-file.js) read and write the record through this module only.
// The format is described in docs/architecture.md ("The learner's record").
import { isDateText, isObject, isPass, isScore, ownValue, READABLE_VERSIONS } from "./record-passes.js";

export { isObject, isPass } from "./record-passes.js";

/** The version this code writes; version 1 records are migrated when read. */
export const RECORD_VERSION = 2;

/** The longest name the statement and badges print; the name field and the file share it. */
export const NAME_MAX_LENGTH = 300;
/** JSON nested deeper than this is refused before it is parsed (a record is a few levels deep). */
export const MAX_NESTING = 32;
/** Set-aside entries are kept newest last, without duplicates, within these bounds. */
export const SET_ASIDE_MAX_ENTRIES = 50;
export const SET_ASIDE_MAX_CHARACTERS = 1_500_000;
/** The longest text kept for one writing activity (course/journal.py says the same); never cut. */
export const JOURNAL_TEXT_MAX_LENGTH = 20_000;
const JOURNAL_TITLE_MAX_LENGTH = 300;

// Control characters, lone surrogates and the non-characters U+FFFE and U+FFFF: no font draws them.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A map keyed by ids: no prototype, so ids such as "__proto__" or "constructor" are plain keys. */
export const idMap = (entries = []) => Object.assign(Object.create(null), Object.fromEntries(entries));

const isCount = (value) => Number.isInteger(value) && value >= 0;

/** A record with no progress in it (`journal`, the learner's writing, is added with the first text). */
export function emptyRecord() {
  return { version: RECORD_VERSION, blocks: idMap(), questions: idMap(), name: "", setAside: [] };
}

/** The name as it may be printed: unprintable characters removed, within the length limit. */
export function cleanName(text) {
  return String(text).replace(UNPRINTABLE, "").slice(0, NAME_MAX_LENGTH);
}

/** How deeply arrays and objects nest in JSON text, counted without parsing it. */
export function jsonNesting(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{" || character === "[") deepest = Math.max(deepest, ++depth);
    else if (character === "}" || character === "]") depth--;
  }
  return deepest;
}

/** One shape for everything set aside: why, which block (if any), the data, and when. */
export function setAsideEntry(reason, data, blockId = null, now = new Date()) {
  const entry = { reason, data, at: now.toISOString() };
  if (blockId !== null) entry.block = blockId;
  return entry;
}

const sameContent = (first, second) =>
  first.reason === second.reason && first.block === second.block && JSON.stringify(first.data) === JSON.stringify(second.data);

/**
 * Adds entries to the record's set-aside list, skipping any it already holds.
 * @returns {object[]} the entries that did not fit within the bounds (not added)
 */
export function addSetAside(record, entries) {
  const refused = [];
  let size = JSON.stringify(record.setAside).length;
  for (const entry of entries) {
    if (record.setAside.some((kept) => sameContent(kept, entry))) continue;
    const entrySize = JSON.stringify(entry).length;
    if (record.setAside.length >= SET_ASIDE_MAX_ENTRIES || size + entrySize > SET_ASIDE_MAX_CHARACTERS) {
      refused.push(entry);
      continue;
    }
    record.setAside.push(entry);
    size += entrySize;
  }
  return refused;
}

// Version 1 kept the attempt's questions as {id, v, o, r} and set aside {reason, value}.
function migrateDraft(draft) {
  if (!isObject(draft) || !Array.isArray(draft.qs)) return draft;
  const questions = draft.qs.map((saved) =>
    isObject(saved) ? { id: saved.id, variant: saved.v, order: saved.o, response: saved.r } : saved,
  );
  return { marked: draft.marked === true, questions };
}

function migrateSetAside(entry, now) {
  if (isObject(entry) && typeof entry.reason === "string" && "data" in entry) return entry;
  if (isObject(entry) && typeof entry.reason === "string") return setAsideEntry(entry.reason, entry.value, null, now);
  return setAsideEntry("set aside earlier", entry, null, now);
}

// What each block field may hold; fields not listed are kept as they are.
const BLOCK_FIELD_CHECKS = {
  bestScore: isScore,
  passed: (value) => typeof value === "boolean",
  passedAt: (value) => value === null || isDateText(value),
  attempts: isCount,
  draft: (value) => isObject(value) && Array.isArray(value.questions),
};

// A pass dated in the future (a wrong clock) is dated now: a credential never starts later.
function checkedBlock(block, version, now) {
  const fields = Object.entries(block).map(([field, value]) =>
    version === 1 && field === "draft" ? [field, migrateDraft(value)] : [field, value],
  );
  const fits = ([field, value]) => !Object.hasOwn(BLOCK_FIELD_CHECKS, field) || BLOCK_FIELD_CHECKS[field](value);
  // fromEntries defines own fields, so even a "__proto__" field stays plain data.
  const kept = Object.fromEntries(fields.filter(fits));
  const wrong = Object.fromEntries(fields.filter((field) => !fits(field)));
  if (isDateText(kept.passedAt) && Date.parse(kept.passedAt) > now.getTime()) kept.passedAt = now.toISOString();
  if (kept.passed && !isPass(kept)) {
    wrong.passed = true;
    delete kept.passed;
  }
  return { kept, wrong };
}

function checkedBlocks(data, blockIds, version, now, problems) {
  const blocks = isObject(data.blocks) ? data.blocks : {};
  const questions = isObject(data.questions) ? data.questions : {};
  const record = emptyRecord();
  for (const id of new Set([...Object.keys(blocks), ...Object.keys(questions)])) {
    const [block, answers] = [blocks[id], questions[id]];
    if (!blockIds.includes(id)) {
      problems.push(setAsideEntry("block no longer in the course", { block, questions: answers }, id, now));
      continue;
    }
    const wrong = {};
    if (isObject(block)) {
      const checked = checkedBlock(block, version, now);
      record.blocks[id] = checked.kept;
      if (Object.keys(checked.wrong).length) wrong.block = checked.wrong;
    } else if (block !== undefined) wrong.block = block;
    if (isObject(answers)) record.questions[id] = idMap(Object.entries(answers));
    else if (answers !== undefined) wrong.questions = answers;
    if (Object.keys(wrong).length) problems.push(setAsideEntry("wrong shape", wrong, id, now));
  }
  return record;
}

/**
 * Reads a record (parsed JSON) part by part and field by field, so a broken draft never costs a
 * pass. The stored record's repair and the progress file's check are this same function.
 * @param {*} data the parsed record
 * @param {string[]} blockIds the blocks the course has
 * @param {Date} [now]
 * @returns {{record: object, problems: object[], unreadable: string|null}} `problems` are set-aside
 *   entries for the parts that could not be read; `unreadable` says why nothing could be read
 *   (a record of a version this code does not know: it must be left as it is).
 */
export function repairRecord(data, blockIds, now = new Date()) {
  const problems = [];
  if (!isObject(data)) {
    problems.push(setAsideEntry("wrong shape", data, null, now));
    return { record: emptyRecord(), problems, unreadable: null };
  }
  if (!READABLE_VERSIONS.includes(data.version)) {
    return { record: emptyRecord(), problems, unreadable: `version ${JSON.stringify(data.version)}` };
  }
  const record = checkedBlocks(data, blockIds, data.version, now, problems);
  for (const part of ["blocks", "questions"]) {
    if (data[part] !== undefined && !isObject(data[part])) problems.push(setAsideEntry("wrong shape", { [part]: data[part] }, null, now));
  }
  if (typeof data.name === "string" && cleanName(data.name) === data.name) record.name = data.name;
  else if (data.name !== undefined) problems.push(setAsideEntry("wrong shape", { name: data.name }, null, now));
  if (isObject(data.journal)) record.journal = checkedJournal(data.journal, now, problems);
  else if (data.journal !== undefined) problems.push(setAsideEntry("wrong shape", { journal: data.journal }, null, now));
  if (Array.isArray(data.setAside)) addSetAside(record, data.setAside.map((entry) => migrateSetAside(entry, now)));
  return { record, problems, unreadable: null };
}

/**
 * A journal entry, the learner's text for one writing activity: `{text, updated, title?}`, the
 * text within the limit, the date ISO 8601 UTC, the activity's title as it was when written.
 */
const isJournalEntry = (entry) =>
  isObject(entry) &&
  typeof entry.text === "string" &&
  entry.text.length <= JOURNAL_TEXT_MAX_LENGTH &&
  isDateText(entry.updated) &&
  (entry.title === undefined || (typeof entry.title === "string" && entry.title.length <= JOURNAL_TITLE_MAX_LENGTH));

// Kept whatever the activity (one no longer in the course is shown set aside by the journal page);
// an entry of the wrong shape, or too long, is set aside whole, never cut.
function checkedJournal(journal, now, problems) {
  const kept = idMap();
  for (const [id, entry] of Object.entries(journal)) {
    if (isJournalEntry(entry)) kept[id] = { ...entry };
    else problems.push(setAsideEntry("wrong shape", { journal: { [id]: entry } }, null, now));
  }
  return kept;
}

const earlierDate = (first, second) => (!first ? second : !second ? first : Date.parse(first) <= Date.parse(second) ? first : second);
const passDate = (entry) => (isPass(entry) ? entry.passedAt : null);

/**
 * Two entries of one block merged: a pass is never undone, the best score and the attempts are
 * the higher, and the first pass keeps its date. The one rule for a quiz result and a restored file.
 * @returns {object} a new entry (other fields as in `ours`)
 */
export function mergeBlockEntries(ours, theirs) {
  const merged = { ...ours };
  merged.bestScore = Math.max(isScore(ours.bestScore) ? ours.bestScore : 0, isScore(theirs.bestScore) ? theirs.bestScore : 0);
  merged.attempts = Math.max(isCount(ours.attempts) ? ours.attempts : 0, isCount(theirs.attempts) ? theirs.attempts : 0);
  merged.passed = Boolean(passDate(ours) || passDate(theirs));
  if (merged.passed) merged.passedAt = earlierDate(passDate(ours), passDate(theirs));
  return merged;
}

/**
 * Adds one marked quiz attempt to a freshly read record (merging on every write is what lets two
 * tabs share it).
 * @param {object} record
 * @param {string} blockId
 * @param {{score: number, passed: boolean, answers: object}} result
 * @param {Date} [now]
 */
export function addResult(record, blockId, { score, passed, answers }, now = new Date()) {
  const ours = record.blocks[blockId] ?? {};
  const attempt = { bestScore: score, attempts: (isCount(ours.attempts) ? ours.attempts : 0) + 1 };
  if (passed) Object.assign(attempt, { passed: true, passedAt: now.toISOString() });
  record.blocks[blockId] = mergeBlockEntries(ours, attempt);
  Object.assign((record.questions[blockId] ??= idMap()), answers);
}
