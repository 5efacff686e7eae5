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
# What a phone or word processor types for a plain quote, apostrophe or hyphen: read as the plain
# one, so "don’t" is "don't" and "part–time" is "part-time". marking.js holds the same table.
_TYPOGRAPHIC = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc\uff07",
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",
}
_PLAIN = str.maketrans({typed: plain for plain, typed_forms in _TYPOGRAPHIC.items() for typed in typed_forms})
# Sentence punctuation at the end, however repeated ("Earth.", "Earth?!", "Earth…"), and spaces before it.
_SENTENCE_END = re.compile("[ .!?\u2026\u203c\u203d\u2047-\u2049\u3002\uff01\uff1f\uff61]+\\Z")


def normalise_text_answer(text: str) -> str:
    """How typed answers are compared: NFC, lower case, typographic quotes, apostrophes and dashes as
    plain ones, inner white space collapsed, trimmed, and trailing sentence punctuation dropped."""
    plain = unicodedata.normalize("NFC", text).lower().translate(_PLAIN)
    return _SENTENCE_END.sub("", _SPACES.sub(" ", plain).strip(" "))


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
