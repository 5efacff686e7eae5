// The portable learner record: "Save my progress" writes it, "Restore progress" reads it back.
// Reading is strict about what a record is (clear errors, a size limit) and merging never loses
// a pass the browser already has.

export const RECORD_FILE_FORMAT = "mkdocs-course-record";
export const RECORD_FILE_VERSION = 1;
export const MAX_RECORD_FILE_BYTES = 1024 * 1024;

export class RecordFileError extends Error {
  constructor(message) {
    super(message);
    this.name = "RecordFileError";
  }
}

const NOT_A_RECORD = "This file is not a progress record from this course. Choose the file that \u201cSave my progress\u201d downloaded.";

function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The file's name: <course id>-progress-<yyyy-mm-dd>.json, safe on every file system. */
export function recordFileName(courseId, now = new Date()) {
  const safe = String(courseId).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "course";
  return `${safe}-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** The text of the file for the whole record. */
export function serialiseRecord({ courseId, courseTitle = "", siteUrl = "", record, now = new Date() }) {
  return `${JSON.stringify({
    format: RECORD_FILE_FORMAT,
    version: RECORD_FILE_VERSION,
    courseId,
    courseTitle,
    siteUrl,
    savedAt: now.toISOString(),
    note: "Your progress in this course, saved from your browser. Restore it with \u201cRestore progress\u201d on the course's achievements page.",
    record,
  }, null, 2)}\n`;
}

function checkBlock(id, block) {
  const where = `the block \u201c${id}\u201d`;
  if (!isObject(block)) throw new RecordFileError(`The progress file is damaged: ${where} is not a record.`);
  if ("passed" in block && typeof block.passed !== "boolean") throw new RecordFileError(`The progress file is damaged: ${where} has no clear pass or fail.`);
  if ("bestScore" in block && !(typeof block.bestScore === "number" && block.bestScore >= 0 && block.bestScore <= 100)) {
    throw new RecordFileError(`The progress file is damaged: the best score of ${where} is not a percentage.`);
  }
  if (block.passed && Number.isNaN(new Date(block.passedAt).getTime())) {
    throw new RecordFileError(`The progress file is damaged: ${where} is passed but has no date.`);
  }
  if ("attempts" in block && !(Number.isInteger(block.attempts) && block.attempts >= 0)) {
    throw new RecordFileError(`The progress file is damaged: the attempts of ${where} are not a count.`);
  }
}

/** The record inside the file's text; throws RecordFileError with a message for the learner. */
export function parseRecordText(text, { courseId } = {}) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RecordFileError(NOT_A_RECORD);
  }
  if (!isObject(data) || data.format !== RECORD_FILE_FORMAT || !isObject(data.record)) {
    throw new RecordFileError(NOT_A_RECORD);
  }
  if (data.version !== RECORD_FILE_VERSION) {
    throw new RecordFileError(`This progress file was saved by a newer version of the course site (format ${String(data.version)}); it cannot be read here.`);
  }
  if (courseId && data.courseId !== courseId) {
    const other = data.courseTitle ? `\u201c${data.courseTitle}\u201d` : "another course";
    throw new RecordFileError(`This progress file is for ${other}, not for this course.`);
  }
  const { record } = data;
  if (record.version !== undefined && record.version !== 1) {
    throw new RecordFileError("The progress file holds a record in a format this site does not know.");
  }
  if (!isObject(record.blocks)) throw new RecordFileError("The progress file is damaged: it has no blocks.");
  for (const [id, block] of Object.entries(record.blocks)) checkBlock(id, block);
  if (record.name !== undefined && (typeof record.name !== "string" || record.name.length > 300)) {
    throw new RecordFileError("The progress file is damaged: the name in it is not text.");
  }
  return record;
}

/** Reads a File/Blob chosen by the learner; refuses anything over the size limit before reading. */
export async function readRecordFile(file, options = {}) {
  if (file.size > MAX_RECORD_FILE_BYTES) {
    throw new RecordFileError(`This file is ${megabytes(file.size)}; a progress record is much smaller (at most ${megabytes(MAX_RECORD_FILE_BYTES)}). Choose the file that \u201cSave my progress\u201d downloaded.`);
  }
  return parseRecordText(await file.text(), options);
}

function earlier(a, b) {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() <= new Date(b).getTime() ? a : b;
}

/**
 * Merges a restored record into the browser's: a pass is never undone, the best score is the
 * higher, the first pass date is kept. Blocks the course no longer has (when `blockIds` is given)
 * are set aside with the reason, not dropped. Returns {record, changed: [block ids]}.
 */
export function mergeRecords(local, incoming, { blockIds } = {}) {
  const base = isObject(local) ? JSON.parse(JSON.stringify(local)) : {};
  const merged = { version: 1, blocks: {}, questions: {}, name: "", setAside: [], ...base };
  merged.blocks = { ...(base.blocks || {}) };
  merged.questions = { ...(base.questions || {}) };
  merged.setAside = [...(base.setAside || [])];
  const known = blockIds ? new Set(blockIds) : null;
  const changed = [];
  for (const [id, theirs] of Object.entries(incoming.blocks || {})) {
    if (known && !known.has(id)) {
      merged.setAside.push({ reason: `restored block \u201c${id}\u201d is not in this course`, value: theirs });
      continue;
    }
    const ours = merged.blocks[id];
    if (!ours) {
      merged.blocks[id] = JSON.parse(JSON.stringify(theirs));
      if (incoming.questions && incoming.questions[id]) merged.questions[id] = incoming.questions[id];
      changed.push(id);
      continue;
    }
    const next = { ...ours };
    next.bestScore = Math.max(ours.bestScore ?? 0, theirs.bestScore ?? 0);
    next.attempts = Math.max(ours.attempts ?? 0, theirs.attempts ?? 0);
    next.passed = Boolean(ours.passed || theirs.passed);
    if (next.passed) {
      next.passedAt = earlier(ours.passed ? ours.passedAt : null, theirs.passed ? theirs.passedAt : null);
    }
    if (JSON.stringify(next) !== JSON.stringify(ours)) changed.push(id);
    merged.blocks[id] = next;
  }
  if (!merged.name && typeof incoming.name === "string") merged.name = incoming.name;
  return { record: merged, changed };
}
