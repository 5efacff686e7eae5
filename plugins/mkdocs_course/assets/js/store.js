// The keeper of the stored record, on the quiz and achievements pages: it repairs what it reads
// (record.js), writes by merging into what is stored, keeps the record in memory when storage is
// blocked or full, and never overwrites a record it cannot read.
import { addSetAside, emptyRecord, idMap, jsonNesting, MAX_NESTING, mergeBlockEntries, repairRecord, setAsideEntry } from "./record.js";

/**
 * The record in the stored text, repaired.
 * @param {string|null} text what storage holds under the record's key
 * @param {string[]} blockIds
 * @param {Date} [now]
 * @returns {{record: object, problems: object[], unreadable: string|null}} as repairRecord
 */
export function readStoredText(text, blockIds, now = new Date()) {
  const unparsed = (reason) => ({ record: emptyRecord(), problems: [setAsideEntry(reason, text, null, now)], unreadable: null });
  if (text === null) return { record: emptyRecord(), problems: [], unreadable: null };
  // JSON.parse and JSON.stringify recurse: a record nested thousands deep would overflow the stack.
  if (jsonNesting(text) > MAX_NESTING) return unparsed("nested too deeply");
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return unparsed("not JSON");
  }
  return repairRecord(data, blockIds, now);
}

// What this tab has seen stored of each block's result and each journal text. localStorage reaches
// other tabs asynchronously, so another tab may write a record it read before this tab's last
// save, without that save's pass or text; this tab's next read puts them back (and saves), and a
// read follows every storage event (course.js refreshes the page's widget).
const emptyKnowledge = () => ({ blocks: idMap(), journal: idMap() });
const newer = (entry, than) => !than || Date.parse(entry.updated) > Date.parse(than.updated);

function remember(known, record) {
  for (const [blockId, entry] of Object.entries(record.blocks)) {
    const { bestScore, attempts, passed, passedAt } = mergeBlockEntries(known.blocks[blockId] ?? {}, entry);
    known.blocks[blockId] = { bestScore, attempts, passed, passedAt };
  }
  for (const [activityId, entry] of Object.entries(record.journal ?? {})) {
    if (newer(entry, known.journal[activityId])) known.journal[activityId] = entry;
  }
}

// Puts back into a freshly read record what this tab knew and it lacks; whether it changed it.
function putBack(known, record) {
  let changed = false;
  for (const [blockId, entry] of Object.entries(known.blocks)) {
    const stored = record.blocks[blockId] ?? {};
    const merged = mergeBlockEntries(stored, entry);
    const lacks = merged.passed !== Boolean(stored.passed) || merged.bestScore !== (stored.bestScore ?? 0) || merged.attempts !== (stored.attempts ?? 0);
    if (lacks) [record.blocks[blockId], changed] = [merged, true];
  }
  for (const [activityId, entry] of Object.entries(known.journal)) {
    if (!newer(entry, record.journal?.[activityId])) continue;
    record.journal = idMap(Object.entries(record.journal ?? {}));
    [record.journal[activityId], changed] = [entry, true];
  }
  return changed;
}

// This tab's pages and widgets (navigation ticks, progress bars, the LMS bridge) update at once:
// the browser's storage event reaches only the other tabs.
const announceSaved = (record) => window.dispatchEvent(new CustomEvent("course:record-saved", { detail: { record } }));

/** The learner's record in localStorage, or in memory for the visit when storage fails. */
class RecordStore {
  constructor(key, blockIds, onProblem) {
    Object.assign(this, { key, blockIds, onProblem, memory: null, storage: null, known: emptyKnowledge() });
    try {
      this.storage = window.localStorage;
      this.storage.getItem(key);
    } catch {
      this.storage = null;
    }
    this.writable = this.storage !== null;
    if (!this.writable) onProblem("unavailable");
  }

  get saving() {
    return this.writable;
  }

  stopSaving(kind) {
    this.writable = false;
    this.onProblem(kind);
  }

  save(record) {
    this.memory = record;
    remember(this.known, record);
    try {
      if (this.writable) this.storage.setItem(this.key, JSON.stringify(record));
    } catch {
      this.stopSaving("unavailable");
    }
    announceSaved(record);
  }

  /** The record as stored now (another tab may have written since), repaired. */
  get() {
    return this.read(true);
  }

  // `saveChanges`: whether to write back at once what the read changed (parts set aside, what this
  // tab knew put back); update() writes once, after its own change.
  read(saveChanges) {
    if (!this.writable) return (this.memory ??= emptyRecord());
    let text;
    try {
      text = this.storage.getItem(this.key);
    } catch {
      this.stopSaving("unavailable");
      return (this.memory ??= emptyRecord());
    }
    const { record, problems, unreadable } = readStoredText(text, this.blockIds);
    if (text === null) this.known = emptyKnowledge(); // deleted ("Delete my data" in another tab)
    const unsaved = problems.length ? addSetAside(record, problems) : [];
    if (unreadable || unsaved.length) this.stopSaving("unreadable");
    else if (problems.length) {
      this.save(record);
      this.onProblem("setAside");
    } else if (putBack(this.known, record) && saveChanges) this.save(record);
    remember(this.known, record);
    return (this.memory = record);
  }

  /** Reads the record, changes it and writes it back: writes merge, so two tabs never undo each other. */
  update(change) {
    const record = this.read(false);
    change(record);
    this.save(record);
    return record;
  }

  /** "Delete my data": the whole record, in storage and in memory. */
  clear() {
    this.memory = emptyRecord();
    this.known = emptyKnowledge();
    try {
      this.storage?.removeItem(this.key);
      this.writable = this.storage !== null;
    } catch {
      this.writable = false;
    }
    announceSaved(this.memory);
  }
}

/**
 * Opens the learner's record under `key`.
 * @param {string} key the localStorage key
 * @param {string[]} blockIds the course's blocks
 * @param {(kind: "unavailable"|"unreadable"|"setAside") => void} onProblem told when something
 *   goes wrong: storage cannot be used, the stored record cannot be read (it is left as it is),
 *   or parts of it were set aside
 * @returns {RecordStore} with `key`, `saving`, `get()`, `update(change)` and `clear()`
 */
export function openStore(key, blockIds, onProblem) {
  return new RecordStore(key, blockIds, onProblem);
}
