// Random order and random versions for a new attempt.

/** [0, 1, …, count - 1]. */
export const range = (count) => [...Array(count).keys()];

/** A shuffled copy of a list (Fisher–Yates). */
export function shuffle(list) {
  const shuffled = [...list];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}

/**
 * A variant index, different from `lastIndex` whenever there is more than one variant.
 * @param {number} count how many variants the question has
 * @param {number} lastIndex the variant shown last time, or -1
 */
export function pickVariant(count, lastIndex) {
  if (count < 2) return 0;
  if (!(lastIndex >= 0 && lastIndex < count)) return Math.floor(Math.random() * count);
  const index = Math.floor(Math.random() * (count - 1));
  return index >= lastIndex ? index + 1 : index;
}
