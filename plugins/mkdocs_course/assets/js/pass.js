// What counts as a block's pass in the stored record. Lesson pages read passes with this alone;
// store.js keeps a pass exactly when it holds, so they agree.
export const isPass = (b) =>
  b?.passed === true &&
  typeof b.bestScore === "number" &&
  b.bestScore >= 0 &&
  b.bestScore <= 100 &&
  typeof b.passedAt === "string" &&
  !isNaN(Date.parse(b.passedAt));

// Passed block ids in a stored record (raw JSON).
export function passedIn(raw, ids) {
  try {
    const d = JSON.parse(raw);
    if (d?.version === 1) return ids.filter((id) => isPass(d.blocks?.[id]));
  } catch {}
  return [];
}
