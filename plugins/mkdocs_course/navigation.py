"""MkDocs adapter: find each block's section in the navigation and add the generated pages to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import CourseError, Location

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation, Section
    from mkdocs.structure.pages import Page


def block_sections(nav: Navigation, block_ids: list[str], docs_dir: str) -> tuple[dict[str, Section], list[CourseError]]:
    """The top-level section of each block folder, in navigation order."""
    from mkdocs.structure.nav import Section

    found: dict[str, Section] = {}
    for item in nav.items:
        if not isinstance(item, Section):
            continue
        folders = {page.file.src_uri.split("/", 1)[0] for page in _pages(item) if "/" in page.file.src_uri}
        for folder in sorted(folders & set(block_ids)):
            found.setdefault(folder, item)
    errors = [
        CourseError(
            Location(f"{docs_dir}/{block_id}"),
            f"the block '{block_id}' is not a top-level section of the navigation.",
            "List its pages under a section of their own in `nav:` in mkdocs.yml, or remove `nav:` to "
            "let MkDocs build it from the folders.",
        )
        for block_id in block_ids
        if block_id not in found
    ]
    return found, errors


def append_page(nav: Navigation, parent: Section | None, page: Page) -> None:
    """Add a page at the end of a section (or of the top level) and relink previous/next."""
    from mkdocs.structure.pages import Page as PageType

    (parent.children if parent is not None else nav.items).append(page)
    page.parent = parent
    nav.pages = [item for item in _walk(nav.items) if isinstance(item, PageType)]
    for previous, following in zip([None, *nav.pages], [*nav.pages, None]):
        if previous is not None:
            previous.next_page = following
        if following is not None:
            following.previous_page = previous


def first_page(section: Section) -> Page | None:
    pages = _pages(section)
    return pages[0] if pages else None


def page_of(files: Files, src_uri: str) -> Page | None:
    file = files.get_file_from_path(src_uri)
    return file.page if file is not None else None


def _pages(section: Section) -> list[Page]:
    from mkdocs.structure.pages import Page as PageType

    return [item for item in _walk(section.children) if isinstance(item, PageType)]


def _walk(items: list) -> list:
    out = []
    for item in items:
        out.append(item)
        out.extend(_walk(getattr(item, "children", None) or []))
    return out
