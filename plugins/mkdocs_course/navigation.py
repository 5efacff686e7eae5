"""MkDocs adapter: find each block's section in the navigation, add the generated pages to it, and
list the headings of the HTML the plugin adds to a page in that page's table of contents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .course.headings import headings, insertion_index
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
    """Add a page at the end of a section (or of the top level). Call `relink` once afterwards."""
    (parent.children if parent is not None else nav.items).append(page)
    page.parent = parent


def relink(nav: Navigation) -> None:
    """Recompute the page list and each page's previous/next, once all pages are added."""
    from mkdocs.structure.pages import Page as PageType

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


def add_to_toc(page: Page, added_html: str, html_before: str) -> None:
    """List the headings of HTML the plugin put into a page in the page's table of contents,
    after the entries of the headings that precede it (`html_before`)."""
    from mkdocs.structure.toc import AnchorLink

    added = [h for h in headings(added_html) if h.level >= 2]
    if not added:
        return
    items = page.toc.items
    # Under the page title when the toc has one (material shows that entry's children).
    entries = items[0].children if len(items) == 1 and items[0].level == 1 else items
    before = {h.id for h in headings(html_before)}
    at = insertion_index([_anchor_ids(entry) for entry in entries], before)
    top = min(h.level for h in added)
    links: list[AnchorLink] = []
    for heading in added:
        link = AnchorLink(heading.title, heading.id, heading.level)
        if heading.level > top and links:
            links[-1].children.append(link)
        else:
            links.append(link)
    entries[at:at] = links


def _anchor_ids(link: Any) -> set[str]:
    return {link.id}.union(*(_anchor_ids(child) for child in link.children))


def fill_slot(page: Page, html: str, slot: str, added: str) -> str:
    """Put `added` where the slot comment is (Python-Markdown passes it through), or at the end,
    and list its headings in the page's table of contents."""
    at = html.find(slot)
    before, after = (html[:at], html[at + len(slot):]) if at >= 0 else (html, "")
    add_to_toc(page, added, before)
    return before + added + after
