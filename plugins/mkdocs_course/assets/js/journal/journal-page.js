// The journal page (templates/journal.html): what the learner wrote in each writing activity, by
// block, as text (line breaks kept, never markup); "Not written yet" for the rest; the notes whose
// activity the course no longer has, set aside; a Markdown download and printing. The download's
// code loads on the first press.
import { el } from "../dom.js";
import { formatDate } from "../dates.js";
import { message } from "../messages.js";

export { openStore } from "../store.js";

const hasText = (entry) => typeof entry?.text === "string" && entry.text.trim() !== "";

// The learner's text: one text node in a pre-wrap block, so line breaks stay and nothing is markup.
function textBlock(entry, locale) {
  if (!hasText(entry)) return [el("p", { class: "course-journal__empty" }, message("journal.not_written"))];
  return [
    el("p", { class: "course-journal__written" }, el("span", { class: "course-journal__text-body" }, entry.text)),
    el("p", { class: "course-journal__date" }, message("journal.last_written", { date: formatDate(entry.updated, locale) })),
  ];
}

function setAsideEntries(record, listedIds) {
  const journal = record.journal ?? {};
  return Object.keys(journal)
    .filter((id) => !listedIds.includes(id) && hasText(journal[id]))
    .map((id) => ({ id, ...journal[id] }));
}

function showSetAside(box, entries, locale) {
  box.hidden = entries.length === 0;
  const list = box.querySelector("[data-course-journal-set-aside-list]");
  list.replaceChildren(
    ...entries.map((entry) =>
      el(
        "div",
        { class: "course-journal__entry" },
        el("h3", {}, entry.title || message("journal.set_aside_untitled")),
        el("p", { class: "course-journal__page" }, message("journal.written_under", { id: entry.id })),
        el("div", { class: "course-journal__text" }, ...textBlock(entry, locale)),
      ),
    ),
  );
}

/** What the page lists, for the download: each block's heading and activities, with their texts. */
function journalSections(node, record) {
  const journal = record.journal ?? {};
  return [...node.querySelectorAll(".course-journal__block:not([data-course-journal-set-aside])")].map((block) => ({
    heading: block.querySelector("h2").textContent,
    activities: [...block.querySelectorAll("[data-course-journal-entry]")].map((entry) => {
      const id = entry.dataset.courseJournalEntry;
      return {
        title: entry.dataset.courseJournalTitle,
        url: new URL(entry.querySelector("a").getAttribute("href"), location.href).href,
        entry: Object.hasOwn(journal, id) ? journal[id] : null,
      };
    }),
  }));
}

/**
 * Mounts the journal page.
 * @param {HTMLElement} node the `[data-course-journal]` element
 * @param {{course: object, store: object}} context the course data and the record's keeper (store.js)
 * @returns {() => void} shows the journal again as the record now says
 */
export function mount(node, { course, store }) {
  const entries = [...node.querySelectorAll("[data-course-journal-entry]")];
  const listedIds = entries.map((entry) => entry.dataset.courseJournalEntry);
  const status = node.querySelector("[data-course-journal-status]");
  const download = node.querySelector("[data-course-journal-download]");
  const print = node.querySelector("[data-course-journal-print]");
  const locale = course.locale;
  let shown = null; // drawn again only when the journal changes, so focus and selection stay put
  const render = () => {
    const record = store.get();
    const key = JSON.stringify(record.journal ?? {});
    if (key === shown) return;
    shown = key;
    const journal = record.journal ?? {};
    for (const entry of entries) {
      const id = entry.dataset.courseJournalEntry;
      entry.querySelector("[data-course-journal-text]").replaceChildren(...textBlock(Object.hasOwn(journal, id) ? journal[id] : null, locale));
    }
    showSetAside(node.querySelector("[data-course-journal-set-aside]"), setAsideEntries(record, listedIds), locale);
  };
  download.addEventListener("click", async () => {
    const { downloadJournal } = await import("./journal-file.js");
    const record = store.get();
    const filename = downloadJournal({
      courseId: course.courseId,
      title: node.dataset.courseTitle,
      sections: journalSections(node, record),
      setAside: setAsideEntries(record, listedIds),
    });
    status.textContent = message("journal.saved_as", { file: filename });
  });
  print.addEventListener("click", () => window.print());
  node.classList.add("course-journal--scripted");
  render();
  download.disabled = false;
  print.disabled = false;
  return render;
}
