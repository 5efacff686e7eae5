// What the course reports to an LMS, worked out from the learner's record alone (pure, so the
// same record gives the same report in every format): each block's standing, the course's score
// and status, the record as it fits the LMS's saved-data field, and a saved record merged back in.
import { addSetAside, idMap, isObject, isPass, mergeBlockEntries } from "../record.js";
import { mergeJournals } from "../record-journal.js";

const hasAttempt = (entry) => isObject(entry) && ((Number.isInteger(entry.attempts) && entry.attempts > 0) || isPass(entry));
const roundedDown = (value) => Math.floor(value * 100 + 1e-9) / 100;

/**
 * A block's best score on the course's scale: scaled so that its pass mark lands on the mastery
 * score (0 stays 0, 100 stays 100), and on the right side of it whatever the pass mark became
 * since, so the course score meets the mastery score exactly when every block is passed.
 */
export function standing(bestScore, passMark, masteryScore, passed) {
  let scaled;
  if (bestScore >= passMark) scaled = passMark >= 100 ? 100 : masteryScore + ((bestScore - passMark) * (100 - masteryScore)) / (100 - passMark);
  else scaled = (bestScore * masteryScore) / passMark;
  if (passed) return Math.max(scaled, masteryScore);
  return Math.min(scaled, masteryScore - 0.01);
}

/**
 * The course as the LMS is told it.
 * @param {object} record the learner's record (record.js)
 * @param {{blocks: {id: string, passMark: number}[], masteryScore: number}} course the launch data
 * @returns {{blocks: {id: string, attempted: boolean, passed: boolean, score: number|null}[],
 *   passed: boolean, everyAttempted: boolean, score: number|null, progress: number}} `score`
 *   (percent, two decimals, rounded down) once every block has been tried: the weakest block's
 *   standing; `passed` once every block is passed; `progress` the share of blocks passed
 */
export function courseReport(record, course) {
  const blocks = course.blocks.map((block) => {
    const entry = Object.hasOwn(record.blocks, block.id) ? record.blocks[block.id] : undefined;
    const attempted = hasAttempt(entry);
    const passed = isPass(entry);
    const best = attempted && typeof entry.bestScore === "number" ? entry.bestScore : attempted ? 0 : null;
    return { id: block.id, attempted, passed, score: best, passMark: block.passMark };
  });
  const everyAttempted = blocks.length > 0 && blocks.every((block) => block.attempted);
  const standings = blocks.map((block) => standing(block.score ?? 0, block.passMark, course.masteryScore, block.passed));
  const passedCount = blocks.filter((block) => block.passed).length;
  return {
    blocks: blocks.map(({ id, attempted, passed, score }) => ({ id, attempted, passed, score })),
    passed: blocks.length > 0 && passedCount === blocks.length,
    everyAttempted,
    score: everyAttempted ? roundedDown(Math.min(...standings)) : null,
    progress: blocks.length ? passedCount / blocks.length : 0,
  };
}

const withoutDrafts = (blocks) =>
  idMap(Object.entries(blocks).map(([id, entry]) => [id, Object.fromEntries(Object.entries(entry).filter(([field]) => field !== "draft"))]));
const passesOnly = (blocks) => idMap(Object.entries(withoutDrafts(blocks)).filter(([, entry]) => hasAttempt(entry)));

/**
 * The record as text for the LMS's saved-data field, within `limit` characters (SCORM 1.2 keeps
 * 4,096). The journal (the learner's writing) goes in only while everything fits with it: it stays
 * in this browser and the progress file otherwise. What gives way next: the parts set aside, then the unfinished attempts (drafts), then
 * the answers per question, then the name (the LMS knows it); the results of every tried block
 * are kept to the last. The text is a record in record.js's format.
 * @returns {{text: string, kept: string}|null} `kept` names what is in it; null when even the
 *   results do not fit
 */
export function savedText(record, limit) {
  const { version, blocks, questions, name, setAside, journal } = record;
  const tries = [
    ...(journal && Object.keys(journal).length ? [["everything and the journal", { version, blocks, questions, name, setAside, journal }]] : []),
    ["everything", { version, blocks, questions, name, setAside }],
    ["results, drafts, answers and name", { version, blocks, questions, name }],
    ["results, answers and name", { version, blocks: withoutDrafts(blocks), questions, name }],
    ["results and name", { version, blocks: withoutDrafts(blocks), name }],
    ["results", { version, blocks: passesOnly(blocks) }],
  ];
  for (const [kept, data] of tries) {
    const text = JSON.stringify(data);
    if (text.length <= limit) return { text, kept };
  }
  return null;
}

/**
 * `theirs` (the record the LMS kept, repaired) merged into `ours` (this browser's): a pass is never
 * undone and the best score is the higher (record.js's mergeBlockEntries); this browser's
 * unfinished attempt, answers and name come first, the LMS's fill what this browser lacks
 * (unless `keepOurDrafts`: then an attempt this browser finished stays finished).
 * @param {object} ours
 * @param {object} theirs
 * @param {object[]} [problems] set-aside entries from reading `theirs`
 * @param {{keepOurDrafts?: boolean}} [options]
 * @returns {{record: object, changed: boolean}} a new record; `changed` when it differs from `ours`
 */
export function mergeSaved(ours, theirs, problems = [], { keepOurDrafts = false } = {}) {
  const record = structuredClone(ours);
  record.blocks = idMap(Object.entries(record.blocks));
  record.questions = idMap(Object.entries(record.questions));
  for (const [id, entry] of Object.entries(theirs.blocks)) {
    const own = record.blocks[id];
    const merged = own ? mergeBlockEntries(own, entry) : { ...entry };
    if (own && !own.draft && entry.draft && !keepOurDrafts) merged.draft = entry.draft;
    record.blocks[id] = merged;
  }
  for (const [id, answers] of Object.entries(theirs.questions)) {
    record.questions[id] = idMap([...Object.entries(answers), ...Object.entries(record.questions[id] ?? {})]);
  }
  if (!record.name && theirs.name) record.name = theirs.name;
  // The text written last wins; the other is this learner's earlier draft, not set aside.
  mergeJournals(record, theirs.journal);
  addSetAside(record, [...theirs.setAside, ...problems]);
  return { record, changed: JSON.stringify(record) !== JSON.stringify(ours) };
}

/** A name as the LMS gives it, as the statement prints it: SCORM 1.2's "Last, First" turned round. */
export function learnerName(text, lastNameFirst = false) {
  const name = String(text ?? "").trim();
  if (!lastNameFirst || !name.includes(",")) return name;
  const comma = name.indexOf(",");
  return `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`.trim();
}

/** Session time in ISO 8601 (SCORM 2004's cmi.session_time, xAPI's duration): "PT1H2M3.45S". */
export function isoDuration(milliseconds) {
  const hundredths = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  return `PT${hours ? hours + "H" : ""}${minutes ? minutes + "M" : ""}${seconds}S`;
}

/** Session time as SCORM 1.2's CMITimespan: "HHHH:MM:SS.SS" (hours at most 9999). */
export function scorm12Duration(milliseconds) {
  const hundredths = Math.min(Math.max(0, Math.round(milliseconds / 10)), 9999 * 360000 + 359999);
  const pad = (value, length) => String(value).padStart(length, "0");
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths % 100, 2)}`;
}
