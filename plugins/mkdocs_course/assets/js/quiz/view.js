// The questions as the build rendered them (templates/quiz.html): which attempt the markup shows,
// showing another attempt in it (versions, order, answers, tries), and reading the answers. No
// storage and no marking here; what is shown once a question is checked is in feedback.js.
import { message } from "../messages.js";

const versionsOf = (element) => [...element.querySelectorAll(".course-q__version")];

/** "3 tries left", "1 try left". */
export const triesLeftText = (count) => message("quiz.tries_left", { count });

/**
 * The first attempt, as the build rendered it: the questions shown in their order, the version
 * shown of each, its options' order and any answer already given. Taking it as it is keeps the
 * page from moving.
 * @param {object} quiz the quiz payload
 * @param {HTMLOListElement} list the questions' list
 * @returns {import("./attempt.js").AttemptItem[]}
 */
export function renderedAttempt(quiz, list) {
  const shown = [...list.children].filter((element) => !element.hidden);
  return shown.map((element) => {
    const question = quiz.questions.find((candidate) => candidate.id === element.dataset.question);
    const fieldset = versionsOf(element).find((version) => !version.hidden);
    const order = question.type === "true_false" ? [] : [...fieldset.querySelectorAll("input")].map((input) => Number(input.value));
    const item = { question, variantIndex: Number(fieldset.dataset.version), order: question.type === "text" ? [] : order, tries: 0, closed: false };
    // What a quick learner chose before the script ran is kept.
    item.response = readResponse({ ...item, fieldset });
    return item;
  });
}

// One question as its item says: the version, the options' order, the answer, open to answer.
function showItem(item, position, total) {
  const versions = versionsOf(item.element);
  versions.forEach((version, index) => (version.hidden = index !== item.variantIndex));
  item.fieldset = versions[item.variantIndex];
  item.fieldset.disabled = false;
  item.fieldset.querySelector(".course-q__check").hidden = false;
  item.fieldset.querySelector("legend").textContent = message("quiz.question_position", { position, total });
  item.feedback = item.element.querySelector(".course-q__feedback");
  item.feedback.replaceChildren();
  item.element.className = "course-q";
  const options = item.fieldset.querySelector(".course-q__options");
  for (const index of item.order) options.append(options.querySelector(`input[value="${index}"]`).parentElement);
  for (const input of item.fieldset.querySelectorAll("input")) {
    if (input.type === "text") {
      input.value = item.response ?? "";
      continue;
    }
    input.checked = Array.isArray(item.response) ? item.response.includes(Number(input.value)) : String(item.response) === input.value;
    input.parentElement.className = "course-opt";
  }
  item.fieldset.querySelectorAll(".course-opt__state").forEach((state) => state.remove());
  item.fieldset.querySelector(".course-q__tries").textContent = triesLeftText(item.question.tries - item.tries);
}

/**
 * Shows an attempt in the rendered questions: its questions in order (the others hidden), each
 * open to answer; sets `element`, `fieldset` and `feedback` on every item.
 * @param {import("./attempt.js").AttemptItem[]} items
 * @param {HTMLOListElement} list
 */
export function showAttempt(items, list) {
  const elements = [...list.children];
  for (const element of elements) element.hidden = true;
  items.forEach((item, index) => {
    item.element = elements.find((element) => element.dataset.question === item.question.id);
    item.element.hidden = false;
    list.append(item.element);
    showItem(item, index + 1, items.length);
  });
  for (const element of elements) if (element.hidden) list.append(element);
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
