// Opens the feedback and explanations the build sealed (quiz/sealing.py says why and what it
// protects): AES-GCM, the key SHA-256 of the salted part name, as answer hashes are made.

const bytesOf = (base64) => Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));

// Whether this browser can open sealed texts (Web Crypto exists only in secure contexts).
const canUnseal = () => Boolean(globalThis.crypto?.subtle);

/**
 * The HTML sealed for one part of a question's version.
 * @param {string} sealed base64 of nonce, ciphertext and tag; "" for no text
 * @param {string} salt the quiz's salt
 * @param {string} questionId
 * @param {number} variantIndex
 * @param {string} part "feedback:<option index>" or "explanation"
 * @returns {Promise<string>} the HTML, or "" when there is none or it cannot be opened here
 */
export async function unseal(sealed, salt, questionId, variantIndex, part) {
  if (!sealed || !canUnseal()) return "";
  const name = new TextEncoder().encode(`${salt}:${questionId}:${variantIndex}:${part}`);
  const keyBytes = await crypto.subtle.digest("SHA-256", name);
  const key = await crypto.subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]);
  const bytes = bytesOf(sealed);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  return new TextDecoder().decode(plain).replace(/\0+$/, "");
}
