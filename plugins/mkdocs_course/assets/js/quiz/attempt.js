// The current attempt at a quiz: which questions, which version of each, the options' order, the
// answers so far, the tries used and which questions are closed; how it is saved as the block's
// draft in the record and restored from it.
import { pickVariant, range, shuffle } from "./shuffle.js";

/**
 * @typedef {object} AttemptItem one question of the attempt
 * @property {object} question the question from the quiz payload
 * @property {number} variantIndex which version of it is shown
 * @property {number[]} order the options' display order, as author indices
 * @property {number|number[]|boolean|string|null} response the answer so far
 * @property {number} tries how many times it was checked
 * @property {boolean} closed right, out of tries, or finished with the attempt: no more changes
 */

/** A fresh item for a question: a version other than the one shown last, options shuffled. */
function freshItem(question, lastVariantKey) {
  const lastIndex = question.variants.findIndex((variant) => variant.key === lastVariantKey);
  const variantIndex = pickVariant(question.variants.length, lastIndex);
  const order = shuffle(range(question.variants[variantIndex].feedbackSealed.length));
  return { question, variantIndex, order, response: null, tries: 0, closed: false };
}

/**
 * The items of a new attempt: every question in the author's order, or a shuffled draw.
 * @param {object} quiz the quiz payload
 * @param {Record<string, string>} [lastVariantKeys] the version each question showed last
 * @returns {AttemptItem[]}
 */
export function newAttempt(quiz, lastVariantKeys = {}) {
  const questions = quiz.draw ? shuffle(quiz.questions).slice(0, quiz.draw) : quiz.questions;
  return questions.map((question) => freshItem(question, lastVariantKeys[question.id]));
}

const isOrder = (order, count) =>
  Array.isArray(order) && order.length === count && range(count).every((index) => order.includes(index));
const isOptionIndex = (value, count) => Number.isInteger(value) && value >= 0 && value < count;

function isResponse(type, response, optionCount) {
  if (response === null) return true;
  if (type === "text") return typeof response === "string";
  if (type === "true_false") return typeof response === "boolean";
  if (type === "single") return isOptionIndex(response, optionCount);
  return Array.isArray(response) && response.every((index) => isOptionIndex(index, optionCount));
}

// The saved item, if its version still exists and what was saved fits it. Tries beyond the
// question's (the author lowered them) close it.
function restoredItem(question, saved) {
  const variantIndex = question.variants.findIndex((variant) => variant.key === saved.variant);
  if (variantIndex < 0) return null;
  const optionCount = question.variants[variantIndex].feedbackSealed.length;
  const response = saved.response ?? null;
  if ((optionCount && !isOrder(saved.order, optionCount)) || !isResponse(question.type, response, optionCount)) return null;
  const tries = Number.isInteger(saved.tries) && saved.tries > 0 ? Math.min(saved.tries, question.tries) : 0;
  const closed = saved.closed === true || tries === question.tries;
  return { question, variantIndex, order: optionCount ? saved.order : [], response, tries, closed };
}

function itemsShown(quiz, kept) {
  if (!quiz.draw) return quiz.questions.map((question) => kept.find((item) => item.question === question) ?? freshItem(question));
  const rest = shuffle(quiz.questions.filter((question) => !kept.some((item) => item.question === question)));
  const items = kept.slice(0, quiz.draw);
  while (items.length < quiz.draw && rest.length) items.push(freshItem(rest.pop()));
  return items;
}

/**
 * The attempt saved in a block's draft, matched to the quiz by question id and version key: a
 * question that is gone is dropped, and one whose version was edited starts afresh.
 * @param {object} quiz the quiz payload
 * @param {object} [draft] the block's draft in the record
 * @returns {{items: AttemptItem[], marked: boolean}|null} `marked` only when it came back whole
 */
export function restoreAttempt(quiz, draft) {
  if (!draft || !Array.isArray(draft.questions)) return null;
  const questionsById = new Map(quiz.questions.map((question) => [question.id, question]));
  let intact = true;
  const kept = [];
  for (const saved of draft.questions) {
    const question = questionsById.get(saved?.id);
    const item = question && restoredItem(question, saved);
    if (!item) intact = false;
    if (question) kept.push(item || freshItem(question));
  }
  const items = itemsShown(quiz, kept);
  intact &&= items.every((item) => kept.includes(item));
  const marked = intact && draft.marked === true;
  // A draft saved before questions had tries: its marked attempt had every question closed.
  if (marked) for (const item of items) item.closed = true;
  return { items, marked };
}

/** The draft saved in the record: all a reload needs to show the same attempt. */
export function attemptDraft(items, marked) {
  const questions = items.map(({ question, variantIndex, order, response, tries, closed }) => ({
    id: question.id,
    variant: question.variants[variantIndex].key,
    order,
    response,
    tries,
    closed,
  }));
  return { marked, questions };
}

/** The version key each question showed, so that the next attempt shows another. */
export function shownVariantKeys(items) {
  return Object.fromEntries(items.map((item) => [item.question.id, item.question.variants[item.variantIndex].key]));
}
