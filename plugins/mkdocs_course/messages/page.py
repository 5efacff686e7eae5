"""The messages a page carries for its browser code: only the areas its widgets use, so that a
lesson page does not carry the quiz's words, and only in the site's language."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from ..quiz.render import json_for_script
from .catalog import Messages, load_catalog

BROWSER_CODE = Path(__file__).resolve().parent.parent / "assets" / "js"
_KEY_LITERAL = re.compile(r"""["']([a-z_]+\.[a-z][a-z0-9_]*)["']""")

# The `navigation` area (the marks course.js adds to the navigation's links) travels in the course
# data every page carries (course/data.py), so a lesson page needs no block of its own.
# A widget's attribute in the page's HTML, and the areas its code shows (assets/js/...).
WIDGET_AREAS = (
    ("data-course-block-status", ("progress",)),
    ("data-course-continue", ("progress",)),
    ("data-course-progress", ("progress",)),
    ("data-course-quiz", ("quiz", "badge")),
    ("data-course-achievements", ("achievements", "badge", "statement")),
    ("data-course-journal", ("journal",)),
)
# Areas whose code loads only after an action or a problem (a writing activity's status, a
# storage notice): no page carries them; that code fetches them from WORDS_URI when it first
# needs them (assets/js/words-on-demand.js), so a lesson page with a writing activity stays light.
ON_DEMAND_AREAS = ("writing", "notice")
WORDS_URI = "assets/course/words.json"
SCRIPT_ID = "course-messages"
# The `lms` area is the LMS launch page's (lms/launch.py), where the runtime's notices are shown.


def page_areas(html: str) -> tuple[str, ...]:
    """The areas of messages the page's widgets need, in a fixed order: a widget counts when its
    attribute is on an element (a script that names it, such as the file notice's, does not)."""
    areas: list[str] = []
    for attribute, widget_areas in WIDGET_AREAS:
        if re.search(rf"<[a-zA-Z][^<>]*\s{attribute}(?=[\s=>/])", html):
            areas.extend(area for area in widget_areas if area not in areas)
    return tuple(areas)


@cache
def browser_keys() -> frozenset[str]:
    """The keys the browser code names: every `"area.name"` literal in assets/js that is a key of
    the catalog. A page gets only these of its areas; words the build writes into the page
    (templates) stay out of its data. The browser code therefore names every key it shows in full,
    never built from pieces (tests/test_messages.py holds it to that)."""
    keys = set(load_catalog("en"))
    return frozenset(
        key
        for path in BROWSER_CODE.rglob("*.js")
        if "vendor" not in path.parts
        for key in _KEY_LITERAL.findall(path.read_text(encoding="utf-8"))
        if key in keys
    )


def messages_data(messages: Messages, areas: tuple[str, ...]) -> dict[str, object]:
    """What `assets/js/messages.js` reads: the locale for plurals, numbers and dates, the
    direction, and the areas' messages."""
    return {
        "language": messages.language,
        "locale": messages.locale,
        "direction": messages.direction,
        "areas": messages.areas(areas, browser_keys()),
    }


def words_file(messages: Messages) -> str:
    """The on-demand areas' words, published at WORDS_URI in the site's language."""
    return json_for_script(messages_data(messages, ON_DEMAND_AREAS))


def messages_script(messages: Messages, html: str) -> str:
    """The JSON block for a page whose HTML is `html` (`<` escaped, so it cannot end the script),
    or "" for a page without widgets."""
    areas = page_areas(html)
    return _script_for(messages, areas) if areas else ""


@lru_cache(maxsize=32)
def _script_for(messages: Messages, areas: tuple[str, ...]) -> str:
    """Made once per site and set of areas: a site has a handful of kinds of widget page."""
    data = json_for_script(messages_data(messages, areas))
    return f'<script type="application/json" id="{SCRIPT_ID}">{data}</script>'
