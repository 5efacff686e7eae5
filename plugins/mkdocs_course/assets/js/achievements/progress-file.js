// The progress file: "Save my progress" writes the learner's record into it, "Restore progress"
// reads it back. The record inside is read by the same rules as the stored record (record.js), so
// a file and storage holding the same record give the same passes. Beside the record the file
// carries the lessons visited (docs/architecture.md, "Visits"), which the browser keeps apart.
import { addSetAside, idMap, isObject, jsonNesting, MAX_NESTING, mergeBlockEntries, repairRecord, setAsideEntry } from "../record.js";
import { mergeJournals } from "../record-journal.js";
import { fileName } from "../downloads.js";
import { message } from "../messages.js";
import { messagesLocale } from "../message-formats.js";

export const PROGRESS_FILE_FORMAT = "mkdocs-course-record";
export const PROGRESS_FILE_VERSION = 1;
export const MAX_PROGRESS_FILE_BYTES = 1024 * 1024;

/** A file the learner chose that cannot be restored; its message is for the learner. */
export class ProgressFileError extends Error {
  constructor(message) {
    super(message);
    this.name = "ProgressFileError";
  }
}

const notARecord = () => new ProgressFileError(message("achievements.not_a_record"));
const megabytes = (bytes) =>
  new Intl.NumberFormat(messagesLocale(), { style: "unit", unit: "megabyte", minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(bytes / (1024 * 1024));

const today = (now) => now.toISOString().slice(0, 10);

/** The file's name: <course id>-progress-<yyyy-mm-dd>.json in English (achievements.progress_file_name). */
export function progressFileName(courseId, now = new Date()) {
  return fileName("achievements.progress_file_name", { course: courseId, date: today(now) });
}

/** The set-aside data's file name: <course id>-set-aside-<yyyy-mm-dd>.json in English. */
export function setAsideFileName(courseId, now = new Date()) {
  return fileName("achievements.set_aside_file_name", { course: courseId, date: today(now) });
}

/**
 * The text of the file for the whole record.
 * `visits`: the site-root URLs of the lessons visited, the latest last (added in version 1 as an
 * optional field, so a site that does not read it still restores the record).
 */
export function serialiseProgress({ courseId, courseTitle = "", siteUrl = "", record, visits = [], now = new Date() }) {
  const file = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    courseId,
    courseTitle,
    siteUrl,
    savedAt: now.toISOString(),
    note: message("achievements.progress_file_note"),
    record,
    visits,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function fileContent(text, courseId) {
  // Refused before parsing: JSON nested thousands deep overflows the stack later on.
  if (jsonNesting(text) > MAX_NESTING) throw notARecord();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw notARecord();
  }
  if (!isObject(data) || data.format !== PROGRESS_FILE_FORMAT || !isObject(data.record)) throw notARecord();
  if (data.version !== PROGRESS_FILE_VERSION) {
    throw new ProgressFileError(message("achievements.newer_format", { version: String(data.version) }));
  }
  if (courseId && data.courseId !== courseId) {
    const named = typeof data.courseTitle === "string" && data.courseTitle;
    throw new ProgressFileError(
      named ? message("achievements.other_course", { title: data.courseTitle }) : message("achievements.other_course_unnamed"),
    );
  }
  return data;
}

// As long as a visited lesson's URL may be: a lesson's site-root URL is far shorter.
const VISIT_URL_MAX_LENGTH = 2000;
const isVisitUrl = (url) => typeof url === "string" && url.length > 0 && url.length <= VISIT_URL_MAX_LENGTH;

// A file saved before visits were kept has none; a field of the wrong shape, or entries that are
// not URLs, are set aside like any damaged part, and the rest of the file is restored.
function checkedVisits(visits, now, problems) {
  if (visits === undefined) return [];
  if (!Array.isArray(visits)) {
    problems.push(setAsideEntry("wrong shape", { visits }, null, now));
    return [];
  }
  const wrong = visits.filter((url) => !isVisitUrl(url));
  if (wrong.length) problems.push(setAsideEntry("wrong shape", { visits: wrong }, null, now));
  return visits.filter(isVisitUrl);
}

/**
 * The record in a progress file's text, read as a stored record is read.
 * @param {string} text
 * @param {{courseId: string, blockIds: string[], now?: Date}} course
 * @returns {{record: object, problems: object[], visits: string[]}} `problems`: the parts to set
 *   aside; `visits`: the lessons the file says were visited, the latest last (none in older files)
 */
export function parseProgressText(text, { courseId, blockIds, now = new Date() }) {
  const content = fileContent(text, courseId);
  const { record, problems, unreadable } = repairRecord({ version: 1, ...content.record }, blockIds, now);
  if (unreadable) throw new ProgressFileError(message("achievements.unknown_record_format"));
  const visits = checkedVisits(content.visits, now, problems);
  return { record, problems, visits };
}

/** Reads a File chosen by the learner; refuses anything over the size limit before reading it. */
export async function readProgressFile(file, course) {
  if (file.size > MAX_PROGRESS_FILE_BYTES) {
    throw new ProgressFileError(
      message("achievements.file_too_large", { size: megabytes(file.size), limit: megabytes(MAX_PROGRESS_FILE_BYTES) }),
    );
  }
  return parseProgressText(await file.text(), course);
}

function mergeBlocks(record, incoming) {
  const changed = [];
  for (const [id, theirs] of Object.entries(incoming.blocks)) {
    const ours = record.blocks[id];
    const merged = ours ? mergeBlockEntries(ours, theirs) : { ...theirs };
    if (!ours && incoming.questions[id]) record.questions[id] = incoming.questions[id];
    if (JSON.stringify(merged) !== JSON.stringify(ours)) changed.push(id);
    record.blocks[id] = merged;
  }
  return changed;
}

/**
 * The browser's record with a read file merged in: a pass is never undone (record.js's
 * mergeBlockEntries), and what the file holds that cannot be used is set aside, never dropped.
 * @param {object} local the browser's record (not changed)
 * @param {{record: object, problems: object[]}} read what parseProgressText read
 * The journal merges per activity: the text written last wins, and the other is set aside.
 * @returns {{record: object, changed: string[], journal: number, setAside: number}} `changed`:
 *   block ids the file added to; `journal`: how many journal texts came from the file;
 *   `setAside`: how many parts of the file were set aside
 * @throws {ProgressFileError} before anything changes, when the set-aside parts do not fit
 */
export function restoreProgress(local, { record: incoming, problems }) {
  const record = structuredClone(local);
  record.blocks = idMap(Object.entries(record.blocks));
  record.questions = idMap(Object.entries(record.questions));
  const changed = mergeBlocks(record, incoming);
  if (!record.name && incoming.name) record.name = incoming.name;
  const journal = mergeJournals(record, incoming.journal);
  if (addSetAside(record, [...incoming.setAside, ...problems, ...journal.older]).length) {
    throw new ProgressFileError(message("achievements.too_much_set_aside"));
  }
  return { record, changed, journal: journal.changed.length, setAside: problems.length };
}
