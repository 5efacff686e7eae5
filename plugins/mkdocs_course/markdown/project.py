"""The course as the Markdown extension sees it, without MkDocs: read from the project's mkdocs.yml
(the `course` plugin's options, `docs_dir`, `nav`, `theme`), its docs folder and its quiz files.

An engine that runs Python-Markdown extensions (Zensical) renders one page at a time and tells an
extension little about the rest of the site, so the extension reads the project itself, once per
state of its files (`load_project` caches it), and finds the blocks, their pages and their
lessons as the plugin does from MkDocs' navigation (adapter/navigation.py).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..badges.artwork import BadgeColourError, normalise_colour
from ..badges.images import image_type
from ..badges.publish import BadgeLook
from ..course.data import course_data, data_script, light_course_data
from ..course.journal import JOURNAL_PAGE, JOURNAL_SLOT, WritingActivity, course_activities
from ..course.lessons import Lesson, block_lessons
from ..course.model import Block, CourseSettings, Provider
from ..course.options import default_locale, locale, percentage
from ..course.outcomes import block_outcomes
from ..course.pages import ACHIEVEMENTS_PAGE, quiz_page_uri
from ..course.structure import block_folders, block_title, fallback_title, first_heading, load_quizzes, natural_key
from ..errors import CourseError, Location
from ..messages.catalog import check_overrides, site_messages
from ..quiz.model import Quiz

CONFIG_FILE = "mkdocs.yml"
_FRONT_MATTER_END = ("---", "...")


@dataclass
class CourseProject:
    """One state of a course project, as every page of one build sees it."""

    root: Path  # the folder of mkdocs.yml
    config_shown: str  # mkdocs.yml as the author names it
    docs_dir: Path
    docs_shown: str
    settings: CourseSettings
    quizzes_dir: Path = Path("quizzes")
    directory_urls: bool = True
    site_url: str = ""
    custom_dir: Path | None = None
    extra_javascript: list[Any] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)  # in navigation order
    block_pages: dict[str, list[str]] = field(default_factory=dict)  # block id -> its pages' paths, first first
    lessons: dict[str, list[Lesson]] = field(default_factory=dict)
    achievements_url: str = ""
    activities: dict[str, list[WritingActivity]] = field(default_factory=dict)  # page path -> its writing activities
    journal_url: str = ""  # the journal page's, when the course has writing activities
    badge_looks: dict[str, BadgeLook] = field(default_factory=dict)
    nav_given: bool = False
    watch: list[str] = field(default_factory=list)  # mkdocs.yml's `watch:`
    errors: list[CourseError] = field(default_factory=list)
    # New for every state of the project (every build of `zensical build`), as the plugin's.
    salt: str = field(default_factory=lambda: secrets.token_hex(32))
    field_marker: str = field(default_factory=lambda: f"course-field-{secrets.token_hex(8)}")

    @cached_property
    def data_scripts(self) -> tuple[str, str]:
        """The course data pages carry, in full and light (course/data.py): the same on every page of
        this state, so made once, as adapter/pages.py's prepare_page_data makes it once per build."""
        data = course_data(
            self.settings,
            self.blocks,
            achievements_url=self.achievements_url,
            site_url=self.site_url,
            lessons=self.lessons,
        )
        return data_script(data), data_script(light_course_data(data))

    def block_of_page(self, path: str) -> tuple[Block, int] | None:
        """The block a page belongs to and its place there (0: the block's first page)."""
        for block in self.blocks:
            pages = self.block_pages.get(block.id, [])
            if path in pages:
                return block, pages.index(path)
        return None

    def quiz_block(self, path: str) -> Block | None:
        """The block whose quiz page is `path`."""
        return next((block for block in self.blocks if quiz_page_uri(block.id) == path), None)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, enough for the course: `!ENV` values, other tags as nothing."""


def _environment(loader: _Loader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[str(name)] for name in variables if str(name) in os.environ), default)


def _unknown_tag(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    return None  # `!!python/name:...` and the like: options of other extensions, not the course's


_Loader.add_constructor("!ENV", _environment)
_Loader.add_multi_constructor("!", _unknown_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping; raises CourseError when it cannot be read."""
    shown = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except OSError:
        raise CourseError(
            Location(shown),
            "the course's settings file cannot be read.",
            "Give the extension's `config_file` option the path of mkdocs.yml, relative to the project.",
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise CourseError(Location(shown, mark.line + 1 if mark else 0), f"this is not valid YAML: {error}") from None
    return data if isinstance(data, dict) else {}


def course_options(config: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The `course` plugin's options in mkdocs.yml, with the extension's own `course` option over them."""
    found: dict[str, Any] = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("course"), dict):
            found = dict(entry["course"])
    return {**found, **(given or {})}


def page_url(path: str, directory_urls: bool) -> str:
    """A page's URL relative to the site root, as MkDocs and Zensical write it."""
    stem, _, _ = path.rpartition(".")
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return prefix if directory_urls else f"{prefix}index.html"
    return f"{prefix}{name}/" if directory_urls else f"{prefix}{name}.html"


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A page's front matter and its Markdown without it."""
    lines = text.removeprefix("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in _FRONT_MATTER_END:
            try:
                meta = yaml.safe_load("\n".join(lines[1:index]))
            except yaml.YAMLError:
                meta = None
            return (meta if isinstance(meta, dict) else {}), "\n".join(lines[index + 1 :])
    return {}, text


def page_title(docs_dir: Path, path: str) -> str:
    """A page's title as MkDocs finds it when the nav gives none: `title:` in its front matter, its
    first heading, or its file name in words."""
    try:
        meta, markdown = _front_matter((docs_dir / path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        meta, markdown = {}, ""
    if meta.get("title"):
        return str(meta["title"]).strip()
    name = path.rpartition("/")[2].rpartition(".")[0]
    return first_heading(markdown) or name.replace("-", " ").replace("_", " ").capitalize()


def _nav_entries(items: Any) -> list[tuple[str | None, Any]]:
    """`nav:` items as (title or None, path or list of items)."""
    entries: list[tuple[str | None, Any]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            entries.append((None, item))
        elif isinstance(item, dict):
            entries += [(str(title), value) for title, value in item.items()]
    return entries


def _nav_pages(items: Any) -> list[tuple[str | None, str]]:
    """Every page of a nav section, in order, with the title the nav gives it."""
    pages: list[tuple[str | None, str]] = []
    for title, value in _nav_entries(items):
        if isinstance(value, list):
            pages += _nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            pages.append((title, value))
    return pages


@dataclass(frozen=True)
class _Section:
    title: str
    pages: list[tuple[str | None, str]]  # (nav title or None, path)


def nav_sections(nav: Any, block_ids: list[str]) -> dict[str, _Section]:
    """The top-level `nav:` section of each block folder, in navigation order (as block_sections in
    adapter/navigation.py finds it in MkDocs' navigation)."""
    found: dict[str, _Section] = {}
    for title, value in _nav_entries(nav):
        if not isinstance(value, list):
            continue
        pages = _nav_pages(value)
        folders = {path.split("/", 1)[0] for _, path in pages if "/" in path}
        for folder in sorted(folders & set(block_ids)):
            found.setdefault(folder, _Section(title or "", pages))
    return found


def folder_sections(docs_dir: Path, pages: list[str], block_ids: list[str]) -> dict[str, _Section]:
    """Without `nav:`: each block folder's pages, index first, in natural order, titled by its first page."""
    found = {}
    for block_id in sorted(block_ids, key=natural_key):
        inside = [path for path in pages if path.startswith(f"{block_id}/")]
        inside.sort(
            key=lambda path: (
                path.count("/") > 1,
                path.rpartition("/")[2] not in ("index.md", "README.md"),
                natural_key(path),
            )
        )
        title = page_title(docs_dir, inside[0]) if inside else fallback_title(block_id)
        found[block_id] = _Section(title, [(None, path) for path in inside])
    return found


def markdown_pages(docs_dir: Path) -> list[str]:
    """Every Markdown page of the docs folder, relative to it, outside hidden folders."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def settings_from(
    options: dict[str, Any], config: dict[str, Any], errors: list[CourseError], config_text: str = ""
) -> CourseSettings:
    """The course settings, checked as the plugin's options are (adapter/config.py); `config_text`
    is mkdocs.yml as written, for the line of a mistake in `messages:`."""
    title = str(options.get("title") or config.get("site_name") or "").strip()
    if not title:
        errors.append(CourseError(Location(CONFIG_FILE), "the course has no title.", "Set `site_name`."))
    provider = options.get("provider") if isinstance(options.get("provider"), dict) else {}
    settings: dict[str, Any] = {
        "pass_mark": 50.0,
        "locale": default_locale((config.get("theme") or {}).get("language")),
    }
    try:
        if "pass_mark" in options:
            settings["pass_mark"] = percentage(options["pass_mark"], "pass_mark")
        if options.get("locale") is not None:
            settings["locale"] = locale(options["locale"])
    except CourseError as error:
        errors.append(error)
    language = (config.get("theme") or {}).get("language")
    try:
        overrides = check_overrides(options.get("messages"), Location(CONFIG_FILE), config_text)
    except CourseError as error:
        errors.append(error)
        overrides = {}
    settings["messages"] = site_messages(language, settings["locale"], overrides)
    hours = options.get("hours")
    return CourseSettings(
        id=str(
            options.get("id") or "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split()) or "course"
        ),
        title=title,
        description=str(options.get("description") or ""),
        provider=Provider(str(provider.get("name") or ""), str(provider.get("url") or "")),
        outcomes=tuple(str(outcome) for outcome in options.get("outcomes") or []),
        hours=float(hours) if isinstance(hours, (int, float)) and not isinstance(hours, bool) else None,
        free=options.get("free") is True,
        **settings,
    )


def badge_looks(options: dict[str, Any], root: Path, errors: list[CourseError]) -> dict[str, BadgeLook]:
    """`badges:` as the plugin's BadgeLooks option checks it."""
    looks = {}
    for block_id, look in (options.get("badges") or {}).items():
        look = look if isinstance(look, dict) else {}
        try:
            colour = normalise_colour(look["colour"]) if look.get("colour") is not None else None
            image = root / str(look["image"]) if look.get("image") else None
            if image is not None:
                image_type(image, str(look["image"]), f"badges.{block_id}.image")
        except BadgeColourError as error:
            errors.append(CourseError(Location(CONFIG_FILE), f"block '{block_id}': {error.problem}", error.fix))
            continue
        except (CourseError, OSError) as error:
            fix = "Give the path of a PNG, JPEG, GIF, WebP or SVG file, relative to mkdocs.yml."
            found = (
                error
                if isinstance(error, CourseError)
                else CourseError(Location(CONFIG_FILE), f"`image` of block '{block_id}' is not a file.", fix)
            )
            errors.append(found)
            continue
        looks[str(block_id)] = BadgeLook(colour, image, str(look.get("image") or ""))
    return looks


def load_project(config_path: Path, given: dict[str, Any] | None = None) -> CourseProject:
    """The course of the project whose mkdocs.yml is `config_path`; mistakes go into `errors`."""
    root = config_path.parent
    config = read_config(config_path)
    errors: list[CourseError] = []
    options = course_options(config, given or {})
    docs_dir = root / str(config.get("docs_dir") or "docs")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    project = CourseProject(
        root=root,
        config_shown=config_path.name,
        docs_dir=docs_dir,
        docs_shown=shown(docs_dir, root),
        settings=settings_from(options, config, errors, config_path.read_text(encoding="utf-8")),
        directory_urls=config.get("use_directory_urls", True) is not False,
        site_url=str(config.get("site_url") or ""),
        custom_dir=root / theme["custom_dir"] if theme.get("custom_dir") else None,
        extra_javascript=list(config.get("extra_javascript") or []),
        extra_css=[str(css) for css in config.get("extra_css") or []],
        badge_looks=badge_looks(options, root, errors),
        nav_given=bool(config.get("nav")),
        watch=[str(path).rstrip("/") for path in config.get("watch") or []],
        errors=errors,
    )
    pages = markdown_pages(docs_dir)
    quizzes_dir = project.quizzes_dir = root / str(options.get("quizzes_dir") or "quizzes")
    folders = block_folders(pages)
    loaded = load_quizzes(folders, quizzes_dir, shown(quizzes_dir, root), project.docs_shown)
    project.quizzes = loaded.quizzes
    errors += loaded.errors
    _find_activities(project, pages)
    _find_blocks(project, config.get("nav"), pages, [folder for folder in folders if folder in loaded.quizzes])
    return project


def _find_blocks(project: CourseProject, nav: Any, pages: list[str], block_ids: list[str]) -> None:
    sections = (
        nav_sections(nav, block_ids) if project.nav_given else folder_sections(project.docs_dir, pages, block_ids)
    )
    nav_paths = {path for _, path in _nav_pages(nav)} if project.nav_given else set(pages)
    for block_id in block_ids:
        if block_id not in sections:
            project.errors.append(
                CourseError(
                    Location(f"{project.docs_shown}/{block_id}"),
                    f"the block '{block_id}' is not a top-level section of the navigation.",
                    "List its pages under a section of their own in `nav:` in mkdocs.yml.",
                )
            )
    for number, (block_id, section) in enumerate(sections.items(), start=1):
        quiz_path = quiz_page_uri(block_id)
        _need_page(
            project, quiz_path, nav_paths, f"at the end of the section '{section.title}'", "<!-- course:quiz -->"
        )
        in_block = [(title, path) for title, path in section.pages if path != quiz_path]
        if not in_block:
            continue
        first = in_block[0][1]
        outcomes: tuple[str, ...] = ()
        try:
            outcomes = block_outcomes(
                (project.docs_dir / first).read_text(encoding="utf-8"), f"{project.docs_shown}/{first}"
            )
        except CourseError as error:
            project.errors.append(error)
        except (OSError, UnicodeDecodeError):
            pass
        block = Block(
            id=block_id,
            title=block_title(section.title or fallback_title(block_id)),
            number=number,
            url=page_url(first, project.directory_urls),
            quiz_url=page_url(quiz_path, project.directory_urls),
            quiz=project.quizzes[block_id],
            outcomes=outcomes,
        )
        project.blocks.append(block)
        project.block_pages[block_id] = [path for _, path in in_block]
        titled = [
            (page_url(path, project.directory_urls), title or page_title(project.docs_dir, path))
            for title, path in in_block
        ]
        project.lessons[block_id] = block_lessons(titled)
    _need_page(project, ACHIEVEMENTS_PAGE, nav_paths, "at the end", "<!-- course:achievements -->")
    project.achievements_url = page_url(ACHIEVEMENTS_PAGE, project.directory_urls)
    if project.activities:
        _need_page(project, JOURNAL_PAGE, nav_paths, "after the achievements page", JOURNAL_SLOT)
        project.journal_url = page_url(JOURNAL_PAGE, project.directory_urls)


def _find_activities(project: CourseProject, pages: list[str]) -> None:
    """Every page's writing activities (course/journal.py), their ids checked across the course."""
    project.activities, errors = course_activities(_readable(project.docs_dir, pages), project.docs_shown)
    project.errors += errors


def _readable(docs_dir: Path, pages: list[str]) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of each page that can be read."""
    for path in pages:
        try:
            yield path, (docs_dir / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the engine reports a page it cannot read


def _need_page(project: CourseProject, path: str, nav_paths: set[str], where: str, marker: str) -> None:
    """A page the plugin would generate must be the author's under an engine without plugins."""
    if not (project.docs_dir / path).is_file():
        project.errors.append(
            CourseError(
                Location(f"{project.docs_shown}/{path}"),
                "the page is missing: without the MkDocs plugin the course needs it as a file.",
                f"Run `mkdocs-course assets` to write it (a page holding `{marker}`), and list it in `nav:`.",
            )
        )
    elif path not in nav_paths:
        project.errors.append(
            CourseError(
                Location(project.config_shown),
                f"`nav:` does not list {path}.",
                f"Add `- {path}` {where} of `nav:`.",
            )
        )
