"""The `course` plugin: connects the course, quiz and template modules to MkDocs events."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from . import material_fixes, navigation, templates
from .page_html import data_script, finish_page
from .assets import ENTRY_SCRIPT, STYLESHEET, package_assets
from .config import CourseConfig
from .badges import BadgeColourError
from .badges.publish import BadgeLook, badge_documents
from .course.data import course_data, light_course_data
from .course.model import Block, CourseSettings, Provider
from .course.pages import achievements_html, overview_html
from .course.structure import block_folders, pairing_errors
from .course.urls import relative_url
from .errors import CourseError, CourseErrors, Location
from .quiz.loader import load_quiz
from .quiz.model import Quiz
from .quiz.render import QUIZ_SLOT, cut_fields, json_for_script, quiz_page_markdown, quiz_payload
from .quiz.reviews import TargetPage, resolve_reviews

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

OVERVIEW_SLOT = "<!-- course:overview -->"
ACHIEVEMENTS_SLOT = "<!-- course:achievements -->"
ACHIEVEMENTS_PAGE = "achievements.md"


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self._reset()

    def _reset(self) -> None:
        self.settings = CourseSettings(id="course", title="Course")
        self.quizzes_dir = Path("quizzes")
        self.lesson_folders: list[str] = []  # top-level lesson folders, found in on_files
        self.quizzes: dict[str, Quiz] = {}
        self.blocks: list[Block] = []
        self._quiz_pages: dict[str, Block] = {}  # generated quiz page src_uri -> its block
        self.errors: list[CourseError] = []
        self.broken: dict[str, list[CourseError]] = {}  # block id -> what stops its quiz loading
        self.fields: dict[str, dict[str, str]] = {}  # block id -> rendered Markdown fields
        self.course_data_html = ""  # on quiz and achievements pages
        self.light_data_html = ""  # on every other page
        self.file_notice_html = ""
        self.achievements_url = ""
        # New every build, so hashes from one build tell nothing about the next.
        self.salt = secrets.token_hex(32)
        # Marks where each quiz field starts and ends in the generated page; unguessable, so author
        # text cannot end a field early.
        self.field_marker = f"course-field-{secrets.token_hex(8)}"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # One plugin instance lives across `serve` rebuilds; broken quizzes must not stop the server.
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._reset()  # serve rebuilds reuse this instance
        self.settings = self._settings(config)
        project_dir = Path(config.config_file_path or ".").resolve().parent
        self.quizzes_dir = project_dir / self.config.quizzes_dir
        self.docs_shown = _shown_path(Path(config.docs_dir), project_dir)
        self.quizzes_shown = _shown_path(self.quizzes_dir, project_dir)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if ENTRY_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(ENTRY_SCRIPT))
            config.extra_javascript[-1].type = "module"
        return config

    def _settings(self, config: MkDocsConfig) -> CourseSettings:
        options = self.config
        if not 1 <= options.pass_mark <= 100:
            raise PluginError(f"mkdocs.yml: the course `pass_mark` must be from 1 to 100, not {options.pass_mark}.")
        title = options.title or config.site_name
        return CourseSettings(
            id=options.id or _slug(title),
            title=title,
            description=options.description,
            provider=Provider(options.provider.name, options.provider.url),
            outcomes=tuple(options.outcomes),
            hours=options.hours,
            pass_mark=float(options.pass_mark),
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        for uri, path in package_assets():
            files.append(File.generated(config, uri, abs_src_path=str(path)))

        folders = self.lesson_folders = block_folders(f.src_uri for f in files.documentation_pages())
        quiz_files = {path.stem: path for path in sorted(self.quizzes_dir.glob("*.yml"))}
        shown = {block_id: f"{self.quizzes_shown}/{path.name}" for block_id, path in quiz_files.items()}
        self.errors += pairing_errors(folders, shown, self.docs_shown, self.quizzes_shown)

        for block_id, path in quiz_files.items():
            if block_id not in folders:
                continue
            try:
                quiz = load_quiz(path, shown[block_id], block_id)
            except (CourseError, CourseErrors) as error:
                found = error.errors if isinstance(error, CourseErrors) else [error]
                self.errors += found
                self.broken[block_id] = found
                markdown = f"# Quiz\n\n{templates.render('errors.html', errors=found)}\n"
            else:
                self.quizzes[block_id] = quiz
                markdown = quiz_page_markdown(quiz, self.field_marker)
            files.append(File.generated(config, f"{block_id}/quiz.md", content=markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        files.append(File.generated(config, ACHIEVEMENTS_PAGE, content=f"# Achievements\n\n{ACHIEVEMENTS_SLOT}\n",
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        block_ids = [block_id for block_id in self.lesson_folders if block_id in self.quizzes or block_id in self.broken]
        sections, errors = navigation.block_sections(nav, block_ids, self.docs_shown)
        self.errors += errors
        ordered = [block_id for block_id in sections if block_id in self.quizzes]
        for number, block_id in enumerate(ordered, start=1):
            section = sections[block_id]
            quiz_page = navigation.page_of(files, f"{block_id}/quiz.md")
            first = navigation.first_page(section)
            if quiz_page is None or first is None:
                continue
            navigation.append_page(nav, section, quiz_page)
            block = Block(id=block_id, title=section.title or block_id, number=number,
                          url=first.file.url, quiz_url=quiz_page.file.url, quiz=self.quizzes[block_id])
            self.blocks.append(block)
            self._quiz_pages[quiz_page.file.src_uri] = block
        for block_id in self.broken:  # so `serve` shows the mistakes where the quiz would be
            quiz_page = navigation.page_of(files, f"{block_id}/quiz.md")
            if quiz_page is not None and block_id in sections:
                navigation.append_page(nav, sections[block_id], quiz_page)
        achievements = navigation.page_of(files, ACHIEVEMENTS_PAGE)
        if achievements is not None:
            navigation.append_page(nav, None, achievements)
            self.achievements_url = achievements.file.url
        navigation.relink(nav)
        self._publish_badges(config, files)
        data = course_data(self.settings, self.blocks, achievements_url=self.achievements_url,
                           site_url=config.site_url or "")
        self.course_data_html = data_script(data)
        self.light_data_html = data_script(light_course_data(data))
        self.file_notice_html = templates.render("file-notice.html")
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        block = self._quiz_block(page)
        if block is not None:
            html, self.fields[block.id] = cut_fields(html, self.field_marker)
        elif page.file.src_uri == ACHIEVEMENTS_PAGE:
            achievements = achievements_html(self.settings, self.blocks, page.file.url)
            html = navigation.fill_slot(page, html, ACHIEVEMENTS_SLOT, achievements)
        elif page.is_homepage:
            overview = overview_html(self.settings, self.blocks, page.file.url, self.achievements_url)
            html = navigation.fill_slot(page, html, OVERVIEW_SLOT, overview)
        return html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page is rendered by now, so `review` links can be checked against real heading ids.
        if not self.config.enabled:
            return None
        for block in self.blocks:
            quiz_page = navigation.page_of(files, f"{block.id}/quiz.md")
            if quiz_page is None:
                continue

            def find_page(src_uri: str, quiz_page: Page = quiz_page) -> TargetPage | None:
                target = navigation.page_of(files, src_uri)
                if target is None or target.content is None:
                    return None
                return TargetPage(relative_url(target.file.url, quiz_page.file.url), target.title or "", target.content)

            reviews, errors = resolve_reviews(block.quiz, find_page)
            self.errors += errors
            payload = quiz_payload(
                block.quiz, course_id=self.settings.id, block_title=block.title,
                pass_mark=block.pass_mark(self.settings), salt=self.salt,
                fields=self.fields.get(block.id, {}), reviews=reviews,
            )
            shell = templates.render("quiz.html", payload_json=json_for_script(payload))
            quiz_page.content = (quiz_page.content or "").replace(QUIZ_SLOT, shell)
        self._report_errors()
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not self.course_data_html:
            return None
        # Badge and statement data where those widgets are, and on the home page (the course's
        # front door); the file:// notice only where a widget would not run. Lessons stay light.
        if page.file.src_uri == ACHIEVEMENTS_PAGE or self._quiz_block(page) is not None:
            output = finish_page(output, self.course_data_html, self.file_notice_html)
        else:
            output = finish_page(output, self.course_data_html if page.is_homepage else self.light_data_html)
        return material_fixes.mend(output)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        # Authors see quiz edits live, as they do lesson edits.
        if self.config.enabled and self.quizzes_dir.is_dir():
            server.watch(str(self.quizzes_dir))
        return server

    # -- helpers -----------------------------------------------------------------------------

    def _report_errors(self) -> None:
        if not self.errors:
            return
        report = CourseErrors(self.errors)
        if self.is_serve:
            # Keep serving: the broken quiz page shows the mistakes, and the log names them.
            log.error(str(report))
        else:
            raise PluginError(str(report))

    def _quiz_block(self, page: Page) -> Block | None:
        return self._quiz_pages.get(page.file.src_uri)

    def _publish_badges(self, config: MkDocsConfig, files: Files) -> None:
        block_ids = {block.id for block in self.blocks}
        looks = {}
        for block_id, options in self.config.badges.items():
            if block_id not in block_ids and block_id not in self.broken:
                self.errors.append(CourseError(
                    Location("mkdocs.yml"), f"`badges` names the block '{block_id}', which the course does not have.",
                    f"Use one of: {', '.join(sorted(block_ids))}."))
                continue
            looks[block_id] = BadgeLook(options.colour, Path(options.image) if options.image else None)
        try:
            documents = badge_documents(self.settings, self.blocks, looks, config.site_url or "")
        except BadgeColourError as error:
            self.errors.append(CourseError(Location("mkdocs.yml"), error.problem, error.fix))
            return
        for uri, content in documents:
            files.append(File.generated(config, uri, content=content))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


def _shown_path(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()
