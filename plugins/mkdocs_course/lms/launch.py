"""The page an LMS launches: it holds the course's pages in a frame for the whole session, so the
connection to the LMS lives once (a SCORM session cannot start again after each page load), and
carries the course as the runtime (assets/js/lms/runtime.js) and the packager need it."""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..course.model import Block, CourseSettings
from ..messages.catalog import Messages, site_messages
from ..messages.page import SCRIPT_ID, messages_data
from ..quiz.render import json_for_script
from . import FORMATS, RUNTIME_ENTRY

DATA_ID = "course-lms-data"
HOME_PAGE = "index.html"
_DATA_SCRIPT = re.compile(rf'<script type="application/json" id="{DATA_ID}">(?P<json>.*?)</script>', re.DOTALL)


def mastery_score(pass_marks: Sequence[float], default: float) -> float:
    """The course's mastery score in percent, from 0 to 100 with at most two decimals.

    The course is passed once every block is passed, and the runtime reports as the course score
    the weakest block's standing: its best score, scaled so that its pass mark lands on the mastery
    score (unchanged when every block has the same pass mark). So the score meets the mastery score
    exactly when every block is passed, and an LMS that judges by the score (as SCORM 1.2 and 2004
    LMSs and cmi5 AUs do) agrees with the course. The highest pass mark is the mastery score;
    rounded down, so a learner who passed every block always meets it."""
    highest = max(pass_marks, default=default)
    return math.floor(highest * 100 + 1e-9) / 100


@dataclass(frozen=True)
class LaunchData:
    """What the launch page carries: the runtime reads it, and so does the packager."""

    format: str
    course_id: str
    title: str
    description: str
    language: str
    mastery_score: float  # percent
    blocks: tuple[dict[str, Any], ...]  # {"id", "title", "passMark"}
    site_url: str = ""
    # The learner's words on the page (area `lms`), in the site's language; not part of the JSON.
    messages: Messages = field(default_factory=lambda: site_messages("en"), compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "courseId": self.course_id,
            "title": self.title,
            "description": self.description,
            "language": self.language,
            "masteryScore": self.mastery_score,
            "homeUrl": HOME_PAGE,
            "siteUrl": self.site_url,
            "blocks": list(self.blocks),
        }


def launch_data(
    lms_format: str, settings: CourseSettings, blocks: Sequence[Block], *, language: str, site_url: str
) -> LaunchData:
    if lms_format not in FORMATS:
        raise ValueError(f"unknown LMS format {lms_format!r}")
    marks = [block.pass_mark(settings) for block in blocks]
    return LaunchData(
        format=lms_format,
        course_id=settings.id,
        title=settings.title,
        description=settings.description,
        language=language or "en",
        mastery_score=mastery_score(marks, settings.pass_mark),
        blocks=tuple(
            {"id": block.id, "title": block.title, "passMark": mark} for block, mark in zip(blocks, marks, strict=True)
        ),
        site_url=site_url,
        messages=settings.messages,
    )


_STYLE = """
:root { color-scheme: light dark; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; background: Canvas; color: CanvasText;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.course-lms__notice { margin: 0; padding: 0.5rem 1rem; border-bottom: 2px solid currentColor; line-height: 1.4; }
.course-lms__notice:empty { display: none; }
.course-lms__frame { flex: 1; width: 100%; border: 0; }
"""


def launch_page(data: LaunchData) -> str:
    """The launch page's HTML. The frame gets its address from the runtime, once the learner's
    record is restored from the LMS, so the course's pages open with it."""
    title = html.escape(data.title)
    words = data.messages
    # The runtime's notices (assets/js/lms/*.js) read the `lms` area, as course pages read theirs.
    words_json = json_for_script(messages_data(words, ("lms",)))
    return f"""<!doctype html>
<html lang="{html.escape(data.language)}" dir="{words.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_STYLE}</style>
<script type="application/json" id="{DATA_ID}">{json_for_script(data.as_json())}</script>
<script type="application/json" id="{SCRIPT_ID}">{words_json}</script>
<script type="module" src="{RUNTIME_ENTRY}"></script>
</head>
<body>
<p class="course-lms__notice" role="status" aria-live="polite"></p>
<iframe class="course-lms__frame" name="course" title="{title}"></iframe>
<noscript><p>{html.escape(words("lms.needs_javascript"))}
<a href="{HOME_PAGE}">{html.escape(words("lms.open_without_reporting"))}</a></p></noscript>
</body>
</html>
"""


def read_launch_data(page: str) -> dict[str, Any]:
    """The data a launch page carries (as `LaunchData.as_json`); ValueError when it has none."""
    found = _DATA_SCRIPT.search(page)
    if found is None:
        raise ValueError(f"the launch page carries no <script id={DATA_ID!r}>")
    return json.loads(found["json"])
