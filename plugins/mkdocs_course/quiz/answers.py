"""Salted answer hashes, so the built site never holds the answers in clear.

The browser recomputes the same hash with Web Crypto (assets/js/marking.js) and compares. This
hides answers from anyone reading the page source; it cannot stop someone trying every choice.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .model import Question, Variant

# White space as JavaScript's trim() and \s know it, which is not Python's: U+FEFF is white space
# there, U+001C-U+001F and U+0085 are not. The browser must compute the key the build computed.
_JS_WHITE_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SPACES = re.compile(f"[{_JS_WHITE_SPACE}]+")


def normalise_text_answer(text: str) -> str:
    """How typed answers are compared: NFC, lower case, trimmed, inner white space collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).lower()).strip(" ")


def answer_keys(question_type: str, variant: Variant) -> list[str]:
    """The answer(s) that mark a variant correct, written as the browser writes a response."""
    if question_type == "single":
        return [str(next(i for i, option in enumerate(variant.options) if option.correct))]
    if question_type == "multiple":
        return [",".join(str(i) for i, option in enumerate(variant.options) if option.correct)]
    if question_type == "true_false":
        return ["true" if variant.answer else "false"]
    return sorted({normalise_text_answer(answer) for answer in variant.accept})


def answer_hash(salt: str, question_id: str, variant_index: int, key: str) -> str:
    return hashlib.sha256(f"{salt}:{question_id}:{variant_index}:{key}".encode()).hexdigest()


def variant_hashes(salt: str, question: Question, variant_index: int) -> list[str]:
    variant = question.variants[variant_index]
    return [answer_hash(salt, question.id, variant_index, key) for key in answer_keys(question.type, variant)]


def variant_key(question: Question, variant_index: int) -> str:
    """A short fingerprint of a variant's content: saved responses are dropped when it changes."""
    variant = question.variants[variant_index]
    parts = [question.type, variant.prompt, *(option.text for option in variant.options)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:8]
