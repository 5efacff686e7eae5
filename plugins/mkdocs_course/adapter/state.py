"""What one build learns, event by event: new for every build, so `serve` rebuilds start clean."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..course.model import Block, CourseSettings, Provider
from ..errors import CourseError, CourseErrors, Location
from ..quiz.model import Quiz

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import CourseConfig

log = get_plugin_logger(__name__)


@dataclass
class CourseBuild:
    settings: CourseSettings
    project_dir: Path  # the folder of mkdocs.yml
    quizzes_dir: Path
    docs_shown: str  # the docs folder as the author sees it, relative to mkdocs.yml
    quizzes_shown: str
    # New every build, so hashes from one build tell nothing about the next.
    salt: str = field(default_factory=lambda: secrets.token_hex(32))
    # Marks where each quiz field starts and ends in the generated page; unguessable, so author
    # text cannot end a field early.
    field_marker: str = field(default_factory=lambda: f"course-field-{secrets.token_hex(8)}")
    lesson_folders: list[str] = field(default_factory=list)  # top-level lesson folders (on_files)
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # block id -> its quiz
    broken: dict[str, list[CourseError]] = field(default_factory=dict)  # block id -> what stops its quiz
    blocks: list[Block] = field(default_factory=list)  # in navigation order (on_nav)
    quiz_pages: dict[str, Block] = field(default_factory=dict)  # quiz page src_uri -> its block
    achievements_url: str = ""
    fields: dict[str, dict[str, str]] = field(default_factory=dict)  # block id -> rendered quiz fields
    course_data_html: str = ""  # on quiz and achievements pages and the home page (on_env)
    light_data_html: str = ""  # on every other page
    file_notice_html: str = ""  # on quiz and achievements pages
    errors: list[CourseError] = field(default_factory=list)


def start_build(options: CourseConfig, config: MkDocsConfig) -> CourseBuild:
    """The course settings and folders from mkdocs.yml (its options are checked by now)."""
    project_dir = Path(config.config_file_path or ".").resolve().parent
    quizzes_dir = project_dir / options.quizzes_dir
    title = (options.title or config.site_name).strip()
    if not title:
        no_title = CourseError(
            Location("mkdocs.yml"), "the course has no title.", "Set `site_name`, or `title` under the course plugin."
        )
        raise PluginError(str(no_title))
    settings = CourseSettings(
        id=options.id or _slug(title),
        title=title,
        description=options.description,
        provider=Provider(options.provider.name, options.provider.url),
        outcomes=tuple(options.outcomes),
        hours=options.hours,
        pass_mark=options.pass_mark,
    )
    return CourseBuild(
        settings,
        project_dir,
        quizzes_dir,
        _shown_path(Path(config.docs_dir), project_dir),
        _shown_path(quizzes_dir, project_dir),
    )


def report_errors(build: CourseBuild, *, serve: bool) -> None:
    """Stop the build with every mistake found; under `serve`, log them and keep serving (the
    broken quiz page shows its mistakes, and saving the fixed file brings the quiz back)."""
    if not build.errors:
        return
    report = CourseErrors(build.errors)
    if serve:
        log.error(str(report))
    else:
        raise PluginError(str(report))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


def _shown_path(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()
