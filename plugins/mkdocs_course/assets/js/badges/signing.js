// Signs a badge's credential in the learner's browser as Open Badges 3.0 VC-JWT: a compact JWS,
// ES256 (ECDSA on P-256, which Web Crypto offers in every current browser and Open Badges
// verifiers accept). Each badge gets a new key pair. Its did:key is the credential's issuer, the
// learner; the private key cannot be exported and is dropped once the badge is signed, so no one,
// the learner included, can sign anything else as that issuer. The signature shows that the
// credential has not changed since it was made, not who took the quiz: the description says so.
import { message } from "../messages.js";

const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
// The multicodec code of a P-256 public key (0x1200) as an unsigned varint, as did:key writes it.
const P256_MULTICODEC = [0x80, 0x24];
const KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" };
const SIGNATURE_ALGORITHM = { name: "ECDSA", hash: "SHA-256" };

function base64url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function encodedJson(value) {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

/** Bytes in base58btc (the Bitcoin alphabet), the encoding of a multibase "z" value. */
export function base58btc(bytes) {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let text = "";
  while (value > 0n) {
    text = BASE58_ALPHABET[Number(value % 58n)] + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

/**
 * The did:key of a P-256 public key: "did:key:z" and the base58btc of the multicodec prefix and the
 * compressed point.
 * @param {Uint8Array} point  the key's uncompressed point (0x04, x, y), as Web Crypto exports "raw"
 */
export function didKeyFromPoint(point) {
  if (point.length !== 65 || point[0] !== 4) throw new Error("not an uncompressed P-256 public key");
  const compressed = [2 + (point[64] & 1), ...point.subarray(1, 33)];
  return `did:key:z${base58btc(Uint8Array.from([...P256_MULTICODEC, ...compressed]))}`;
}

/**
 * A new key pair for one badge.
 * @returns {Promise<{did: string, kid: string, jwk: object, privateKey: CryptoKey}>} the private key
 *   is not extractable; `jwk` holds the public key only
 */
export async function newIssuerKey() {
  if (!globalThis.crypto?.subtle) {
    throw new Error(message("badge.needs_https"));
  }
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, false, ["sign"]);
  const point = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const did = didKeyFromPoint(point);
  // A did:key's one verification method is named by its own multibase value.
  return { did, kid: `${did}#${did.slice("did:key:".length)}`, jwk: { kty, crv, x, y }, privateKey: pair.privateKey };
}

/**
 * The credential signed as a compact JWS (Open Badges 3.0, 8.2 JSON Web Token Proof Format): the
 * payload is the credential with the claims iss, sub, jti and nbf; the header names the key both by
 * its did:key URL (kid) and as a public JWK.
 * @param {object} credential  an OpenBadgeCredential whose issuer and subject are `key.did`
 * @param {{kid: string, jwk: object, privateKey: CryptoKey}} key  from newIssuerKey()
 * @returns {Promise<string>} header.payload.signature
 */
export async function signCredential(credential, key) {
  const header = { alg: "ES256", typ: "JWT", kid: key.kid, jwk: key.jwk };
  const claims = {
    iss: credential.issuer.id,
    sub: credential.credentialSubject.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
  };
  const signingInput = `${encodedJson(header)}.${encodedJson({ ...credential, ...claims })}`;
  // Web Crypto's ECDSA signature is r and s, 32 bytes each: the form JWS ES256 uses.
  const signature = await crypto.subtle.sign(SIGNATURE_ALGORITHM, key.privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}
