"""Badge artwork: one SVG medal per block, made at build time from the course and the block.

The SVG is shown on the achievements page (as an ``<img>``, greyed by CSS until the block is
passed) and is the base the browser draws the learner's PNG and SVG badge from. It is shown as an
image, so it may use only what it carries: system fonts, and an author's picture as a data URI.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from ..errors import CourseError, Location

__all__ = [
    "DEFAULT_PALETTE",
    "BadgeColourError",
    "badge_svg",
    "contrast_ratio",
    "default_colour",
    "is_colour",
    "normalise_colour",
    "text_colour_for",
]

# Distinct hues, each dark enough that white text on it passes WCAG AA (4.5:1) at any size;
# tests/test_badges_artwork.py checks every one.
DEFAULT_PALETTE: tuple[str, ...] = (
    "#1f5fa8",  # blue
    "#a3321f",  # brick red
    "#2e6b30",  # green
    "#6a3d9a",  # purple
    "#8a4b00",  # amber brown
    "#00695c",  # teal
    "#ad1457",  # magenta
    "#37474f",  # slate
)

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_IMAGE_URI = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+")
_DARK_TEXT = "#111111"
_LIGHT_TEXT = "#ffffff"
# System fonts only: an SVG shown through <img> or drawn to a canvas cannot load web fonts.
_FONT = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"


class BadgeColourError(CourseError):
    """A block colour from mkdocs.yml that is not a colour; ``problem`` and ``fix`` are for the author."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(Location("mkdocs.yml"), problem, fix)


def is_colour(colour: object) -> bool:
    """``#rgb`` or ``#rrggbb`` (hex digits in either case; spaces around are allowed)."""
    return isinstance(colour, str) and _HEX.fullmatch(colour.strip()) is not None


def normalise_colour(colour: str, *, what: str = "badge colour") -> str:
    """Return ``colour`` as lower-case ``#rrggbb``; raise BadgeColourError when it is not one."""
    if not is_colour(colour):
        raise BadgeColourError(
            f"The {what} {colour!r} is not a colour.",
            "Write it as a hex colour such as '#1f5fa8' (or '#15a'), in quotes in mkdocs.yml.",
        )
    digits = colour.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def default_colour(block_number: int) -> str:
    """The palette colour for a block (numbered from 1), repeating after the palette's end."""
    return DEFAULT_PALETTE[(max(block_number, 1) - 1) % len(DEFAULT_PALETTE)]


def _luminance(colour: str) -> float:
    hex_digits = normalise_colour(colour)[1:]
    channels = []
    for i in (0, 2, 4):
        c = int(hex_digits[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_for(background: str) -> str:
    """White or near-black, whichever reads better on ``background`` (one always reaches 4.5:1)."""
    light = contrast_ratio(background, _LIGHT_TEXT)
    dark = contrast_ratio(background, _DARK_TEXT)
    return _LIGHT_TEXT if light >= dark else _DARK_TEXT


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` characters; over-long words are cut; the last line gets '…'."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        kept[-1] = (last if len(last) < width else last[: width - 1]).rstrip(" -") + "…"
        return kept
    return lines or [""]


def _text_lines(lines: list[str], *, y: float, size: int, leading: float, **attrs: str) -> str:
    """One <text> with a <tspan> per line, centred on x=300, first baseline at ``y``."""
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attrs.items())
    spans = "".join(f'<tspan x="300" y="{y + i * leading:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text text-anchor="middle" font-size="{size}"{extra}>{spans}</text>'


def badge_svg(
    course_title: str,
    block_title: str,
    block_number: int,
    colour: str | None = None,
    image_data_uri: str | None = None,
) -> str:
    """The block's badge as a standalone, accessible 600x600 SVG document.

    ``colour`` is ``#rgb``/``#rrggbb`` (None: the default palette's colour for the block).
    ``image_data_uri``, when given, is the author's own artwork as a ``data:image/...;base64,``
    URI: it fills the medal, and the block number and title sit on a ribbon across it.
    """
    # ValueErrors here are the caller's mistakes, never an author's: the plugin numbers blocks, and
    # checks the author's image (images.py) and colour before it gets here.
    if not isinstance(block_number, int) or block_number < 1:
        raise ValueError(f"block_number must be a whole number from 1, not {block_number!r}")
    if colour is None:
        fill = default_colour(block_number)
    else:
        fill = normalise_colour(colour, what=f"colour of block {block_number}")
    ink = text_colour_for(fill)
    prefix = f"course-badge-{block_number}"
    label = f"Badge for block {block_number}: {block_title}, from the course {course_title}"

    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' width="600" height="600" viewBox="0 0 600 600" role="img"'
        f' aria-labelledby="{prefix}-title">',
        f'<title id="{prefix}-title">{escape(label)}</title>',
        f'<g font-family="{_FONT}" fill="{ink}">',
        # Outer medal, a lighter rim and a thin inner ring: reads as a badge even greyed.
        f'<circle cx="300" cy="300" r="296" fill="{fill}"/>',
        '<circle cx="300" cy="300" r="296" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="8"/>',
        f'<circle cx="300" cy="300" r="262" fill="none" stroke="{ink}" stroke-opacity="0.6" stroke-width="3"/>',
    ]
    if image_data_uri is not None:
        if not _IMAGE_URI.fullmatch(image_data_uri):
            raise ValueError(
                f"The badge image of block {block_number} must be a data:image/...;base64, URI "
                "(PNG, JPEG, GIF, WebP or SVG), so the badge carries it and works offline."
            )
        parts += [
            f'<clipPath id="{prefix}-clip"><circle cx="300" cy="300" r="258"/></clipPath>',
            f'<image href={quoteattr(image_data_uri)} x="42" y="42" width="516" height="516"'
            f' preserveAspectRatio="xMidYMid slice" clip-path="url(#{prefix}-clip)"/>',
            f'<rect x="20" y="392" width="560" height="112" rx="14" fill="{fill}"/>',
            _text_lines([f"Block {block_number}"], y=436, size=28, leading=0, font_weight="700"),
            _text_lines(_wrap(block_title, 30, 1), y=480, size=30, leading=0),
        ]
    else:
        course_lines = _wrap(course_title, 26, 2)
        title_lines = _wrap(block_title, 20, 3)
        parts += [
            _text_lines(
                course_lines,
                y=128 if len(course_lines) == 1 else 112,
                size=26,
                leading=32,
                font_weight="600",
                letter_spacing="0.5",
            ),
            f'<line x1="210" y1="164" x2="390" y2="164" stroke="{ink}" stroke-opacity="0.6" stroke-width="2"/>',
            _text_lines(["BLOCK"], y=214, size=26, leading=0, font_weight="700", letter_spacing="6"),
            _text_lines([str(block_number)], y=318, size=104, leading=0, font_weight="800"),
            _text_lines(title_lines, y=388 if len(title_lines) < 3 else 376, size=34, leading=42, font_weight="600"),
        ]
    parts += ["</g>", "</svg>"]
    return "\n".join(parts) + "\n"
