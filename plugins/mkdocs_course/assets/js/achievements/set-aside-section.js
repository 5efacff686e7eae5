// What was set aside from the learner's record (parts it could not use: damaged, or for blocks
// the course no longer has): how many, a download of them, and a way to remove them.
import { actionButton, runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { message } from "../messages.js";


/**
 * Builds the set-aside part in `box`; empty while nothing is set aside.
 * @param {HTMLElement} box
 * @param {{course: object, store: object, actions: () => Promise<object>}} context
 * @returns {(record: object) => void} shows the part as the record says
 */
export function setAsideSection(box, { course, store, actions }) {
  const { nodes, say } = statusMessages();
  const summary = el("p", { tabindex: "-1" });
  const download = actionButton(message("achievements.download_set_aside"));
  const remove = actionButton(message("achievements.remove_set_aside"));
  download.addEventListener("click", () =>
    runAction(download, say, message("achievements.saving"), async () => {
      const { downloadSetAside } = await actions();
      const { filename } = downloadSetAside({ courseData: course, record: store.get() });
      return message("achievements.set_aside_saved", { filename });
    }, (error) => message("achievements.set_aside_not_saved", { error: error.message })),
  );
  const controls = el("div", { class: "course-achievements__actions" }, download, remove);
  let shownCount = null; // drawn again only when it changes, so focus stays put
  const show = (record) => {
    const count = record.setAside.length;
    if (count === shownCount) return;
    shownCount = count;
    // Replaced, not hidden: the actions row's display: flex would override [hidden].
    if (count === 0) return box.replaceChildren(...nodes);
    box.replaceChildren(summary, controls, ...nodes);
    summary.textContent = message("achievements.set_aside_summary", { count });
  };
  remove.addEventListener("click", () => {
    store.update((record) => {
      record.setAside = [];
    });
    shownCount = 0;
    box.replaceChildren(summary, ...nodes);
    summary.textContent = message("achievements.set_aside_cleared");
    summary.focus(); // the button pressed is gone
    say(message("achievements.set_aside_removed"));
  });
  return show;
}
