// Downloads: a file handed to the learner (a badge, the statement, the progress file, the journal)
// and its name, made from a message.
import { message } from "./messages.js";

/**
 * Offers bytes or text to the learner as a download named `filename`.
 * @param {Uint8Array|string|Blob} data
 * @param {string} filename
 * @param {string} type
 */
export function saveFile(data, filename, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

// A course id as the ASCII stem of a file name ("course" when nothing is left).
function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "course";
}

/**
 * A file name from the message `key` and its `values` (a `course` value made a slug first), with
 * `ending` after it if given: letters and digits of any script kept, anything a file system or a
 * download could stumble on (spaces, slashes, quotes, controls) made "-".
 * @param {string} key
 * @param {Object<string, string|number>} values
 * @param {string} [ending] such as "pdf", when the message has none
 * @returns {string}
 */
export function fileName(key, values, ending = "") {
  const named = "course" in values ? { ...values, course: slug(values.course) } : values;
  const words = message(key, named).normalize("NFC").replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-");
  const name = words.replace(/^[-.]+|-+$/g, "") || "course";
  return ending ? `${name}.${ending}` : name;
}
