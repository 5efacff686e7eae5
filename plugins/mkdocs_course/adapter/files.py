"""What the plugin adds to the site's files: its browser assets, the generated quiz and
achievements pages, and each block's badge files, all as MkDocs `File`s so other plugins see them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, InclusionLevel

from ..assets import ENTRY_SCRIPT, STYLESHEET, WIDGET_MODULES, package_assets, widget_bundle
from ..badges.publish import BadgeLook, badge_documents
from ..course.pages import ACHIEVEMENTS_PAGE, ACHIEVEMENTS_SLOT, ERRORS_SLOT, quiz_page_uri
from ..course.structure import block_folders, load_quizzes
from ..errors import CourseError, Location
from ..minify import minified_file
from ..quiz.render import quiz_page_markdown
from .state import shown_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files

    from .config import BadgeConfig
    from .state import CourseBuild


def link_assets(config: MkDocsConfig) -> None:
    """Every page loads the course's stylesheet and its entry module."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if ENTRY_SCRIPT not in [str(script) for script in config.extra_javascript]:
        script = ExtraScriptValue(ENTRY_SCRIPT)
        script.type = "module"
        config.extra_javascript.append(script)


def publish_assets(files: Files, config: MkDocsConfig, *, minify: bool, lms_format: str = "") -> None:
    """The package's browser files; when `minify` (a build), our own JS and CSS minified and each
    widget module as one file with its imports; as they are otherwise (`serve`, so authors debug
    the readable source). The LMS runtime only in LMS mode (`lms_format`, adapter/lms.py)."""
    for asset in package_assets(lms=bool(lms_format)):
        if minify and asset.path in WIDGET_MODULES:
            files.append(File.generated(config, asset.uri, content=widget_bundle(asset.path)))
        elif minify and asset.minifiable:
            files.append(File.generated(config, asset.uri, content=minified_file(asset.path)))
        else:
            files.append(File.generated(config, asset.uri, abs_src_path=str(asset.path)))


def add_quiz_pages(build: CourseBuild, files: Files, config: MkDocsConfig) -> None:
    """Load every block's quiz and generate its page, `<block>/quiz.md` (a broken quiz's page lists
    its mistakes, for `serve`), and the achievements page."""
    build.lesson_folders = block_folders(f.src_uri for f in files.documentation_pages())
    loaded = load_quizzes(build.lesson_folders, build.quizzes_dir, build.quizzes_shown, build.docs_shown)
    build.quizzes, build.broken = loaded.quizzes, loaded.broken
    build.errors += loaded.errors
    for block_id, quiz in loaded.quizzes.items():
        _add_page(files, config, quiz_page_uri(block_id), quiz_page_markdown(quiz, build.field_marker))
    for block_id in loaded.broken:
        _add_page(files, config, quiz_page_uri(block_id), f"# Quiz\n\n{ERRORS_SLOT}\n")
    _add_page(files, config, ACHIEVEMENTS_PAGE, f"# Achievements\n\n{ACHIEVEMENTS_SLOT}\n")


def _add_page(files: Files, config: MkDocsConfig, src_uri: str, markdown: str) -> None:
    # Not in the nav yet: navigation.place_generated_pages puts each where it belongs.
    files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))


def publish_badges(build: CourseBuild, looks: dict[str, BadgeConfig], files: Files, config: MkDocsConfig) -> None:
    """Each block's badge artwork and credential template, as mkdocs.yml's `badges` sets them."""
    block_ids = {block.id for block in build.blocks}
    chosen = {}
    for block_id, look in looks.items():
        if block_id not in block_ids and block_id not in build.broken:
            build.errors.append(
                CourseError(
                    Location("mkdocs.yml"),
                    f"`badges` names the block '{block_id}', which the course does not have.",
                    f"Use one of: {', '.join(sorted(block_ids))}.",
                )
            )
            continue
        image = Path(look.image) if look.image else None
        chosen[block_id] = BadgeLook(look.colour, image, shown_path(image, build.project_dir) if image else "")
    try:
        documents = badge_documents(build.settings, build.blocks, chosen, config.site_url or "")
    except CourseError as error:
        build.errors.append(error)
        return
    for uri, content in documents:
        files.append(File.generated(config, uri, content=content))


def watch_quizzes(build: CourseBuild, server: LiveReloadServer) -> None:
    """Authors see quiz edits live, as they do lesson edits."""
    if build.quizzes_dir.is_dir():
        server.watch(str(build.quizzes_dir))
