"""One course project per state of its files: an engine renders every page with a new Markdown
instance (Zensical does), so the extension keeps what it learnt of the project here, and reads it
again when a file changes (`zensical serve`). Each new state is checked once: its mistakes, the
published files in the docs folder, the links to the course's code, and what this build cannot
check is said once."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..assets import ENTRY_SCRIPT, STYLESHEET
from ..errors import CourseError, CourseErrors, Location
from ..templates import Fragments
from .project import CourseProject, load_project, shown
from .publish import published_files, stale_error, stale_files

log = logging.getLogger("mkdocs_course.markdown")

CANNOT_CHECK = (
    "mkdocs-course: built without the MkDocs plugin (by the course's Markdown extension), so this build "
    "cannot check what the plugin checks across pages: the headings `review` links point at on other pages "
    "(their pages are checked), the overview's and achievements' headings in the pages' tables of contents, "
    "and the Markdown syntax of extensions missing from mkdocs.yml. Build with `mkdocs build --strict` to check them."
)

# config file -> (the files' stamp, the project, its fragments, its mistakes)
_projects: dict[str, tuple[tuple[Any, ...], CourseProject, Fragments, CourseErrors | None]] = {}


def _stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """What changes when an author edits, adds or removes one of the files under `paths`."""
    found = []
    for top in paths:
        for path in [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []:
            if path.is_file():
                stat = path.stat()
                found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def _watched(config_path: Path, project: CourseProject) -> list[Path]:
    return [config_path, project.docs_dir, project.quizzes_dir, *([project.custom_dir] if project.custom_dir else [])]


def project_for(config_path: Path, given: dict[str, Any]) -> tuple[CourseProject, Fragments]:
    """The project as its files are now; raises CourseErrors when it has mistakes."""
    config_path = config_path.resolve()
    key = f"{config_path}:{sorted(given.items())!r}"
    known = _projects.get(key)
    if known is None or known[0] != _stamp(_watched(config_path, known[1])):
        project, fragments, mistakes = _load(config_path, given)
        _projects.clear()  # one project per process: the old state is gone
        _projects[key] = (_stamp(_watched(config_path, project)), project, fragments, mistakes)
    _, project, fragments, mistakes = _projects[key]
    if mistakes is not None:
        raise mistakes
    return project, fragments


def _load(config_path: Path, given: dict[str, Any]) -> tuple[CourseProject, Fragments, CourseErrors | None]:
    try:
        project = load_project(config_path, given)
    except CourseError as error:
        raise CourseErrors([error]) from None
    theme = None
    if project.custom_dir is not None and project.custom_dir.is_dir():
        import jinja2

        theme = jinja2.Environment(loader=jinja2.FileSystemLoader(project.custom_dir))
    fragments = Fragments(theme, project_dir=project.root, messages=project.settings.messages)
    errors = list(project.errors) + links_errors(project)
    if not errors:
        try:
            expected = published_files(project)
        except CourseError as error:
            errors.append(error)
        else:
            if stale := stale_files(project, expected):
                errors.append(stale_error(project, stale, len(expected)))
    if not errors:
        log.warning(CANNOT_CHECK)
    return project, fragments, CourseErrors(errors) if errors else None


def links_errors(project: CourseProject) -> list[CourseError]:
    """Without the plugin, every page loads the course's code and styles through mkdocs.yml."""
    errors = []
    scripts = {
        str(item.get("path")) if isinstance(item, dict) else str(item): item for item in project.extra_javascript
    }
    entry = scripts.get(ENTRY_SCRIPT)
    if not isinstance(entry, dict) or entry.get("type") != "module":
        errors.append(
            CourseError(
                Location(project.config_shown),
                f"`extra_javascript` does not load {ENTRY_SCRIPT} as a module: without the plugin, "
                "nothing else puts the course's code on its pages.",
                f"Add to `extra_javascript:` the item `- path: {ENTRY_SCRIPT}` with `type: module` under it.",
            )
        )
    quizzes = shown(project.quizzes_dir, project.root)
    if not any((project.root / path).resolve() == project.quizzes_dir.resolve() for path in project.watch):
        # Zensical keeps each page it rendered until the page's file, mkdocs.yml or a watched file
        # changes: without this, a quiz page would keep the quiz as it was before an edit.
        errors.append(
            CourseError(
                Location(project.config_shown),
                f"`watch` does not list the quizzes folder, {quizzes}, so Zensical would keep serving a quiz "
                "page as it was before its quiz file changed.",
                f"Add `watch: [{quizzes}]` to mkdocs.yml (MkDocs takes it too).",
            )
        )
    if STYLESHEET not in project.extra_css:
        errors.append(
            CourseError(
                Location(project.config_shown),
                f"`extra_css` does not list {STYLESHEET}: without the plugin, nothing else styles the course.",
                f"Add `- {STYLESHEET}` to `extra_css:`.",
            )
        )
    return errors
