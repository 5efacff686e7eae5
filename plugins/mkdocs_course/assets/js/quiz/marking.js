// Marking, with no page in sight: normalise an answer, hash it as the build does, mark a
// question, score an attempt.

// JavaScript's white space (what trim() and \s remove): the build normalises with the same set.
/**
 * A typed answer as the build normalised the accepted ones (docs/architecture.md, "Answer hashing").
 * @param {string} text
 * @returns {string}
 */
export const normalise = (text) => text.normalize("NFC").toLowerCase().trim().replace(/\s+/g, " ");

const hexadecimal = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * SHA-256 of text as hexadecimal. crypto.subtle exists only in secure contexts; a site served over
 * plain http on a LAN host (`mkdocs serve -a 0.0.0.0`) loads the small fallback instead.
 */
export async function sha256(text) {
  const bytes = new TextEncoder().encode(text);
  if (globalThis.crypto?.subtle) return hexadecimal(await crypto.subtle.digest("SHA-256", bytes));
  const { digest } = await import("./sha256.js");
  return hexadecimal(digest(bytes));
}

/**
 * The answer key of a response (what the build hashed), or null when it is not answered.
 * @param {"single"|"multiple"|"true_false"|"text"} type
 * @param {number|number[]|boolean|string|null} response
 * @returns {string|null}
 */
export function answerKey(type, response) {
  if (type === "text") return typeof response === "string" && normalise(response) ? normalise(response) : null;
  if (type === "multiple") {
    return Array.isArray(response) && response.length ? [...response].sort((first, second) => first - second).join(",") : null;
  }
  return response === null || response === undefined ? null : String(response);
}

/**
 * Marks one question against its salted answer hashes.
 * @returns {Promise<{answered: boolean, correct: boolean}>}
 */
export async function mark(salt, question, variantIndex, response) {
  const key = answerKey(question.type, response);
  if (key === null) return { answered: false, correct: false };
  const hash = await sha256(`${salt}:${question.id}:${variantIndex}:${key}`);
  return { answered: true, correct: question.variants[variantIndex].answerHashes.includes(hash) };
}

/**
 * Whole percent of correct results, rounded down, so "score >= pass mark" agrees with the exact ratio.
 * @param {{correct: boolean}[]} results
 */
export function score(results) {
  if (!results.length) return 0;
  return Math.floor((100 * results.filter((result) => result.correct).length) / results.length);
}
