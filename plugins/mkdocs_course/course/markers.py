"""Markers an author writes in a page where a course widget goes, such as `<!-- course:quiz -->`
on a block's quiz page or `<!-- course:achievements -->` on the achievements page.

An HTML comment on a line of its own: harmless to any Markdown engine that does not know it. The
MkDocs plugin fills the markers it knows (adapter/); the Python-Markdown extension (markdown/),
which other engines such as Zensical run, fills each marker of its table (markdown/markers.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import CourseError, Location
from ..quiz.model import Quiz
from ..quiz.render import quiz_body_markdown, quiz_heading_markdown, quiz_title_markdown
from .structure import first_heading

# `<!-- course:NAME -->` or `<!-- course:NAME ARGUMENT -->`, alone on its line.
MARKER = re.compile(
    r"^[ \t]*<!--[ \t]*course:[ \t]*(?P<name>[a-z][a-z-]*)(?:[ \t]+(?P<argument>[^\s>]+))?[ \t]*-->[ \t]*$"
)
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Marker:
    name: str
    argument: str  # "" when the marker has none
    line: int  # 1-based, in the page's source


def front_matter_lines(markdown: str) -> int:
    """How many lines the page's front matter takes (0 without any)."""
    found = _FRONT_MATTER.match(markdown)
    return found.group(0).count("\n") if found else 0


def fenced_lines(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line, with whether it is fenced code (its fences included): markers and activities
    written there are examples. A fence closes with the same character, at least as many, nothing after."""
    fence = ""
    for line in lines:
        found = _FENCE.match(line)
        if fence:
            if found and _closes(found["fence"], fence) and not line[found.end() :].strip():
                fence = ""
            yield line, True
        elif found:
            fence = found["fence"]
            yield line, True
        else:
            yield line, False


def _closes(found: str, fence: str) -> bool:
    return found[0] == fence[0] and len(found) >= len(fence)


def find_markers(markdown: str) -> list[Marker]:
    """The course markers of a page's source, outside fenced code, with their lines."""
    lines = markdown.split("\n")
    start = front_matter_lines(markdown)
    found = []
    for index, (line, fenced) in enumerate(fenced_lines(lines[start:]), start=start):
        if not fenced and (match := MARKER.match(line)):
            found.append(Marker(match["name"], match["argument"] or "", index + 1))
    return found


def quiz_marker_error(marker: Marker, block_id: str, shown: str) -> CourseError | None:
    """A quiz marker that names another block than its page's is a mistake (a block's quiz page is
    `<block>/quiz.md`, so every page can link to it)."""
    if not marker.argument or marker.argument == block_id:
        return None
    return CourseError(
        Location(shown, marker.line),
        f"this is the quiz page of the block '{block_id}', but its marker names '{marker.argument}'.",
        f"Write `<!-- course:quiz -->` here; the quiz of '{marker.argument}' goes in {marker.argument}/quiz.md.",
    )


def fill_quiz_page(markdown: str, quiz: Quiz, field_marker: str, shown: str) -> str:
    """An author's quiz page with the quiz where its `<!-- course:quiz -->` marker stands (at the
    end when it has none), and the quiz's title as its heading when it has none of its own.
    Raises CourseError for a second quiz marker or one naming another block."""
    markers = [marker for marker in find_markers(markdown) if marker.name == "quiz"]
    for marker in markers[1:]:
        raise CourseError(
            Location(shown, marker.line),
            "the page has a second quiz marker.",
            "Keep one `<!-- course:quiz -->`: a block has one quiz.",
        )
    if markers and (error := quiz_marker_error(markers[0], quiz.block_id, shown)):
        raise error
    lines = markdown.split("\n")
    body = quiz_body_markdown(quiz, field_marker)
    if markers:
        lines[markers[0].line - 1] = body
    else:
        lines += ["", body]
    if not first_heading(markdown):
        at = front_matter_lines(markdown)
        # Without front matter, the generated page's own (its `title`), so the page is the same.
        lines[at:at] = [quiz_title_markdown(quiz) if at else quiz_heading_markdown(quiz), ""]
    return "\n".join(lines)
