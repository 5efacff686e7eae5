// cmi5: the launch parameters, the one-time authorisation token, LMS.LaunchData from the State
// API, the statements an AU sends (initialized, passed or failed, completed, terminated) and the
// learner's record kept as a state document. A few fetch calls, written here rather than loading
// an xAPI client library (@xapi/cmi5 brings axios and a whole LRS client for these five requests).
import { message } from "../messages.js";
import { isoDuration } from "./report.js";
import { LmsError } from "./scorm.js";

const XAPI_VERSION = "1.0.3";
const VERB_BASE = "http://adlnet.gov/expapi/verbs/";
const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVE_ON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/** The state document that keeps the learner's record (and what was sent) between sessions. */
const RECORD_STATE_ID = "https://w3id.org/xapi/mkdocs-course/state/record";

/**
 * The launch parameters the LMS adds to the launch URL (cmi5 8.1), or null when one is missing.
 * @param {string} search the launch URL's query, `location.search`
 * @returns {{endpoint: string, fetchUrl: string, actor: object, registration: string, activityId: string}|null}
 */
function launchParameters(search) {
  const parameters = new URLSearchParams(search);
  const names = ["endpoint", "fetch", "actor", "registration", "activityId"];
  if (!names.every((name) => parameters.get(name))) return null;
  let actor;
  try {
    actor = JSON.parse(parameters.get("actor"));
  } catch {
    return null;
  }
  const endpoint = parameters.get("endpoint");
  return {
    endpoint: endpoint.endsWith("/") ? endpoint : endpoint + "/",
    fetchUrl: parameters.get("fetch"),
    actor,
    registration: parameters.get("registration"),
    activityId: parameters.get("activityId"),
  };
}

const newId = () => crypto.randomUUID();

function statementContext(launchData, registration, { moveOn, masteryScore }) {
  const template = structuredClone(launchData.contextTemplate ?? {});
  const activities = template.contextActivities ?? {};
  const category = [...(activities.category ?? []), { id: CMI5_CATEGORY, objectType: "Activity" }];
  if (moveOn) category.push({ id: MOVE_ON_CATEGORY, objectType: "Activity" });
  const context = { ...template, registration, contextActivities: { ...activities, category } };
  if (masteryScore !== undefined) context.extensions = { ...template.extensions, [MASTERY_EXTENSION]: masteryScore };
  return context;
}

/**
 * A cmi5 defined statement (cmi5 9): the LMS's actor and activity, the context template with the
 * cmi5 category (and moveOn's, when the result says success or completion).
 * @param {string} verb "initialized", "passed", "failed", "completed" or "terminated"
 * @param {{launch: object, launchData: object}} session
 * @param {{result?: object, masteryScore?: number, timestamp?: Date}} [extra] `timestamp`: when (default now)
 */
function cmi5Statement(verb, { launch, launchData }, { result, masteryScore, timestamp = new Date() } = {}) {
  const moveOn = Boolean(result && ("success" in result || "completion" in result));
  const statement = {
    id: newId(),
    actor: launch.actor,
    verb: { id: VERB_BASE + verb, display: { "en-US": verb } },
    object: { id: launch.activityId, objectType: "Activity" },
    context: statementContext(launchData, launch.registration, { moveOn, masteryScore }),
    timestamp: timestamp.toISOString(),
  };
  if (result) statement.result = result;
  return statement;
}

class Cmi5Connection {
  constructor(launch) {
    Object.assign(this, { launch, token: "", launchData: {}, sent: {}, sessionVerbs: new Set(), startedAt: Date.now() });
    this.savedLimit = 32000; // the last save travels in a keepalive request, which may carry 64 KB
  }

  async request(path, { method = "GET", query = {}, body, keepalive = false, missingIsNull = false } = {}) {
    const url = new URL(path, this.launch.endpoint);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers = { Authorization: "Basic " + this.token, "X-Experience-API-Version": XAPI_VERSION };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), keepalive });
    } catch {
      throw new LmsError(message("lms.gone"), { gone: true });
    }
    if (missingIsNull && response.status === 404) return null;
    if (!response.ok) throw new LmsError(message("lms.refused_request", { status: String(response.status) }));
    return response.status === 204 ? null : response.json().catch(() => null);
  }

  stateQuery(stateId) {
    const { activityId, actor, registration } = this.launch;
    return { stateId, activityId, agent: JSON.stringify(actor), registration };
  }

  async fetchToken() {
    let answer;
    try {
      answer = await (await fetch(this.launch.fetchUrl, { method: "POST" })).json();
    } catch {
      throw new LmsError(message("lms.no_token"), { gone: true });
    }
    if (!answer || typeof answer["auth-token"] !== "string") {
      const error = answer?.["error-text"];
      throw new LmsError(error === undefined ? message("lms.refused_sign_in_no_token") : message("lms.refused_sign_in", { error: String(error) }));
    }
    this.token = answer["auth-token"];
  }

  /** The token, LMS.LaunchData, the kept record; then the initialized statement. */
  async start() {
    await this.fetchToken();
    this.launchData = (await this.request("activities/state", { query: this.stateQuery("LMS.LaunchData") })) ?? {};
    const kept = await this.request("activities/state", { query: this.stateQuery(RECORD_STATE_ID), missingIsNull: true });
    this.sent = { ...kept?.sent };
    await this.send(["initialized"]);
    return { name: String(this.launch.actor?.name ?? ""), saved: typeof kept?.record === "string" ? kept.record : "" };
  }

  get judged() {
    return this.launchData.launchMode === undefined || this.launchData.launchMode === "Normal";
  }

  // Passed and completed once per registration, as soon as they are true; the LMS's masteryScore,
  // when it gives one, decides the pass (cmi5 10.2.4). A fail waits for the end of the session:
  // a session may carry only one of passed and failed, and the learner may still pass.
  dueVerbs(report, { ending }) {
    if (!this.judged || report.score === null) return [];
    const mastery = typeof this.launchData.masteryScore === "number" ? this.launchData.masteryScore : null;
    const passed = mastery === null ? report.passed : report.score / 100 >= mastery;
    const due = [];
    if (passed && !this.sent.passed && !this.sessionVerbs.has("failed")) due.push("passed");
    if (report.passed && !this.sent.completed) due.push("completed");
    if (ending && !passed && !this.sent.passed && !this.sessionVerbs.has("failed")) due.push("failed");
    return due;
  }

  statementFor(verb, report, timestamp) {
    const duration = isoDuration(timestamp.getTime() - this.startedAt);
    if (verb === "completed") return cmi5Statement(verb, this, { result: { completion: true, duration }, timestamp });
    if (verb === "initialized") return cmi5Statement(verb, this, { timestamp });
    if (verb === "terminated") return cmi5Statement(verb, this, { result: { duration }, timestamp });
    const result = { score: { scaled: Number((report.score / 100).toFixed(4)) }, success: verb === "passed", duration };
    const mastery = typeof this.launchData.masteryScore === "number" ? this.launchData.masteryScore : undefined;
    return cmi5Statement(verb, this, { result, masteryScore: mastery, timestamp });
  }

  async send(verbs, report, { keepalive = false } = {}) {
    if (!verbs.length) return;
    // A millisecond apart: cmi5 orders a session's statements by timestamp, terminated last.
    const start = Math.max(Date.now(), (this.lastSentAt ?? 0) + 1);
    this.lastSentAt = start + verbs.length - 1;
    const statements = verbs.map((verb, index) => this.statementFor(verb, report, new Date(start + index)));
    await this.request("statements", { method: "POST", body: statements, keepalive });
    for (const verb of verbs) {
      this.sessionVerbs.add(verb);
      if (verb === "passed" || verb === "completed") this.sent[verb] = true;
    }
  }

  saveState(saved, keepalive = false) {
    const body = { record: saved ?? "", sent: this.sent };
    return this.request("activities/state", { method: "PUT", query: this.stateQuery(RECORD_STATE_ID), body, keepalive });
  }

  /** Statements now due; the record saved when `commit` (a marked attempt). */
  async report(report, saved, { commit }) {
    if (!commit) return;
    await this.send(this.dueVerbs(report, { ending: false }), report);
    await this.saveState(saved);
  }

  /** The last statements, ending with terminated, and the record: sent even as the page goes. */
  finish(report, saved) {
    const verbs = [...this.dueVerbs(report, { ending: true }), "terminated"];
    return Promise.all([this.send(verbs, report, { keepalive: true }), this.saveState(saved, true)]);
  }
}

/**
 * A connection to the cmi5 LMS that launched the course, or null without launch parameters.
 * @param {string} [search] the launch URL's query
 * @returns {Cmi5Connection|null} with `savedLimit`, `start()`, `report(report, saved, {commit})`, `finish(report, saved)`
 */
export function connectCmi5(search = location.search) {
  const launch = launchParameters(search);
  return launch ? new Cmi5Connection(launch) : null;
}
