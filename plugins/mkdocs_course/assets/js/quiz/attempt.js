// The current attempt at a quiz: which questions, which version of each, the options' order and
// the answers so far; how it is saved as the block's draft in the record and restored from it.
import { pickVariant, range, shuffle } from "./shuffle.js";

/**
 * @typedef {object} AttemptItem one question of the attempt
 * @property {object} question the question from the quiz payload
 * @property {number} variantIndex which version of it is shown
 * @property {number[]} order the options' display order, as author indices
 * @property {number|number[]|boolean|string|null} response the answer so far
 */

/** A fresh item for a question: a version other than the one shown last, options shuffled. */
function freshItem(question, lastVariantKey) {
  const lastIndex = question.variants.findIndex((variant) => variant.key === lastVariantKey);
  const variantIndex = pickVariant(question.variants.length, lastIndex);
  const order = shuffle(range(question.variants[variantIndex].options.length));
  return { question, variantIndex, order, response: null };
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

// The saved item, if its version still exists and what was saved fits it.
function restoredItem(question, saved) {
  const variantIndex = question.variants.findIndex((variant) => variant.key === saved.variant);
  if (variantIndex < 0) return null;
  const optionCount = question.variants[variantIndex].options.length;
  const response = saved.response ?? null;
  if ((optionCount && !isOrder(saved.order, optionCount)) || !isResponse(question.type, response, optionCount)) return null;
  return { question, variantIndex, order: optionCount ? saved.order : [], response };
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
  return { items, marked: intact && draft.marked === true };
}

/** The options the learner chose in an item, as author indices (none for true/false and text). */
export function chosenOptions(item) {
  if (item.question.type === "single") return item.response === null ? [] : [item.response];
  return item.question.type === "multiple" ? item.response || [] : [];
}

/** The draft saved in the record: all a reload needs to show the same attempt. */
export function attemptDraft(items, marked) {
  const questions = items.map(({ question, variantIndex, order, response }) => ({
    id: question.id,
    variant: question.variants[variantIndex].key,
    order,
    response,
  }));
  return { marked, questions };
}

/** The version key each question showed, so that the next attempt shows another. */
export function shownVariantKeys(items) {
  return Object.fromEntries(items.map((item) => [item.question.id, item.question.variants[item.variantIndex].key]));
}
