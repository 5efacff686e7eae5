"""What the plugin adds to the site's files: its browser assets, the generated quiz and
achievements pages, and each block's badge files, all as MkDocs `File`s so other plugins see them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, InclusionLevel

from ..assets import ENTRY_SCRIPT, SITE_PREFIX, STYLESHEET, package_assets, published_text
from ..badges.publish import BadgeLook, badge_documents
from ..course.journal import JOURNAL_PAGE, course_activities, journal_page_markdown
from ..course.markers import fill_quiz_page
from ..course.pages import ACHIEVEMENTS_PAGE, ERRORS_SLOT, achievements_page_markdown, quiz_page_uri
from ..course.structure import block_folders, load_quizzes
from ..errors import CourseError, Location
from ..messages.page import WORDS_URI, words_file
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
    _drop_copies(files, lambda uri: uri.startswith(f"{SITE_PREFIX}/"))
    for asset in package_assets(lms=bool(lms_format)):
        text = published_text(asset, minify=minify)
        if text is not None:
            files.append(File.generated(config, asset.uri, content=text))
        else:
            files.append(File.generated(config, asset.uri, abs_src_path=str(asset.path)))


def publish_words(build: CourseBuild, files: Files, config: MkDocsConfig) -> None:
    """The words that code loading on demand fetches, in the site's language (messages/page.py)."""
    _drop_copies(files, lambda uri: uri == WORDS_URI)
    files.append(File.generated(config, WORDS_URI, content=words_file(build.settings.messages)))


def _drop_copies(files: Files, is_ours: Callable[[str], bool]) -> None:
    """Files the plugin publishes itself that the docs folder also holds (written there by
    `mkdocs-course assets` for engines without plugins) give way to the plugin's, never stale."""
    for file in [file for file in files if file.generated_by is None and is_ours(file.src_uri)]:
        files.remove(file)


def add_quiz_pages(build: CourseBuild, files: Files, config: MkDocsConfig) -> None:
    """Load every block's quiz and generate its page, `<block>/quiz.md` (a broken quiz's page lists
    its mistakes, for `serve`), and the achievements page."""
    build.lesson_folders = block_folders(f.src_uri for f in files.documentation_pages())
    loaded = load_quizzes(build.lesson_folders, build.quizzes_dir, build.quizzes_shown, build.docs_shown)
    build.quizzes, build.broken = loaded.quizzes, loaded.broken
    build.errors += loaded.errors
    for block_id, quiz in loaded.quizzes.items():
        uri = quiz_page_uri(block_id)
        author_page = _author_page(files, uri)
        if author_page is None:
            _add_page(files, config, uri, quiz_page_markdown(quiz, build.field_marker))
            continue
        # The author wrote the page (for engines without plugins: markdown/); the quiz goes where
        # its marker stands, so the page is rendered once, in the same place under both engines.
        try:
            filled = fill_quiz_page(author_page.content_string, quiz, build.field_marker, f"{build.docs_shown}/{uri}")
        except CourseError as error:
            build.errors.append(error)
            filled = f"# Quiz\n\n{ERRORS_SLOT}\n"
        files.remove(author_page)
        files.append(File.generated(config, uri, content=filled, inclusion=author_page.inclusion))
    for block_id in loaded.broken:
        uri = quiz_page_uri(block_id)
        if (author_page := _author_page(files, uri)) is not None:
            files.remove(author_page)
        _add_page(files, config, uri, f"# Quiz\n\n{ERRORS_SLOT}\n")
    if _author_page(files, ACHIEVEMENTS_PAGE) is None:  # an author's page holds its own slot
        _add_page(files, config, ACHIEVEMENTS_PAGE, achievements_page_markdown(build.settings.messages))


def _author_page(files: Files, src_uri: str) -> File | None:
    file = files.get_file_from_path(src_uri)
    return file if file is not None and file.generated_by is None else None


def add_journal_page(build: CourseBuild, files: Files, config: MkDocsConfig) -> None:
    """Find every page's writing activities (course/journal.py) and check their ids across the
    course; the journal page joins the site when there is at least one."""
    build.activities, errors = course_activities(_author_pages(files), build.docs_shown)
    build.errors += errors
    if build.activities and _author_page(files, JOURNAL_PAGE) is None:  # an author's page holds its own slot
        _add_page(files, config, JOURNAL_PAGE, journal_page_markdown(build.settings.messages))


def _author_pages(files: Files) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of each page the author wrote."""
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        try:
            yield file.src_uri, file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports an unreadable page when it reads it


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
    published = {uri for uri, _ in documents}
    _drop_copies(files, lambda uri: uri in published)
    for uri, content in documents:
        files.append(File.generated(config, uri, content=content))


def watch_quizzes(build: CourseBuild, server: LiveReloadServer) -> None:
    """Authors see quiz edits live, as they do lesson edits."""
    if build.quizzes_dir.is_dir():
        server.watch(str(build.quizzes_dir))
