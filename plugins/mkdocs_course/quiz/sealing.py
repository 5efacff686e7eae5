"""Feedback and explanations sealed in the quiz data, so that reading the site gives no answer away.

A right option used to be the one whose feedback began "Yes.", and a text answer could be found by
hashing phrases of the explanation shown on the same page. Now each text is encrypted with AES-GCM
under a key derived the way answer hashes are (SHA-256 of `salt:questionId:variantIndex:part`,
where part is `feedback:<option index>` or `explanation`); the browser derives the same key once
the question is marked (assets/js/quiz/sealing.js). Every option of a version carries a sealed
feedback of the same length, empty or not, so neither a length nor an absence marks an option.

What this protects, exactly (docs/author-guide.md says it too): the page source, the search index
and every file of the site hold no feedback or explanation in clear. It is not secrecy: the keys
come from what the page holds, so code that re-implements the marking can still read them.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
PAD_TO = 32  # sealed texts of a version are padded to the same multiple of this many bytes


def sealing_key(salt: str, question_id: str, variant_index: int, part: str) -> bytes:
    return hashlib.sha256(f"{salt}:{question_id}:{variant_index}:{part}".encode()).digest()


def _padded_length(texts: list[str]) -> int:
    longest = max((len(text.encode()) for text in texts), default=0)
    return -(-max(longest, 1) // PAD_TO) * PAD_TO


def seal(text: str, key: bytes, length: int) -> str:
    """`text` padded with NULs to `length` bytes, encrypted: base64 of nonce, ciphertext and tag."""
    plain = text.encode().ljust(length, b"\0")
    nonce = os.urandom(NONCE_BYTES)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plain, None)).decode("ascii")


def sealed_feedback(salt: str, question_id: str, variant_index: int, feedback: list[str]) -> list[str]:
    """Each option's feedback sealed, all to one length (the empty ones too)."""
    length = _padded_length(feedback)
    return [
        seal(text, sealing_key(salt, question_id, variant_index, f"feedback:{index}"), length)
        for index, text in enumerate(feedback)
    ]


def sealed_explanation(salt: str, question_id: str, variant_index: int, explanation: str) -> str:
    """The explanation sealed, or "" when there is none (it belongs to the version, not an option)."""
    if not explanation:
        return ""
    key = sealing_key(salt, question_id, variant_index, "explanation")
    return seal(explanation, key, _padded_length([explanation]))


def unseal(sealed: str, key: bytes) -> str:
    """What `seal` sealed (for tests and tools; learners' browsers do this in quiz/sealing.js)."""
    if not sealed:
        return ""
    data = base64.b64decode(sealed)
    return AESGCM(key).decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:], None).rstrip(b"\0").decode()
