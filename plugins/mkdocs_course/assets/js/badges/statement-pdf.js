// The statement of participation as a one-page PDF, made in the learner's browser. Loaded only
// when the learner asks for it (dynamic import), together with jsPDF and the Noto Sans subsets.
//
// Text the bundled fonts cover (Latin, Greek, Cyrillic) is real PDF text. Text with any other
// character (Arabic, Hebrew, Devanagari, CJK, ...) is drawn by the browser, which shapes every
// script, onto a canvas at 300 dpi and placed as an image; the characters the fonts do cover are
// laid over it as invisible text, so they can still be found and copied.
//
// Everything is laid out first and drawn after, so that the page is known to fit: a long course
// shrinks (and lists outcomes run-in, then leaves the blocks' own outcomes to their badges) rather
// than run onto a second page. Text is set in one column, top to bottom, so that it extracts in
// the order it is read.
//
// A right-to-left course (messagesDirection() "rtl") gets the page mirrored: what starts at the
// left margin in English starts at the right margin, right-aligned (bullets and badges too), and
// its sentences are drawn as right-to-left paragraphs; what is centred stays centred.

import { courseLocale, formatDate } from "../dates.js";
import { message } from "../messages.js";
import { messagesDirection, messagesLocale } from "../message-formats.js";
import { artworkCanvas } from "./badge-image.js";
import { textCanvas } from "./script-text.js";
import { listSentence } from "./sentences.js";

const VENDOR = new URL("../../vendor/", import.meta.url);
const FAMILY = "NotoSansLGC";
const DPI = 300;
const MM_PER_POINT = 25.4 / 72;
const LEADING = 1.25;
const INK = [17, 17, 17];
const GREY = [80, 80, 80];
const ACCENT = [28, 52, 84]; // a deep blue that prints as a dark grey
const RULE = [150, 150, 150];
// CLDR's paperSize data (Unicode TR35, supplemental): the regions whose paper is US Letter.
const LETTER_REGIONS = new Set(["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"]);
const PAPERS = { a4: { width: 210, height: 297 }, letter: { width: 215.9, height: 279.4 } };
const FRAME = { outer: 9, inner: 11.5, margin: 24, bottom: 20 };
// Each way of fitting a long course, and the smallest scale of the text it may use.
const MODES = [
  { blockOutcomes: "list", courseOutcomes: "list", minScale: 0.8 },
  { blockOutcomes: "run-in", courseOutcomes: "list", minScale: 0.72 },
  { blockOutcomes: "run-in", courseOutcomes: "run-in", minScale: 0.62 },
  { blockOutcomes: "none", courseOutcomes: "run-in", minScale: 0.62 },
  { blockOutcomes: "none", courseOutcomes: "run-in", minScale: 0.62, compact: true },
];

let toolsPromise = null;

function binaryString(buffer) {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

async function fetchOk(url, format) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(message("badge.load_failed", { url, status: String(response.status) }));
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

/**
 * The paper for a locale: US Letter where CLDR says a region uses it (a locale without a region
 * counts as its likeliest one: "en" as "en-US", "es" as "es-ES"), A4 everywhere else.
 * @param {string} [locale]
 * @returns {{format: "a4"|"letter", width: number, height: number}} sizes in mm
 */
export function paperFor(locale) {
  let region = "";
  try {
    region = new Intl.Locale(courseLocale(locale)).maximize().region || "";
  } catch {
    region = "";
  }
  const format = LETTER_REGIONS.has(region) ? "letter" : "a4";
  return { format, ...PAPERS[format] };
}

function percentText(percent) {
  return new Intl.NumberFormat(messagesLocale(), { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}

// On a right-to-left page, an author's words inside a sentence (a title, an address) are isolated
// (U+2068 ... U+2069), so that their own punctuation stays with them: "/" at a URL's end, "?" at a title's.
function inserted(text) {
  return messagesDirection() === "rtl" ? ["\u2068", text, "\u2069"].join("") : text;
}

/**
 * Places pieces of text, rules and pictures top to bottom; `draw()` puts them on the page. `x` is
 * given as on a left-to-right page; a right-to-left one (`direction` "rtl") mirrors it.
 */
class Layout {
  constructor(doc, covered, { left, width, scale, direction = "ltr" }) {
    this.doc = doc;
    this.covered = covered;
    this.left = left;
    this.width = width;
    this.scale = scale;
    this.rtl = direction === "rtl";
    this.y = 0;
    this.ops = [];
    this.flexes = 0;
    this.canvases = new Map();
  }

  /** Where a piece that starts at `x` mm (left to right) starts on this page. */
  startAt(x) {
    return this.rtl ? 2 * this.left + this.width - x : x;
  }

  /**
   * Measures `raw` in lines at `size` points (times the scale unless `fixed`); what the fonts do not
   * cover is drawn on a canvas, as a paragraph in `direction` (undefined: the text's own).
   */
  measure(raw, { size, bold = false, maxWidth = this.width, fixed = false, align = "center", direction }) {
    const text = String(raw).normalize("NFC");
    const points = fixed ? size : size * this.scale;
    const lineMm = points * MM_PER_POINT * LEADING;
    if ([...text].every(this.covered)) {
      this.doc.setFont(FAMILY, bold ? "bold" : "normal");
      this.doc.setFontSize(points);
      const lines = this.doc.splitTextToSize(text, maxWidth);
      const width = Math.max(...lines.map((line) => this.doc.getTextWidth(line)));
      return { text, lines, points, lineMm, width, height: lines.length * lineMm, image: null };
    }
    const key = [text, points, bold, maxWidth, align, direction].join("\u0000");
    if (!this.canvases.has(key)) {
      const pxPerMm = DPI / 25.4;
      this.canvases.set(key, textCanvas(text, {
        fontSize: Math.round(points * MM_PER_POINT * pxPerMm), bold, maxWidthPx: Math.floor(maxWidth * pxPerMm), lineHeight: LEADING,
        align, direction,
      }).canvas);
    }
    const image = this.canvases.get(key);
    // What the fonts cover goes over the picture as invisible text, to be found and copied.
    const hidden = [...text].filter(this.covered).join("").replace(/\s+/g, " ").trim();
    return { text, lines: [text], points, lineMm, width: image.width * 25.4 / DPI, height: image.height * 25.4 / DPI, image, hidden };
  }

  /**
   * Text in lines of at most `maxWidth` mm, centred, or ("start") from `x`: left-aligned, or
   * right-aligned from the mirrored `x` on a right-to-left page. `ownDirection`: the learner's or
   * author's words (a name, a title), set in their own direction rather than the page's.
   * Returns its box (mm, from the top).
   */
  text(raw, { size, bold = false, align = "center", x, maxWidth = this.width, colour = INK, after = 0.45, fixed = false, key, ownDirection = false }) {
    const direction = ownDirection || !this.rtl ? undefined : "rtl";
    const measured = this.measure(raw, { size, bold, maxWidth, fixed, align, direction });
    const side = align === "center" ? "center" : this.rtl ? "right" : "left";
    const left = align === "center" ? x ?? this.left + this.width / 2 : this.startAt(x ?? this.left);
    const boxLeft = { center: left - measured.width / 2, right: left - measured.width, left }[side];
    const box = { x: boxLeft, y: this.y, width: measured.width, height: measured.height, size: measured.points, image: Boolean(measured.image) };
    this.ops.push({ kind: "text", y: this.y, left, align: side, bold, colour, measured, box, key });
    this.y += measured.height + after * measured.points * MM_PER_POINT;
    return box;
  }

  /** The first size from `largest` down to `smallest` at which the text takes at most `lines` lines. */
  fit(raw, { largest, smallest, lines, bold = true }) {
    for (let size = largest; size > smallest; size -= 1) {
      if (this.measure(raw, { size, bold }).height <= lines * size * this.scale * MM_PER_POINT * LEADING + 0.01) return size;
    }
    return smallest;
  }

  space(length, { flex = 0 } = {}) {
    this.ops.push({ kind: "space", y: this.y, flex });
    this.flexes += flex;
    this.y += length * this.scale;
  }

  rule({ width, colour = RULE, thickness = 0.25, ornament = false, after = 3 }) {
    this.ops.push({ kind: "rule", y: this.y, width, colour, thickness, ornament });
    this.y += after * this.scale;
  }

  picture(canvas, { x, size, alias }) {
    this.ops.push({ kind: "picture", y: this.y, x: this.rtl ? this.startAt(x) - size : x, size, canvas, alias });
  }

  /** Draws every piece `shift` mm lower, giving the flexible spaces `extra` mm between them. */
  draw(shift, extra) {
    const doc = this.doc;
    const boxes = {};
    let added = shift;
    for (const piece of this.ops) {
      const top = piece.y + added;
      if (piece.kind === "space" && this.flexes) added += (extra * piece.flex) / this.flexes;
      else if (piece.kind === "rule") drawRule(doc, piece, top, this.left + this.width / 2);
      else if (piece.kind === "picture") doc.addImage(piece.canvas, "PNG", piece.x, top, piece.size, piece.size, piece.alias, "FAST");
      else if (piece.kind === "text") {
        drawText(doc, piece, top);
        if (piece.key) boxes[piece.key] = { ...piece.box, y: top, page: 1 };
      }
    }
    return boxes;
  }
}

function drawRule(doc, piece, top, centre) {
  doc.setDrawColor(...piece.colour);
  doc.setLineWidth(piece.thickness);
  if (!piece.ornament) {
    doc.line(centre - piece.width / 2, top, centre + piece.width / 2, top);
    return;
  }
  // Two lines and a small diamond between them.
  const gap = 3.2;
  doc.line(centre - piece.width / 2, top, centre - gap, top);
  doc.line(centre + gap, top, centre + piece.width / 2, top);
  doc.setFillColor(...piece.colour);
  doc.lines([[1.6, 1.6], [1.6, -1.6], [-1.6, -1.6], [-1.6, 1.6]], centre - 1.6, top, [1, 1], "F", true);
}

function drawText(doc, piece, top) {
  const { measured, align, left, colour } = piece;
  const baseline = top + measured.points * MM_PER_POINT;
  doc.setFont(FAMILY, piece.bold ? "bold" : "normal");
  doc.setFontSize(measured.points);
  doc.setTextColor(...colour);
  if (!measured.image) {
    doc.text(measured.lines, left, baseline, { align, lineHeightFactor: LEADING });
    return;
  }
  doc.addImage(measured.image, "PNG", piece.box.x, top, measured.width, measured.height, undefined, "FAST");
  if (/[\p{L}\p{N}]/u.test(measured.hidden)) doc.text(measured.hidden, left, baseline, { align, renderingMode: "invisible" });
}

/** The frame: a strong outer border and a fine inner one, with a small square at each inner corner. */
function drawFrame(doc, paper) {
  const { outer, inner } = FRAME;
  doc.setDrawColor(...ACCENT);
  doc.setLineWidth(0.9);
  doc.rect(outer, outer, paper.width - 2 * outer, paper.height - 2 * outer);
  doc.setLineWidth(0.25);
  doc.rect(inner, inner, paper.width - 2 * inner, paper.height - 2 * inner);
  doc.setFillColor(...ACCENT);
  for (const x of [inner, paper.width - inner]) {
    for (const y of [inner, paper.height - inner]) doc.rect(x - 1.1, y - 1.1, 2.2, 2.2, "F");
  }
}

/** Who, what and when: the centred top of the certificate. */
function writeHeader(layout, input, locale) {
  if (input.provider) layout.text(input.provider, { size: 11, bold: true, colour: GREY, after: 0.6, key: "provider", ownDirection: true });
  layout.text(message("statement.heading"), { size: 24, colour: ACCENT, after: 0.35, key: "heading" });
  layout.rule({ width: 70, colour: ACCENT, ornament: true, after: 6 });
  layout.space(2, { flex: 2 });
  layout.text(message("statement.record_that"), { size: 11.5, colour: GREY, after: 0.55 });
  const nameSize = layout.fit(input.name, { largest: 30, smallest: 13, lines: 2 });
  layout.text(input.name, { size: nameSize, bold: true, after: 0.25, key: "name", ownDirection: true });
  layout.rule({ width: 110, after: 4.5 });
  const achievement = message(input.free ? "statement.achievement_free" : "statement.achievement");
  layout.text(achievement, { size: 11.5, colour: GREY, after: 0.55, key: "achievement" });
  const titleSize = layout.fit(input.courseTitle, { largest: 21, smallest: 12, lines: 2 });
  layout.text(input.courseTitle, { size: titleSize, bold: true, colour: ACCENT, after: 0.6, key: "course", ownDirection: true });
  const date = formatDate(input.completedAt, locale);
  const details = input.hours
    ? message("statement.last_passed_hours", { date, count: input.hours })
    : message("statement.last_passed", { date });
  layout.text(details, { size: 10.5, colour: GREY, after: 0, key: "details" });
  layout.space(7, { flex: 3 });
}

function sectionHeading(layout, text) {
  layout.text(text, { size: 11.5, bold: true, align: "start", colour: ACCENT, after: 0.25 });
  layout.rule({ width: layout.width, thickness: 0.2, after: 2.6 });
}

/** Bullet points with a hanging indent (or one run-in sentence) from `x`, `width` mm wide. */
function writeOutcomes(layout, outcomes, { style, x, width, size, colour = INK }) {
  if (style === "run-in") {
    layout.text(listSentence(outcomes), { size, align: "start", x, maxWidth: width, colour, after: 0.3 });
    return;
  }
  const indent = 3.6 * layout.scale;
  for (const outcome of outcomes) {
    const top = layout.y;
    layout.text("\u2022", { size, align: "start", x, colour: ACCENT, after: 0 });
    layout.y = top;
    layout.text(outcome, { size, align: "start", x: x + indent, maxWidth: width - indent, colour, after: 0.2 });
  }
}

/** One row per block passed: its badge, title, date and best score, and its own outcomes. */
function writeBlocks(layout, blocks, { locale, mode }) {
  sectionHeading(layout, message("statement.blocks_heading"));
  if (mode.compact) {
    writeCompactBlocks(layout, blocks, locale);
    return;
  }
  const badgeMm = 12.5 * layout.scale;
  const textLeft = layout.left + badgeMm + 4 * layout.scale;
  const textWidth = layout.width - badgeMm - 4 * layout.scale;
  for (const block of blocks) {
    const top = layout.y;
    layout.picture(block.badgeCanvas, { x: layout.left, size: badgeMm, alias: `badge-${block.number}` });
    layout.y += 0.6 * layout.scale;
    const title = message("statement.block_title", { number: block.number, title: inserted(block.title) });
    layout.text(title, { size: 11, bold: true, align: "start", x: textLeft, maxWidth: textWidth, after: 0.15, key: `block-${block.number}` });
    const passed = message("statement.block_passed", { date: formatDate(block.passedAt, locale), score: percentText(Math.round(block.score)) });
    layout.text(passed, { size: 9.5, align: "start", x: textLeft, maxWidth: textWidth, colour: GREY, after: 0.3 });
    const outcomes = block.outcomes ?? [];
    if (outcomes.length && mode.blockOutcomes !== "none") {
      writeOutcomes(layout, outcomes, { style: mode.blockOutcomes, x: textLeft, width: textWidth, size: 9.5 });
    }
    layout.y = Math.max(layout.y, top + badgeMm) + 3 * layout.scale;
  }
  if (mode.blockOutcomes === "none" && blocks.some((block) => block.outcomes?.length)) {
    layout.text(message("statement.outcomes_in_badges"), { size: 9.5, align: "start", colour: GREY, after: 0.2 });
  }
}

/** A line per block, its badge as small as the text: for courses of many blocks. */
function writeCompactBlocks(layout, blocks, locale) {
  const badgeMm = 4.6 * layout.scale;
  const textLeft = layout.left + badgeMm + 2.5 * layout.scale;
  for (const block of blocks) {
    const top = layout.y;
    layout.picture(block.badgeCanvas, { x: layout.left, size: badgeMm, alias: `badge-${block.number}` });
    const line = message("statement.block_line", {
      number: block.number, title: inserted(block.title), date: formatDate(block.passedAt, locale), score: percentText(Math.round(block.score)),
    });
    layout.text(line, { size: 10, align: "start", x: textLeft, maxWidth: layout.width - (textLeft - layout.left), after: 0, key: `block-${block.number}` });
    layout.y = Math.max(layout.y, top + badgeMm) + 1.2 * layout.scale;
  }
  if (blocks.some((block) => block.outcomes?.length)) {
    layout.text(message("statement.outcomes_in_badges"), { size: 9.5, align: "start", colour: GREY, after: 0.2 });
  }
}

function writeCourseOutcomes(layout, outcomes, mode) {
  layout.space(4, { flex: 2 });
  sectionHeading(layout, message("statement.outcomes_heading"));
  layout.text(message("statement.outcomes_intro"), { size: 10.5, align: "start", after: 0.4 });
  writeOutcomes(layout, outcomes, { style: mode.courseOutcomes, x: layout.left, width: layout.width, size: 10.5 });
}

/** What the statement rests on, at the foot of the page whatever the scale. */
function writeFooter(layout, input) {
  layout.rule({ width: layout.width, thickness: 0.2, after: 2.2 });
  layout.text(message("statement.not_verified"), { size: 8, align: "start", colour: GREY, after: 0.3, fixed: true, key: "disclaimer" });
  if (input.siteUrl) layout.text(message("statement.site", { url: inserted(input.siteUrl) }), { size: 8, align: "start", colour: GREY, after: 0, fixed: true, key: "site" });
}

/** The body (header, blocks, outcomes) laid out at `scale`, with `blocks` possibly cut short. */
function layoutBody(doc, covered, input, { scale, mode, shown, paper }) {
  const left = FRAME.margin;
  const layout = new Layout(doc, covered, { left, width: paper.width - 2 * left, scale, direction: messagesDirection() });
  writeHeader(layout, input, input.locale);
  const blocks = input.blocks.slice(0, shown.blocks);
  writeBlocks(layout, blocks, { locale: input.locale, mode });
  const more = input.blocks.length - blocks.length;
  if (more) {
    const text = message("statement.more_blocks", { count: more });
    layout.text(text, { size: 9.5, align: "start", colour: GREY, after: 0.2 });
  }
  const outcomes = input.outcomes.slice(0, shown.outcomes);
  if (outcomes.length) writeCourseOutcomes(layout, outcomes, mode);
  if (outcomes.length < input.outcomes.length) {
    const text = message("statement.more_outcomes", { count: input.outcomes.length - outcomes.length });
    layout.text(text, { size: 9.5, align: "start", colour: GREY, after: 0.2 });
  }
  return layout;
}

/** The largest scale (to 1%) at which the body fits `room` mm in `mode`, or null when none does. */
function bestScale(build, mode, room) {
  if (build(mode.minScale).y > room) return null;
  if (build(1).y <= room) return 1;
  let low = mode.minScale;
  let high = 1;
  while (high - low > 0.01) {
    const middle = (low + high) / 2;
    if (build(middle).y <= room) low = middle;
    else high = middle;
  }
  return low;
}

/** The body laid out as large as fits: each mode in turn, then fewer blocks and outcomes listed. */
function fittedBody(doc, covered, input, paper, room) {
  const all = { blocks: input.blocks.length, outcomes: input.outcomes.length };
  for (const mode of MODES) {
    const build = (scale) => layoutBody(doc, covered, input, { scale, mode, shown: all, paper });
    const scale = bestScale(build, mode, room);
    if (scale !== null) return build(scale);
  }
  const last = MODES[MODES.length - 1];
  const shown = { ...all };
  for (;;) {
    const layout = layoutBody(doc, covered, input, { scale: last.minScale, mode: last, shown, paper });
    if (layout.y <= room || (shown.blocks <= 1 && shown.outcomes <= 0)) return layout;
    if (shown.outcomes > 0 && shown.outcomes * 2 >= shown.blocks) shown.outcomes -= 1;
    else shown.blocks -= 1;
  }
}

function newDocument(jsPDF, paper, { regular, bold }, input) {
  const doc = new jsPDF({ unit: "mm", format: paper.format, orientation: "portrait", compress: true });
  doc.addFileToVFS("NotoSans-Regular-LGC.ttf", regular);
  doc.addFileToVFS("NotoSans-Bold-LGC.ttf", bold);
  doc.addFont("NotoSans-Regular-LGC.ttf", FAMILY, "normal");
  doc.addFont("NotoSans-Bold-LGC.ttf", FAMILY, "bold");
  doc.setProperties({
    title: message("statement.document_title", { course: input.courseTitle }),
    subject: message("statement.document_subject"),
    creator: "mkdocs-course",
  });
  doc.setLanguage(input.locale);
  return doc;
}

/**
 * Makes the statement PDF: one page, A4 or US Letter by the course's locale.
 * @param {object} input
 * @param {string} input.courseTitle
 * @param {string} input.provider            the course provider's name
 * @param {string} input.name                the learner's name, as they want it printed
 * @param {Date}   input.completedAt         when the last block was passed
 * @param {Array<{number:number,title:string,passedAt:Date,score:number,svgText:string,outcomes?:string[]}>} input.blocks
 * @param {string[]} [input.outcomes]        the course's learning outcomes
 * @param {number} [input.hours]             study hours
 * @param {boolean} [input.free]             the author says the course costs nothing
 * @param {string} [input.siteUrl]
 * @param {string} [input.locale]            BCP 47; dates and paper follow it
 * @returns {Promise<{bytes: Uint8Array, boxes: object, paper: object}>} boxes: where the name etc. are (mm)
 */
export async function statementPdf(input, { vendor } = {}) {
  const tools = await loadTools(vendor);
  const name = String(input.name ?? "").trim();
  if (!name) throw new Error(message("statement.name_required"));
  const locale = courseLocale(input.locale);
  const paper = paperFor(locale);
  const blocks = await Promise.all(input.blocks.map(async (block) => ({ ...block, badgeCanvas: await artworkCanvas(block.svgText, 240) })));
  const facts = { ...input, name, locale, blocks, outcomes: (input.outcomes ?? []).filter((text) => String(text).trim()) };
  const doc = newDocument(tools.jsPDF, paper, tools, facts);
  const covered = coveredBy(tools.ranges);
  const footer = new Layout(doc, covered, { left: FRAME.margin, width: paper.width - 2 * FRAME.margin, scale: 1, direction: messagesDirection() });
  writeFooter(footer, facts);
  const top = FRAME.margin;
  const room = paper.height - FRAME.bottom - footer.y - top - 6;
  const body = fittedBody(doc, covered, facts, paper, room);
  drawFrame(doc, paper);
  const slack = room - body.y;
  // Spare room opens up the flexible spaces (up to 6 mm a share); what is left stays above the foot.
  const boxes = body.draw(top, Math.min(slack, body.flexes * 6));
  Object.assign(boxes, footer.draw(paper.height - FRAME.bottom - footer.y, 0));
  return { bytes: new Uint8Array(doc.output("arraybuffer")), boxes, paper };
}
