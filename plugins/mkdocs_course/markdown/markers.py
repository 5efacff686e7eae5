"""What each marker becomes under the Markdown extension: one entry of `WIDGETS` per marker.

An entry says on which page its marker may stand, what Markdown replaces the marker line (raw HTML
is stashed, so no Markdown extension touches it), and what it does to the page's finished HTML. A
new widget (the learner's journal, say) is one more entry. The HTML comes from the same core
functions the MkDocs plugin calls (course/pages.py, quiz/render.py).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..assets import ACHIEVEMENTS_STYLESHEET, JOURNAL_STYLESHEET, QUIZ_STYLESHEET
from ..course.journal import JOURNAL_PAGE, journal_pages, journal_sections
from ..course.markers import Marker, quiz_marker_error
from ..course.pages import ACHIEVEMENTS_PAGE, achievements_html, overview_html, quiz_page_uri, quiz_shell_html
from ..course.urls import relative_url
from ..errors import CourseError, CourseErrors, Location
from ..quiz.render import (
    QUIZ_SLOT,
    cut_fields,
    quiz_body_markdown,
    quiz_title_markdown,
)
from ..quiz.reviews import TargetPage, resolve_reviews
from .project import CourseProject, page_title, page_url

if TYPE_CHECKING:
    from markdown import Markdown

    from ..course.model import Block
    from ..templates import Fragments


# A relative URL in an attribute of the HTML we write: not a fragment, not absolute, no scheme.
_RELATIVE_LINK = re.compile(r'\b(href|src)="(?![#/]|[a-zA-Z][a-zA-Z0-9+.-]*:)([^"]*)"')


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
    engine_page: Any = None  # the engine's own page object (Zensical's), when it gives one
    tree_done: bool = False  # every tree step has run: the next postprocessing is the page's own
    links_from_source: bool = False  # the engine resolves relative links from the Markdown file (Zensical)

    @property
    def shown(self) -> str:
        return f"{self.project.docs_shown}/{self.path}" if self.path else "a page"

    def stash(self, html: str) -> str:
        """Raw HTML for the page, out of reach of every Markdown extension."""
        return self.md.htmlStash.store(self.as_engine_reads(html))

    def as_engine_reads(self, html: str) -> str:
        """Our HTML, its relative links written from where the engine resolves them. Zensical
        (measured on 0.0.73) takes every relative `href` and `src` in a page as relative to the
        page's Markdown file and rewrites it for the page's URL (`x.svg` in a/b.md becomes
        `../x.svg` in a/b/index.html), so ours, made relative to the page's URL as MkDocs wants
        them, are first made relative to the file. Links in JSON (the quiz's) are not rewritten."""
        if not self.links_from_source or not self.path:
            return html
        return _RELATIVE_LINK.sub(lambda found: f'{found[1]}="{self._from_source(found[2])}"', html)

    def _from_source(self, url: str) -> str:
        path, hash_, fragment = url.partition("#")
        folder = self.url if self.url.endswith("/") or not self.url else posixpath.dirname(self.url) + "/"
        target = posixpath.normpath(posixpath.join(folder, path)) if path else self.url
        target = "" if target == "." else target + ("/" if path.endswith("/") and target else "")
        return relative_url(target, self.path) + hash_ + fragment


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
        raise CourseErrors(errors)
    shell = quiz_shell_html(page.fragments, project.settings, block, salt=project.salt, fields=fields, reviews=reviews)
    return html.replace(QUIZ_SLOT, shell, 1)


def _overview(page: PageContext, marker: Marker) -> str:
    project = page.project
    html = overview_html(page.fragments, project.settings, project.blocks, page.url, project.achievements_url)
    return page.stash(html)


def _achievements(page: PageContext, marker: Marker) -> str:
    project = page.project
    html = achievements_html(page.fragments, project.settings, project.blocks, page.url, project.journal_url)
    return page.stash(html)


def _journal(page: PageContext, marker: Marker) -> str:
    project = page.project

    def pages_of_block(block: Block) -> list[tuple[str, str, str]]:
        paths = project.block_pages.get(block.id, [])
        return [(path, page_url(path, project.directory_urls), page_title(project.docs_dir, path)) for path in paths]

    def other_page(path: str) -> tuple[str, str]:
        return page_url(path, project.directory_urls), page_title(project.docs_dir, path)

    listed = journal_pages(project.blocks, pages_of_block, project.activities, other_page, project.settings.messages)
    html = page.fragments.render(
        "journal.html",
        sections=journal_sections(listed, page.url, project.settings.messages),
        course_title=project.settings.title,
        achievements_href=relative_url(project.achievements_url, page.url),
    )
    return page.stash(html)


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
    "journal": Widget(
        page=lambda project, path: path == JOURNAL_PAGE,
        where=f"the journal page, {JOURNAL_PAGE}",
        expand=_journal,
        stylesheet=JOURNAL_STYLESHEET,
        full_data=False,
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
