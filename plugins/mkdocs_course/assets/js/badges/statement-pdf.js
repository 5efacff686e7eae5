// The statement of participation as a PDF, made in the learner's browser. Loaded only when the
// learner asks for it (dynamic import), together with jsPDF and the Noto Sans subsets it needs.
//
// Text the bundled fonts cover (Latin, Greek, Cyrillic) is real PDF text. Text with any other
// character (Arabic, Hebrew, Devanagari, CJK, ...) is drawn by the browser, which shapes every
// script, onto a canvas at 300 dpi and placed as an image; the characters the fonts do cover are
// laid over it as invisible text, so they can still be found and copied.

import { artworkCanvas, formatDate } from "./badge-image.js";
import { textCanvas } from "./script-text.js";

const VENDOR = new URL("../../vendor/", import.meta.url);
const FAMILY = "NotoSansLGC";
const DPI = 300;
const MM_PER_POINT = 25.4 / 72; // millimetres per point
const PAGE = { width: 210, height: 297, margin: 20 };
const INK = [17, 17, 17];
const GREY = [85, 85, 85];

export const NOT_VERIFIED =
  "This statement is not a formal qualification and carries no academic credit. It was made in the "
  + "learner's own browser from the progress record kept there: nobody verified who took the quizzes.";

let toolsPromise = null;

function binaryString(buffer) {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

async function fetchOk(url, format) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (${response.status})`);
  return response[format]();
}

/** jsPDF, both fonts and the fonts' coverage, fetched once per page. */
export function loadTools(vendor = VENDOR) {
  if (!toolsPromise) {
    toolsPromise = Promise.all([
      import(new URL("jspdf/jspdf.umd.min.js", vendor).href).then(() => globalThis.jspdf.jsPDF),
      fetchOk(new URL("noto-sans/NotoSans-Regular-LGC.ttf", vendor), "arrayBuffer").then(binaryString),
      fetchOk(new URL("noto-sans/NotoSans-Bold-LGC.ttf", vendor), "arrayBuffer").then(binaryString),
      fetchOk(new URL("noto-sans/coverage.json", vendor), "json"),
    ]).then(([jsPDF, regular, bold, coverage]) => ({ jsPDF, regular, bold, ranges: coverage.ranges }));
    toolsPromise.catch(() => { toolsPromise = null; });
  }
  return toolsPromise;
}

function coveredBy(ranges) {
  return (character) => {
    const codePoint = character.codePointAt(0);
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (codePoint < ranges[mid][0]) high = mid - 1;
      else if (codePoint > ranges[mid][1]) low = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Lays out one statement; keeps the place of every piece of text for the caller and for tests. */
class Writer {
  constructor(doc, covered) {
    this.doc = doc;
    this.covered = covered;
    this.y = PAGE.margin;
    this.boxes = {};
  }

  ensure(height) {
    if (this.y + height > PAGE.height - PAGE.margin) {
      this.doc.addPage();
      this.y = PAGE.margin;
    }
  }

  /** Writes text with its first baseline at this.y + size; returns the box in mm. */
  text(raw, { size, bold = false, align = "center", x, maxWidth = PAGE.width - 2 * PAGE.margin, colour = INK, gap = 0.5, key }) {
    const text = String(raw).normalize("NFC");
    const doc = this.doc;
    const left = x ?? (align === "center" ? PAGE.width / 2 : PAGE.margin);
    const lineMm = size * MM_PER_POINT * 1.3;
    doc.setFont(FAMILY, bold ? "bold" : "normal");
    doc.setFontSize(size);
    doc.setTextColor(...colour);
    let box;
    if ([...text].every(this.covered)) {
      const lines = doc.splitTextToSize(text, maxWidth);
      this.ensure(lines.length * lineMm);
      const baseline = this.y + size * MM_PER_POINT;
      doc.text(lines, left, baseline, { align, lineHeightFactor: 1.3, maxWidth });
      const width = Math.max(...lines.map((line) => doc.getTextWidth(line)));
      box = { page: doc.getNumberOfPages(), x: align === "center" ? left - width / 2 : left, y: this.y, width, height: lines.length * lineMm, image: false };
    } else {
      const pxPerMm = DPI / 25.4;
      const pixelSize = Math.round(size * MM_PER_POINT * pxPerMm);
      const { canvas } = textCanvas(text, { fontSize: pixelSize, bold, maxWidthPx: Math.floor(maxWidth * pxPerMm), lineHeight: 1.3, align, colour: `rgb(${colour.join(",")})` });
      const width = canvas.width / pxPerMm;
      const height = canvas.height / pxPerMm;
      this.ensure(height);
      const imageLeft = align === "center" ? left - width / 2 : left;
      doc.addImage(canvas, "PNG", imageLeft, this.y, width, height, undefined, "FAST");
      const visible = [...text].filter(this.covered).join("").replace(/\s+/g, " ").trim();
      if (/[\p{L}\p{N}]/u.test(visible)) {
        doc.text(visible, left, this.y + size * MM_PER_POINT, { align, renderingMode: "invisible" });
      }
      box = { page: doc.getNumberOfPages(), x: imageLeft, y: this.y, width, height, image: true };
    }
    this.y = box.y + box.height + gap * size * MM_PER_POINT;
    if (key) this.boxes[key] = box;
    return box;
  }
}

/** One line per block passed: its badge, title, date and best score. */
async function writeBlocks(writer, blocks, locale) {
  const doc = writer.doc;
  const full = PAGE.width - 2 * PAGE.margin;
  writer.text("Blocks passed", { size: 13, bold: true, align: "left", gap: 0.6 });
  const badgeMm = 18;
  for (const block of blocks) {
    writer.ensure(badgeMm + 3);
    const top = writer.y;
    const art = await artworkCanvas(block.svgText, 240);
    doc.addImage(art, "PNG", PAGE.margin, top, badgeMm, badgeMm, `badge-${block.number}`, "FAST");
    const textLeft = PAGE.margin + badgeMm + 5;
    writer.y = top + 2;
    writer.text(`Block ${block.number}: ${block.title}`, { size: 11, bold: true, align: "left", x: textLeft, maxWidth: full - badgeMm - 5, gap: 0.3, key: `block-${block.number}` });
    writer.text(`Passed on ${formatDate(block.passedAt, locale)} \u00b7 best quiz score ${Math.round(block.score)}%`, { size: 10, align: "left", x: textLeft, maxWidth: full - badgeMm - 5, colour: GREY, gap: 0 });
    writer.y = Math.max(writer.y, top + badgeMm) + 3;
  }
}

/**
 * What the learner did, and no more: the statement rests on quiz passes alone, so it says so.
 * It calls the course free only when the author says so (the `free` option).
 * @param {{courseTitle: string, completedAt: Date, free?: boolean}} input
 * @param {string} [locale]
 * @returns {string}
 */
export function achievementSentence(input, locale) {
  const course = input.free ? "the free course" : "the course";
  return `has passed every end-of-block quiz of ${course} \u201c${input.courseTitle}\u201d, the last on ${formatDate(input.completedAt, locale)}.`;
}

/**
 * Makes the statement PDF.
 * @param {object} input
 * @param {string} input.courseTitle
 * @param {string} input.provider            the course provider's name
 * @param {string} input.name                the learner's name, as they want it printed
 * @param {Date}   input.completedAt         when the last block was passed
 * @param {Array<{number:number,title:string,passedAt:Date,score:number,svgText:string}>} input.blocks
 * @param {string[]} [input.outcomes]        the course's learning outcomes
 * @param {number} [input.hours]             study hours
 * @param {boolean} [input.free]             the author says the course costs nothing
 * @param {string} [input.siteUrl]
 * @param {string} [input.locale]
 * @returns {Promise<{bytes: Uint8Array, boxes: object}>} boxes: where the name etc. were put (mm)
 */
export async function statementPdf(input, { vendor } = {}) {
  const { jsPDF, regular, bold, ranges } = await loadTools(vendor);
  const name = String(input.name ?? "").trim();
  if (!name) throw new Error("Enter the name to print on the statement.");
  const locale = input.locale;
  const doc = new jsPDF({ unit: "mm", format: "a4", orientation: "portrait", compress: true });
  doc.addFileToVFS("NotoSans-Regular-LGC.ttf", regular);
  doc.addFileToVFS("NotoSans-Bold-LGC.ttf", bold);
  doc.addFont("NotoSans-Regular-LGC.ttf", FAMILY, "normal");
  doc.addFont("NotoSans-Bold-LGC.ttf", FAMILY, "bold");
  doc.setProperties({
    title: `${input.courseTitle}: statement of participation`,
    subject: "Statement of participation (self-asserted, not verified)",
    creator: "mkdocs-course",
  });
  if (locale || document.documentElement.lang) doc.setLanguage(locale || document.documentElement.lang);

  const writer = new Writer(doc, coveredBy(ranges));
  const full = PAGE.width - 2 * PAGE.margin;
  writer.text(input.provider, { size: 10, colour: GREY, gap: 1.5, key: "provider" });
  writer.text(input.courseTitle, { size: 22, bold: true, gap: 0.6, key: "course" });
  writer.text("Statement of participation", { size: 15, colour: GREY, gap: 2.2, key: "heading" });
  writer.text("This is to record that", { size: 11, gap: 0.8 });
  writer.text(name, { size: 26, bold: true, gap: 0.8, key: "name" });
  writer.text(achievementSentence(input, locale), { size: 11, gap: 2, key: "achievement" });

  await writeBlocks(writer, input.blocks, locale);

  if (input.outcomes && input.outcomes.length) {
    writer.y += 2;
    writer.text("Learning outcomes", { size: 13, bold: true, align: "left", gap: 0.5 });
    writer.text("After studying this course, the learner should be able to:", { size: 10.5, align: "left", gap: 0.4 });
    for (const outcome of input.outcomes) {
      writer.text(`\u2022 ${outcome}`, { size: 10.5, align: "left", x: PAGE.margin + 3, maxWidth: full - 3, gap: 0.3 });
    }
  }
  if (input.hours) {
    writer.y += 2;
    writer.text(`Study time: about ${input.hours} hours.`, { size: 10.5, align: "left", gap: 0.5, key: "hours" });
  }
  writer.y += 6;
  writer.ensure(20);
  doc.setDrawColor(170, 170, 170);
  doc.line(PAGE.margin, writer.y, PAGE.width - PAGE.margin, writer.y);
  writer.y += 3;
  writer.text(NOT_VERIFIED, { size: 9, align: "left", colour: GREY, gap: 0.5, key: "disclaimer" });
  if (input.siteUrl) writer.text(`Course: ${input.siteUrl}`, { size: 9, align: "left", colour: GREY });

  return { bytes: new Uint8Array(doc.output("arraybuffer")), boxes: writer.boxes };
}
