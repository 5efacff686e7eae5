// Downloads: a file handed to the learner, its name made from a message, and a fetched text.
import { message } from "../messages.js";

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

/**
 * A course id as the ASCII stem of a file name ("course" when nothing is left).
 * @param {string} text
 * @returns {string}
 */
export function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "course";
}

/**
 * A file name from the message `key` and its `values`, with its `ending`: letters and digits of
 * any script kept, anything a file system or a download could stumble on (spaces, slashes,
 * quotes, controls) made "-".
 * @returns {string}
 */
export function fileName(key, values, ending) {
  const words = message(key, values).normalize("NFC").replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-");
  return `${words.replace(/^[-.]+|-+$/g, "") || "course"}.${ending}`;
}

/**
 * The text at `url`; an Error in the learner's words when it cannot be had.
 * @param {string} url
 * @returns {Promise<string>}
 */
export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(message("badge.load_failed", { url, status: String(response.status) }));
  return response.text();
}
