"""The course as a Python-Markdown extension, for engines that run no MkDocs plugins (Zensical).

List it in mkdocs.yml beside the plugin:

    markdown_extensions:
      - mkdocs_course.markdown

Under MkDocs the plugin takes it out again (adapter/engines.py) and does everything itself. Under
another engine it turns the markers of each page into the course's widgets (markers.py: the quiz,
the overview, the achievements), writes each lesson's place and its block's lessons as the plugin
does, and gives every page its course data; it reads the course from mkdocs.yml (project.py) and
checks that the docs folder holds the published files (publish.py, `mkdocs-course assets`).
A mistake stops the build with its file and line, as under MkDocs.

The engine must say which page it renders: Zensical's rendering context does (`page.path`,
`page.url`); without it the extension still fills markers but cannot place a page in its block.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..course.markers import MARKER, fenced_lines
from ..errors import CourseError, CourseErrors
from .markers import PageContext
from .page import expand, finish_page, marker_lines, page_context
from .project import CONFIG_FILE
from .state import project_for

EXTENSION_NAME = "mkdocs_course.markdown"
log = logging.getLogger(__name__)


class CourseBuildError(Exception):
    """Stops the engine's build: the course has mistakes to fix (the message lists each one)."""


_reported: list[str] = []  # the last report logged: an engine may render every page before it stops


def _stop(error: CourseError | CourseErrors) -> CourseBuildError:
    report = error if isinstance(error, CourseErrors) else CourseErrors([error])
    if _reported != [str(report)]:
        _reported[:] = [str(report)]
        log.error(str(report))
    return CourseBuildError(str(report))


class CoursePreprocessor(Preprocessor):
    """Puts each marker's widget in place of its line."""

    def __init__(self, md: Markdown, extension: CourseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        try:
            page = page_context(self.md, self.extension.project(self.md), lines)
        except (CourseError, CourseErrors) as error:
            raise _stop(error) from None
        self.md.course_page = page  # type: ignore[attr-defined]  # for the postprocessor
        source_lines: list[int] | None = None  # the markers' lines in the file, read at the first marker
        out = []
        count = 0
        try:
            for line, fenced in fenced_lines(lines):
                match = None if fenced else MARKER.match(line)
                if match is None:
                    out.append(line)
                    continue
                if source_lines is None:
                    source_lines = marker_lines(page)
                number = source_lines[count] if count < len(source_lines) else 0
                count += 1
                out += expand(page, match["name"], match["argument"] or "", number).split("\n")
        except (CourseError, CourseErrors) as error:
            raise _stop(error) from None
        return out


class TreeDone(Treeprocessor):
    """Marks the page's tree as complete, after every other tree step: until then, postprocessors
    also run on bits of the page (the `toc` extension renders each heading's text through them)."""

    def run(self, root: Any) -> None:
        page: PageContext | None = getattr(self.md, "course_page", None)
        if page is not None:
            page.tree_done = True


class CoursePostprocessor(Postprocessor):
    """Finishes the page's HTML: the widgets' own steps, the learner's way, the course data."""

    def run(self, text: str) -> str:
        page: PageContext | None = getattr(self.md, "course_page", None)
        if page is None or not page.tree_done:
            return text
        page.tree_done = False  # once per page
        try:
            return finish_page(page, text)
        except (CourseError, CourseErrors) as error:
            raise _stop(error) from None


class CourseExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "config_file": [CONFIG_FILE, "mkdocs.yml, relative to the project's folder (where the engine runs)"],
            "course": [{}, "the course plugin's options, over those of mkdocs.yml's `course` plugin"],
        }
        super().__init__(**kwargs)

    def project(self, md: Markdown):  # noqa: ANN201 (CourseProject; state.py keeps one per state of the files)
        root = _project_root(md)
        return project_for(root / self.getConfig("config_file"), self.getConfig("course") or {})

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After whitespace is normalised (30), before raw HTML is stashed (20): markers are HTML comments.
        md.preprocessors.register(CoursePreprocessor(md, self), "mkdocs_course", 25)
        # After raw HTML is put back (30), so the quiz's fields and slot are in the text.
        md.treeprocessors.register(TreeDone(md), "mkdocs_course_done", -10)  # after `unescape` (0), the last
        md.postprocessors.register(CoursePostprocessor(md), "mkdocs_course", 5)


def _project_root(md: Markdown) -> Path:
    """The project's folder: the engine's (Zensical's `root_dir`), else where it runs."""
    context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
    root = getattr(context, "config", {}).get("root_dir") if context is not None else None
    return Path(root) if root else Path(os.getcwd())


def makeExtension(**kwargs: Any) -> CourseExtension:  # noqa: N802 (Python-Markdown's name)
    return CourseExtension(**kwargs)
