// A polite, dismissible notice about the learner's progress (role=status: announced without
// taking focus), once per kind and visit. Loaded only when something went wrong.
import { el } from "./dom.js";
import { message } from "./messages.js";
import { loadWords } from "./words-on-demand.js";

// The message of each kind of notice (area `notice`).
const MESSAGES = { unavailable: "notice.unavailable", unreadable: "notice.unreadable", setAside: "notice.set_aside" };
const alreadyShown = new Set();

/**
 * Shows the notice of one kind, unless it was shown earlier in this visit.
 * @param {"unavailable"|"unreadable"|"setAside"} kind
 * @returns {Promise<void>}
 */
export async function notice(kind) {
  if (alreadyShown.has(kind)) return;
  alreadyShown.add(kind);
  if (!(await loadWords())) {
    alreadyShown.delete(kind); // no words to say it with: said on the next problem, if the words come
    return;
  }
  const where = document.querySelector("[data-course-quiz], .md-content__inner") || document.body;
  const dismiss = el("button", { type: "button", class: "md-button" }, message("notice.dismiss"));
  const box = el(
    "div",
    { class: "admonition info course-notice", role: "status" },
    el("p", { class: "admonition-title" }, message("notice.title")),
    el("p", {}, message(MESSAGES[kind])),
    dismiss,
  );
  dismiss.addEventListener("click", () => box.remove());
  where.prepend(box);
}
