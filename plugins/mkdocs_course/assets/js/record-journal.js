// The merge of the journal part of the learner's record (record.js defines the part and its
// repair): on its own, so that the quiz page, which never merges journals, does not load it. The
// progress file's restore and the LMS bridge use it.
import { idMap, setAsideEntry } from "./record.js";

/**
 * Journal entries merged into `record` (changed): per activity the text written last wins; the
 * other text, when it differs, is returned to be set aside (a restore) or dropped (the same
 * learner's earlier draft, from the LMS).
 * @param {object} record
 * @param {object} [incoming] a repaired record's `journal`
 * @returns {{changed: string[], older: object[]}} `changed`: the activity ids now from `incoming`;
 *   `older`: set-aside entries for the texts that lost
 */
export function mergeJournals(record, incoming, now = new Date()) {
  const changed = [];
  const older = [];
  const lost = (id, entry) => older.push(setAsideEntry("older journal text", { journal: { [id]: entry } }, null, now));
  const entries = Object.entries(incoming ?? {});
  // A map without a prototype again (a clone of the record has one), so any id is a plain key.
  if (entries.length) record.journal = idMap(Object.entries(record.journal ?? {}));
  for (const [id, theirs] of entries) {
    const ours = record.journal[id];
    if (ours?.text === theirs.text) continue;
    if (ours && Date.parse(ours.updated) >= Date.parse(theirs.updated)) {
      if (theirs.text) lost(id, theirs);
      continue;
    }
    if (ours?.text) lost(id, ours);
    record.journal[id] = { ...theirs };
    changed.push(id);
  }
  return { changed, older };
}
