// The statement of participation on the achievements page: what is still to pass, or the name
// field and the download once every block is passed.
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { completion, passOf } from "../badges/eligibility.js";
import { withElements } from "../badges/sentences.js";
import { message } from "../messages.js";
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
  const previewLine = el("p", {}, ...withElements(message("statement.made_out_to"), { name: preview }));
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
    el("label", { for: "course-name" }, message("statement.name_label")),
    input,
    error,
    el("p", { id: "course-name-hint", class: "course-hint" }, message("statement.name_hint")),
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
  const download = el("button", { type: "button", class: "md-button md-button--primary" }, message("statement.download"));
  const messages = statusMessages();
  download.addEventListener("click", () => {
    const name = nameInput.value.trim();
    if (!name) {
      markInvalid(message("statement.name_missing"));
      return nameInput.focus();
    }
    const failed = (error) => message("statement.failed", { error: error.message });
    runAction(download, messages.say, message("statement.making"), () => makeStatement(name), failed);
  });
  // The name field shows from the first pass: badges carry the name too, and a badge made without
  // one links here (badges/actions.js).
  const readyParts = [
    el("p", {}, message("statement.ready")),
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
        const quizLink = (block) => message("statement.quiz_link", { number: block.number, title: block.title });
        const links = left.map((block) => el("li", {}, el("a", { href: absolute(block.quizUrl) }, quizLink(block))));
        const named = left.length < course.blocks.length ? nameParts : [];
        box.replaceChildren(el("p", {}, message("statement.still_to_pass")), el("ul", {}, ...links), ...named);
      }
    }
    const name = typeof record.name === "string" ? record.name : "";
    if (document.activeElement !== nameInput && nameInput.value !== name) nameInput.value = name;
    showName(nameInput.value);
  };
}

