"""The files the plugin publishes into every site (the browser modules and styles, vendor files,
the quiz schema, each block's badge artwork and credential template), as files in the docs folder,
for engines that copy the docs folder but run no plugin (Zensical).

`mkdocs-course assets` writes them (with the quiz and achievements pages a course lacks); the
Markdown extension checks them on every build and stops it, naming the command, when one is
missing or differs from what this version of the package publishes. Writing them during the build
would be too late: an engine lists the docs folder's files before it renders a page.
"""

from __future__ import annotations

from pathlib import Path

from ..assets import package_assets, published_text
from ..badges.publish import badge_documents
from ..course.journal import JOURNAL_PAGE, journal_page_markdown
from ..course.pages import ACHIEVEMENTS_PAGE, achievements_page_markdown, quiz_page_uri
from ..errors import CourseError, Location
from ..messages.page import WORDS_URI, words_file
from .project import CourseProject

COMMAND = "mkdocs-course assets"
QUIZ_MARKDOWN = "<!-- course:quiz -->\n"  # the quiz's title becomes the page's heading


def published_files(project: CourseProject) -> list[tuple[str, bytes]]:
    """(URI in the site, content) of every file the plugin's build publishes (adapter/files.py),
    minified and bundled as a build does. Raises CourseError for a badge image it cannot use."""
    files = []
    for asset in package_assets():
        text = published_text(asset, minify=True)
        files.append((asset.uri, text.encode("utf-8") if text is not None else asset.path.read_bytes()))
    documents = badge_documents(project.settings, project.blocks, project.badge_looks, project.site_url)
    documents.append((WORDS_URI, words_file(project.settings.messages)))  # on-demand words
    return files + [(uri, content.encode("utf-8")) for uri, content in documents]


def stale_files(project: CourseProject, expected: list[tuple[str, bytes]]) -> list[str]:
    """The published files the docs folder lacks or holds in another version."""
    stale = []
    for uri, content in expected:
        path = project.docs_dir / uri
        try:
            if path.read_bytes() != content:
                stale.append(uri)
        except OSError:
            stale.append(uri)
    return stale


def stale_error(project: CourseProject, stale: list[str], total: int) -> CourseError:
    listed = ", ".join(stale[:3]) + (f" and {len(stale) - 3} more" if len(stale) > 3 else "")
    return CourseError(
        Location(project.docs_shown),
        f"{len(stale)} of the course's {total} published files are missing or out of date: {listed}. "
        "Without the MkDocs plugin, the docs folder must hold them.",
        f"Run `{COMMAND}` in the project's folder, with the same `site_url` (SITE_URL) as this build: "
        "badges name the course by it. Run it again after every upgrade of mkdocs-course and after changing "
        "the course's settings, a block's title or the badges.",
    )


def write_files(project: CourseProject, expected: list[tuple[str, bytes]]) -> list[Path]:
    """Write the published files into the docs folder; returns those that changed."""
    written = []
    for uri, content in expected:
        path = project.docs_dir / uri
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def write_missing_pages(project: CourseProject, block_ids: list[str]) -> list[Path]:
    """Each block's quiz page, the achievements page and (with writing activities) the journal
    page, where the course has none (an author's page is never written over)."""
    wanted = {quiz_page_uri(block_id): QUIZ_MARKDOWN for block_id in block_ids}
    wanted[ACHIEVEMENTS_PAGE] = achievements_page_markdown(project.settings.messages)
    if project.activities:
        wanted[JOURNAL_PAGE] = journal_page_markdown(project.settings.messages)
    written = []
    for uri, markdown in wanted.items():
        path = project.docs_dir / uri
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
            written.append(path)
    return written
