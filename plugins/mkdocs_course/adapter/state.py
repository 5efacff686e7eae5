"""What one build learns, event by event: new for every build, so `serve` rebuilds start clean."""

from __future__ import annotations

import ipaddress
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..course.journal import WritingActivity
from ..course.lessons import Lesson
from ..course.model import Block, CourseSettings, Provider
from ..course.options import default_locale
from ..errors import CourseError, CourseErrors, Location
from ..messages.catalog import check_overrides, site_messages
from ..quiz.model import Quiz

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from .config import CourseConfig

log = get_plugin_logger(__name__)


@dataclass
class CourseBuild:
    settings: CourseSettings
    project_dir: Path  # the folder of mkdocs.yml
    quizzes_dir: Path
    docs_shown: str  # the docs folder as the author sees it, relative to mkdocs.yml
    quizzes_shown: str
    site_url: str = ""  # as mkdocs.yml sets it (`serve` replaces it with its own address)
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
    block_pages: dict[str, list[Page]] = field(default_factory=dict)  # block id -> its pages, first first (on_nav)
    lessons: dict[str, list[Lesson]] = field(default_factory=dict)  # block id -> its lessons (on_env)
    achievements_url: str = ""
    # Writing activities (course/journal.py): page src_uri -> its activities (on_files); the journal page.
    activities: dict[str, list[WritingActivity]] = field(default_factory=dict)
    journal_url: str = ""
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
    language = config.theme.get("language")
    course_locale = options.locale or default_locale(language)
    try:
        written = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        overrides = check_overrides(
            options.messages, Location(Path(config.config_file_path or "mkdocs.yml").name), written
        )
        messages = site_messages(language, course_locale, overrides)
    except CourseError as error:
        raise PluginError(str(error)) from None
    settings = CourseSettings(
        id=options.id or _slug(title),
        title=title,
        description=options.description,
        provider=Provider(options.provider.name, options.provider.url),
        outcomes=tuple(options.outcomes),
        hours=options.hours,
        pass_mark=options.pass_mark,
        free=options.free,
        locale=course_locale,
        messages=messages,
    )
    return CourseBuild(
        settings,
        project_dir,
        quizzes_dir,
        shown_path(Path(config.docs_dir), project_dir),
        shown_path(quizzes_dir, project_dir),
        site_url=config.site_url or "",
    )


def report_errors(build: CourseBuild, *, serve: bool) -> None:
    """Stop the build with every mistake found; under `serve`, log them and keep serving (the
    broken quiz page shows its mistakes, and saving the fixed file brings the quiz back).
    A build to publish also warns when badges would name the course by no address, or a local one."""
    if not serve and (problem := site_url_problem(build.site_url)):
        log.warning(problem)
    if not build.errors:
        return
    report = CourseErrors(build.errors)
    if serve:
        log.error(str(report))
    else:
        raise PluginError(str(report))


def site_url_problem(site_url: str) -> str:
    """What is wrong with `site_url` for a published course, or "" when nothing is. Badges name
    their achievement, its creator (without a provider `url`) and its image by it, and the statement
    of participation names the course by it."""
    fix = "Set `site_url` in mkdocs.yml to the address the course is published at, such as https://example.org/course/."
    if not site_url:
        return (
            "`site_url` is not set, so badges name the course's achievements (and their creator, "
            "without a provider `url`) by urn:uuid ids with no web address and no image, and the "
            f"statement of participation names no address for the course. {fix}"
        )
    if not _is_local(urlsplit(site_url).hostname or ""):
        return ""
    return (
        f"`site_url` is {site_url}, an address of the computer that builds the site: badges name their "
        f"achievement, its creator (without a provider `url`) and its image at {site_url}, and the statement of "
        f"participation names the course as {site_url}, which nobody else can open. {fix}"
    )


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


def shown_path(path: Path, project_dir: Path) -> str:
    """A path as the author sees it: relative to mkdocs.yml's folder when it is inside."""
    try:
        return path.resolve().relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()
