// A polite, dismissible notice (role=status: announced without taking focus), once per kind
// and visit. Loaded only when something went wrong, so lesson pages do not carry it.
import { el } from "./course.js";

const TEXT = {
  unavailable:
    "Your progress cannot be saved in this browser (storage is blocked or full). Your answers count for this visit only.",
  setAside: "Some saved progress could not be read. It has been set aside, and the rest of your progress is kept.",
};
const told = new Set();

export function notice(kind) {
  if (told.has(kind)) return;
  told.add(kind);
  const where = document.querySelector("[data-course-quiz], .md-content__inner") || document.body;
  const close = el("button", { type: "button", class: "md-button" }, "Dismiss");
  const box = el("div", { class: "admonition info course-notice", role: "status" },
    el("p", { class: "admonition-title" }, "Your progress"), el("p", {}, TEXT[kind]), close);
  close.onclick = () => box.remove();
  where.prepend(box);
}
