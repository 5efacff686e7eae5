// SCORM 1.2 and SCORM 2004: finding the LMS's API object the way ADL's examples do (up the chain
// of parent frames, then from the opener window and its parents), and the values each version
// takes. One connection object serves both versions; runtime.js drives it.
import { message } from "../messages.js";
import { isoDuration, learnerName, scorm12Duration } from "./report.js";

// Whole sentences for a refusal: alone, with the error's code, with its code and text.
const REFUSED_SAVING = ["lms.refused_saving", "lms.refused_saving_code", "lms.refused_saving_code_text"];
const REFUSED_CALL = ["lms.refused_call", "lms.refused_call_code", "lms.refused_call_code_text"];

// ADL's search gives up after this many frames: a frame chain that long is a loop.
const MAX_FRAMES = 500;

const VERSIONS = {
  scorm12: {
    api: "API",
    calls: { start: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish" },
    errors: { last: "LMSGetLastError", text: "LMSGetErrorString" },
    name: "cmi.core.student_name",
    lastNameFirst: true,
    savedLimit: 4096, // CMIString4096
  },
  scorm2004: {
    api: "API_1484_11",
    calls: { start: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate" },
    errors: { last: "GetLastError", text: "GetErrorString" },
    name: "cmi.learner_name",
    lastNameFirst: false,
    savedLimit: 64000, // SCORM 2004 4th edition's suspend_data
  },
};

/** A call the LMS refused, or an LMS that can no longer be reached. */
export class LmsError extends Error {
  constructor(message, { gone = false } = {}) {
    super(message);
    this.gone = gone;
  }
}

function apiUpFrom(start, property) {
  let frame = start;
  for (let depth = 0; frame && depth < MAX_FRAMES; depth++) {
    try {
      if (frame[property]) return frame[property];
      if (!frame.parent || frame.parent === frame) return null;
    } catch {
      return null; // a frame of another origin: the API is never beyond it
    }
    frame = frame.parent;
  }
  return null;
}

/**
 * The LMS's API object: SCORM 1.2 names it `API`, SCORM 2004 `API_1484_11`.
 * @param {string} property "API" or "API_1484_11"
 * @param {Window} [start] the window to search from
 * @returns {object|null}
 */
function findApi(property, start = window) {
  const found = apiUpFrom(start, property);
  if (found) return found;
  try {
    const opener = start.top.opener;
    return opener ? apiUpFrom(opener, property) : null;
  } catch {
    return null;
  }
}

const objectiveStatus12 = (block) => (block.passed ? "passed" : block.attempted ? "failed" : "not attempted");
const successStatus = (block) => (block.passed ? "passed" : block.attempted ? "failed" : "unknown");
const completionStatus = (block) => (block.passed ? "completed" : block.attempted ? "incomplete" : "not attempted");
const scaled = (percent) => (percent / 100).toFixed(4);

function scorm12Values(report, indices) {
  const values = [["cmi.core.lesson_status", report.passed ? "passed" : report.everyAttempted ? "failed" : "incomplete"]];
  if (report.score !== null) values.push(["cmi.core.score.raw", String(report.score)], ["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"]);
  for (const block of report.blocks) {
    const prefix = `cmi.objectives.${indices.get(block.id)}.`;
    values.push([prefix + "id", block.id]);
    if (block.score !== null) values.push([prefix + "score.raw", String(block.score)], [prefix + "score.min", "0"], [prefix + "score.max", "100"]);
    values.push([prefix + "status", objectiveStatus12(block)]);
  }
  return values;
}

function scorm2004Values(report, indices) {
  const values = [
    ["cmi.completion_status", report.passed ? "completed" : "incomplete"],
    ["cmi.success_status", report.passed ? "passed" : report.everyAttempted ? "failed" : "unknown"],
    ["cmi.progress_measure", report.progress.toFixed(4)],
  ];
  if (report.score !== null) {
    values.push(["cmi.score.scaled", scaled(report.score)], ["cmi.score.raw", String(report.score)]);
    values.push(["cmi.score.min", "0"], ["cmi.score.max", "100"]);
  }
  for (const block of report.blocks) {
    const prefix = `cmi.objectives.${indices.get(block.id)}.`;
    values.push([prefix + "id", block.id]);
    if (block.score !== null) {
      values.push([prefix + "score.scaled", scaled(block.score)], [prefix + "score.raw", String(block.score)]);
      values.push([prefix + "score.min", "0"], [prefix + "score.max", "100"]);
    }
    values.push([prefix + "success_status", successStatus(block)], [prefix + "completion_status", completionStatus(block)]);
  }
  return values;
}

/**
 * What the LMS is told, in order: status, score, each block as an objective, the saved record.
 * @param {"scorm12"|"scorm2004"} version
 * @param {object} report runtime's courseReport
 * @param {Map<string, number>} indices each block's objective index
 * @param {string|null} saved the record as text (report.js's savedText)
 * @returns {[string, string][]}
 */
function scormValues(version, report, indices, saved) {
  const values = version === "scorm12" ? scorm12Values(report, indices) : scorm2004Values(report, indices);
  if (saved !== null) values.push(["cmi.suspend_data", saved]);
  values.push([version === "scorm12" ? "cmi.core.exit" : "cmi.exit", "suspend"]);
  return values;
}

class ScormConnection {
  constructor(version, api) {
    Object.assign(this, { version, api, names: VERSIONS[version], indices: new Map(), startedAt: Date.now() });
    this.savedLimit = this.names.savedLimit;
  }

  call(which, ...args) {
    let result;
    try {
      result = this.api[this.names.calls[which]](...args);
    } catch {
      throw new LmsError(message("lms.gone"), { gone: true });
    }
    if (which !== "get" && String(result) !== "true") throw this.refusal(which, args[0]);
    return result;
  }

  refusal(which, element) {
    let code = "";
    let text = "";
    try {
      code = String(this.api[this.names.errors.last]());
      text = String(this.api[this.names.errors.text](code));
    } catch {
      // the error is enough without its text
    }
    // One whole sentence for each case: what was refused, with the error's code and text if any.
    const detail = code && code !== "0" ? (text ? 2 : 1) : 0;
    const keys = which === "set" ? REFUSED_SAVING : REFUSED_CALL;
    return new LmsError(message(keys[detail], { element, call: this.names.calls[which], code, text }));
  }

  get(element) {
    return String(this.call("get", element) ?? "");
  }

  /** Initialise; the learner's name and the record the LMS kept. */
  start(blockIds) {
    this.call("start", "");
    const count = Number.parseInt(this.get("cmi.objectives._count"), 10) || 0;
    for (let index = 0; index < count; index++) this.indices.set(this.get(`cmi.objectives.${index}.id`), index);
    for (const id of blockIds) if (!this.indices.has(id)) this.indices.set(id, this.indices.size);
    return { name: learnerName(this.get(this.names.name), this.names.lastNameFirst), saved: this.get("cmi.suspend_data") };
  }

  /** Every value again (a refused one is sent again next time, so nothing is lost); then commit. */
  report(report, saved, { commit }) {
    for (const [element, value] of scormValues(this.version, report, this.indices, saved)) this.call("set", element, value);
    if (commit) this.call("commit", "");
  }

  /** The session's time, a last commit, and the end of the session. */
  finish(report, saved) {
    const elapsed = Date.now() - this.startedAt;
    const time = this.version === "scorm12" ? ["cmi.core.session_time", scorm12Duration(elapsed)] : ["cmi.session_time", isoDuration(elapsed)];
    try {
      this.report(report, saved, { commit: false });
      this.call("set", ...time);
      this.call("commit", "");
    } finally {
      this.call("finish", "");
    }
  }
}

/**
 * A connection to the SCORM LMS that launched the course, or null when none can be found.
 * @param {"scorm12"|"scorm2004"} version
 * @param {Window} [start]
 * @returns {ScormConnection|null} with `savedLimit`, `start(blockIds)`, `report(report, saved, {commit})`, `finish(report, saved)`
 */
export function connectScorm(version, start = window) {
  const api = findApi(VERSIONS[version].api, start);
  return api ? new ScormConnection(version, api) : null;
}
