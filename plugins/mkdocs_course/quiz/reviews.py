"""Check that each `review` link points at a page and heading that exist, and resolve it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import CourseError
from .model import Quiz
from .render import ReviewLink

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class TargetPage:
    url: str  # relative to the quiz page
    title: str
    html: str  # rendered content, to find the heading ids in


def anchors_in(html: str) -> set[str]:
    return set(_ID.findall(html))


def resolve_reviews(
    quiz: Quiz, find_page: Callable[[str], TargetPage | None], *, check_anchors: bool = True
) -> tuple[dict[str, ReviewLink], list[CourseError]]:
    """`find_page` takes a path relative to the docs folder and returns the rendered page, if any.
    Without `check_anchors` (a build that cannot see other pages' HTML: the Markdown extension),
    a link's heading is kept unchecked."""
    links: dict[str, ReviewLink] = {}
    errors: list[CourseError] = []
    for question in quiz.questions:
        review = question.review
        if review is None:
            continue
        target = posixpath.normpath(posixpath.join(quiz.block_id, review.path))
        page = find_page(target)
        if page is None:
            errors.append(
                CourseError(
                    review.where,
                    f"`review` of question '{question.id}' points at {review.path}, which is not a page "
                    f"(looked for {target}).",
                    "Give the lesson's path relative to the block folder, such as `review: cv.md#tailor-it`.",
                )
            )
            continue
        if check_anchors and review.anchor and review.anchor not in anchors_in(page.html):
            known = sorted(anchors_in(page.html))
            errors.append(
                CourseError(
                    review.where,
                    f"`review` of question '{question.id}' points at the heading '#{review.anchor}', which "
                    f"{review.path} does not have.",
                    f"Use one of: {', '.join('#' + a for a in known[:12])}."
                    if known
                    else "Add the heading, or give it an id with `{#your-id}`.",
                )
            )
            continue
        links[question.id] = ReviewLink(url=page.url + (f"#{review.anchor}" if review.anchor else ""), title=page.title)
    return links, errors
