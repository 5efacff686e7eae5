"""What the plugin puts into pages: the quiz fields cut out of each quiz page once rendered; the
quiz shell, the overview, the achievements and a broken quiz's mistakes once every page is known;
and into every finished page its course data (and on widget pages the file:// notice)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..assets import ACHIEVEMENTS_STYLESHEET, JOURNAL_STYLESHEET, QUIZ_STYLESHEET
from ..course.data import course_data, light_course_data
from ..course.data import data_script as course_data_script
from ..course.journal import (
    JOURNAL_PAGE,
    JOURNAL_SLOT,
    JournalPage,
    journal_pages,
    journal_sections,
    place_writing_areas,
)
from ..course.lessons import (
    after_title,
    before_title,
    block_lessons,
    block_lessons_html,
    block_status_html,
    continue_html,
    lesson_location_html,
)
from ..course.pages import (
    ACHIEVEMENTS_PAGE,
    ACHIEVEMENTS_SLOT,
    ERRORS_SLOT,
    OVERVIEW_SLOT,
    achievements_html,
    overview_html,
    quiz_page_uri,
    quiz_shell_html,
)
from ..course.urls import relative_url
from ..errors import CourseError
from ..messages.page import messages_script
from ..quiz.preview import quiz_preview
from ..quiz.render import QUIZ_SLOT, cut_fields
from ..quiz.reviews import TargetPage, resolve_reviews
from . import material_fixes
from .navigation import fill_slot, page_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..course.model import Block
    from ..templates import Fragments
    from .state import CourseBuild


def cut_quiz_fields(build: CourseBuild, page: Page, html: str) -> str:
    """A quiz page's fields, rendered by the site's Markdown, move from the page into the quiz data."""
    block = build.quiz_pages.get(page.file.src_uri)
    if block is None:
        return html
    html, build.fields[block.id] = cut_fields(html, build.field_marker)
    return html


def fill_quiz_pages(build: CourseBuild, fragments: Fragments, files: Files, *, preview: bool = False) -> None:
    """Each quiz page gets its shell and data, with its `review` links checked against the rendered
    lessons' heading ids; with `preview` (`mkdocs serve` only), the author's preview of its answers."""
    for block in build.blocks:
        quiz_page = page_of(files, quiz_page_uri(block.id))
        if quiz_page is None:
            continue

        def find_page(src_uri: str, quiz_page: Page = quiz_page) -> TargetPage | None:
            target = page_of(files, src_uri)
            if target is None or target.content is None:
                return None
            return TargetPage(relative_url(target.file.url, quiz_page.file.url), target.title or "", target.content)

        reviews, errors = resolve_reviews(block.quiz, find_page)
        build.errors += errors
        fields = build.fields.get(block.id, {})
        shell = _reported(
            build, quiz_shell_html, fragments, build.settings, block, salt=build.salt, fields=fields, reviews=reviews
        )
        if preview:
            questions = quiz_preview(block.quiz, fields, reviews)
            shell += _reported(build, fragments.render, "quiz-preview.html", questions=questions)
        quiz_page.content = (quiz_page.content or "").replace(QUIZ_SLOT, shell)


def fill_course_pages(build: CourseBuild, fragments: Fragments, files: Files) -> None:
    """Each block's lessons and first page, the next step and overview on the home page, the
    achievements page, and each broken quiz's mistakes; the overview's and achievements' headings
    join their page's table of contents."""
    fill_block_pages(build, fragments)
    home = next((f.page for f in files.documentation_pages() if f.page is not None and f.page.is_homepage), None)
    if home is not None and home.content is not None:
        next_step = _reported(build, continue_html, fragments, build.settings, build.blocks, home.file.url)
        home.content = after_title(home.content, next_step)
        overview = _reported(
            build, overview_html, fragments, build.settings, build.blocks, home.file.url, build.achievements_url
        )
        home.content = fill_slot(home, home.content, OVERVIEW_SLOT, overview)
    achievements = page_of(files, ACHIEVEMENTS_PAGE)
    if achievements is not None and achievements.content is not None:
        added = _reported(
            build, achievements_html, fragments, build.settings, build.blocks, achievements.file.url, build.journal_url
        )
        achievements.content = fill_slot(achievements, achievements.content, ACHIEVEMENTS_SLOT, added)
    for block_id, errors in build.broken.items():
        quiz_page = page_of(files, quiz_page_uri(block_id))
        if quiz_page is not None and quiz_page.content is not None:
            listed = _reported(build, fragments.render, "errors.html", errors=errors)
            quiz_page.content = quiz_page.content.replace(ERRORS_SLOT, listed)


def fill_writing_pages(build: CourseBuild, fragments: Fragments, files: Files) -> None:
    """Each writing activity's area goes into its admonition (course/journal.py), and the journal
    page lists them all by block. An activity whose admonition did not render is a mistake."""
    for src_uri, activities in build.activities.items():
        page = page_of(files, src_uri)
        if page is None or page.content is None:
            continue
        try:
            page.content, errors = place_writing_areas(page.content, activities, fragments)
        except CourseError as error:  # a site override of the writing area that cannot be rendered
            errors = [error]
        build.errors += errors
    journal = page_of(files, JOURNAL_PAGE)
    if not build.activities or journal is None or journal.content is None:
        return
    sections = journal_sections(_journal_pages(build, files), journal.file.url, build.settings.messages)
    listed = _reported(
        build,
        fragments.render,
        "journal.html",
        sections=sections,
        course_title=build.settings.title,
        achievements_href=relative_url(build.achievements_url, journal.file.url),
    )
    journal.content = fill_slot(journal, journal.content, JOURNAL_SLOT, listed)


def _journal_pages(build: CourseBuild, files: Files) -> list[JournalPage]:
    def pages_of_block(block: Block) -> list[tuple[str, str, str]]:
        return [(page.file.src_uri, page.file.url, page.title or "") for page in build.block_pages.get(block.id, [])]

    def other_page(src_uri: str) -> tuple[str, str] | None:
        page = page_of(files, src_uri)
        return (page.file.url, page.title or "") if page is not None else None

    return journal_pages(build.blocks, pages_of_block, build.activities, other_page, build.settings.messages)


def fill_block_pages(build: CourseBuild, fragments: Fragments) -> None:
    """Over each lesson where the learner is; on each block's first page its status; at the end of
    every page of a block its lessons and quiz. Each block's lessons join the course data."""
    for block in build.blocks:
        pages = [page for page in build.block_pages.get(block.id, []) if page.content is not None]
        lessons = block_lessons([(page.file.url, page.title or "") for page in pages])
        build.lessons[block.id] = lessons
        for number, page in enumerate(pages):
            html = page.content or ""
            if number == 0:
                html = after_title(html, _reported(build, block_status_html, fragments, build.settings, block, lessons))
            else:
                location = _reported(build, lesson_location_html, fragments, build.settings, block, lessons, number)
                html = before_title(html, location)
            listed = _reported(build, block_lessons_html, fragments, build.settings, block, lessons, page.file.url)
            page.content = html + listed


def prepare_page_data(build: CourseBuild, fragments: Fragments, config: MkDocsConfig) -> None:
    """The course data every page carries, in full and light, and the file:// notice."""
    data = course_data(
        build.settings,
        build.blocks,
        achievements_url=build.achievements_url,
        site_url=config.site_url or "",
        lessons=build.lessons,
    )
    build.course_data_html = data_script(data)
    build.light_data_html = data_script(light_course_data(data))
    build.file_notice_html = _reported(build, fragments.render, "file-notice.html")


def finish(build: CourseBuild, page: Page, output: str) -> str:
    """Badge and statement data where those widgets are, and on the home page (the course's front
    door); the file:// notice only where a widget would not run. Lessons stay light."""
    if not build.course_data_html:
        return output
    if page.file.src_uri in build.quiz_pages:
        head = stylesheet_link(QUIZ_STYLESHEET, page) + build.course_data_html
        output = finish_page(output, head, build.file_notice_html)
    elif page.file.src_uri == ACHIEVEMENTS_PAGE:
        head = stylesheet_link(ACHIEVEMENTS_STYLESHEET, page) + build.course_data_html
        output = finish_page(output, head, build.file_notice_html)
    elif page.file.src_uri in build.activities or page.file.src_uri == JOURNAL_PAGE:
        # Writing pages and the journal: their own stylesheet, and the light data (the record's key).
        data = build.course_data_html if page.is_homepage else build.light_data_html
        output = finish_page(output, stylesheet_link(JOURNAL_STYLESHEET, page) + data, build.file_notice_html)
    else:
        output = finish_page(output, build.course_data_html if page.is_homepage else build.light_data_html)
    # The words its widgets show, last in <head> beside the course data (messages/page.py).
    if words := messages_script(build.settings.messages, output):
        output = output.replace("</head>", words + "\n</head>", 1)
    return material_fixes.mend(output)


def stylesheet_link(stylesheet: str, page: Page) -> str:
    """A widget page's own stylesheet in <head> (the quiz's, the achievements'), so what the build
    wrote into the page (questions, cards) is styled from the first paint (loaded by the script,
    it would move them)."""
    return f'<link rel="stylesheet" href="{relative_url(stylesheet, page.file.url)}">\n'


def data_script(data: dict[str, Any]) -> str:
    return course_data_script(data)  # course/data.py: the Markdown extension writes the same


def finish_page(html: str, data_script: str, end_of_body: str = "") -> str:
    """The course data goes last in <head> (instant navigation swaps <head> children that differ, so
    pages may carry different data); `end_of_body` goes just before </body>."""
    html = html.replace("</head>", f"{data_script}\n</head>", 1)
    if end_of_body:
        head, body_end, tail = html.rpartition("</body>")
        html = f"{head}{end_of_body}\n{body_end}{tail}" if body_end else html + end_of_body
    return html


def _reported(build: CourseBuild, render: Callable[..., str], *args: Any, **context: Any) -> str:
    """A fragment's HTML; a site override that cannot be rendered is a mistake to report, not a crash."""
    try:
        return render(*args, **context)
    except CourseError as error:
        build.errors.append(error)
        return ""
