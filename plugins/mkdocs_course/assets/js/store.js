// The learner's record in localStorage (docs/architecture.md): read and repair, merge on write,
// and memory for the rest of the visit when storage is blocked or full.
import { isPass } from "./pass.js";

const obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// What each block field may hold; other fields are kept as they are.
const FIELD = {
  bestScore: (v) => typeof v === "number" && v >= 0 && v <= 100,
  passed: (v) => typeof v === "boolean",
  passedAt: (v) => v === null || (typeof v === "string" && !isNaN(Date.parse(v))),
  attempts: Number.isInteger,
  draft: obj,
};
const empty = () => ({ version: 1, blocks: {}, questions: {}, name: "", setAside: [] });

// Keeps what can be read, part by part and field by field, so a broken draft never costs a pass;
// returns [record, the parts set aside with their reason].
export function repair(raw, ids) {
  const rec = empty();
  const aside = [];
  const put = (reason, data, block) => aside.push({ reason, block, data, at: new Date().toISOString() });
  let d;
  try {
    d = raw == null ? rec : JSON.parse(raw);
  } catch {
    put("not JSON", raw);
    return [rec, aside];
  }
  if (!obj(d)) put("wrong shape", d);
  else if (d.version !== 1) put(`unknown version ${d.version}`, d);
  else {
    // The same limit as the name field and a restored file.
    if (typeof d.name === "string" && d.name.length <= 300) rec.name = d.name;
    else if (d.name !== undefined) put("wrong shape", { name: d.name });
    if (Array.isArray(d.setAside)) rec.setAside = d.setAside;
    const part = (k) => {
      if (obj(d[k])) return d[k];
      if (d[k] !== undefined) put("wrong shape", { [k]: d[k] });
      return {};
    };
    const B = part("blocks");
    const Q = part("questions");
    for (const id of new Set([...Object.keys(B), ...Object.keys(Q)])) {
      const [b, q] = [B[id], Q[id]];
      if (!ids.includes(id)) {
        put("block no longer in the course", { block: b, questions: q }, id);
        continue;
      }
      const bad = {};
      if (obj(b)) {
        // fromEntries defines own fields, so even a "__proto__" key stays plain data.
        const fields = Object.entries(b);
        const fits = ([k, v]) => !Object.hasOwn(FIELD, k) || FIELD[k](v);
        const keep = (rec.blocks[id] = Object.fromEntries(fields.filter(fits)));
        const wrong = Object.fromEntries(fields.filter((f) => !fits(f)));
        // A pass is kept only as pass.js defines it, the rule lesson pages read passes by.
        if (keep.passed && !isPass(keep)) {
          wrong.passed = true;
          delete keep.passed;
        }
        if (Object.keys(wrong).length) bad.block = wrong;
      } else if (b !== undefined) bad.block = b;
      if (obj(q)) rec.questions[id] = q;
      else if (q !== undefined) bad.questions = q;
      if (Object.keys(bad).length) put("wrong shape", bad, id);
    }
  }
  return [rec, aside];
}

export function openStore(key, ids, onProblem) {
  let ls, mem;
  try {
    (ls = localStorage).getItem(key);
  } catch {
    ls = null;
  }
  const fail = () => {
    ls = null;
    onProblem("unavailable");
  };
  const save = (rec) => {
    mem = rec;
    try {
      ls.setItem(key, JSON.stringify(rec));
    } catch {
      fail();
    }
  };
  const read = () => {
    let raw;
    try {
      raw = ls.getItem(key);
    } catch {
      if (ls) fail();
      return (mem ||= empty());
    }
    const [rec, aside] = repair(raw, ids);
    if (aside.length) {
      rec.setAside.push(...aside);
      save(rec);
      onProblem("setAside");
    }
    return (mem = rec);
  };
  return {
    key,
    get saving() {
      return !!ls;
    },
    get: read,
    // Re-read what another tab may have written, change it, write it back.
    update(fn) {
      const rec = read();
      fn(rec);
      save(rec);
      return rec;
    },
    // "Delete my progress": the whole record, in storage and in memory.
    clear() {
      mem = empty();
      try {
        ls?.removeItem(key);
      } catch {}
    },
  };
}
