// The learner's badge picture: the block's artwork with the learner's name and the date passed,
// as PNG bytes (canvas) or as SVG text. The name is always set as text, never parsed as markup.

import { baseDirection, fillFittedText, FONT_STACK } from "./script-text.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const ART = 600; // the artwork's viewBox
const BAND = 170; // the band under the artwork for name and date
const PNG_SCALE = 1.2; // 720 x 924 pixels

/** "21 November 2026" in the page's language (en-GB when it has none). */
export function formatDate(date, locale = document.documentElement.lang || "en-GB") {
  const when = date instanceof Date ? date : new Date(date);
  try {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(when);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(when);
  }
}

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
      if (!blob) reject(new Error("the browser could not make a PNG"));
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
  return `Passed on ${formatDate(passedAt, locale)}`;
}

/** PNG bytes (720 x 924): artwork, then the learner's name (if any) and the date passed. */
export async function badgePng(svgText, { name = "", passedAt, locale } = {}) {
  const img = await svgImage(svgText);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(ART * PNG_SCALE);
  canvas.height = Math.round((ART + BAND) * PNG_SCALE);
  const ctx = canvas.getContext("2d");
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, ART, ART + BAND);
  ctx.drawImage(img, 0, 0, ART, ART);
  const learner = String(name).trim();
  if (learner) {
    fillFittedText(ctx, learner, { x: ART / 2, y: ART + 70, fontSize: 40, minFontSize: 14, maxWidth: ART - 40, bold: true });
  }
  fillFittedText(ctx, dateLine(passedAt, locale), {
    x: ART / 2, y: ART + (learner ? 126 : 96), fontSize: 26, maxWidth: ART - 40, colour: "#333333",
  });
  return canvasPngBytes(canvas);
}

/** SVG text: the artwork grown by a band with the learner's name and the date as <text> nodes. */
export function personalisedSvg(svgText, { name = "", passedAt, locale } = {}) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length || root.localName !== "svg") {
    throw new Error("the badge artwork is not an SVG document");
  }
  root.setAttribute("viewBox", `0 0 ${ART} ${ART + BAND}`);
  root.setAttribute("height", String(ART + BAND));
  const band = doc.createElementNS(SVG_NS, "g");
  band.setAttribute("font-family", FONT_STACK.replaceAll('"', "'"));
  band.setAttribute("text-anchor", "middle");
  const rect = doc.createElementNS(SVG_NS, "rect");
  for (const [attribute, value] of Object.entries({ x: 0, y: ART, width: ART, height: BAND, fill: "#ffffff" })) rect.setAttribute(attribute, String(value));
  band.appendChild(rect);
  const line = (text, y, size, weight, fill) => {
    const textElement = doc.createElementNS(SVG_NS, "text");
    textElement.setAttribute("x", String(ART / 2));
    textElement.setAttribute("y", String(y));
    textElement.setAttribute("font-size", String(size));
    textElement.setAttribute("font-weight", weight);
    textElement.setAttribute("fill", fill);
    textElement.setAttribute("direction", baseDirection(text));
    if (text.length * size * 0.55 > ART - 40) {
      textElement.setAttribute("textLength", String(ART - 40));
      textElement.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
    textElement.textContent = text; // text, never markup
    band.appendChild(textElement);
  };
  const learner = String(name).trim();
  if (learner) line(learner, ART + 70, 40, "700", "#111111");
  line(dateLine(passedAt, locale), ART + (learner ? 126 : 96), 26, "400", "#333333");
  root.appendChild(band);
  const title = root.getElementsByTagName("title")[0];
  if (title && learner) title.textContent = `${title.textContent}, earned by ${learner}`;
  return new XMLSerializer().serializeToString(doc);
}
