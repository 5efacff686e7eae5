// The learner's record in localStorage (docs/architecture.md): read and repair, merge on write,
// and memory for the rest of the visit when storage is blocked or full.
const obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const opt = (v, ok) => v === undefined || ok(v);
const okBlock = (b) =>
  obj(b) &&
  opt(b.bestScore, (v) => typeof v === "number" && v >= 0 && v <= 100) &&
  opt(b.passed, (v) => typeof v === "boolean") &&
  (b.passedAt == null || (typeof b.passedAt === "string" && !isNaN(Date.parse(b.passedAt)))) &&
  opt(b.attempts, Number.isInteger) &&
  opt(b.draft, obj);
const empty = () => ({ version: 1, blocks: {}, questions: {}, name: "", setAside: [] });

// Keeps what can be read; returns [record, the parts set aside with their reason].
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
    if (typeof d.name === "string") rec.name = d.name;
    if (Array.isArray(d.setAside)) rec.setAside = d.setAside;
    for (const k of ["blocks", "questions"]) if (!opt(d[k], obj)) put("wrong shape", { [k]: d[k] });
    const B = obj(d.blocks) ? d.blocks : {};
    const Q = obj(d.questions) ? d.questions : {};
    for (const id of new Set([...Object.keys(B), ...Object.keys(Q)])) {
      const part = { block: B[id], questions: Q[id] };
      if (!ids.includes(id)) put("block no longer in the course", part, id);
      else if (!opt(B[id], okBlock) || !opt(Q[id], obj)) put("wrong shape", part, id);
      else {
        if (B[id]) rec.blocks[id] = B[id];
        if (Q[id]) rec.questions[id] = Q[id];
      }
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
  };
}
