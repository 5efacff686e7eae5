// SHA-256 (FIPS 180-4) for pages served without crypto.subtle (plain http on a LAN host).
// Variable names follow the standard's: working variables a to h, message schedule W.

const fractionBits = (number) => ((number - Math.floor(number)) * 2 ** 32) | 0;
const isPrime = (number) => {
  for (let divisor = 2; divisor * divisor <= number; divisor++) if (number % divisor === 0) return false;
  return true;
};
const FIRST_PRIMES = [];
for (let number = 2; FIRST_PRIMES.length < 64; number++) if (isPrime(number)) FIRST_PRIMES.push(number);
// The round constants and the initial hash value: fractional parts of cube and square roots of primes.
const ROUND_CONSTANTS = FIRST_PRIMES.map((prime) => fractionBits(Math.cbrt(prime)));
const INITIAL_HASH = FIRST_PRIMES.slice(0, 8).map((prime) => fractionBits(Math.sqrt(prime)));

const rotateRight = (word, bits) => (word >>> bits) | (word << (32 - bits));

/** The message padded to whole 64-byte blocks, its bit length at the end. */
function paddedMessage(bytes) {
  const padded = new Uint8Array(((bytes.length + 72) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bytes.length * 8);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 2 ** 29));
  return view;
}

function messageSchedule(view, offset, schedule) {
  for (let i = 0; i < 64; i++) {
    if (i < 16) {
      schedule[i] = view.getInt32(offset + i * 4);
      continue;
    }
    const early = schedule[i - 15];
    const late = schedule[i - 2];
    const sigma0 = rotateRight(early, 7) ^ rotateRight(early, 18) ^ (early >>> 3);
    const sigma1 = rotateRight(late, 17) ^ rotateRight(late, 19) ^ (late >>> 10);
    schedule[i] = (sigma1 + schedule[i - 7] + sigma0 + schedule[i - 16]) | 0;
  }
}

function compress(hash, schedule) {
  let [aWord, bWord, cWord, dWord, eWord, fWord, gWord, hWord] = hash;
  for (let i = 0; i < 64; i++) {
    const sum1 = rotateRight(eWord, 6) ^ rotateRight(eWord, 11) ^ rotateRight(eWord, 25);
    const choice = (eWord & fWord) ^ (~eWord & gWord);
    const temporary1 = (hWord + sum1 + choice + ROUND_CONSTANTS[i] + schedule[i]) | 0;
    const sum0 = rotateRight(aWord, 2) ^ rotateRight(aWord, 13) ^ rotateRight(aWord, 22);
    const majority = (aWord & bWord) ^ (aWord & cWord) ^ (bWord & cWord);
    const temporary2 = (sum0 + majority) | 0;
    [hWord, gWord, fWord, eWord] = [gWord, fWord, eWord, (dWord + temporary1) | 0];
    [dWord, cWord, bWord, aWord] = [cWord, bWord, aWord, (temporary1 + temporary2) | 0];
  }
  [aWord, bWord, cWord, dWord, eWord, fWord, gWord, hWord].forEach((word, i) => (hash[i] = (hash[i] + word) | 0));
}

/**
 * The SHA-256 digest of bytes.
 * @param {Uint8Array} bytes
 * @returns {ArrayBuffer} 32 bytes
 */
export function digest(bytes) {
  const message = paddedMessage(bytes);
  const hash = INITIAL_HASH.slice();
  const schedule = new Int32Array(64);
  for (let offset = 0; offset < message.byteLength; offset += 64) {
    messageSchedule(message, offset, schedule);
    compress(hash, schedule);
  }
  const output = new DataView(new ArrayBuffer(32));
  hash.forEach((word, i) => output.setUint32(i * 4, word));
  return output.buffer;
}
