// The learner's badge picture: the block's artwork with the learner's name and the date passed,
// in a square, as PNG bytes (canvas) or as SVG text. The name is always set as text, never parsed as markup.

import { formatDate } from "../dates.js";
import { message } from "../messages.js";
import { messagesDirection } from "../message-formats.js";
import { baseDirection, cssFont, fillFittedText, FONT_STACK, wrapMeasured } from "./script-text.js";

const SVG_NS = "http://www.w3.org/2000/svg";
// The badge is a square of 600 units: the 600-unit artwork scaled into its top, the learner's name
// and the date passed beneath. The PNG is 900 pixels square, 1.5 pixels a unit.
const SIDE = 600;
const MEDAL = { x: 72, y: 10, size: 456 };
const PNG_SCALE = 1.5;
const NAME = { baseline: 526, size: 40, minSize: 16, maxWidth: 560 };
const DATE = { size: 24, colour: "#333333" };

/** Loads SVG text as an image (no scripts run, no outside resources are fetched). */
export async function svgImage(svgText) {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasPngBytes(canvas) {
  return new Promise((resolve, reject) => {
    canvas.toBlob(async (blob) => {
      if (!blob) reject(new Error(message("badge.no_png")));
      else resolve(new Uint8Array(await blob.arrayBuffer()));
    }, "image/png");
  });
}

/** The artwork alone drawn on a square canvas of `size` pixels (for the statement). */
export async function artworkCanvas(svgText, size) {
  const img = await svgImage(svgText);
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.getContext("2d").drawImage(img, 0, 0, size, size);
  return canvas;
}

function dateLine(passedAt, locale) {
  return message("badge.passed_on", { date: formatDate(passedAt, locale) });
}

/**
 * How the name is set under the medal: one line, shrunk down to 24 units; then two lines, down to
 * the smallest size; a name that is longer still is squeezed to the width (fillText's maxWidth).
 * @returns {{lines: string[], size: number}}
 */
export function nameLayout(name, measure = textMeasurer()) {
  for (let size = NAME.size; size >= 24; size -= 2) {
    if (measure(name, size) <= NAME.maxWidth) return { lines: [name], size };
  }
  for (let size = 26; size >= NAME.minSize; size -= 2) {
    const lines = wrapMeasured(measureContext(measure, size), name, NAME.maxWidth);
    if (lines.length <= 2) return { lines, size };
  }
  const lines = wrapMeasured(measureContext(measure, NAME.minSize), name, NAME.maxWidth);
  return { lines: [lines[0], lines.slice(1).join(" ")], size: NAME.minSize };
}

function textMeasurer() {
  const context = document.createElement("canvas").getContext("2d");
  return (text, size) => {
    context.font = cssFont(size, true);
    return context.measureText(text).width;
  };
}

/** What wrapMeasured needs of a 2D context, at one font size. */
function measureContext(measure, size) {
  return { measureText: (text) => ({ width: measure(text, size) }) };
}

/** The baselines of the name's lines and of the date line. */
function bandLines(name, locale, passedAt) {
  const lines = [];
  if (name) {
    const measure = textMeasurer();
    const { lines: nameLines, size } = nameLayout(name, measure);
    const first = nameLines.length > 1 ? NAME.baseline - size * 0.55 : NAME.baseline;
    nameLines.forEach((text, i) => lines.push({
      text, size, y: first + i * size * 1.12, bold: true, colour: "#111111", squeezed: measure(text, size) > NAME.maxWidth,
    }));
  }
  const last = lines.length ? lines[lines.length - 1].y : 512;
  lines.push({
    text: dateLine(passedAt, locale), size: DATE.size, y: Math.max(last + 44, 578), bold: false, colour: DATE.colour,
    direction: messagesDirection(),
  });
  return lines;
}

/** PNG bytes (900 x 900): the artwork, then the learner's name (if any) and the date passed. */
export async function badgePng(svgText, { name = "", passedAt, locale } = {}) {
  const img = await svgImage(svgText);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(SIDE * PNG_SCALE);
  canvas.height = Math.round(SIDE * PNG_SCALE);
  const ctx = canvas.getContext("2d");
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, SIDE, SIDE);
  ctx.drawImage(img, MEDAL.x, MEDAL.y, MEDAL.size, MEDAL.size);
  for (const line of bandLines(String(name).trim(), locale, passedAt)) {
    fillFittedText(ctx, line.text, {
      x: SIDE / 2, y: Math.min(line.y, SIDE - 14), fontSize: line.size, minFontSize: line.size, maxWidth: NAME.maxWidth,
      bold: line.bold, colour: line.colour, direction: line.direction,
    });
  }
  return canvasPngBytes(canvas);
}

function svgElement(doc, name, attributes) {
  const element = doc.createElementNS(SVG_NS, name);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, String(value));
  return element;
}

/** SVG text: the artwork scaled into the square, the learner's name and the date as <text> nodes. */
export function personalisedSvg(svgText, { name = "", passedAt, locale } = {}) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length || root.localName !== "svg") {
    throw new Error("the badge artwork is not an SVG document");
  }
  const viewBox = root.getAttribute("viewBox") || `0 0 ${SIDE} ${SIDE}`;
  const [, , artWidth, artHeight] = viewBox.split(/[\s,]+/).map(Number);
  const scale = MEDAL.size / Math.max(artWidth || SIDE, artHeight || SIDE);
  // The artwork keeps its own coordinates inside a group; its <title> stays the root's label.
  const medal = svgElement(doc, "g", { transform: `translate(${MEDAL.x} ${MEDAL.y}) scale(${scale})` });
  for (const child of [...root.childNodes]) {
    if (child.localName !== "title") medal.appendChild(child);
  }
  root.setAttribute("viewBox", `0 0 ${SIDE} ${SIDE}`);
  root.setAttribute("width", String(SIDE));
  root.setAttribute("height", String(SIDE));
  root.appendChild(svgElement(doc, "rect", { x: 0, y: 0, width: SIDE, height: SIDE, fill: "#ffffff" }));
  root.appendChild(medal);
  const band = svgElement(doc, "g", { "font-family": FONT_STACK.replaceAll('"', "'"), "text-anchor": "middle" });
  const learner = String(name).trim();
  for (const line of bandLines(learner, locale, passedAt)) {
    const textElement = svgElement(doc, "text", {
      x: SIDE / 2, y: Math.min(line.y, SIDE - 14).toFixed(1), "font-size": line.size,
      "font-weight": line.bold ? "700" : "400", fill: line.colour, direction: line.direction ?? baseDirection(line.text),
    });
    if (line.squeezed) {
      textElement.setAttribute("textLength", String(NAME.maxWidth));
      textElement.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
    textElement.textContent = line.text; // text, never markup
    band.appendChild(textElement);
  }
  root.appendChild(band);
  const title = root.getElementsByTagName("title")[0];
  if (title && learner) title.textContent = message("badge.earned_by", { title: title.textContent, name: learner });
  return new XMLSerializer().serializeToString(doc);
}
