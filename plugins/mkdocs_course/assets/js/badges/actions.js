// What the quiz result and the achievements page call: make a file and hand it to the learner.
// Small on purpose; the PDF code is imported only inside downloadStatement().

import { courseLocale } from "../dates.js";
import { badgePng, personalisedSvg } from "./badge-image.js";
import { fillCredential } from "./credential.js";
import { completion, passOf } from "./eligibility.js";
import { bakePng } from "./png-itxt.js";
import { progressFileName, readProgressFile, serialiseProgress } from "../achievements/progress-file.js";
import { newIssuerKey, signCredential } from "./signing.js";
import { bakeSvg } from "./svg-bake.js";
import { cleanName } from "../record.js";
import { el } from "../dom.js";

export const PNG_KEYWORD = "openbadgecredential";
const NAME_FIELD_ID = "course-name"; // the achievements page's name field (statement-section.js)

/** Offers bytes or text to the learner as a download named `filename`. */
export function saveFile(data, filename, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "course";
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (${response.status})`);
  return response.text();
}

/**
 * The learner's badge for one block, baked with its credential signed by a new key of the learner's
 * (signing.js): the compact JWS in the PNG's iTXt chunk or the SVG's `verify` attribute.
 * @param {object} p
 * @param {object} p.courseData   the page's course data (courseId, passMark, blocks)
 * @param {object} p.block        the block from courseData.blocks (its own passMark, if any, wins)
 * @param {object} p.record       the learner's record
 * @param {string} p.svgUrl       absolute URL of the block's badge artwork
 * @param {string} p.credentialUrl absolute URL of the block's credential template
 * @param {"png"|"svg"} [p.format]
 * @returns {Promise<{bytes?: Uint8Array, text?: string, credential: object, token: string, filename: string, type: string}>}
 */
export async function makeBadge({ courseData, block, record, svgUrl, credentialUrl, format = "png", locale }) {
  const pass = passOf(record, block.id);
  locale = courseLocale(courseData.locale || locale);
  if (!pass) throw new Error(`Block ${block.number} is not passed yet: pass its quiz to earn this badge.`);
  const [svgText, template, key] = await Promise.all([fetchText(svgUrl), fetchText(credentialUrl).then(JSON.parse), newIssuerKey()]);
  const name = typeof record.name === "string" ? cleanName(record.name) : "";
  const passMark = block.passMark ?? courseData.passMark;
  const credential = fillCredential(template, { name, passedAt: pass.passedAt, score: pass.score, passMark, learnerId: key.did });
  const token = await signCredential(credential, key);
  const base = `${slug(courseData.courseId)}-block-${block.number}-badge`;
  // `unnamed`: the caller shows unnamedBadgeNotice() by the button, so the learner can add a name.
  const unnamed = !name;
  if (format === "svg") {
    const text = bakeSvg(personalisedSvg(svgText, { name, passedAt: pass.passedAt, locale }), token);
    return { text, credential, token, unnamed, filename: `${base}.svg`, type: "image/svg+xml" };
  }
  const png = await badgePng(svgText, { name, passedAt: pass.passedAt, locale });
  const bytes = bakePng(png, PNG_KEYWORD, token);
  return { bytes, credential, token, unnamed, filename: `${base}.png`, type: "image/png" };
}

/**
 * Makes and saves a badge. `notice`, when given, is an element next to the download button (a
 * polite live region, so that it is announced): it shows unnamedBadgeNotice() when the badge was
 * made without a name, and is emptied otherwise. `siteRoot` resolves the achievements page's URL.
 */
export async function downloadBadge(options) {
  const badge = await makeBadge(options);
  saveFile(badge.bytes ?? badge.text, badge.filename, badge.type);
  options.notice?.replaceChildren(...(badge.unnamed ? [unnamedBadgeNotice(options)] : []));
  return badge;
}

/**
 * What a badge made before the learner gave a name says: where to add one (the name field of the
 * achievements page, linked; focused when it is on this page), then to download the badge again.
 * @param {{courseData: object, siteRoot?: URL|string}} context
 * @returns {HTMLElement}
 */
export function unnamedBadgeNotice({ courseData, siteRoot }) {
  const field = document.getElementById(NAME_FIELD_ID);
  const achievements = courseData.achievementsUrl != null && siteRoot
    ? new URL(courseData.achievementsUrl, siteRoot).href
    : "";
  // The statement heading is in the page as built, so the link lands even before scripts run.
  const href = field ? `#${NAME_FIELD_ID}` : `${achievements}#course-statement-heading`;
  const link = el("a", { href }, "Name to print on your statement");
  if (field) {
    link.addEventListener("click", (event) => {
      // Ours alone: material's instant navigation (on document.body) would load the page again.
      event.preventDefault();
      event.stopPropagation();
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  }
  const where = field ? " field on this page" : " field on the achievements page";
  return el("p", { class: "course-hint course-badge-notice", role: "note" },
    "This badge has no name on it. To put yours on it, type it in the ", link, where,
    ", then download the badge again.");
}

/**
 * The statement of participation, when every block is passed.
 * @param {object} p
 * @param {object} p.courseData  course data plus provider, outcomes, hours, siteUrl
 * @param {object} p.record
 * @param {string} p.name        the name to print
 * @param {(block) => string} p.svgUrlFor  absolute URL of a block's badge artwork
 */
export async function makeStatement({ courseData, record, name, svgUrlFor, locale, vendor }) {
  locale = courseLocale(courseData.locale || locale);
  const done = completion(courseData, record);
  if (!done) throw new Error("The statement is offered once every block's quiz is passed.");
  const blocks = await Promise.all(done.blocks.map(async (block) => ({ ...block, svgText: await fetchText(svgUrlFor(block)) })));
  const { statementPdf } = await import("./statement-pdf.js");
  const { bytes, boxes, paper } = await statementPdf({
    courseTitle: courseData.title,
    provider: courseData.provider?.name ?? courseData.provider ?? "",
    name: cleanName(name),
    completedAt: done.completedAt,
    blocks,
    outcomes: courseData.outcomes ?? [],
    hours: courseData.hours,
    free: courseData.free === true,
    siteUrl: courseData.siteUrl,
    locale,
  }, { vendor });
  return { bytes, boxes, paper, filename: `${slug(courseData.courseId)}-statement-of-participation.pdf`, type: "application/pdf" };
}

export async function downloadStatement(options) {
  const statement = await makeStatement(options);
  saveFile(statement.bytes, statement.filename, statement.type);
  return statement;
}

/** "Save my progress": the record and the lessons visited (`visits`, the latest last). */
export function downloadRecord({ courseData, record, visits = [], siteUrl = "" }) {
  const text = serialiseProgress({ courseId: courseData.courseId, courseTitle: courseData.title, siteUrl, record, visits });
  const filename = progressFileName(courseData.courseId);
  saveFile(text, filename, "application/json");
  return { text, filename };
}

/** The parts set aside from the record, as a JSON file for the learner to keep. */
export function downloadSetAside({ courseData, record }) {
  const text = `${JSON.stringify({ courseId: courseData.courseId, setAside: record.setAside }, null, 2)}\n`;
  const filename = progressFileName(courseData.courseId).replace("-progress-", "-set-aside-");
  saveFile(text, filename, "application/json");
  return { text, filename };
}

/**
 * "Restore progress": the record in a chosen file, read by the stored record's rules; merge it with
 * restoreProgress.
 * @returns {Promise<{record: object, problems: object[]}>}
 * @throws {ProgressFileError} with a message for the learner
 */
export function readRestoreFile(file, courseData) {
  return readProgressFile(file, { courseId: courseData.courseId, blockIds: courseData.blocks.map((block) => block.id) });
}

export { ProgressFileError, restoreProgress } from "../achievements/progress-file.js";
