// SHA-256 (FIPS 180-4) for pages served without crypto.subtle (plain http on a LAN host).
const K = [];
const frac = (x) => ((x - Math.floor(x)) * 2 ** 32) | 0;
for (let n = 2, found = 0; found < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (prime) K[found++] = frac(Math.cbrt(n));
}
const H0 = [2, 3, 5, 7, 11, 13, 17, 19].map((p) => frac(Math.sqrt(p)));

export function digest(bytes) {
  const len = bytes.length;
  const m = new Uint8Array(((len + 72) >> 6) << 6);
  m.set(bytes);
  m[len] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 4, len * 8);
  view.setUint32(m.length - 8, Math.floor(len / 2 ** 29));
  const h = H0.slice();
  const w = new Int32Array(64);
  const r = (x, n) => (x >>> n) | (x << (32 - n));
  for (let o = 0; o < m.length; o += 64) {
    for (let i = 0; i < 64; i++)
      w[i] =
        i < 16
          ? view.getInt32(o + i * 4)
          : (r(w[i - 2], 17) ^ r(w[i - 2], 19) ^ (w[i - 2] >>> 10)) + w[i - 7] +
            (r(w[i - 15], 7) ^ r(w[i - 15], 18) ^ (w[i - 15] >>> 3)) + w[i - 16];
    let [a, b, c, d, e, f, g, k] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = k + (r(e, 6) ^ r(e, 11) ^ r(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
      const t2 = (r(a, 2) ^ r(a, 13) ^ r(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      [k, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, k].forEach((x, i) => (h[i] = (h[i] + x) | 0));
  }
  const out = new DataView(new ArrayBuffer(32));
  h.forEach((x, i) => out.setUint32(i * 4, x));
  return out.buffer;
}
