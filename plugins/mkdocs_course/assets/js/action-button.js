// Buttons that make a file (a badge, the statement, the progress file): one action at a time per
// button, and what happens said to screen readers as well as shown.
import { el } from "./dom.js";

/**
 * A material button: primary (filled) or secondary, with `label` for screen readers when its
 * words alone would not say enough ("Download badge" for which block).
 * @param {string} text
 * @param {{primary?: boolean, label?: string}} [options]
 * @returns {HTMLButtonElement}
 */
export function actionButton(text, { primary = false, label } = {}) {
  const attributes = { type: "button", class: primary ? "md-button md-button--primary" : "md-button" };
  if (label) attributes["aria-label"] = label;
  return el("button", attributes, text);
}

/**
 * A polite status and an assertive alert, placed in the page before anything is said, so that
 * both are announced.
 * @returns {{nodes: HTMLElement[], say: (text: string, isAlert?: boolean) => void}}
 */
export function statusMessages() {
  const status = el("p", { role: "status", class: "course-msg" });
  const alert = el("p", { role: "alert", class: "course-msg course-msg--alert" });
  const say = (text, isAlert = false) => {
    (isAlert ? status : alert).textContent = "";
    (isAlert ? alert : status).textContent = text;
  };
  return { nodes: [status, alert], say };
}

/**
 * Runs `task` for a button press unless one is under way; says `working`, then what the task
 * returns, or `failure(error)` as an alert. aria-disabled keeps the focus where it is (disabled
 * would drop it).
 */
export async function runAction(button, say, working, task, failure) {
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  say(working);
  try {
    say(await task());
  } catch (error) {
    say(failure(error), true);
  } finally {
    button.removeAttribute("aria-disabled");
  }
}
