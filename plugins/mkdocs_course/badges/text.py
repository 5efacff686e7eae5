"""Joining an author's phrases into sentences without doubled punctuation: an outcome or a
description may end in ".", "!", "?" or nothing. The browser keeps the same rules
(assets/js/badges/sentences.js) for the statement."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["as_sentence", "list_sentence"]

_FINAL = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*\Z")
_SOFT_END = re.compile(r"[\s.;,:]+\Z")


def as_sentence(text: str) -> str:
    """``text`` trimmed, with a full stop added unless it already ends with ".", "!", "?" or "…"
    (closing quotes and brackets after them allowed)."""
    trimmed = text.strip()
    if not trimmed:
        return ""
    return trimmed if _FINAL.search(trimmed) else trimmed + "."


def list_sentence(phrases: Iterable[str]) -> str:
    """Phrases run together, "a; b; c.": a phrase's own closing ".", ";", "," or ":" gives way to
    the separator; one that ends in "!" or "?" keeps it and is followed by a space alone."""
    joined = ""
    for phrase in (phrase.strip() for phrase in phrases):
        if not phrase:
            continue
        if joined:
            joined += " " if _FINAL.search(joined) else "; "
        joined += phrase if _FINAL.search(phrase) and not phrase.endswith(".") else _SOFT_END.sub("", phrase) or phrase
    return as_sentence(joined)
