"""The author's own badge artwork: only image types every browser draws, checked by name and content.

The badge carries the image as a data URI and the browser draws it onto a canvas for the PNG badge,
so it must be a type every browser can draw: PNG, JPEG, GIF, WebP or SVG.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from ..errors import CourseError, Location

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
_SVG_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.DOTALL)
_TYPES_IN_WORDS = "PNG, JPEG, GIF, WebP or SVG"


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
    if _SVG_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]):
        return "image/svg+xml"
    return None


def image_type(path: Path, shown_as: str = "") -> str:
    """The MIME type of the author's image at `path`; raise CourseError unless it is one of the five
    types and its content is what its name says. `shown_as` names the file in messages."""
    where = Location(shown_as or path.name)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_TYPES:
        raise CourseError(
            where,
            f"the badge image must be a {_TYPES_IN_WORDS} file, not '{path.suffix or path.name}'.",
            "Save the artwork in one of those types (PNG or SVG suit badges best) and give that file as `image`.",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CourseError(
            where,
            f"the badge image cannot be read ({error.strerror}).",
            "Give the path of an image file, relative to mkdocs.yml.",
        ) from None
    named, found = IMAGE_TYPES[suffix], sniff_image_type(data)
    if found is None:
        raise CourseError(
            where,
            f"the badge image is named {suffix} but does not hold a {_NAMES[named]} image.",
            f"Open it in an image editor and save it as {_TYPES_IN_WORDS}.",
        )
    if found != named:
        raise CourseError(
            where,
            f"the badge image is named {suffix} but holds a {_NAMES[found]} image.",
            f"Rename it to end in {_SUFFIX_FOR[found]}, or save it as {_NAMES[named]}.",
        )
    return found


def image_data_uri(path: Path, shown_as: str = "") -> str:
    """The author's image as a data URI, so the badge carries it and works offline."""
    mime = image_type(path, shown_as)
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
