// The badge artwork and credential templates the badge and the statement are made from.
import { message } from "../messages.js";

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
