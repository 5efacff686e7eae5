"""One page under the Markdown extension: which page it is, what its markers become, and what its
finished HTML carries (each lesson's place and its block's lessons, the home page's next step, the
course data), made by the same core functions as the plugin's (course/lessons.py, course/data.py).

The plugin puts the course data and a widget's stylesheet into <head>; an extension only writes
the page's content, so they go at its start and end: course.js reads the data wherever it is, and
a stylesheet linked in the body still styles the widget before it is painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..assets import JOURNAL_STYLESHEET
from ..course.journal import place_writing_areas
from ..course.lessons import (
    after_title,
    before_title,
    block_lessons_html,
    block_status_html,
    continue_html,
    lesson_location_html,
)
from ..course.markers import Marker, find_markers
from ..course.structure import first_heading
from ..course.urls import relative_url
from ..errors import CourseErrors
from ..messages.page import messages_script
from .markers import WIDGETS, PageContext, widget_for
from .project import page_url

if TYPE_CHECKING:
    from markdown import Markdown

    from ..templates import Fragments
    from .project import CourseProject


def page_context(md: Markdown, found: tuple[CourseProject, Fragments], lines: list[str]) -> PageContext:
    """The page being rendered, from the engine's rendering context (Zensical's `page.path`)."""
    project, fragments = found
    context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
    path = str(getattr(getattr(context, "page", None), "path", "") or "")
    url = page_url(path, project.directory_urls) if path else ""
    page = PageContext(project, fragments, md, path, url, has_title=bool(first_heading("\n".join(lines))))
    page.engine_page = getattr(context, "page", None)
    page.links_from_source = page.engine_page is not None  # Zensical's way (PageContext.as_engine_reads)
    return page


def marker_lines(page: PageContext) -> list[int]:
    """The lines of the page's markers in its file as the author wrote it, front matter included
    (the engine may have taken it off). Read at the page's first marker: most pages have none."""
    source = _source(page.project, page.path)
    return [marker.line for marker in find_markers(source)] if source else []


def _source(project: CourseProject, path: str) -> str:
    """The page's file as the author wrote it, front matter included, for the markers' lines."""
    if not path:
        return ""
    try:
        return (project.docs_dir / path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def expand(page: PageContext, name: str, argument: str, line: int) -> str:
    """The Markdown in place of one marker's line."""
    marker = Marker(name, argument, line)
    widget = widget_for(page, marker)
    page.widgets.append(name)
    markdown = widget.expand(page, marker)
    if name == "quiz" and page.quiz is not None and not page.has_title and page.engine_page is not None:
        # The quiz's title names the page in the navigation and the browser's tab, as under MkDocs.
        page.engine_page.title = " ".join(page.quiz.quiz.title.split())
    return markdown


def finish_page(page: PageContext, html: str) -> str:
    """The page's HTML with what its widgets add, the learner's way and the course data."""
    project = page.project
    widgets = [WIDGETS[name] for name in page.widgets]
    for widget in widgets:
        if widget.finish is not None:
            html = widget.finish(page, html)
    activities = project.activities.get(page.path, [])
    if activities:  # the writing areas, as adapter/pages.py's fill_writing_pages places them
        html, errors = place_writing_areas(html, activities, page.fragments)
        if errors:
            raise CourseErrors(errors)
    html = _learners_way(page, html)
    full = any(widget.full_data for widget in widgets) or page.path in ("index.md", "README.md")
    full_data, light_data = project.data_scripts
    stylesheets = [widget.stylesheet for widget in widgets if widget.stylesheet]
    if activities and JOURNAL_STYLESHEET not in stylesheets:
        stylesheets.append(JOURNAL_STYLESHEET)
    links = "".join(f'<link rel="stylesheet" href="{relative_url(sheet, page.url)}">\n' for sheet in stylesheets)
    links = page.as_engine_reads(links)
    notice = page.fragments.render("file-notice.html") if stylesheets else ""  # on every widget's page
    notice = page.as_engine_reads(notice)
    html = links + html + "\n" + (full_data if full else light_data) + notice
    return html + messages_script(project.settings.messages, html)  # the words its widgets show


def _learners_way(page: PageContext, html: str) -> str:
    """As adapter/pages.py's fill_block_pages and fill_course_pages write them."""
    project, fragments, ours = page.project, page.fragments, page.as_engine_reads
    if not page.path:
        return html
    if page.path in ("index.md", "README.md"):
        return after_title(html, ours(continue_html(fragments, project.settings, project.blocks, page.url)))
    found = project.block_of_page(page.path)
    if found is None:
        return html
    block, number = found
    lessons = project.lessons.get(block.id, [])
    if number == 0:
        html = after_title(html, ours(block_status_html(fragments, project.settings, block, lessons)))
    else:
        html = before_title(html, ours(lesson_location_html(fragments, project.settings, block, lessons, number)))
    return html + ours(block_lessons_html(fragments, project.settings, block, lessons, page.url))
