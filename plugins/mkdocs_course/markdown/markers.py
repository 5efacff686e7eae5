"""What each marker becomes under the Markdown extension: one entry of `WIDGETS` per marker.

An entry says on which page its marker may stand, what Markdown replaces the marker line (raw HTML
is stashed, so no Markdown extension touches it), and what it does to the page's finished HTML. A
new widget (the learner's journal, say) is one more entry. The HTML comes from the same core
functions the MkDocs plugin calls (course/pages.py, quiz/render.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..assets import ACHIEVEMENTS_STYLESHEET, QUIZ_STYLESHEET
from ..course.markers import Marker, quiz_marker_error
from ..course.pages import ACHIEVEMENTS_PAGE, achievements_html, overview_html, quiz_page_uri
from ..course.urls import relative_url
from ..errors import CourseError, Location
from ..quiz.render import (
    QUIZ_SLOT,
    cut_fields,
    json_for_script,
    quiz_body_markdown,
    quiz_payload,
    quiz_title_markdown,
    quiz_view,
)
from ..quiz.reviews import TargetPage, resolve_reviews
from .project import CourseProject, page_title, page_url

if TYPE_CHECKING:
    from markdown import Markdown

    from ..course.model import Block
    from ..templates import Fragments


@dataclass
class PageContext:
    """One page being rendered: where it is, and what its markers made of it."""

    project: CourseProject
    fragments: Fragments
    md: Markdown
    path: str  # relative to the docs folder ("" when the engine does not say)
    url: str  # relative to the site root
    has_title: bool  # the page's Markdown has its own level-1 heading
    quiz: Block | None = None  # the block whose quiz this page shows
    widgets: list[str] = field(default_factory=list)  # the markers' names, in order
    source: str = ""  # the page's file, front matter included: the markers' lines are counted in it
    engine_page: Any = None  # the engine's own page object (Zensical's), when it gives one
    tree_done: bool = False  # every tree step has run: the next postprocessing is the page's own

    @property
    def shown(self) -> str:
        return f"{self.project.docs_shown}/{self.path}" if self.path else "a page"

    def stash(self, html: str) -> str:
        """Raw HTML for the page, out of reach of every Markdown extension."""
        return self.md.htmlStash.store(html)


@dataclass(frozen=True)
class Widget:
    page: Callable[[CourseProject, str], bool]  # may its marker stand on this page?
    where: str  # that page, for messages
    expand: Callable[[PageContext, Marker], str]  # Markdown in place of the marker line
    finish: Callable[[PageContext, str], str] | None = None  # the page's HTML once rendered
    stylesheet: str = ""  # linked before the widget, so what the build wrote never moves
    full_data: bool = True  # the page carries all the course data (course/data.py)


def _quiz_expand(page: PageContext, marker: Marker) -> str:
    block = page.project.quiz_block(page.path)
    if block is None:  # the page rule let only quiz pages through
        raise CourseError(Location(page.shown, marker.line), "this is not a block's quiz page.")
    if error := quiz_marker_error(marker, block.id, page.shown):
        raise error
    page.quiz = block
    body = quiz_body_markdown(block.quiz, page.project.field_marker)
    return body if page.has_title else f"{quiz_title_markdown(block.quiz)}\n\n{body}"


def _quiz_finish(page: PageContext, html: str) -> str:
    """The quiz shell and data, as adapter/pages.py's fill_quiz_pages makes them; a `review`
    link's page is checked, its heading cannot be (the extension sees one page at a time)."""
    block, project = page.quiz, page.project
    if block is None:
        return html
    html, fields = cut_fields(html, project.field_marker)

    def find_page(path: str) -> TargetPage | None:
        if not (project.docs_dir / path).is_file():
            return None
        url = relative_url(page_url(path, project.directory_urls), page.url)
        return TargetPage(url, page_title(project.docs_dir, path), "")

    reviews, errors = resolve_reviews(block.quiz, find_page, check_anchors=False)
    if errors:
        raise errors[0] if len(errors) == 1 else CourseErrorsInPage(errors)
    pass_mark = block.pass_mark(project.settings)
    payload = quiz_payload(
        block.quiz,
        course_id=project.settings.id,
        block_title=block.title,
        pass_mark=pass_mark,
        salt=project.salt,
        fields=fields,
        reviews=reviews,
    )
    view = quiz_view(block.quiz, pass_mark=pass_mark, salt=project.salt, fields=fields)
    shell = page.fragments.render("quiz.html", quiz=view, payload_json=json_for_script(payload))
    return html.replace(QUIZ_SLOT, shell, 1)


class CourseErrorsInPage(CourseError):
    """Several mistakes found in one page, reported together."""

    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = errors
        super().__init__(errors[0].where, "\n  ".join(str(error) for error in errors))

    def __str__(self) -> str:
        return "\n  ".join(str(error) for error in self.errors)


def _overview(page: PageContext, marker: Marker) -> str:
    project = page.project
    html = overview_html(page.fragments, project.settings, project.blocks, page.url, project.achievements_url)
    return page.stash(html)


def _achievements(page: PageContext, marker: Marker) -> str:
    project = page.project
    return page.stash(achievements_html(page.fragments, project.settings, project.blocks, page.url))


WIDGETS: dict[str, Widget] = {
    "quiz": Widget(
        page=lambda project, path: project.quiz_block(path) is not None,
        where="a block's quiz page, <block>/quiz.md",
        expand=_quiz_expand,
        finish=_quiz_finish,
        stylesheet=QUIZ_STYLESHEET,
    ),
    "overview": Widget(page=lambda project, path: True, where="any page", expand=_overview),
    "achievements": Widget(
        page=lambda project, path: path == ACHIEVEMENTS_PAGE,
        where=f"the achievements page, {ACHIEVEMENTS_PAGE}",
        expand=_achievements,
        stylesheet=ACHIEVEMENTS_STYLESHEET,
    ),
}


def widget_for(page: PageContext, marker: Marker) -> Widget:
    """The widget a marker names; raises CourseError, with the page and line, for a marker this
    version does not know or one on the wrong page."""
    widget = WIDGETS.get(marker.name)
    if widget is None:
        raise CourseError(
            Location(page.shown, marker.line),
            f"`<!-- course:{marker.name} -->` is not a course marker.",
            f"Use one of: {', '.join(f'<!-- course:{name} -->' for name in WIDGETS)}.",
        )
    if page.path and not widget.page(page.project, page.path):
        quiz_pages = ", ".join(f"{page.project.docs_shown}/{quiz_page_uri(b.id)}" for b in page.project.blocks)
        hint = f" ({quiz_pages})" if marker.name == "quiz" and quiz_pages else ""
        raise CourseError(
            Location(page.shown, marker.line),
            f"`<!-- course:{marker.name} -->` belongs on {widget.where}{hint}.",
            "Move it there, or delete it.",
        )
    return widget
