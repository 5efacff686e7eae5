// The words of the code that loads only after an action or a problem (writing activities,
// notices): published once per site in its language (messages/page.py writes words.json), fetched
// when that code first needs them, so that the lesson pages it runs on carry none of them.
import { addWords } from "./messages.js";

// This file is served at <site>/assets/course/js/words-on-demand.js.
const WORDS_URL = new URL("../words.json", import.meta.url);
let loading = null;

/**
 * Fetches the site's on-demand words once per page load and adds them to `message()`'s.
 * @returns {Promise<boolean>} false when they could not be had (the next call tries again): the
 *   caller then says nothing rather than show a message's key
 */
export function loadWords() {
  loading ??= fetch(WORDS_URL)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
    .then((data) => {
      addWords(data.areas);
      return true;
    })
    .catch(() => {
      loading = null;
      return false;
    });
  return loading;
}
