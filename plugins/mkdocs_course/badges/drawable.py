"""What an author's SVG may hold to be drawn on a canvas: the learner's PNG badge and PDF statement.

The browser draws the badge (with the author's SVG inside it as a data URI) onto a canvas, then
exports the canvas. An SVG shown as an image loads nothing from outside and runs no script, and a
`<foreignObject>` makes the browser refuse the export ("Tainted canvases may not be exported").
So the build reads the SVG once and names, with its line, everything that would break a download
or go missing: `<foreignObject>`, `<script>`, event handlers, and references to anything but the
file itself (`#id`) or a `data:` URI, in `href`, CSS `url(...)`, `@import` and style sheets.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes
from xml.parsers import expat

__all__ = ["svg_problems"]

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
_SEP = "\x1f"  # between an element's namespace and local name, as expat reports them
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)]*?))\s*\)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import\s*(?:url\(\s*)?[\"']?([^\"')\s;]*)", re.IGNORECASE)
_CSS_IMPORT_RULE = re.compile(r"@import[^;]*;?", re.IGNORECASE)
_SVG_DATA_URI = re.compile(r"data:image/svg\+xml(;[^,]*)?,(.*)", re.IGNORECASE | re.DOTALL)
# Pictures inside pictures: deeper than this is refused rather than read.
_MAX_NESTING = 3


def _loads_nothing(url: str) -> bool:
    """A reference a canvas can draw: this file (`#id`, or empty) or a `data:` URI."""
    url = "".join(url.split())
    return url == "" or url.startswith("#") or url.lower().startswith("data:")


def _short(url: str) -> str:
    url = " ".join(url.split())
    return url if len(url) <= 60 else url[:57] + "..."


def _local(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(_SEP)
    return namespace, local


@dataclass
class _Reader:
    """Collects the problems of one SVG document as expat reads it."""

    depth: int
    problems: list[str] = field(default_factory=list)
    parser: expat.XMLParserType = field(init=False)
    style_depth: int = 0
    style_text: list[str] = field(default_factory=list)
    style_line: int = 0
    root_seen: bool = False

    def __post_init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=_SEP)
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.ProcessingInstructionHandler = self.instruction
        self.parser.ExternalEntityRefHandler = self.external_entity

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, local = _local(name)
        if not self.root_seen:
            self.root_seen = True
            if (namespace, local) != (_SVG_NS, "svg"):
                shown = f"<{local}> in no namespace" if not namespace else f"<{local}> in {namespace!r}"
                self.problems.append(
                    f'its root element is {shown}, not an <svg xmlns="{_SVG_NS}">, so browsers draw nothing'
                )
        if namespace == _SVG_NS and local == "foreignObject":
            self.problems.append(
                f"a <foreignObject> (line {self.line}): a browser that drew it refuses to export the canvas "
                "(“Tainted canvases may not be exported”)"
            )
        if local == "script":
            self.problems.append(f"a <script> (line {self.line}): scripts never run in a picture")
        if local == "style":
            self.style_depth += 1
            self.style_line = self.line
        self.attributes(local, attributes)

    def attributes(self, element: str, attributes: dict[str, str]) -> None:
        for name, value in attributes.items():
            namespace, local = _local(name)
            if local.lower().startswith("on") and namespace in ("", _SVG_NS):
                self.problems.append(f"an event handler `{local}` (line {self.line}): scripts never run in a picture")
            elif local == "href" and namespace in ("", _XLINK_NS) and element != "a":
                self.reference(value, f"<{element} href>")
            elif "url(" in value.lower() or "@import" in value.lower():
                self.css(value, f"the `{local}` of <{element}>", self.line)
        if attributes.get("attributeName", "").endswith("href"):  # <set>, <animate> of an href
            for key in ("to", "from", "by", "values"):
                for value in attributes.get(key, "").split(";"):
                    self.reference(value, f"<{element} {key}>")

    def reference(self, url: str, where: str, line: int = 0) -> None:
        line = line or self.line
        if not _loads_nothing(url):
            self.problems.append(
                f"a reference to {_short(url)!r} in {where} (line {line}): a picture loads no other file, "
                "so it would be missing, and some browsers then refuse to export the canvas"
            )
            return
        nested = _SVG_DATA_URI.fullmatch("".join(url.split()) if ";base64" in url.lower() else url.strip())
        if nested:
            for problem in _nested_problems(nested, self.depth + 1):
                self.problems.append(f"in the SVG embedded at line {line}, {problem}")

    def css(self, text: str, where: str, line: int) -> None:
        text = _CSS_COMMENT.sub("", text)
        for match in _CSS_IMPORT.finditer(text):
            if not _loads_nothing(match.group(1)):
                self.problems.append(
                    f"an @import of {_short(match.group(1))!r} in {where} (line {line}): a picture loads no "
                    "other style sheet, so its styles would be missing"
                )
        for match in _CSS_URL.finditer(_CSS_IMPORT_RULE.sub("", text)):
            self.reference(next(group for group in match.groups() if group is not None), f"{where}, url()", line)

    def end(self, name: str) -> None:
        if _local(name)[1] == "style" and self.style_depth:
            self.style_depth -= 1
            if not self.style_depth:
                self.css("".join(self.style_text), "<style>", self.style_line)
                self.style_text.clear()

    def text(self, data: str) -> None:
        if self.style_depth:
            self.style_text.append(data)

    def external_entity(self, context: str, base: str | None, system_id: str, public_id: str | None) -> int:
        self.reference(system_id, "an external entity")
        return 1  # read on: the entity itself is never loaded

    def instruction(self, target: str, data: str) -> None:
        if target == "xml-stylesheet":
            match = re.search(r"href\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", data)
            url = next((group for group in match.groups() if group is not None), "") if match else ""
            self.reference(url or "(none)", "<?xml-stylesheet?>")


def _nested_problems(match: re.Match[str], depth: int) -> list[str]:
    if depth > _MAX_NESTING:
        return [f"pictures are nested more than {_MAX_NESTING} deep; embed the inner picture as PNG"]
    parameters, payload = match.group(1) or "", match.group(2)
    try:
        data = base64.b64decode(payload, validate=True) if ";base64" in parameters.lower() else None
    except (binascii.Error, ValueError):
        return ["its data URI is not valid base64"]
    if data is None:
        data = unquote_to_bytes(payload)
    return svg_problems(data, _depth=depth)


def svg_problems(data: bytes, *, _depth: int = 0) -> list[str]:
    """What in the SVG `data` would stop a browser drawing it on a canvas and exporting it, each
    with its line and the reason, in the order found; empty when it can be drawn."""
    reader = _Reader(depth=_depth)
    try:
        reader.parser.Parse(data, True)
    except expat.ExpatError as error:
        return [
            f"it is not well-formed XML ({expat.ErrorString(error.code)}, line {error.lineno}, "
            f"column {error.offset + 1}), so browsers draw nothing"
        ]
    if not reader.root_seen:
        return ["it holds no <svg> element, so browsers draw nothing"]
    return list(dict.fromkeys(reader.problems))
