// What was set aside from the learner's record (parts it could not use: damaged, or for blocks
// the course no longer has): how many, a download of them, and a way to remove them.
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";

const button = (text) => el("button", { type: "button", class: "md-button" }, text);

/**
 * Builds the set-aside part in `box`; empty while nothing is set aside.
 * @param {HTMLElement} box
 * @param {{course: object, store: object, actions: () => Promise<object>}} context
 * @returns {(record: object) => void} shows the part as the record says
 */
export function setAsideSection(box, { course, store, actions }) {
  const { nodes, say } = statusMessages();
  const summary = el("p", { tabindex: "-1" });
  const download = button("Download the set-aside data");
  const remove = button("Remove the set-aside data");
  download.addEventListener("click", () =>
    runAction(download, say, "Saving…", async () => {
      const { downloadSetAside } = await actions();
      const { filename } = downloadSetAside({ courseData: course, record: store.get() });
      return `The set-aside data is saved in your downloads as ${filename}.`;
    }, (error) => `The set-aside data could not be saved: ${error.message}`),
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
    const parts = count === 1 ? "One part" : count + " parts";
    summary.textContent =
      `${parts} of your saved progress could not be used (damaged, or for blocks this course no longer has). ` +
      "It is kept aside, apart from your passes, in case you want it.";
  };
  remove.addEventListener("click", () => {
    store.update((record) => {
      record.setAside = [];
    });
    shownCount = 0;
    box.replaceChildren(summary, ...nodes);
    summary.textContent = "Nothing is set aside now. Your passes and answers are as they were.";
    summary.focus(); // the button pressed is gone
    say("The set-aside data has been removed.");
  });
  return show;
}
