// The statement of participation, made and handed to the learner: the achievements page's action.
// The PDF code (statement-pdf.js, jsPDF and the fonts) is imported only when it is asked for.
import { courseLocale } from "../dates.js";
import { message } from "../messages.js";
import { cleanName } from "../record.js";
import { fileName, saveFile } from "../downloads.js";
import { fetchText } from "./fetch-text.js";
import { completion } from "./eligibility.js";

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
  if (!done) throw new Error(message("statement.not_yet"));
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
  const filename = fileName("statement.file_name", { course: courseData.courseId }, "pdf");
  return { bytes, boxes, paper, filename, type: "application/pdf" };
}

/**
 * Makes the statement and offers it as a download.
 * @returns {Promise<object>} what makeStatement returns
 */
export async function downloadStatement(options) {
  const statement = await makeStatement(options);
  saveFile(statement.bytes, statement.filename, statement.type);
  return statement;
}
