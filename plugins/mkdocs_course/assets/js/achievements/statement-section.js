// The statement of participation on the achievements page: what is still to pass, or the name
// field and the download once every block is passed.
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { completion, passOf } from "../badges/eligibility.js";
import { cleanName, NAME_MAX_LENGTH } from "../record.js";

// The name to print: the field, its hint, its own error (next to it, tied to it by
// aria-describedby and announced as an alert) and a preview of the name as it will be printed.
function nameField(store) {
  const input = el("input", {
    type: "text", class: "course-input", id: "course-name", autocomplete: "name", maxlength: String(NAME_MAX_LENGTH),
    spellcheck: "false", "aria-describedby": "course-name-hint",
  });
  const error = el("p", { id: "course-name-error", class: "course-msg course-msg--alert", role: "alert" });
  const markInvalid = (problem) => {
    error.textContent = problem;
    if (problem) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", problem ? "course-name-error course-name-hint" : "course-name-hint");
  };
  const preview = el("strong", {});
  const previewLine = el("p", {}, "Your statement will be made out to: ", preview);
  const showName = (name) => {
    preview.textContent = name.trim(); // text, never markup
    previewLine.hidden = !name.trim();
  };
  input.addEventListener("input", () => {
    // Kept as typed, less what no font can draw (the record's one rule for names): a pasted
    // control character would otherwise break the badge and the statement.
    const name = cleanName(input.value);
    if (name !== input.value) input.value = name;
    store.update((record) => {
      record.name = name;
    });
    showName(input.value);
    if (name.trim()) markInvalid("");
  });
  const parts = [
    el("label", { for: "course-name" }, "Name to print on your statement"),
    input,
    error,
    el("p", { id: "course-name-hint", class: "course-hint" }, "As you want it to appear. It is kept in this browser with your progress, and your badges show it too."),
    previewLine,
  ];
  return { input, parts, showName, markInvalid };
}

/**
 * Builds the statement section in `box`.
 * @param {HTMLElement} box the `[data-course-statement]` element
 * @param {{course: object, store: object, absolute: (url: string) => string,
 *   makeStatement: (name: string) => Promise<string>}} context
 * @returns {(record: object) => void} shows the section as the record says
 */
export function statementSection(box, { course, store, absolute, makeStatement }) {
  const { input: nameInput, parts: nameParts, showName, markInvalid } = nameField(store);
  const download = el("button", { type: "button", class: "md-button md-button--primary" }, "Download statement");
  const messages = statusMessages();
  download.addEventListener("click", () => {
    const name = nameInput.value.trim();
    if (!name) {
      markInvalid("Type the name to print on your statement first.");
      return nameInput.focus();
    }
    const working = "Making your statement… The first time takes a few seconds.";
    runAction(download, messages.say, working, () => makeStatement(name), (error) => `The statement could not be made: ${error.message}`);
  });
  // The name field shows from the first pass: badges carry the name too, and a badge made without
  // one links here (badges/actions.js).
  const readyParts = [
    el("p", {}, "You have passed every block. Your statement of participation is a PDF naming you, the course, and each block with your score."),
    ...nameParts,
    download,
    ...messages.nodes,
  ];
  let shown = null;

  return (record) => {
    const left = course.blocks.filter((block) => !passOf(record, block.id));
    const state = completion(course, record) ? "done" : left.map((block) => block.id).join();
    if (state !== shown) {
      shown = state;
      if (state === "done") box.replaceChildren(...readyParts);
      else {
        const links = left.map((block) => el("li", {}, el("a", { href: absolute(block.quizUrl) }, `the quiz of Block ${block.number}: ${block.title}`)));
        const named = left.length < course.blocks.length ? nameParts : [];
        box.replaceChildren(el("p", {}, "The statement is offered once every block's quiz is passed. Still to pass:"), el("ul", {}, ...links), ...named);
      }
    }
    const name = typeof record.name === "string" ? record.name : "";
    if (document.activeElement !== nameInput && nameInput.value !== name) nameInput.value = name;
    showName(nameInput.value);
  };
}

