"""A block's lessons, and what each of its pages shows of the learner's way through the course.

A block's first page introduces it (its learning outcomes, what it covers): it is not counted as a
lesson, and shows the block's status instead. Every later page of the block's section is a lesson,
numbered in navigation order: "Lesson 2 of 4 · Block 1: …". The home page opens with the learner's
next step. The build writes all of it as HTML; the browser (course.js) only fills in what it
knows: visits, passes, and the next step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..templates import Fragments
from .model import Block, CourseSettings
from .pages import block_links
from .urls import relative_url


@dataclass(frozen=True)
class Lesson:
    url: str  # relative to the site root, as MkDocs writes it
    title: str


def block_lessons(pages: list[tuple[str, str]]) -> list[Lesson]:
    """The lessons among a block's pages, given as (url, title) in navigation order: all but the
    first page, which introduces the block."""
    return [Lesson(url, title) for url, title in pages[1:]]


def lessons_data(lessons: list[Lesson]) -> list[dict[str, str]]:
    """A block's lessons in the course data (the home page's next step reads them)."""
    return [{"url": lesson.url, "title": lesson.title} for lesson in lessons]


def _block_link(settings: CourseSettings, block: Block, from_url: str) -> dict[str, Any]:
    return block_links(settings, [block], from_url)[0]


def lesson_location_html(
    fragments: Fragments, settings: CourseSettings, block: Block, lessons: list[Lesson], number: int
) -> str:
    """The line over a lesson: where the learner is. It names the page for the browser to record
    the visit."""
    lesson = lessons[number - 1]
    return fragments.render(
        "lesson-location.html",
        block=_block_link(settings, block, lesson.url),
        url=lesson.url,
        number=number,
        count=len(lessons),
    )


def block_lessons_html(
    fragments: Fragments, settings: CourseSettings, block: Block, lessons: list[Lesson], page_url: str
) -> str:
    """The list of a block's lessons and its quiz, at the end of each of its pages; the browser
    marks the lessons already visited."""
    return fragments.render(
        "block-lessons.html",
        block=_block_link(settings, block, page_url),
        lessons=[
            {"title": lesson.title, "href": relative_url(lesson.url, page_url), "current": lesson.url == page_url}
            for lesson in lessons
        ],
    )


def block_status_html(fragments: Fragments, settings: CourseSettings, block: Block, lessons: list[Lesson]) -> str:
    """The status of a block on its first page, with the way to its quiz."""
    return fragments.render("block-status.html", block=_block_link(settings, block, block.url), count=len(lessons))


def continue_html(fragments: Fragments, settings: CourseSettings, blocks: list[Block], from_url: str) -> str:
    """The home page's first step for a new learner; the browser turns it into the next step."""
    first = _block_link(settings, blocks[0], from_url) if blocks else None
    return fragments.render("continue.html", first=first)


_OPENING_HEADING = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.DOTALL | re.IGNORECASE)


def after_title(html: str, added: str) -> str:
    """`added` after the page's title (its opening <h1>), or first when the page opens otherwise."""
    match = _OPENING_HEADING.match(html)
    at = match.end() if match else 0
    return html[:at] + added + html[at:]


def before_title(html: str, added: str) -> str:
    """`added` first in the page, over its title."""
    return added + html
