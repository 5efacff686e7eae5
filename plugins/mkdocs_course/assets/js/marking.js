// Pure marking: normalise answers, hash them like the build does, mark questions, score. No DOM.

// Must match the build's normalisation (docs/architecture.md "Answer hashing").
export const normalise = (s) => s.normalize("NFC").toLowerCase().trim().replace(/\s+/g, " ");

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

// crypto.subtle exists only in secure contexts; a site served over plain http on a LAN host
// (e.g. `mkdocs serve -a 0.0.0.0`) loads the small fallback instead.
export async function sha256(text) {
  const data = new TextEncoder().encode(text);
  if (globalThis.crypto?.subtle) return hex(await crypto.subtle.digest("SHA-256", data));
  return hex((await import("./sha256.js")).digest(data));
}

// The answer key of a response, or null when the question is unanswered.
export function answerKey(type, r) {
  if (type === "text") return typeof r === "string" && normalise(r) ? normalise(r) : null;
  if (type === "multiple") return Array.isArray(r) && r.length ? [...r].sort((a, b) => a - b).join(",") : null;
  return r == null ? null : String(r);
}

export async function mark(salt, question, variantIndex, response) {
  const key = answerKey(question.type, response);
  if (key === null) return { answered: false, correct: false };
  const h = await sha256(`${salt}:${question.id}:${variantIndex}:${key}`);
  return { answered: true, correct: question.variants[variantIndex].answerHashes.includes(h) };
}

// Whole percent, rounded down, so "score >= passMark" agrees with the exact ratio.
export const score = (results) =>
  results.length ? Math.floor((100 * results.filter((r) => r.correct).length) / results.length) : 0;
