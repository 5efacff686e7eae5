// Text in any script drawn by the browser itself: its own shaping (Arabic joining, Devanagari
// conjuncts), bidi and font fallback (CJK). Names always go in as text, never as markup.

export const FONT_STACK = [
  '"Noto Sans"', '"Noto Sans Arabic"', '"Noto Naskh Arabic"', '"Noto Sans Hebrew"',
  '"Noto Sans Devanagari"', '"Noto Sans CJK JP"', '"Noto Sans CJK SC"', '"Noto Sans JP"',
  '"DejaVu Sans"', "Arial", "sans-serif",
].join(", ");

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const STRONG_LTR = /[A-Za-z\u00c0-\u02b8\u0370-\u03ff\u0400-\u052f\u0900-\u0dff\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af]/u;

/** "rtl" or "ltr" from the first strong character, as dir="auto" does. */
export function baseDirection(text) {
  for (const character of text) {
    if (STRONG_RTL.test(character)) return "rtl";
    if (STRONG_LTR.test(character)) return "ltr";
  }
  return "ltr";
}

export function cssFont(fontSize, bold = false) {
  return `${bold ? 700 : 400} ${fontSize}px ${FONT_STACK}`;
}

/**
 * Draws `text` centred at (x, y) on a 2D context, shrinking the font until it fits `maxWidth`.
 * `direction`: the paragraph's ("rtl" for a sentence of a right-to-left course), else the text's own.
 * @returns {number} the font size used
 */
export function fillFittedText(ctx, text, { x, y, fontSize, minFontSize = 12, maxWidth, bold = false, colour = "#111111", direction }) {
  let size = fontSize;
  ctx.font = cssFont(size, bold);
  while (size > minFontSize && ctx.measureText(text).width > maxWidth) {
    size -= 1;
    ctx.font = cssFont(size, bold);
  }
  ctx.direction = direction ?? baseDirection(text);
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y, maxWidth);
  return size;
}

/** Greedy line breaking by measured width; breaks inside a word (e.g. CJK) only when it must. */
export function wrapMeasured(ctx, text, maxWidth) {
  const lines = [];
  let line = "";
  const push = (piece) => {
    const candidate = line ? `${line}${piece}` : piece.trimStart();
    if (ctx.measureText(candidate).width <= maxWidth || !line) {
      line = candidate;
    } else {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    }
  };
  for (const word of text.split(/(?=\s)/u)) {
    if (ctx.measureText(word.trim()).width <= maxWidth) {
      push(word);
    } else {
      for (const character of word) push(character);
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines.length ? lines : [""];
}

/**
 * A canvas holding `text` (wrapped to `maxWidthPx`) drawn in ink on transparency, centred or from
 * the start of its lines: the right for a right-to-left paragraph. `direction`: the paragraph's
 * ("rtl" for a sentence of a right-to-left course), else the text's own (its first strong character).
 * @returns {{canvas: HTMLCanvasElement, lines: number}}
 */
export function textCanvas(text, { fontSize, bold = false, maxWidthPx, lineHeight = 1.35, align = "center", colour = "#111111", direction }) {
  const probe = document.createElement("canvas").getContext("2d");
  probe.font = cssFont(fontSize, bold);
  const lines = wrapMeasured(probe, text, maxWidthPx);
  const width = Math.ceil(Math.min(maxWidthPx, Math.max(...lines.map((line) => probe.measureText(line).width))) + fontSize * 0.2);
  const step = Math.ceil(fontSize * lineHeight);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(width, 1);
  canvas.height = step * lines.length;
  const ctx = canvas.getContext("2d");
  ctx.font = cssFont(fontSize, bold);
  ctx.fillStyle = colour;
  ctx.direction = direction ?? baseDirection(text);
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = align === "center" ? "center" : ctx.direction === "rtl" ? "right" : "left";
  const x = align === "center" ? canvas.width / 2 : ctx.direction === "rtl" ? canvas.width : 0;
  lines.forEach((line, i) => ctx.fillText(line, x, i * step + fontSize * 1.05));
  return { canvas, lines: lines.length };
}
