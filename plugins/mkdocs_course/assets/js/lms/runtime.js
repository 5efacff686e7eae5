// The LMS runtime, on the launch page of an LMS package (lms.html) and nowhere else. The launch
// page holds the course's pages in a frame, so the one LMS session lasts while the learner moves
// from page to page. It connects to the LMS that launched it (SCORM 1.2, SCORM 2004 or cmi5),
// restores the learner's record the LMS kept into this browser's, then opens the course; it
// reports each marked attempt (the course's pages save the record; the storage event and
// course:record-saved say so) and finishes the session when the learner leaves. When the LMS
// refuses a call or cannot be reached, the course goes on, a notice says so, and the next
// report sends everything again: the record stays in this browser all along.
import { message } from "../messages.js";
import { addSetAside, cleanName, emptyRecord } from "../record.js";
import { readStoredText } from "../store.js";
import { connectCmi5 } from "./cmi5.js";
import { courseReport, mergeSaved, savedText } from "./report.js";
import { connectScorm } from "./scorm.js";

// This file is served at <site>/assets/course/js/lms/runtime.js; course.js finds the same root.
const siteRoot = new URL("../../../../", import.meta.url);


const session = {
  course: null,
  storageKey: "",
  blockIds: [],
  connection: null,
  lmsRecord: emptyRecord(), // what the LMS is told: never loses a pass, even if this browser's record is deleted
  sentResults: "",
  sentSaved: null,
  queue: Promise.resolve(),
  failing: false,
  finished: false,
};

function showNotice(text) {
  document.querySelector(".course-lms__notice").textContent = text;
}

/** This browser's record, repaired; `writable` false when storage is blocked or holds a record this code cannot read. */
function readLocal() {
  let text;
  try {
    text = localStorage.getItem(session.storageKey);
  } catch {
    return { record: null, writable: false };
  }
  const { record, problems, unreadable } = readStoredText(text, session.blockIds);
  if (unreadable) return { record: null, writable: false };
  if (problems.length) addSetAside(record, problems);
  return { record, writable: true };
}

function writeLocal(record) {
  try {
    localStorage.setItem(session.storageKey, JSON.stringify(record));
  } catch {
    // blocked or full: the course's pages keep the record in memory and say so themselves
  }
}

/** The record the LMS kept, merged into this browser's before the course opens; the LMS's name when the record has none. */
function restore({ name, saved }) {
  const local = readLocal();
  const kept = readStoredText(saved || null, session.blockIds);
  const theirs = kept.unreadable ? emptyRecord() : kept.record;
  const { record } = mergeSaved(local.record ?? emptyRecord(), theirs, kept.problems);
  if (!record.name && name) record.name = cleanName(name);
  session.lmsRecord = record;
  if (local.writable && JSON.stringify(record) !== JSON.stringify(local.record)) writeLocal(record);
}

function currentRecord(announced) {
  const ours = readLocal().record ?? announced ?? emptyRecord();
  session.lmsRecord = mergeSaved(ours, session.lmsRecord, [], { keepOurDrafts: true }).record;
  return session.lmsRecord;
}

function fittedText(record) {
  const fitted = savedText(record, session.connection.savedLimit);
  if (!fitted || fitted.kept === "results") showNotice(message("lms.too_large"));
  return fitted ? fitted.text : null;
}

function problemNotice(error) {
  const problem = error && error.message ? error.message : message("lms.no_answer");
  return message(error && error.gone ? "lms.problem_gone" : "lms.problem", { problem });
}

// One report at a time, in order: cmi5's requests must not overtake each other.
function enqueue(task) {
  session.queue = session.queue.then(task).then(
    () => {
      if (session.failing) showNotice(message("lms.again"));
      session.failing = false;
    },
    (error) => {
      session.failing = true;
      showNotice(problemNotice(error));
    },
  );
  return session.queue;
}

/**
 * Tells the LMS what changed: the course's status, score and objectives, with a commit, when a
 * result changed (a marked attempt) or `commit` asks; otherwise only the saved record.
 * @param {object} [announced] the record a page announced (used when storage is blocked)
 * @param {{commit?: boolean}} [options]
 */
function sync(announced, { commit = false } = {}) {
  if (!session.connection || session.finished) return session.queue;
  const record = currentRecord(announced);
  const report = courseReport(record, session.course);
  const saved = fittedText(record);
  const results = JSON.stringify(report);
  const changed = results !== session.sentResults;
  if (!commit && !changed && saved === session.sentSaved) return session.queue;
  return enqueue(async () => {
    await session.connection.report(report, saved, { commit: commit || changed });
    Object.assign(session, { sentResults: results, sentSaved: saved });
  });
}

/** The learner leaves: the last report, the session's time, and the end of the session. */
function finish() {
  if (!session.connection || session.finished) return;
  session.finished = true;
  const record = currentRecord();
  try {
    const sent = session.connection.finish(courseReport(record, session.course), fittedText(record));
    if (sent && sent.catch) sent.catch(() => {});
  } catch {
    // the page is going: nothing is left to tell the learner, and the record stays in this browser
  }
}

function openCourse() {
  const frame = document.querySelector(".course-lms__frame");
  // Each page the frame loads announces its saves (store.js); instant navigation keeps one window.
  frame.addEventListener("load", () => {
    try {
      frame.contentWindow.addEventListener("course:record-saved", (event) => sync(event.detail && event.detail.record));
    } catch {
      // a page of another site: it has no record of this course
    }
  });
  frame.src = new URL(session.course.homeUrl, siteRoot).href;
}

function connect(format) {
  if (format === "cmi5") return connectCmi5(location.search);
  return connectScorm(format, window);
}

async function start() {
  const course = JSON.parse(document.getElementById("course-lms-data").textContent);
  Object.assign(session, { course, blockIds: course.blocks.map((block) => block.id) });
  session.storageKey = `mkdocs-course:v1:${siteRoot.href}:${course.courseId}`;
  const connection = connect(course.format);
  if (!connection) showNotice(message("lms.no_lms"));
  else {
    try {
      restore(await connection.start(session.blockIds));
      session.connection = connection;
      await sync(undefined, { commit: true });
    } catch (error) {
      showNotice(problemNotice({ message: error && error.message, gone: true }));
    }
  }
  addEventListener("storage", (event) => {
    if (event.key === null || event.key === session.storageKey) sync();
  });
  addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") sync(undefined, { commit: true });
  });
  addEventListener("pagehide", finish);
  openCourse();
}

start();
