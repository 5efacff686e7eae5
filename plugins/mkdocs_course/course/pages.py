"""The pages the course adds or fills: each block's quiz page, the achievements page and the
overview on the home page; the fragments are rendered for one page's URL."""

from __future__ import annotations

from typing import Any

from ..messages.catalog import Messages
from ..messages.numbers import percent_text
from ..quiz.render import json_for_script, quiz_payload, quiz_view
from ..quiz.reviews import ReviewLink
from ..templates import Fragments
from .model import Block, CourseSettings
from .urls import badge_url, relative_url

ACHIEVEMENTS_PAGE = "achievements.md"
# Where the plugin's HTML goes in a page: HTML comments, which Python-Markdown passes through.
OVERVIEW_SLOT = "<!-- course:overview -->"  # written by the author on the home page
ACHIEVEMENTS_SLOT = "<!-- course:achievements -->"


def achievements_page_markdown(messages: Messages) -> str:
    """The achievements page the build adds when the author wrote none, titled in the site's language."""
    return f"# {messages.markdown('achievements.page_title')}\n\n{ACHIEVEMENTS_SLOT}\n"


ERRORS_SLOT = "<!-- course:errors -->"  # on the page of a quiz that cannot be built


def quiz_page_uri(block_id: str) -> str:
    """The generated quiz page of a block, relative to the docs folder."""
    return f"{block_id}/quiz.md"


def quiz_shell_html(
    fragments: Fragments,
    settings: CourseSettings,
    block: Block,
    *,
    salt: str,
    fields: dict[str, str],
    reviews: dict[str, ReviewLink],
) -> str:
    """A block's quiz as its page shows it (templates/quiz.html), with the browser's data: the
    questions from their rendered `fields`, each `review` link already resolved for the page."""
    pass_mark = block.pass_mark(settings)
    payload = quiz_payload(
        block.quiz,
        course_id=settings.id,
        block_title=block.title,
        pass_mark=pass_mark,
        salt=salt,
        fields=fields,
        reviews=reviews,
    )
    view = quiz_view(block.quiz, pass_mark=pass_mark, salt=salt, fields=fields)
    return fragments.render("quiz.html", quiz=view, payload_json=json_for_script(payload))


def _percent(value: float) -> str:
    return f"{value:g}"


def block_links(settings: CourseSettings, blocks: list[Block], from_url: str) -> list[dict[str, Any]]:
    return [
        {
            "id": block.id,
            "number": block.number,
            "title": block.title,
            "href": relative_url(block.url, from_url),
            "quiz_href": relative_url(block.quiz_url, from_url),
            "quiz_title": block.quiz.title,
            "pass_mark": _percent(block.pass_mark(settings)),
            "pass_mark_percent": percent_text(settings.messages.locale, block.pass_mark(settings)),  # as shown
            "badge_src": relative_url(badge_url(block), from_url),
        }
        for block in blocks
    ]


def overview_html(
    fragments: Fragments, settings: CourseSettings, blocks: list[Block], from_url: str, achievements_url: str
) -> str:
    return fragments.render(
        "overview.html",
        settings=settings,
        blocks=block_links(settings, blocks, from_url),
        hours=settings.hours or None,  # a number: the message writes it as the locale does
        achievements_href=relative_url(achievements_url, from_url),
    )


def achievements_html(
    fragments: Fragments, settings: CourseSettings, blocks: list[Block], from_url: str, journal_url: str = ""
) -> str:
    """`journal_url`: the journal page's, when the course has writing activities (course/journal.py)."""
    return fragments.render(
        "achievements.html",
        settings=settings,
        blocks=block_links(settings, blocks, from_url),
        journal_href=relative_url(journal_url, from_url) if journal_url else "",
    )
