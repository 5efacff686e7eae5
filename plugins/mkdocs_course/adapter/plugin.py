"""The `course` plugin: each MkDocs event hands its work to named steps in this folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin

from ..templates import Fragments
from . import checks, engines, lms, navigation, pages
from . import files as site_files
from .config import CourseConfig
from .state import CourseBuild, report_errors, start_build

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.build: CourseBuild | None = None
        self.lms_format = ""  # the LMS package being built (adapter/lms.py), "" for a plain site

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # One plugin instance lives across `serve` rebuilds: a broken quiz must not stop the server,
        # and authors debug the readable JS and CSS.
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.build = start_build(self.config, config)  # new every build: serve rebuilds reuse this instance
        self.lms_format = lms.format_from_environment()
        site_files.link_assets(config)
        engines.leave_pages_to_the_plugin(config)
        checks.keep_fonts_private(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.build is None:
            return None
        checks.check_pages(self.build, files, config)
        site_files.publish_assets(files, config, minify=not self.is_serve, lms_format=self.lms_format)
        site_files.publish_words(self.build, files, config)
        site_files.add_quiz_pages(self.build, files, config)
        site_files.add_journal_page(self.build, files, config)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.build is None:
            return None
        navigation.place_generated_pages(self.build, nav, files, from_folders=config.nav is None)
        site_files.publish_badges(self.build, self.config.badges, files, config)
        lms.add_launch_page(self.build, files, config, self.lms_format)
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.build is None:
            return None
        return pages.cut_quiz_fields(self.build, page, html)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        # Every page is rendered by now, so `review` links can be checked against real heading ids;
        # fragments render through the theme's templates, so a site can override them.
        if not self.config.enabled or self.build is None:
            return None
        fragments = Fragments(env, project_dir=self.build.project_dir, messages=self.build.settings.messages)
        pages.fill_quiz_pages(self.build, fragments, files, preview=self.is_serve)
        pages.fill_course_pages(self.build, fragments, files)
        pages.fill_writing_pages(self.build, fragments, files)
        pages.prepare_page_data(self.build, fragments, config)
        report_errors(self.build, serve=self.is_serve)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or self.build is None:
            return None
        return pages.finish(self.build, page, output)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        if self.config.enabled and self.build is not None:
            site_files.watch_quizzes(self.build, server)
        return server
