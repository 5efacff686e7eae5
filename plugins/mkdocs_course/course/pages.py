"""The course overview on the home page and the achievements page, rendered for one page's URL."""

from __future__ import annotations

from typing import Any

from .. import templates
from .model import Block, CourseSettings
from .urls import relative_url


def _percent(value: float) -> str:
    return f"{value:g}"


def block_links(settings: CourseSettings, blocks: list[Block], from_url: str) -> list[dict[str, Any]]:
    return [
        {
            "id": block.id, "number": block.number, "title": block.title,
            "href": relative_url(block.url, from_url),
            "quiz_href": relative_url(block.quiz_url, from_url),
            "quiz_title": block.quiz.title,
            "pass_mark": _percent(block.pass_mark(settings)),
        }
        for block in blocks
    ]


def overview_html(settings: CourseSettings, blocks: list[Block], from_url: str, achievements_url: str) -> str:
    return templates.render(
        "overview.html", settings=settings, blocks=block_links(settings, blocks, from_url),
        hours=_percent(settings.hours) if settings.hours else None,
        achievements_href=relative_url(achievements_url, from_url),
    )


def achievements_html(settings: CourseSettings, blocks: list[Block], from_url: str) -> str:
    return templates.render("achievements.html", settings=settings, blocks=block_links(settings, blocks, from_url))
