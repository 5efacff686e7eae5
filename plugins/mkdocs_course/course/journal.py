"""Writing activities and the learner's journal, MkDocs-free.

An author marks an activity the learner writes in with the admonition class `journal` followed by
the activity's id, in plain Markdown that still renders without the plugin:

    !!! question journal interview-notes "Activity 1: Write up an interview"

This module finds those activities in a page's Markdown (with their lines, outside fenced code),
checks their ids (the learner's text is kept under them: unique across the course, never reused),
renders the writing area (templates/writing-activity.html) and puts it into the rendered
admonition, before its "Discussion" details; and it lays out the journal page (blocks, then their
activities). The MkDocs adapter and a Markdown extension front call the same functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import CourseError, Location
from ..messages.catalog import site_messages
from .markers import fenced_lines
from .urls import relative_url

if TYPE_CHECKING:
    from ..messages.catalog import Messages
    from ..templates import Fragments
    from .model import Block

JOURNAL_CLASS = "journal"
JOURNAL_PAGE = "journal.md"
JOURNAL_SLOT = "<!-- course:journal -->"
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
# The longest text the browser keeps for one activity (assets/js/record.js says the same).
TEXT_MAX_LENGTH = 20_000
_EXAMPLE = '`!!! question journal my-notes "Activity 1: …"`'

# Python-Markdown's admonition (`!!!`) and pymdownx.details (`???`, `???+`): classes, then a title.
_ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<classes>[^"\n]*?)[ \t]*(?:"(?P<title>.*)")?[ \t]*$'
)


@dataclass(frozen=True)
class WritingActivity:
    """An activity the learner writes in: its id (the key of the learner's text), its title as the
    admonition shows it, and where the author wrote it."""

    id: str
    title: str
    where: Location

    @property
    def anchor(self) -> str:
        """The writing area's id in the page: the journal links back to it."""
        return f"course-writing-{self.id}"


def _title(classes: list[str], quoted: str | None) -> str:
    if quoted is not None:
        return quoted.strip()
    return classes[0].capitalize() if classes else ""  # as Python-Markdown titles an untitled admonition


def find_activities(markdown: str, path: str) -> tuple[list[WritingActivity], list[CourseError]]:
    """The writing activities of one page's Markdown (front matter included, so lines are the
    file's), and the mistakes in how they are marked. `path` names the file in messages."""
    found: list[WritingActivity] = []
    errors: list[CourseError] = []
    for number, (line, fenced) in enumerate(fenced_lines(markdown.splitlines()), start=1):
        match = None if fenced else _ADMONITION.match(line)
        if not match:
            continue
        classes = match["classes"].split()
        if JOURNAL_CLASS not in classes:
            continue
        where = Location(path, number, len(match["indent"]) + 1)
        after = classes[classes.index(JOURNAL_CLASS) + 1 :]
        if not after:
            errors.append(
                CourseError(
                    where,
                    "the writing activity (class `journal`) has no id.",
                    f"Write its id after `journal`, in lower case letters, digits and hyphens, for example {_EXAMPLE}.",
                )
            )
            continue
        if not ID_PATTERN.fullmatch(after[0]):
            errors.append(
                CourseError(
                    where,
                    f"the writing activity's id '{after[0]}' is not lower case letters, digits and hyphens.",
                    f"Use an id such as '{_suggested_id(after[0])}', for example {_EXAMPLE}.",
                )
            )
            continue
        found.append(WritingActivity(after[0], _title(classes, match["title"]), where))
    return found, errors


def _suggested_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-notes"


def duplicate_errors(activities: Iterable[WritingActivity]) -> list[CourseError]:
    """An id used twice in the course would mix two activities' texts: each later use is a mistake
    naming the first."""
    first: dict[str, WritingActivity] = {}
    errors = []
    for activity in activities:
        if activity.id not in first:
            first[activity.id] = activity
            continue
        earlier = first[activity.id]
        errors.append(
            CourseError(
                activity.where,
                f"the writing activity id '{activity.id}' is already used at {earlier.where}.",
                "Give each writing activity an id of its own; keep the one learners have already written under.",
            )
        )
    return errors


def course_activities(
    pages: Iterable[tuple[str, str]], docs_shown: str
) -> tuple[dict[str, list[WritingActivity]], list[CourseError]]:
    """Every page's writing activities (page path -> its activities, for pages with any) and the
    mistakes, ids checked across the course. `pages`: (path in the docs folder, its Markdown)."""
    activities: dict[str, list[WritingActivity]] = {}
    errors: list[CourseError] = []
    for path, markdown in pages:
        found, page_errors = find_activities(markdown, f"{docs_shown}/{path}")
        errors += page_errors
        if found:
            activities[path] = found
    errors += duplicate_errors(activity for found in activities.values() for activity in found)
    return activities, errors


def writing_area_html(fragments: Fragments, activity: WritingActivity) -> str:
    """The labelled text area the learner writes in, as the page shows it before any script runs."""
    return fragments.render("writing-activity.html", activity=activity, max_length=TEXT_MAX_LENGTH)


_TAG = re.compile(r"<(/?)(div|details)\b[^>]*>", re.IGNORECASE)
_CLASS = re.compile(r'\bclass="([^"]*)"')


def _activity_id(opening_tag: str) -> str | None:
    """The id after `journal` in an admonition's classes, if this tag opens a writing activity."""
    found = _CLASS.search(opening_tag)
    classes = found[1].split() if found else []
    if JOURNAL_CLASS not in classes or classes[-1] == JOURNAL_CLASS:
        return None
    if not opening_tag.lower().startswith("<details") and "admonition" not in classes:
        return None
    return classes[classes.index(JOURNAL_CLASS) + 1]


def _insertion_point(html: str, start: int, tag: str) -> int:
    """Where the writing area goes in the element opened at `start`: before its first child
    `<details>` (the Discussion, revealable after writing) or else before its end."""
    depth = 0
    for match in _TAG.finditer(html, start):
        closing, name = match[1] == "/", match[2].lower()
        if depth == 1 and not closing and name == "details" and match.start() > start:
            return match.start()
        if name == tag:
            depth += -1 if closing else 1
            if depth == 0:
                return match.start()
    return len(html)


def insert_writing_areas(html: str, areas: dict[str, str]) -> tuple[str, set[str]]:
    """The rendered page with each writing area (id -> its HTML) put into its admonition; and the
    ids placed (an activity whose admonition did not render, such as without the `admonition`
    extension, is not among them)."""
    placed: set[str] = set()
    position = 0
    while True:
        match = next((m for m in _TAG.finditer(html, position) if not m[1] and _activity_id(m[0]) in areas), None)
        if match is None:
            return html, placed
        activity_id = _activity_id(match[0]) or ""
        at = _insertion_point(html, match.start(), match[2].lower())
        area = areas[activity_id] if activity_id not in placed else ""
        placed.add(activity_id)
        html = html[:at] + area + html[at:]
        position = match.end()


def place_writing_areas(
    html: str, activities: list[WritingActivity], fragments: Fragments
) -> tuple[str, list[CourseError]]:
    """A rendered page with its activities' writing areas in place, and a mistake for each
    activity whose admonition did not render (the `admonition` extension missing, say)."""
    areas = {activity.id: writing_area_html(fragments, activity) for activity in activities}
    html, placed = insert_writing_areas(html, areas)
    errors = [
        CourseError(
            activity.where,
            f"the writing activity '{activity.id}' did not render as an admonition.",
            "Add `admonition` to `markdown_extensions` in mkdocs.yml, and write the activity as "
            '`!!! question journal <id> "Title"` at the start of a line.',
        )
        for activity in activities
        if activity.id not in placed
    ]
    return html, errors


@dataclass(frozen=True)
class JournalPage:
    """A page of the course in navigation order, with its block's heading ("" outside blocks)."""

    block_heading: str
    url: str
    title: str
    activities: tuple[WritingActivity, ...]


def journal_pages(
    blocks: Iterable[Block],
    pages_of_block: Callable[[Block], list[tuple[str, str, str]]],
    activities: dict[str, list[WritingActivity]],
    other_page: Callable[[str], tuple[str, str] | None],
    messages: Messages | None = None,
) -> list[JournalPage]:
    """The pages with writing activities: each block's in course order, then the others.
    `pages_of_block` gives a block's pages as (key in `activities`, URL, title), in order;
    `other_page` gives (URL, title) of a page outside the blocks, None if it is not in the site.
    `messages`: the site's words for the blocks' headings (English by default)."""
    words = messages or site_messages("en")

    def heading(block: Block) -> str:
        return words("journal.block_heading", number=block.number, title=block.title)

    in_blocks = [
        JournalPage(heading(block), url, title, tuple(activities[key]))
        for block in blocks
        for key, url, title in pages_of_block(block)
        if key in activities
    ]
    listed = {page.url for page in in_blocks}
    others = []
    for key, found in activities.items():
        page = other_page(key)
        if page is not None and page[0] not in listed:
            others.append(JournalPage("", page[0], page[1], tuple(found)))
    return in_blocks + others


def journal_sections(
    pages: Iterable[JournalPage], from_url: str, messages: Messages | None = None
) -> list[dict[str, Any]]:
    """The journal page's model: each block (in course order) with its activities, each with a
    link back to its writing area; pages outside blocks come last under "Other activities".
    `messages`: the site's words for that heading and an untitled activity (English by default)."""
    words = messages or site_messages("en")
    sections: dict[str, list[dict[str, str]]] = {}
    for page in pages:
        for activity in page.activities:
            sections.setdefault(page.block_heading, []).append(
                {
                    "id": activity.id,
                    "title": activity.title or words("journal.untitled"),
                    "page_title": page.title,
                    "href": f"{relative_url(page.url, from_url)}#{activity.anchor}",
                }
            )
    ordered = [(heading, items) for heading, items in sections.items() if heading]
    if "" in sections:
        ordered.append((words("journal.other_activities"), sections[""]))
    return [{"heading": heading, "activities": items} for heading, items in ordered]


def journal_page_markdown(messages: Messages) -> str:
    """The journal page the build adds when the author wrote none: its title in the site's words."""
    return f"# {messages.markdown('pages.journal_title')}\n\n{JOURNAL_SLOT}\n"
