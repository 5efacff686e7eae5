// Random order and random versions for a new attempt.
export const range = (n) => [...Array(n).keys()];

export function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// A variant index, different from `last` whenever there is more than one.
export function pickVariant(count, last) {
  if (count < 2) return 0;
  if (!(last >= 0 && last < count)) return Math.floor(Math.random() * count);
  const i = Math.floor(Math.random() * (count - 1));
  return i >= last ? i + 1 : i;
}
