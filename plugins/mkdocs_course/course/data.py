"""The course data every page carries for the browser code (see docs/architecture.md)."""

from __future__ import annotations

from typing import Any

from .lessons import Lesson, lessons_data
from .model import Block, CourseSettings
from .urls import badge_url, credential_url


def course_data(
    settings: CourseSettings,
    blocks: list[Block],
    *,
    achievements_url: str,
    site_url: str,
    lessons: dict[str, list[Lesson]] | None = None,
) -> dict[str, Any]:
    """URLs are relative to the site root; the browser resolves them, so sub-paths and file:// work.
    `lessons`: each block's lessons (course/lessons.py), for the home page's next step."""
    lessons = lessons or {}
    return {
        "courseId": settings.id,
        "title": settings.title,
        "description": settings.description,
        "provider": {"name": settings.provider.name, "url": settings.provider.url},
        "outcomes": list(settings.outcomes),
        "hours": settings.hours,
        "free": settings.free,
        "passMark": settings.pass_mark,
        "locale": settings.locale,
        "siteUrl": site_url,
        "blocks": [
            {
                "id": block.id,
                "title": block.title,
                "number": block.number,
                "url": block.url,
                "quizUrl": block.quiz_url,
                "passMark": block.pass_mark(settings),
                "badgeUrl": badge_url(block),
                "credentialUrl": credential_url(block),
                "outcomes": list(block.outcomes),  # the block's own (course/outcomes.py)
                "lessons": lessons_data(lessons.get(block.id, [])),
            }
            for block in blocks
        ],
        "achievementsUrl": achievements_url,
        "homeUrl": "",
        # The navigation's marks for passed blocks and visited lessons, in the site's language:
        # every page shows them, so they travel with the light data (messages/page.py sends the rest).
        "marks": settings.messages.areas(("navigation",)).get("navigation", {}),
    }


_LIGHT_KEYS = ("courseId", "marks")
_LIGHT_BLOCK_KEYS = ("id", "url", "quizUrl")


def light_course_data(data: dict[str, Any]) -> dict[str, Any]:
    """The course data of lesson pages: what course.js needs to mark passed blocks in the
    navigation (the record's key, and each block's id and links). The rest serves the quiz,
    badges, the statement and the overview, so it stays on those pages, off every lesson."""
    light = {key: data[key] for key in _LIGHT_KEYS if key in data}
    light["blocks"] = [{key: block[key] for key in _LIGHT_BLOCK_KEYS if key in block} for block in data["blocks"]]
    return light


def data_script(data: dict[str, Any]) -> str:
    """The course data as the JSON block every page carries (`<` escaped, so it cannot end the script)."""
    from ..quiz.render import json_for_script

    return f'<script type="application/json" id="course-data">{json_for_script(data)}</script>'
