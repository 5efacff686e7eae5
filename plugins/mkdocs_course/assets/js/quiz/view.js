// What the quiz page shows: each question as form controls, its verdict and feedback once marked,
// the result summary, and the list of unanswered questions. No storage and no marking here.
import { el, elementWithHtml } from "../dom.js";

const icon = (character) => el("span", { "aria-hidden": "true", class: "course-icon" }, character);

/** A primary or plain material button. */
export const button = (text, primary = false) =>
  el("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button" }, text);

function choice(type, name, value, label, checked) {
  const input = el("input", { type, name, value });
  input.checked = checked;
  return el("label", { class: "course-opt" }, input, label);
}

function answerControls(item, name) {
  const { question, variantIndex, order, response } = item;
  const box = el("div", { class: "course-q__options" });
  if (question.type === "text") {
    const input = el("input", { type: "text", class: "course-input", id: name, name, autocomplete: "off", spellcheck: "false" });
    input.value = response || "";
    box.append(el("label", { for: name }, "Your answer"), input);
  } else if (question.type === "true_false") {
    box.append(choice("radio", name, "true", "True", response === true), choice("radio", name, "false", "False", response === false));
  } else {
    const options = question.variants[variantIndex].options;
    const single = question.type === "single";
    for (const index of order) {
      const checked = single ? response === index : (response || []).includes(index);
      box.append(choice(single ? "radio" : "checkbox", name, index, elementWithHtml("span", {}, options[index].html), checked));
    }
  }
  return box;
}

/**
 * Builds one question's list item and keeps its parts on the item (`fieldset`, `feedback`, `element`).
 * @param {object} item an attempt item (attempt.js)
 * @param {number} position 1-based
 * @param {number} total
 */
export function questionElement(item, position, total) {
  const id = `course-q${position}`;
  item.fieldset = el(
    "fieldset",
    { "aria-labelledby": `${id}-legend ${id}-prompt` },
    el("legend", { id: `${id}-legend` }, `Question ${position} of ${total}`),
    elementWithHtml("div", { id: `${id}-prompt`, class: "course-q__prompt" }, item.question.variants[item.variantIndex].promptHtml),
    answerControls(item, `${id}-answer`),
  );
  item.feedback = el("div", { class: "course-q__feedback" });
  item.element = el("li", { class: "course-q", id }, item.fieldset, item.feedback);
  return item.element;
}

/** The response shown in a question's controls: an option index, sorted indices, true/false or text. */
export function readResponse(item) {
  const inputs = [...item.fieldset.querySelectorAll("input")];
  const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
  const type = item.question.type;
  if (type === "text") return inputs[0].value;
  if (!chosen.length) return null;
  if (type === "multiple") return chosen.map(Number).sort((first, second) => first - second);
  if (type === "true_false") return chosen[0] === "true";
  return Number(chosen[0]);
}

/**
 * Shows a marked question: its verdict, the feedback on the options chosen and the explanation
 * (opened by the page: `item.notes`, `item.explanation`), and the review link.
 */
export function showMarkedQuestion(item) {
  const { answered, correct } = item.result;
  item.fieldset.disabled = true;
  item.element.className = `course-q course-q--${correct ? "correct" : "incorrect"}`;
  const verdict = correct ? "Correct" : answered ? "Incorrect" : "Not answered";
  item.feedback.replaceChildren(el("p", { class: "course-q__verdict" }, icon(correct ? "✓" : "✗"), el("strong", {}, verdict)));
  for (const note of item.notes) {
    if (note) item.feedback.append(elementWithHtml("div", { class: "course-q__note" }, note));
  }
  if (item.explanation) item.feedback.append(elementWithHtml("div", { class: "course-q__explanation" }, item.explanation));
  const { reviewUrl, reviewTitle } = item.question;
  if (reviewUrl) item.feedback.append(el("p", {}, el("a", { href: reviewUrl }, `Review: ${reviewTitle || "the lesson"}`)));
}

/**
 * The result of a marked attempt: a focusable heading with the score, then what it means.
 * @returns {{heading: HTMLElement, nodes: HTMLElement[]}}
 */
export function resultSummary({ percent, right, total, passMark, passed }) {
  const heading = el("h2", { tabindex: "-1" }, `Your score: ${percent}%`);
  const verdict = el("strong", {}, passed ? "You passed." : "You have not passed yet.");
  return { heading, nodes: [heading, el("p", {}, `${right} of ${total} correct. The pass mark is ${passMark}%. `, verdict)] };
}

/**
 * The unanswered questions, each a link that moves focus to it, and the two ways on.
 * @returns {{heading: HTMLElement, nodes: (HTMLElement|string)[]}}
 */
export function unansweredList(missing, { markAnyway, keepAnswering }) {
  const count = missing.length;
  const heading = el("h2", { tabindex: "-1" }, count === 1 ? "1 question is not answered" : `${count} questions are not answered`);
  const links = el("ul", {});
  for (const item of missing) {
    const link = el("a", { href: `#${item.element.id}` }, item.fieldset.querySelector("legend").textContent);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      item.fieldset.querySelector("input").focus();
    });
    links.append(el("li", {}, link));
  }
  const anyway = button("Check answers anyway", true);
  const back = button("Keep answering");
  anyway.addEventListener("click", markAnyway);
  back.addEventListener("click", keepAnswering);
  return { heading, nodes: [heading, el("p", {}, "Unanswered questions count as wrong."), links, anyway, " ", back] };
}
