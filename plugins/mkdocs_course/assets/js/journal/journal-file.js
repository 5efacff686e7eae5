// The journal as a Markdown file (UTF-8) for the learner to keep: the course's title, each block's
// activities with a link back and what the learner wrote, then what was set aside. The learner's
// text is escaped so that no Markdown reader takes any of it as HTML.
import { fileName, saveFile } from "../downloads.js";
import { message } from "../messages.js";

/**
 * The learner's text as Markdown that shows it as written: backslashes and "<" escaped (no HTML
 * tag or comment can start), and "&" before what would read as a character reference.
 * @param {string} text
 * @returns {string}
 */
export function markdownText(text) {
  return text.replace(/[\\<]/g, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

const heading = (level, text) => "#".repeat(level) + " " + markdownText(text.replace(/\s+/g, " ").trim());
const written = (entry) => (entry && entry.text.trim() ? markdownText(entry.text.trim()) : "_" + markdownText(message("journal.not_written")) + "_");

/**
 * The journal's Markdown.
 * @param {{title: string, sections: {heading: string, activities: {title: string, url: string,
 *   entry: object|null}[]}[], setAside: object[], now?: Date}} journal
 * @returns {string}
 */
export function journalMarkdown({ title, sections, setAside, now = new Date() }) {
  const date = now.toISOString().slice(0, 10);
  const lines = [heading(1, message("journal.file_title", { title })), "", markdownText(message("journal.file_saved_on", { date })), ""];
  for (const section of sections) {
    lines.push(heading(2, section.heading), "");
    for (const activity of section.activities) {
      lines.push(heading(3, activity.title), "", "[" + markdownText(message("journal.file_open_activity")) + "](<" + activity.url.replace(/[<>]/g, encodeURIComponent) + ">)", "", written(activity.entry), "");
    }
  }
  if (setAside.length) {
    lines.push(heading(2, message("journal.set_aside_title")), "");
    for (const entry of setAside) lines.push(heading(3, entry.title || entry.id), "", written(entry), "");
  }
  return lines.join("\n");
}

/**
 * Offers the journal as `<course id>-journal-<yyyy-mm-dd>.md`.
 * @returns {string} the file's name
 */
export function downloadJournal({ courseId, title, sections, setAside }) {
  const now = new Date();
  const filename = fileName("journal.file_name", { course: courseId, date: now.toISOString().slice(0, 10) });
  saveFile(journalMarkdown({ title, sections, setAside, now }), filename, "text/markdown;charset=utf-8");
  return filename;
}
