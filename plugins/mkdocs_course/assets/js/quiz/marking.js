// Marking, with no page in sight: normalise an answer, hash it as the build does, mark a
// question, score an attempt.

// What a phone or word processor types for a plain quote, apostrophe or hyphen, read as the plain
// one; quiz/answers.py holds the same table (tests/browser/test_answer_keys_agree.py).
const TYPOGRAPHIC = {
  "'": "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc\uff07",
  '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02",
  "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",
};
const PLAIN = new Map(Object.entries(TYPOGRAPHIC).flatMap(([plain, typed]) => [...typed].map((character) => [character, plain])));
const TYPED = new RegExp(`[${Object.values(TYPOGRAPHIC).join("")}]`, "g");
// Sentence punctuation at the end, however repeated, and the spaces before it.
const SENTENCE_END = /[ .!?\u2026\u203c\u203d\u2047-\u2049\u3002\uff01\uff1f\uff61]+$/;

/**
 * A typed answer as the build normalised the accepted ones (docs/architecture.md, "Answer hashing"):
 * NFC, lower case, typographic quotes and dashes as plain ones, white space (as JavaScript's trim()
 * and \s know it) collapsed and trimmed, trailing sentence punctuation dropped.
 * @param {string} text
 * @returns {string}
 */
export const normalise = (text) =>
  text.normalize("NFC").toLowerCase().replace(TYPED, (character) => PLAIN.get(character)).trim().replace(/\s+/g, " ").replace(SENTENCE_END, "");

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

// The salted hash of an answer key, as the build writes a variant's answerHashes.
const answerHash = (salt, question, variantIndex, key) => sha256(`${salt}:${question.id}:${variantIndex}:${key}`);

/**
 * Marks one question against its salted answer hashes.
 * @returns {Promise<{answered: boolean, correct: boolean}>}
 */
export async function mark(salt, question, variantIndex, response) {
  const key = answerKey(question.type, response);
  if (key === null) return { answered: false, correct: false };
  const hash = await answerHash(salt, question, variantIndex, key);
  return { answered: true, correct: question.variants[variantIndex].answerHashes.includes(hash) };
}

// Every answer key a learner could give from the options shown (author indices).
function possibleKeys(type, order) {
  if (type === "true_false") return ["true", "false"];
  if (type === "single") return order.map(String);
  if (type !== "multiple") return [];
  const keys = [];
  for (let subset = 1; subset < 2 ** order.length; subset++) {
    keys.push(answerKey(type, order.filter((index, bit) => subset & (2 ** bit))));
  }
  return keys;
}

/**
 * The right answer of a choice question, found by hashing each answer the shown options allow, as
 * the learner's own answer is marked: the build never puts answers in the page. Text questions
 * have none to find (their explanation says what was wanted).
 * @returns {Promise<string[]>} the right options' values ("2", "0" and "3", or "false")
 */
export async function rightAnswer(salt, question, variantIndex, order) {
  const keys = possibleKeys(question.type, order);
  const hashes = await Promise.all(keys.map((key) => answerHash(salt, question, variantIndex, key)));
  const found = keys.find((key, index) => question.variants[variantIndex].answerHashes.includes(hashes[index]));
  return found ? found.split(",") : [];
}

/**
 * Whole percent of correct results, rounded down, so "score >= pass mark" agrees with the exact ratio.
 * @param {{correct: boolean}[]} results
 */
export function score(results) {
  if (!results.length) return 0;
  return Math.floor((100 * results.filter((result) => result.correct).length) / results.length);
}
