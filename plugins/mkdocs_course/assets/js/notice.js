// A polite, dismissible notice about the learner's progress (role=status: announced without
// taking focus), once per kind and visit. Loaded only when something went wrong.
import { el } from "./dom.js";

const MESSAGES = {
  unavailable:
    "Your progress cannot be saved in this browser (storage is blocked or full). Your answers count for this visit only.",
  unreadable:
    "Your saved progress in this course cannot be read by this version of the site. It is left as it is, and what you do in this visit is not saved. To start afresh in this browser, use “Delete my data” on the achievements page.",
  setAside: "Some saved progress could not be read. It has been set aside, and the rest of your progress is kept.",
};
const alreadyShown = new Set();

/**
 * Shows the notice of one kind, unless it was shown earlier in this visit.
 * @param {"unavailable"|"unreadable"|"setAside"} kind
 */
export function notice(kind) {
  if (alreadyShown.has(kind)) return;
  alreadyShown.add(kind);
  const where = document.querySelector("[data-course-quiz], .md-content__inner") || document.body;
  const dismiss = el("button", { type: "button", class: "md-button" }, "Dismiss");
  const box = el(
    "div",
    { class: "admonition info course-notice", role: "status" },
    el("p", { class: "admonition-title" }, "Your progress"),
    el("p", {}, MESSAGES[kind]),
    dismiss,
  );
  dismiss.addEventListener("click", () => box.remove());
  where.prepend(box);
}
