"""Badge artwork: one SVG medal per block, made at build time from the course and the block.

The SVG is shown on the achievements page (as an ``<img>``, greyed by CSS until the block is
passed) and is the base the browser draws the learner's PNG and SVG badge from. It is shown as an
image, so it may use only what it carries: system fonts, and an author's picture as a data URI.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape, quoteattr

from ..errors import CourseError, Location
from ..messages.catalog import Messages, site_messages

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


# Widths in em of Noto Sans Bold glyphs (the artwork's first font), rounded up by class; the title
# is wrapped by these so that it stays inside the medal (tests/test_badges_artwork.py measures the
# real font). Anything not listed, such as a CJK ideograph, counts as a full em.
_NARROW = frozenset(" .,:;'!|()[]ijlIJ\u2019\u2018")
_SEMI_NARROW = frozenset('frtsz-"?/cgr\u201c\u201d')
_WIDE = frozenset(
    "mwMW@%&\u00e6\u00c6\u0153\u0152"  # and the widest Cyrillic letters
    "\u0436\u0416\u0448\u0428\u0449\u0429\u044e\u042e\u043c\u041c\u0444\u0424\u044b\u042b"
)


def _width_em(text: str) -> float:
    """A generous estimate of ``text``'s width in em, set in a bold sans-serif."""
    total = 0.0
    for character in text:
        if character in _NARROW:
            total += 0.36
        elif character in _SEMI_NARROW:
            total += 0.56
        elif character in _WIDE:
            total += 1.14
        elif character.isupper():
            total += 0.84
        elif ord(character) < 0x2E80 and (character.isalnum() or ord(character) < 0x0250):
            total += 0.7
        else:
            total += 1.0
    return total


def _wrap(text: str, widths: list[float], size: float) -> list[str] | None:
    """Greedy word wrap to one line per width in ``widths`` (units at font size ``size``); a word
    longer than a line is broken with a hyphen. None when the text needs more lines than that."""
    lines: list[str] = []
    line = ""
    words = text.split()
    while words:
        if len(lines) >= len(widths):
            return None
        width = widths[len(lines)] / size
        word = words[0]
        candidate = f"{line} {word}" if line else word
        if _width_em(candidate) <= width:
            line = candidate
            words.pop(0)
        elif line:
            lines.append(line)
            line = ""
        else:  # one word wider than the line: break it
            cut = 1
            while cut < len(word) - 1 and _width_em(word[: cut + 1] + "-") <= width:
                cut += 1
            lines.append(word[:cut] + "-")
            words[0] = word[cut:]
    if line:
        if len(lines) >= len(widths):
            return None
        lines.append(line)
    return lines or [""]


def _ellipsised(text: str, widths: list[float], size: float) -> list[str]:
    """``text`` in as many lines as ``widths`` has, cut short with '…' when it needs more."""
    words = text.split()
    for keep in range(len(words) - 1, 0, -1):
        lines = _wrap(" ".join(words[:keep]).rstrip(" ,;:-\u2013\u2014") + "\u2026", widths, size)
        if lines is not None:
            return lines
    return _wrap(text[:1] + "\u2026", widths, size) or ["\u2026"]


def _chord(y_top: float, y_bottom: float, radius: float, padding: float) -> float:
    """The width inside a circle centred at (300, 300) across the band from y_top to y_bottom."""
    reach = max(abs(y_top - 300), abs(y_bottom - 300))
    if reach >= radius:
        return 0.0
    return 2 * (radius * radius - reach * reach) ** 0.5 - 2 * padding


def fit_lines(
    text: str,
    *,
    sizes: tuple[int, ...],
    max_lines: int,
    centre: float,
    leading: float = 1.12,
    radius: float | None = None,
    width: float = 540,
) -> tuple[list[str], int, list[float]]:
    """Lines, font size and baselines for ``text`` centred on y = ``centre``: the fewest lines (at
    most ``max_lines``), at the largest of ``sizes`` that fits them, each as wide as the circle of ``radius``
    allows there (or ``width``); at the smallest size, the text is cut short with '…'."""

    def layout(size: int, count: int) -> tuple[list[float], list[float]]:
        step = size * leading
        first = centre - (count - 1) * step / 2 + size * 0.36  # x-height centred on the middle
        baselines = [first + i * step for i in range(count)]
        if radius is None:
            return baselines, [width] * count
        return baselines, [_chord(b - size * 0.74, b + size * 0.24, radius, size * 0.3) for b in baselines]

    for count in range(1, max_lines + 1):  # fewest lines first: a title reads best in few
        for size in sizes:
            baselines, widths = layout(size, count)
            lines = _wrap(text, widths, size)
            if lines is not None and len(lines) == count:
                return lines, size, baselines
    size = sizes[-1]
    baselines, widths = layout(size, max_lines)
    lines = _ellipsised(text, widths, size)
    return lines, size, baselines[: len(lines)] if len(lines) == max_lines else layout(size, len(lines))[0]


def _text_lines(lines: list[str], *, baselines: list[float], size: int, **attrs: str) -> str:
    """One <text> with a <tspan> per line, centred on x=300, at the given baselines."""
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attrs.items())
    spans = "".join(
        f'<tspan x="300" y="{y:.0f}">{escape(line)}</tspan>' for line, y in zip(lines, baselines, strict=True)
    )
    return f'<text text-anchor="middle" font-size="{size}"{extra}>{spans}</text>'


def _star(x: float, y: float, radius: float) -> str:
    """A five-pointed star centred on (x, y), in the text's colour."""
    points = []
    for i in range(10):
        reach = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi * i / 5 - math.pi / 2
        points.append(f"{x + reach * math.cos(angle):.1f},{y + reach * math.sin(angle):.1f}")
    return f'<polygon points="{" ".join(points)}" fill-opacity="0.85"/>'


# The achievements page shows the artwork 7rem wide (140 CSS px on a 20 px root): a title of at
# least 52 units of the 600-unit artwork is 12 CSS px there.
TITLE_SIZES = (60, 56, 52)


def badge_svg(
    course_title: str,
    block_title: str,
    block_number: int,
    colour: str | None = None,
    image_data_uri: str | None = None,
    messages: Messages | None = None,
) -> str:
    """The block's badge as a standalone, accessible 600x600 SVG document.

    ``colour`` is ``#rgb``/``#rrggbb`` (None: the default palette's colour for the block).
    ``image_data_uri``, when given, is the author's own artwork as a ``data:image/...;base64,``
    URI: it fills the medal, and the block number and title sit on a ribbon across it.
    ``messages``: the course's words (`badge.artwork_*`; English when not given); on a
    right-to-left site the text runs right to left (still centred).
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
    message = messages or site_messages("en")
    label = message("badge.artwork_label", number=block_number, block=block_title, course=course_title)
    block_words = message("badge.artwork_block", number=block_number)
    direction = ' direction="rtl"' if message.direction == "rtl" else ""

    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' width="600" height="600" viewBox="0 0 600 600" role="img"'
        f' aria-labelledby="{prefix}-title">',
        f'<title id="{prefix}-title">{escape(label)}</title>',
        f'<g font-family="{_FONT}" fill="{ink}"{direction}>',
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
        # A ribbon across the author's picture, tall enough for a title legible where it is shown.
        lines, size, baselines = fit_lines(block_title, sizes=TITLE_SIZES, max_lines=2, centre=478, width=500)
        parts += [
            f'<clipPath id="{prefix}-clip"><circle cx="300" cy="300" r="258"/></clipPath>',
            f'<image href={quoteattr(image_data_uri)} x="42" y="42" width="516" height="516"'
            f' preserveAspectRatio="xMidYMid slice" clip-path="url(#{prefix}-clip)"/>',
            f'<rect x="20" y="{362 if len(lines) > 1 else 378}" width="560" height="{190 if len(lines) > 1 else 158}"'
            f' rx="14" fill="{fill}"/>',
            _text_lines(
                [block_words],
                baselines=[404 if len(lines) > 1 else 420],
                size=32,
                font_weight="700",
                letter_spacing="3",
            ),
            _text_lines(
                lines, baselines=[b + (0 if len(lines) > 1 else 8) for b in baselines], size=size, font_weight="700"
            ),
        ]
    else:
        course_lines, course_size, course_baselines = fit_lines(
            course_title, sizes=(26, 24, 22), max_lines=2, centre=124, radius=262, leading=1.2
        )
        lines, size, baselines = fit_lines(block_title, sizes=TITLE_SIZES, max_lines=4, centre=370, radius=262)
        parts += [
            _text_lines(course_lines, baselines=course_baselines, size=course_size, font_weight="600"),
            f'<line x1="230" y1="172" x2="370" y2="172" stroke="{ink}" stroke-opacity="0.6" stroke-width="2"/>',
            _text_lines([block_words], baselines=[226], size=40, font_weight="800", letter_spacing="4"),
            _text_lines(lines, baselines=baselines, size=size, font_weight="700"),
        ]
        if len(lines) < 4:  # a star closes the medal where the title leaves room
            parts.append(_star(300, 500 if len(lines) < 3 else 518, 18 if len(lines) < 3 else 12))
    parts += ["</g>", "</svg>"]
    return "\n".join(parts) + "\n"
