// What the quiz result and the achievements page call: make a badge and hand it to the learner.
// The statement's actions (statement-actions.js) and the progress file's
// (achievements/progress-actions.js) are the achievements page's own, loaded there alone.

import { courseLocale } from "../dates.js";
import { badgePng, personalisedSvg } from "./badge-image.js";
import { fillCredential } from "./credential.js";
import { passOf } from "./eligibility.js";
import { bakePng } from "./png-itxt.js";
import { newIssuerKey, signCredential } from "./signing.js";
import { bakeSvg } from "./svg-bake.js";
import { cleanName } from "../record.js";
import { el } from "../dom.js";
import { message } from "../messages.js";
import { withElements } from "./sentences.js";
import { fileName, saveFile } from "../downloads.js";
import { fetchText } from "./fetch-text.js";

export { saveFile } from "../downloads.js";

export const PNG_KEYWORD = "openbadgecredential";
const NAME_FIELD_ID = "course-name"; // the achievements page's name field (statement-section.js)

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
  if (!pass) throw new Error(message("badge.not_passed", { number: block.number }));
  const [svgText, template, key] = await Promise.all([fetchText(svgUrl), fetchText(credentialUrl).then(JSON.parse), newIssuerKey()]);
  const name = typeof record.name === "string" ? cleanName(record.name) : "";
  const passMark = block.passMark ?? courseData.passMark;
  const credential = fillCredential(template, { name, passedAt: pass.passedAt, score: pass.score, passMark, learnerId: key.did });
  const token = await signCredential(credential, key);
  const named = { course: courseData.courseId, number: block.number };
  // `unnamed`: the caller shows unnamedBadgeNotice() by the button, so the learner can add a name.
  const unnamed = !name;
  if (format === "svg") {
    const text = bakeSvg(personalisedSvg(svgText, { name, passedAt: pass.passedAt, locale }), token);
    return { text, credential, token, unnamed, filename: fileName("badge.file_name", named, "svg"), type: "image/svg+xml" };
  }
  const png = await badgePng(svgText, { name, passedAt: pass.passedAt, locale });
  const bytes = bakePng(png, PNG_KEYWORD, token);
  return { bytes, credential, token, unnamed, filename: fileName("badge.file_name", named, "png"), type: "image/png" };
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
  const link = el("a", { href }, message("badge.name_field"));
  if (field) {
    link.addEventListener("click", (event) => {
      // Ours alone: material's instant navigation (on document.body) would load the page again.
      event.preventDefault();
      event.stopPropagation();
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  }
  const words = message(field ? "badge.unnamed_here" : "badge.unnamed_elsewhere");
  return el("p", { class: "course-hint course-badge-notice", role: "note" }, ...withElements(words, { field: link }));
}
