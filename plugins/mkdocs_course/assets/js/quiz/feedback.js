// What a question shows once checked, and what an attempt shows once finished: the verdict, each
// option marked, the feedback and explanation (sealed until then), the result's summary with a link
// to each question, the unanswered questions, and what a new attempt changed. Loaded on the first
// check (or to show a restored one), so the quiz page starts with less.
import { el, elementWithHtml } from "../dom.js";
import { message } from "../messages.js";
import { formatList, formatNumber } from "../message-formats.js";
import { answerKey, mark, rightAnswer, score } from "./marking.js";
import { unseal } from "./sealing.js";
import { triesLeftText } from "./view.js";

/** Whether a question has an answer to check (typed text counts once normalised). */
export const isAnswered = (item) => answerKey(item.question.type, item.response) !== null;

/** The attempt's score: whole percent of its questions right within their tries. */
export const scoreOf = (items) => score(items);

const icon = (character) =>
  el("span", { "aria-hidden": "true", class: character === "✗" ? "course-icon course-icon--bad" : "course-icon course-icon--ok" }, character);

// How a marked option reads: by icon, words and colour (quiz.css) together.
const OPTION_STATES = {
  right: ["✓", "quiz.option_chosen_right"],
  wrong: ["✗", "quiz.option_chosen_wrong"],
  missed: ["→", "quiz.option_right_missed"],
};

/** A primary or plain material button. */
export const button = (text, primary = false) =>
  el("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button" }, text);

/**
 * A link within the quiz that moves focus itself. Material's instant navigation takes every click
 * on a link of the site, this page's own anchors too, and would reload the page and lose focus.
 * @param {HTMLElement} target where the link points (it needs an id)
 * @param {string} text
 * @param {() => void} [moveFocus] what the link does; by default it focuses `target`
 */
function quizLink(target, text, moveFocus = () => target.focus()) {
  const link = el("a", { href: `#${target.id}` }, text);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
    moveFocus();
  });
  return link;
}

/**
 * Checks a question's answer: one try used, and the question closes when it is right, out of
 * tries, or `final` (the attempt is being finished). An unanswered question uses no try.
 * @returns {Promise<boolean>} whether it was answered
 */
export async function checkItem(salt, item, final = false) {
  const { question, variantIndex, response } = item;
  if (!isAnswered(item)) {
    item.closed ||= final;
    return false;
  }
  item.tries += 1;
  const { correct } = await mark(salt, question, variantIndex, response);
  item.closed = correct || final || item.tries >= question.tries;
  return true;
}

const checkedValues = (item) => [...item.fieldset.querySelectorAll("input:checked")].map((input) => input.value);

// Each option chosen or right, marked; how many right options a partly right answer found.
function markOptions(item, right) {
  for (const input of item.fieldset.querySelectorAll("input:not([type=text])")) {
    const isRight = right.includes(input.value);
    const state = input.checked ? (isRight ? "right" : "wrong") : isRight ? "missed" : "";
    if (!state) continue;
    const [character, words] = OPTION_STATES[state];
    input.parentElement.classList.add(`course-opt--${state}`);
    input.parentElement.append(" ", el("span", { class: "course-opt__state" }, icon(character), message(words)));
  }
  const found = right.filter((value) => checkedValues(item).includes(value)).length;
  if (item.question.type !== "multiple" || !found || item.correct) return [];
  return [el("p", {}, message("quiz.right_options_found", { found, count: right.length }))];
}

// A closed question's verdict, in its feedback and in the result's summary alike.
const closedVerdict = (item) =>
  item.correct ? ["✓", message("quiz.correct")] : ["✗", message(item.answered ? "quiz.incorrect" : "quiz.not_answered")];

function verdictOf(item) {
  if (!item.closed) {
    const count = item.question.tries - item.tries;
    return ["✗", message("quiz.not_right_yet"), " ", message("quiz.not_right_yet_tries", { count })];
  }
  return closedVerdict(item);
}

/**
 * Shows a checked question: its verdict and the feedback on the options chosen; once it is closed,
 * the options marked right or wrong, the explanation and the review link. Sets `item.correct`.
 * @returns {Promise<HTMLElement>} the verdict, to move focus to
 */
export async function showChecked(salt, item) {
  const { question, variantIndex, response } = item;
  const { answered, correct } = await mark(salt, question, variantIndex, response);
  Object.assign(item, { correct, answered });
  const variant = question.variants[variantIndex];
  const open = (sealed, part) => unseal(sealed, salt, question.id, variantIndex, part);
  const chosen = question.type === "true_false" ? [] : checkedValues(item);
  const notes = await Promise.all(chosen.map((index) => open(variant.feedbackSealed[index], `feedback:${index}`)));
  item.fieldset.querySelector(".course-q__tries").textContent = triesLeftText(question.tries - item.tries);
  const [character, words, ...more] = verdictOf(item);
  const verdict = el("p", { class: "course-q__verdict", tabindex: "-1" }, icon(character), el("strong", {}, words), ...more);
  const parts = [verdict];
  if (item.closed) {
    item.element.className = `course-q course-q--${correct ? "correct" : "incorrect"}`;
    item.fieldset.disabled = true;
    item.fieldset.querySelector(".course-q__check").hidden = true;
    if (question.type !== "text") parts.push(...markOptions(item, await rightAnswer(salt, question, variantIndex, item.order)));
  }
  parts.push(...notes.filter(Boolean).map((note) => elementWithHtml("div", { class: "course-q__note" }, note)));
  if (item.closed) parts.push(...(await closingNotes(item, open)));
  item.feedback.replaceChildren(...parts);
  return verdict;
}

async function closingNotes(item, open) {
  const { reviewUrl, reviewTitle } = item.question;
  const explanation = await open(item.question.variants[item.variantIndex].explanationSealed, "explanation");
  const notes = explanation ? [elementWithHtml("div", { class: "course-q__explanation" }, explanation)] : [];
  const readAgain = reviewTitle ? message("quiz.read_again", { title: reviewTitle }) : message("quiz.read_again_lesson");
  if (reviewUrl) notes.push(el("p", {}, el("a", { href: reviewUrl }, readAgain)));
  return notes;
}

/**
 * The result of a finished attempt, for the top of the quiz: the score, whether it passes, and a
 * link to each question with its verdict.
 * @returns {{heading: HTMLElement, nodes: HTMLElement[]}}
 */
export function resultSummary(items, { percent, passMark, passed }) {
  const right = items.filter((item) => item.correct).length;
  const heading = el("h2", { tabindex: "-1" }, message("quiz.your_score", { percent }));
  const verdict = el("strong", {}, message(passed ? "quiz.you_passed" : "quiz.not_passed_yet"));
  const links = el("ul", { class: "course-quiz__revisit" });
  items.forEach((item, index) => {
    const [character, said] = closedVerdict(item);
    links.append(el("li", {}, quizLink(item.element, message("quiz.question_link", { number: index + 1 })), " ", icon(character), said));
  });
  const total = message("quiz.questions_right", { right, count: items.length, pass_mark: passMark });
  return { heading, nodes: [heading, el("p", {}, total, " ", verdict), el("p", {}, message("quiz.go_back")), links] };
}

/**
 * The unanswered questions, each a link that moves focus to it, and the two ways on.
 * @returns {{heading: HTMLElement, nodes: (HTMLElement|string)[]}}
 */
export function unansweredList(missing, { markAnyway, keepAnswering }) {
  const heading = el("h2", { tabindex: "-1" }, message("quiz.unanswered", { count: missing.length }));
  const links = el("ul", {});
  for (const item of missing) {
    const firstInput = () => item.fieldset.querySelector("input").focus();
    links.append(el("li", {}, quizLink(item.element, item.fieldset.querySelector("legend").textContent, firstInput)));
  }
  const anyway = button(message("quiz.check_anyway"), true);
  const back = button(message("quiz.keep_answering"));
  anyway.addEventListener("click", markAnyway);
  back.addEventListener("click", keepAnswering);
  return { heading, nodes: [heading, el("p", {}, message("quiz.unanswered_count_as_wrong")), links, anyway, " ", back] };
}

// A new attempt's announcement: [options as before, options in a new order].
const NEW_ATTEMPT = {
  same: ["quiz.new_attempt_same", "quiz.new_attempt_same_reordered"],
  changed: ["quiz.new_attempt_changed", "quiz.new_attempt_changed_reordered"],
};

// The numbers of `positions` as a plural message's values: "2", "1 and 3", "1, 2, and 5".
const numbered = (positions) => ({ count: positions.length, numbers: formatList(positions.map((position) => formatNumber(position))) });

/**
 * What a new attempt changed, said exactly: which questions are other versions, which were not in
 * the last attempt (a draw), and that the options are in a new order.
 * @param {import("./attempt.js").AttemptItem[]} before the last attempt
 * @param {import("./attempt.js").AttemptItem[]} after the new one
 */
export function attemptChanges(before, after) {
  const last = new Map(before.map((item) => [item.question.id, item.variantIndex]));
  const changed = { version: [], question: [] };
  after.forEach((item, index) => {
    if (!last.has(item.question.id)) changed.question.push(index + 1);
    else if (last.get(item.question.id) !== item.variantIndex) changed.version.push(index + 1);
  });
  // The messages name each part of the sentence in its place (catalogs/en.yml, `changed_*`).
  const parts = [];
  if (changed.version.length) parts.push(message("quiz.changed_versions", numbered(changed.version)));
  if (changed.question.length) {
    const key = parts.length ? "quiz.changed_questions_after_versions" : "quiz.changed_questions";
    parts.push(message(key, numbered(changed.question)));
  }
  if (parts.length && after.length > changed.version.length + changed.question.length) parts.push(message("quiz.changed_others_same"));
  const [same, reordered] = parts.length ? NEW_ATTEMPT.changed : NEW_ATTEMPT.same;
  return message(after.some((item) => item.order.length > 1) ? reordered : same, { changes: parts.join("") });
}
