// The keeper of the stored record, on the quiz and achievements pages: it repairs what it reads
// (record.js), writes by merging into what is stored, keeps the record in memory when storage is
// blocked or full, and never overwrites a record it cannot read.
import { addSetAside, emptyRecord, jsonNesting, MAX_NESTING, repairRecord, setAsideEntry } from "./record.js";

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

// This tab's pages and widgets (navigation ticks, progress bars, the LMS bridge) update at once:
// the browser's storage event reaches only the other tabs.
const announceSaved = (record) => window.dispatchEvent(new CustomEvent("course:record-saved", { detail: { record } }));

/** The learner's record in localStorage, or in memory for the visit when storage fails. */
class RecordStore {
  constructor(key, blockIds, onProblem) {
    Object.assign(this, { key, blockIds, onProblem, memory: null, storage: null });
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
    try {
      if (this.writable) this.storage.setItem(this.key, JSON.stringify(record));
    } catch {
      this.stopSaving("unavailable");
    }
    announceSaved(record);
  }

  /** The record as stored now (another tab may have written since), repaired. */
  get() {
    if (!this.writable) return (this.memory ??= emptyRecord());
    let text;
    try {
      text = this.storage.getItem(this.key);
    } catch {
      this.stopSaving("unavailable");
      return (this.memory ??= emptyRecord());
    }
    const { record, problems, unreadable } = readStoredText(text, this.blockIds);
    const unsaved = problems.length ? addSetAside(record, problems) : [];
    if (unreadable || unsaved.length) this.stopSaving("unreadable");
    else if (problems.length) {
      this.save(record);
      this.onProblem("setAside");
    }
    return (this.memory = record);
  }

  /** Reads the record, changes it and writes it back: writes merge, so two tabs never undo each other. */
  update(change) {
    const record = this.get();
    change(record);
    this.save(record);
    return record;
  }

  /** "Delete my data": the whole record, in storage and in memory. */
  clear() {
    this.memory = emptyRecord();
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
