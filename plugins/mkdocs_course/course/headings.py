"""Headings in HTML the plugin adds to a page (overview, achievements), for its table of contents.

MkDocs builds a page's table of contents from its Markdown; HTML added afterwards needs its
headings listed here, so the page's "On this page" and toc.follow know them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"<h([1-6])\b[^>]*?\sid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # HTML text, tags removed, entities kept, as MkDocs keeps toc titles


def headings(html: str) -> list[Heading]:
    """The headings with an id, in document order."""
    return [Heading(int(level), anchor, _TAG.sub("", inner).strip()) for level, anchor, inner in _HEADING.findall(html)]


def insertion_index(entries: list[set[str]], ids_before: set[str]) -> int:
    """Where added headings go among a list of table-of-contents entries (each given as the ids of
    the entry and everything under it): right after the last entry that comes before them."""
    last = -1
    for index, ids in enumerate(entries):
        if ids & ids_before:
            last = index
    return last + 1
