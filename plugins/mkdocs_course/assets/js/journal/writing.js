// Writing activities (templates/writing-activity.html): what the learner types is kept in their
// record under the activity's id as they type (after a pause, and when they leave the field or the
// page), shown again when they come back, and listed on the journal page. Text is only ever a
// field's value or text content, never markup. Loaded only on pages with a writing activity.
import { message } from "../messages.js";
import { idMap, JOURNAL_TEXT_MAX_LENGTH } from "../record.js";
import { loadWords } from "../words-on-demand.js";

export { openStore } from "../store.js";

const SAVE_DELAY = 700; // milliseconds after the last keystroke: "Saved" is said once per pause
const NEAR_LIMIT = 0.9; // the count shows from this share of the limit
const savedText = (store, id) => {
  const journal = store.get().journal;
  return journal && Object.hasOwn(journal, id) ? journal[id].text : "";
};

// Browsers without CSS field-sizing grow the field by script, to fit what it holds.
function fitHeight(field) {
  if (globalThis.CSS?.supports?.("field-sizing", "content")) return;
  field.style.height = "auto";
  field.style.height = field.scrollHeight + 2 + "px";
}

// Each status is made once the words are there (words-on-demand.js): `() => text`.
function limitMessage(length) {
  if (length > JOURNAL_TEXT_MAX_LENGTH) {
    const over = length - JOURNAL_TEXT_MAX_LENGTH;
    return () => message("writing.over_limit", { count: length, over, limit: JOURNAL_TEXT_MAX_LENGTH });
  }
  return () => "";
}

function showCount(count, length) {
  const near = length >= JOURNAL_TEXT_MAX_LENGTH * NEAR_LIMIT;
  count.classList.toggle("course-writing__count--over", length > JOURNAL_TEXT_MAX_LENGTH);
  if (!near && !count.textContent) return; // far from the limit: nothing to say, no words to fetch
  loadWords().then((loaded) => {
    if (loaded) count.textContent = near ? message("writing.characters", { length, limit: JOURNAL_TEXT_MAX_LENGTH }) : "";
  });
}

// Saves one field's text: within the limit, through the store (which merges with other tabs).
function saveText(store, box, text) {
  if (text.length > JOURNAL_TEXT_MAX_LENGTH) return limitMessage(text.length);
  const title = box.dataset.courseWritingTitle || "";
  store.update((record) => {
    record.journal = idMap(Object.entries(record.journal ?? {}));
    record.journal[box.dataset.courseWriting] = { text, updated: new Date().toISOString(), title };
  });
  const key = store.saving ? "writing.saved" : "writing.not_saved";
  return () => message(key);
}

function writingArea(box, store) {
  const field = box.querySelector("textarea");
  const status = box.querySelector("[data-course-writing-status]");
  const count = box.querySelector("[data-course-writing-count]");
  let timer = null;
  let unsaved = false;
  // The words come with the first status (words-on-demand.js): typing is never held up.
  const say = (words) =>
    loadWords().then((loaded) => {
      const text = loaded ? words() : ""; // never a message's key
      if (status.textContent !== text) status.textContent = text;
    });
  const save = () => {
    clearTimeout(timer);
    if (!unsaved) return;
    unsaved = false;
    say(saveText(store, box, field.value));
  };
  const show = () => {
    if (unsaved || document.activeElement === field) return; // the learner's typing comes first
    const text = savedText(store, box.dataset.courseWriting);
    if (field.value !== text) field.value = text;
    showCount(count, field.value.length);
    fitHeight(field);
  };
  field.addEventListener("input", () => {
    unsaved = true;
    showCount(count, field.value.length);
    fitHeight(field);
    // At once when over the limit (the learner should not type on unaware); else cleared, so
    // that "Saved." is said again after this pause, once.
    say(limitMessage(field.value.length));
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  });
  field.addEventListener("blur", save);
  addEventListener("pagehide", save);
  box.classList.add("course-writing--scripted");
  show();
  field.disabled = false;
  return { show, save };
}

/**
 * Mounts every writing activity of the page.
 * @param {HTMLElement} node the first `[data-course-writing]` element (the page may have more)
 * @param {{store: object}} context the record's keeper (store.js)
 * @returns {() => void} shows each field's saved text again (another tab wrote), unless the learner is typing in it
 */
export function mount(node, { store }) {
  const areas = [...node.ownerDocument.querySelectorAll("[data-course-writing]")].map((box) => writingArea(box, store));
  return () => areas.forEach((area) => area.show());
}
