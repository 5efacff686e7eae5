"""Find each block's section in the navigation, add the generated pages to it, and list the
headings of the HTML the plugin adds to a page in that page's table of contents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..course.headings import headings, insertion_index
from ..course.journal import JOURNAL_PAGE
from ..course.model import Block
from ..course.outcomes import block_outcomes
from ..course.pages import ACHIEVEMENTS_PAGE, quiz_page_uri
from ..course.structure import block_title, fallback_title, first_heading, natural_key
from ..errors import CourseError, Location

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation, Section
    from mkdocs.structure.pages import Page

    from .state import CourseBuild


def place_generated_pages(build: CourseBuild, nav: Navigation, files: Files, *, from_folders: bool = False) -> None:
    """Each quiz page ends its block's section, and the achievements page ends the navigation; the
    blocks are numbered in navigation order. A broken quiz's page is placed too, so that `serve`
    shows its mistakes where the quiz would be.

    `from_folders`: mkdocs.yml has no `nav:`, so MkDocs made the navigation from folder names; the
    blocks are then put in natural order and titled by their first pages' headings."""
    block_ids = [block_id for block_id in build.lesson_folders if block_id in build.quizzes or block_id in build.broken]
    sections, errors = block_sections(nav, block_ids, build.docs_shown)
    build.errors += errors
    if from_folders:
        sections = order_naturally(nav, sections)
        for block_id, section in sections.items():
            section.title = _first_page_title(section) or fallback_title(block_id)
    ordered = [block_id for block_id in sections if block_id in build.quizzes]
    for number, block_id in enumerate(ordered, start=1):
        section = sections[block_id]
        quiz_page = page_of(files, quiz_page_uri(block_id))
        first = first_page(section)
        if quiz_page is None or first is None:
            continue
        build.block_pages[block_id] = [page for page in _pages(section) if page is not quiz_page]
        place_page(nav, section, quiz_page, reorder=from_folders)
        block = Block(
            id=block_id,
            # The pages put "Block 1: " before it; an author's section may already say so.
            title=block_title(section.title or fallback_title(block_id)),
            number=number,
            url=first.file.url,
            quiz_url=quiz_page.file.url,
            quiz=build.quizzes[block_id],
            outcomes=_first_page_outcomes(first, build),
        )
        build.blocks.append(block)
        build.quiz_pages[quiz_page.file.src_uri] = block
    for block_id in build.broken:
        quiz_page = page_of(files, quiz_page_uri(block_id))
        if quiz_page is not None and block_id in sections:
            place_page(nav, sections[block_id], quiz_page, reorder=from_folders)
    achievements = page_of(files, ACHIEVEMENTS_PAGE)
    if achievements is not None:
        place_page(nav, None, achievements, reorder=from_folders)
        build.achievements_url = achievements.file.url
    journal = page_of(files, JOURNAL_PAGE)  # after the achievements: only with a writing activity
    if journal is not None and build.activities:
        place_page(nav, None, journal, reorder=from_folders)
        build.journal_url = journal.file.url
    relink(nav)


def block_sections(
    nav: Navigation, block_ids: list[str], docs_dir: str
) -> tuple[dict[str, Section], list[CourseError]]:
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


def order_naturally(nav: Navigation, sections: dict[str, Section]) -> dict[str, Section]:
    """Put the block sections, and the pages and folders inside each, in natural order (`2-middle`
    before `10-end`; MkDocs sorts them as text), keeping the places of the other top-level items.
    Returns `sections` in that order."""
    ordered = dict(sorted(sections.items(), key=lambda item: natural_key(item[0])))
    slots = [index for index, item in enumerate(nav.items) if any(item is section for section in sections.values())]
    for index, section in zip(slots, ordered.values(), strict=True):
        nav.items[index] = section
    for section in ordered.values():
        _sort_children(section, depth=1)
    return ordered


def _sort_children(section: Section, depth: int) -> None:
    """Order a folder's section as MkDocs does (its pages, index first, then its folders), but naturally."""
    from mkdocs.structure.nav import Section as SectionType

    def key(item: Any) -> tuple[bool, bool, list[str | int]]:
        page = item if not isinstance(item, SectionType) else first_page(item)
        parts = page.file.src_uri.split("/") if page is not None else []
        name = parts[depth] if len(parts) > depth else ""
        if isinstance(item, SectionType):
            return (True, True, natural_key(name))
        return (False, page.file.name not in ("index", "README"), natural_key(name.rsplit(".", 1)[0]))

    section.children.sort(key=key)
    for child in section.children:
        if isinstance(child, SectionType):
            _sort_children(child, depth + 1)


def _first_page_title(section: Section) -> str:
    """The title an author gave a block's first page: its `title:` metadata or its first heading."""
    from mkdocs.utils.meta import get_data

    page = first_page(section)
    if page is None or page.file.generated_by is not None:
        return ""
    try:
        markdown, meta = get_data(page.file.content_string)
    except (OSError, UnicodeDecodeError):
        return ""  # MkDocs reports an unreadable page when it reads it
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title).strip() if title else first_heading(markdown)


def _first_page_outcomes(page: Page, build: CourseBuild) -> tuple[str, ...]:
    """A block's own learning outcomes, from its first page's front matter (`outcomes:`); a wrong
    shape is a mistake of the build's to report with the page and line."""
    if page.file.generated_by is not None:
        return ()
    try:
        return block_outcomes(page.file.content_string, f"{build.docs_shown}/{page.file.src_uri}")
    except (OSError, UnicodeDecodeError):
        return ()  # MkDocs reports an unreadable page when it reads it
    except CourseError as error:
        build.errors.append(error)
        return ()


def place_page(nav: Navigation, parent: Section | None, page: Page, *, reorder: bool) -> None:
    """A generated page goes at the end of its section (or of the top level). A page the author
    wrote (a quiz or achievements page with its marker, markdown/) and listed in `nav:` stays where
    the author put it; one MkDocs placed from the folders (`reorder`) moves to the end too."""
    holder = _holder(nav.items, page)
    if holder is not None:
        if not reorder:
            return
        holder.remove(page)
    append_page(nav, parent, page)


def _holder(items: list, page: Page) -> list | None:
    """The list of the nav that holds `page`, if any."""
    for item in items:
        if item is page:
            return items
        found = _holder(getattr(item, "children", None) or [], page)
        if found is not None:
            return found
    return None


def append_page(nav: Navigation, parent: Section | None, page: Page) -> None:
    """Add a page at the end of a section (or of the top level). Call `relink` once afterwards."""
    (parent.children if parent is not None else nav.items).append(page)
    page.parent = parent


def relink(nav: Navigation) -> None:
    """Recompute the page list and each page's previous/next, once all pages are added."""
    from mkdocs.structure.pages import Page as PageType

    nav.pages = [item for item in _walk(nav.items) if isinstance(item, PageType)]
    for previous, following in zip([None, *nav.pages], [*nav.pages, None], strict=True):
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
    before, after = (html[:at], html[at + len(slot) :]) if at >= 0 else (html, "")
    add_to_toc(page, added, before)
    return before + added + after
