// The learner's progress file on the achievements page: save it, restore from it, or delete
// the progress kept in this browser (after a confirmation). The file carries the lessons visited
// too, which course.js keeps beside the record (visits.js).
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { forgetVisits, mergeVisits, storedVisits, storeVisits } from "./visits.js";

const button = (text, primary) => el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}` }, text);

function restoredMessage(course, { changed, journal, setAside, visits }) {
  const names = course.blocks.filter((block) => changed.includes(block.id)).map((block) => `Block ${block.number}: ${block.title}`);
  if (journal) names.push(journal === 1 ? "one journal entry" : journal + " journal entries");
  if (visits) names.push(visits === 1 ? "one visited lesson" : visits + " visited lessons");
  const what = names.length
    ? `Progress restored. Updated from the file: ${names.join("; ")}.`
    : "Progress restored. The file had nothing this browser did not already have.";
  const parts = setAside === 1 ? "One part of the file could not be used" : setAside + " parts of the file could not be used";
  const damaged = setAside
    ? ` ${parts} (damaged, or for blocks this course no longer has) and ${setAside === 1 ? "has" : "have"} been set aside.`
    : "";
  return what + damaged;
}

// The file's visits joined to this browser's; how many lessons the file added (none when storage
// refuses them: course.js reads visits from storage only).
function restoreVisits(recordKey, fromFile) {
  const stored = storedVisits(recordKey);
  const merged = mergeVisits(fromFile, stored);
  const added = merged.filter((url) => !stored.includes(url)).length;
  if (!added) return 0;
  return storeVisits(recordKey, merged) ? added : 0;
}

function deleteConfirmation(onDelete, onCancel) {
  const question = el(
    "p",
    { id: "course-delete-question", tabindex: "-1" },
    el("strong", {}, "Delete your progress in this course from this browser?"),
    " Every pass, score and answer, your journal and your name will be gone. This cannot be undone: save your progress first if you may want it back.",
  );
  const yes = button("Yes, delete my data", true);
  const cancel = button("Cancel", false);
  const box = el("div", { class: "course-confirm", role: "group", "aria-labelledby": "course-delete-question", hidden: "" }, question, yes, " ", cancel);
  yes.addEventListener("click", onDelete);
  cancel.addEventListener("click", onCancel);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onCancel();
  });
  return { box, question };
}

/**
 * Builds the progress-file section in `box`.
 * @param {HTMLElement} box the `[data-course-record]` element
 * @param {{course: object, store: object, actions: () => Promise<object>, siteUrl: string,
 *   changed: () => void}} context `changed` is called after the record was restored or deleted
 */
export function progressSection(box, { course, store, actions, siteUrl, changed }) {
  const { nodes, say } = statusMessages();
  const saveButton = button("Save my progress", true);
  const fileInput = el("input", { type: "file", class: "course-input", id: "course-restore", accept: ".json,application/json" });
  const deleteButton = button("Delete my data", false);
  const closeConfirmation = () => {
    confirmation.box.hidden = true;
    deleteButton.focus();
  };
  const confirmation = deleteConfirmation(
    () => {
      forgetVisits(store.key); // first: clearing the record announces it, and the marks are drawn again
      store.clear();
      changed();
      closeConfirmation();
      say("Your progress in this course has been deleted from this browser.");
    },
    () => {
      closeConfirmation();
      say("Nothing was deleted.");
    },
  );

  saveButton.addEventListener("click", () =>
    runAction(saveButton, say, "Saving…", async () => {
      const { downloadRecord } = await actions();
      const { filename } = downloadRecord({ courseData: course, record: store.get(), visits: storedVisits(store.key), siteUrl });
      return `Your progress is saved in your downloads as ${filename}. Use “Restore progress” with it, here or in another browser.`;
    }, (error) => `Your progress could not be saved: ${error.message}`),
  );
  fileInput.addEventListener("change", () => restore(fileInput, { course, store, actions, say, changed }));
  deleteButton.addEventListener("click", () => {
    confirmation.box.hidden = false;
    confirmation.question.focus();
  });
  box.replaceChildren(
    el("div", { class: "course-achievements__actions" }, saveButton),
    el("div", { class: "course-file" }, el("label", { for: "course-restore" }, "Restore progress from a saved file"), fileInput),
    el("div", { class: "course-achievements__actions" }, deleteButton),
    confirmation.box,
    ...nodes,
  );
}

async function restore(fileInput, { course, store, actions, say, changed }) {
  const file = fileInput.files[0];
  if (!file) return;
  say("Reading the file…");
  try {
    const { readRestoreFile, restoreProgress } = await actions();
    const read = await readRestoreFile(file, course);
    let restored;
    // Merged into the record as it is stored now: another tab may have written while the file was read.
    store.update((record) => {
      restored = restoreProgress(record, read);
      for (const key of Object.keys(record)) delete record[key];
      Object.assign(record, restored.record);
      // Once the record is sure to restore, and before it is saved: the save's announcement
      // (course:record-saved) has course.js mark the navigation and progress with these visits.
      restored.visits = restoreVisits(store.key, read.visits);
    });
    changed();
    say(restoredMessage(course, restored));
  } catch (error) {
    say(error.name === "ProgressFileError" ? error.message : `The file could not be read: ${error.message}`, true);
  } finally {
    fileInput.value = ""; // the same file can be chosen again
  }
}
