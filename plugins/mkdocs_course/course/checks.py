"""Checks of the author's pages that save a course from quiet mistakes, without MkDocs: a page that
is not UTF-8 (MkDocs stops with a traceback), and Markdown that needs an extension mkdocs.yml does
not enable (the page builds, and shows the syntax as text)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import CourseError, Location


def encoding_problem(data: bytes, shown_path: str) -> CourseError | None:
    """A CourseError naming the line, column and byte offset of the first byte that is not UTF-8;
    None when `data` decodes (a byte order mark is fine: MkDocs skips it)."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line_start = data.rfind(b"\n", 0, start) + 1
        where = Location(shown_path, data.count(b"\n", 0, start) + 1, start - line_start + 1)
        return CourseError(
            where,
            f"the file is not UTF-8 (byte 0x{data[start]:02x}, at offset {start}, cannot be read).",
            "Save it as UTF-8 in your editor (often: Save As, then Encoding: UTF-8).",
        )
    return None


@dataclass(frozen=True)
class Syntax:
    """Markdown that renders only with an extension: what it looks like, and what it does."""

    extension: str
    example: str  # as an author writes it
    what: str  # what the extension renders it as
    provided_by: frozenset[str]  # extension names that enable it
    pattern: re.Pattern[str]


SYNTAXES = (
    Syntax(
        "admonition",
        "!!! note",
        "an admonition (a call-out box)",
        frozenset({"admonition"}),
        re.compile(r"^[ \t]*!!![+-]?[ \t]+\S"),
    ),
    Syntax(
        "pymdownx.details",
        "??? note",
        "a collapsible admonition",
        frozenset({"pymdownx.details"}),
        re.compile(r"^[ \t]*\?\?\?[+-]?[ \t]+\S"),
    ),
    Syntax(
        "attr_list",
        "{#id}",
        "an attribute list (an id or class for the element before it)",
        frozenset({"attr_list", "extra", "pymdownx.extra"}),
        re.compile(r"\{:?[ \t]*[#.][A-Za-z_][\w.-]*(?:[ \t]+[^}\n]*)?\}|\{:[ \t]+[^}\n]*\}"),
    ),
    Syntax(
        "md_in_html",
        'markdown="1"',
        "Markdown inside an HTML block",
        frozenset({"md_in_html", "extra", "pymdownx.extra"}),
        re.compile(r"<[A-Za-z][\w-]*\b[^>]*?\smarkdown(?:[ \t]*=[ \t]*[\"']?(?:1|block|span)[\"']?)?(?=[\s/>])"),
    ),
)

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def extension_name(name: str) -> str:
    """`markdown.extensions.admonition` and `admonition:AdmonitionExtension` are `admonition`."""
    name = name.partition(":")[0]
    return name.removeprefix("markdown.extensions.")


def syntax_in(markdown: str, syntaxes: Iterable[Syntax] = SYNTAXES) -> Iterable[tuple[Syntax, int, int]]:
    """Each of `syntaxes` the page uses, with the line and column (from 1) where it is first used;
    fenced code and code spans are skipped, since they show the syntax as written."""
    syntaxes = tuple(syntaxes)
    seen: set[str] = set()
    fence = ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        text = _CODE_SPAN.sub("", line)
        for syntax in syntaxes:
            found = syntax.pattern.search(text) if syntax.extension not in seen else None
            if found:
                seen.add(syntax.extension)
                yield syntax, number, found.start() + 1


def missing_extension_warning(syntax: Syntax, where: Location) -> str:
    return (
        f"{where}: `{syntax.example}` is {syntax.what}, but the `{syntax.extension}` Markdown extension is not "
        f"enabled, so the page shows it as plain text. Add `- {syntax.extension}` under `markdown_extensions` "
        "in mkdocs.yml."
    )


class ExtensionCheck:
    """Collects the first use of each syntax whose extension is missing, across every page."""

    def __init__(self, enabled: Iterable[str]) -> None:
        self.enabled = {extension_name(name) for name in enabled}
        self.first_use: dict[str, tuple[Syntax, Location]] = {}
        # Only syntax whose extension is missing is looked for: with every extension listed (the
        # usual case), no page is scanned at all.
        self.unrendered = [syntax for syntax in SYNTAXES if not self.enabled & syntax.provided_by]

    def page(self, markdown: str, shown_path: str) -> None:
        looked_for = [syntax for syntax in self.unrendered if syntax.extension not in self.first_use]
        if not looked_for:
            return
        for syntax, line, column in syntax_in(markdown, looked_for):
            self.first_use.setdefault(syntax.extension, (syntax, Location(shown_path, line, column)))

    def warnings(self) -> list[str]:
        return [missing_extension_warning(syntax, where) for syntax, where in self.first_use.values()]
