"""The author's own badge artwork: only image types every browser draws, checked by name and content.

The badge carries the image as a data URI and the browser draws it onto a canvas for the PNG badge
and the statement, so it must be a type every browser can draw (PNG, JPEG, GIF, WebP or SVG) and,
for SVG, hold nothing that stops the canvas being exported (drawable.py). Each refusal says why,
names mkdocs.yml's option and the file, and what to write instead.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path, PurePosixPath

from ..errors import CourseError, Location
from .drawable import svg_problems

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WebP", "image/svg+xml": "SVG"}
_SUFFIX_FOR = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}
# An SVG file: an XML declaration, comments and a doctype may come before the <svg> element.
# The doctype may have an internal subset in brackets (Illustrator declares entities there).
_SVG_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>\s*)*<svg[\s>]", re.DOTALL)
_GZIP = b"\x1f\x8b"
_TYPES_IN_WORDS = "PNG, JPEG, GIF, WebP or SVG"
_SAVE_AS_PNG = "Save the artwork as PNG (or SVG), at least 600 x 600 pixels,"
# Types authors reach for that a badge cannot carry: what each is, and what to do instead.
# {png} and {svg} become the author's path with that ending.
_SVGZ = (
    "a gzip-compressed SVG (.svgz), which browsers do not draw from inside a badge",
    "Decompress it (`gunzip -c {shown} > {svg}`, or in Inkscape save as Plain SVG) and write `image: {svg}`.",
)
_WEB_PAGE = ("a web page, not a picture", f"{_SAVE_AS_PNG} and write `image: {{png}}`.")
_PRINT = ("a print document, not a picture a browser draws", "Export the artwork as SVG and write `image: {svg}`.")
_WORK_FILE = ("an image editor's working file", "Export the artwork as PNG and write `image: {png}`.")
_SAFARI_ONLY = "which only Safari draws, so other learners would get a badge without the picture"
_REFUSED: dict[str, tuple[str, str]] = {
    ".svgz": _SVGZ,
    ".html": _WEB_PAGE,
    ".htm": _WEB_PAGE,
    ".xhtml": _WEB_PAGE,
    ".ico": (
        "an icon file, which holds several small pictures; browsers differ in which one they draw",
        "Save its largest picture as PNG, at least 600 x 600 pixels, and write `image: {png}`.",
    ),
    ".cur": ("a cursor file, not a picture for a badge", f"{_SAVE_AS_PNG} and write `image: {{png}}`."),
    ".bmp": (
        "an uncompressed BMP bitmap, which would make every badge file many times larger",
        "Save it as PNG and write `image: {png}`.",
    ),
    ".avif": (
        "AVIF, which not every browser in use draws (Safari before 16, Edge before 121), so some learners "
        "would get a badge without the picture",
        "Save it as PNG or WebP and write `image: {png}`.",
    ),
    ".tif": (f"TIFF, {_SAFARI_ONLY}", "Save it as PNG and write `image: {png}`."),
    ".tiff": (f"TIFF, {_SAFARI_ONLY}", "Save it as PNG and write `image: {png}`."),
    ".heic": (f"HEIF, {_SAFARI_ONLY}", "Save it as PNG or JPEG and write `image: {png}`."),
    ".heif": (f"HEIF, {_SAFARI_ONLY}", "Save it as PNG or JPEG and write `image: {png}`."),
    ".jxl": (f"JPEG XL, {_SAFARI_ONLY}", "Save it as PNG or JPEG and write `image: {png}`."),
    ".pdf": _PRINT,
    ".eps": _PRINT,
    ".ps": _PRINT,
    ".ai": _PRINT,
    ".psd": _WORK_FILE,
    ".xcf": _WORK_FILE,
    ".kra": _WORK_FILE,
}


def sniff_image_type(data: bytes) -> str | None:
    """The MIME type the content shows, from its first bytes; None for anything but the five types."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if _SVG_START.match(data.removeprefix(b"\xef\xbb\xbf")[:16384]):
        return "image/svg+xml"
    return None


def _written(shown: str, suffix: str) -> str:
    """The author's path with another ending, as they would write it in mkdocs.yml."""
    path = PurePosixPath(shown)
    written = str(path.with_suffix(suffix)) if path.name not in ("", ".", "..") else f"badge{suffix}"
    return written if written != shown else str(path.with_name(f"{path.stem}-plain{suffix}"))


def _suffix_problem(suffix: str, shown: str) -> tuple[str, str]:
    what, fix = _REFUSED.get(
        suffix, ("", "Save the artwork in one of those types (PNG or SVG suit badges best) and write `image: {png}`.")
    )
    problem = f"a badge image must be a {_TYPES_IN_WORDS} file, not '{suffix or shown}'."
    if what:
        problem = f"it is {what}. {problem[0].upper()}{problem[1:]}"
    return problem, fix.format(shown=shown, png=_written(shown, ".png"), svg=_written(shown, ".svg"))


def _content_problem(data: bytes, suffix: str, shown: str) -> tuple[str, str] | None:
    named, found = IMAGE_TYPES[suffix], sniff_image_type(data)
    if data.startswith(_GZIP):
        what, fix = _SVGZ
        plain = _written(shown, ".svg")
        return f"it is named {suffix} but is {what}.", fix.format(shown=shown, svg=plain)
    if found is None:
        return (
            f"it is named {suffix} but does not hold a {_NAMES[named]} image.",
            f"Open it in an image editor, save it as {_TYPES_IN_WORDS} and write `image: {_written(shown, '.png')}`.",
        )
    if found != named:
        return (
            f"it is named {suffix} but holds a {_NAMES[found]} image.",
            f"Rename it to end in {_SUFFIX_FOR[found]}, or save it as {_NAMES[named]}.",
        )
    if found == "image/svg+xml":
        problems = svg_problems(data)
        if problems:
            more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
            return (
                f"it cannot be drawn into learners' PNG badges and PDF statements. Found: {'; '.join(problems[:3])}"
                f"{more}.",
                "Fix what is found (turn text in a <foreignObject> into SVG <text>, embed pictures and fonts as "
                "data: URIs, remove scripts and event handlers; Inkscape's Save As > Plain SVG writes a clean "
                f"file), or export the artwork as PNG and write `image: {_written(shown, '.png')}`.",
            )
    return None


def image_type(path: Path, shown_as: str = "", option: str = "image") -> str:
    """The MIME type of the author's image at `path`; raise CourseError unless it is one of the five
    types, its content is what its name says and, for SVG, a browser can draw it on a canvas and
    export it. `shown_as` names the file as the author wrote it; `option` is the mkdocs.yml option
    that names it (`badges.<block>.image`)."""
    shown = shown_as or path.name
    suffix = path.suffix.lower()
    found = _suffix_problem(suffix, shown) if suffix not in IMAGE_TYPES else None
    if found is None:
        try:
            data = path.read_bytes()
        except OSError as error:
            found = (
                f"it cannot be read ({error.strerror}).",
                "Give the path of an image file, relative to mkdocs.yml.",
            )
        else:
            found = _content_problem(data, suffix, shown)
    if found is not None:
        problem, fix = found
        raise CourseError(Location("mkdocs.yml"), f"`{option}` is {shown!r}: {problem}", fix)
    return IMAGE_TYPES[suffix]


def image_data_uri(path: Path, shown_as: str = "", option: str = "image") -> str:
    """The author's image as a data URI, so the badge carries it and works offline."""
    mime = image_type(path, shown_as, option)
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
