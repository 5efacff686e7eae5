// The learner's progress file on the achievements page: save it, restore from it, or delete
// the progress kept in this browser (after a confirmation). The file carries the lessons visited
// too, which course.js keeps beside the record (visits.js).
import { actionButton, runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { message } from "../messages.js";
import { formatList } from "../message-formats.js";
import { forgetVisits, mergeVisits, storedVisits, storeVisits } from "./visits.js";


function restoredMessage(course, { changed, journal, setAside, visits }) {
  const names = course.blocks
    .filter((block) => changed.includes(block.id))
    .map((block) => message("achievements.block_heading", { number: block.number, title: block.title }));
  if (journal) names.push(message("achievements.restored_journal", { count: journal }));
  if (visits) names.push(message("achievements.restored_visits", { count: visits }));
  const updates = formatList(names);
  if (setAside) {
    const key = names.length ? "achievements.restored_updated_set_aside" : "achievements.restored_nothing_set_aside";
    return message(key, { updates, count: setAside });
  }
  return names.length ? message("achievements.restored_updated", { updates }) : message("achievements.restored_nothing");
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
    el("strong", {}, message("achievements.delete_question")),
    " ",
    message("achievements.delete_warning"),
  );
  const yes = actionButton(message("achievements.delete_confirm"), { primary: true });
  const cancel = actionButton(message("achievements.delete_cancel"));
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
  const saveButton = actionButton(message("achievements.save_progress"), { primary: true });
  const fileInput = el("input", { type: "file", class: "course-input", id: "course-restore", accept: ".json,application/json" });
  const deleteButton = actionButton(message("achievements.delete_data"));
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
      say(message("achievements.deleted"));
    },
    () => {
      closeConfirmation();
      say(message("achievements.nothing_deleted"));
    },
  );

  saveButton.addEventListener("click", () =>
    runAction(saveButton, say, message("achievements.saving"), async () => {
      const { downloadRecord } = await actions();
      const { filename } = downloadRecord({ courseData: course, record: store.get(), visits: storedVisits(store.key), siteUrl });
      return message("achievements.progress_saved", { filename });
    }, (error) => message("achievements.progress_not_saved", { error: error.message })),
  );
  fileInput.addEventListener("change", () => restore(fileInput, { course, store, actions, say, changed }));
  deleteButton.addEventListener("click", () => {
    confirmation.box.hidden = false;
    confirmation.question.focus();
  });
  box.replaceChildren(
    el("div", { class: "course-achievements__actions" }, saveButton),
    el("div", { class: "course-file" }, el("label", { for: "course-restore" }, message("achievements.restore_label")), fileInput),
    el("div", { class: "course-achievements__actions" }, deleteButton),
    confirmation.box,
    ...nodes,
  );
}

async function restore(fileInput, { course, store, actions, say, changed }) {
  const file = fileInput.files[0];
  if (!file) return;
  say(message("achievements.reading_file"));
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
    say(error.name === "ProgressFileError" ? error.message : message("achievements.file_unreadable", { error: error.message }), true);
  } finally {
    fileInput.value = ""; // the same file can be chosen again
  }
}
