"""Badge artwork: a valid, accessible SVG for every block, with escaped text and checked colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mkdocs_course.badges import DEFAULT_PALETTE, BadgeColourError, badge_svg, default_colour, normalise_colour
from mkdocs_course.badges.artwork import contrast_ratio, text_colour_for

SVG = "{http://www.w3.org/2000/svg}"
PIXEL_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("course", "block", "number", "colour"),
    [
        ("Dealing with job rejection", "Not invited to interview", 1, None),
        ("Short", "CV", 2, "#ffd54f"),
        ("A course", "A very long block title that needs to wrap onto more than one line to fit", 12, "#15a"),
        ("Ελληνικά & Русский", "Ünïcödé — 日本語", 3, "#000000"),
    ],
)
def test_svg_is_a_600_square_accessible_image(course: str, block: str, number: int, colour: str | None) -> None:
    svg = badge_svg(course, block, number, colour)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 600 600"
    assert (root.get("width"), root.get("height")) == ("600", "600")
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.get("id") == root.get("aria-labelledby")
    assert block in (title.text or "") and course in (title.text or "") and str(number) in (title.text or "")
    assert f"BLOCK {number}" in texts(svg)


@pytest.mark.parametrize(
    ("title", "escapes"),
    [("Tom & Jerry <script>alert(1)</script>", ["&amp;", "&lt;script&gt;"]), ("Quotes \" and ' and ]]>", ["]]&gt;"])],
)
def test_titles_are_escaped_text(title: str, escapes: list[str]) -> None:
    svg = badge_svg(title, title, 1)
    root = ET.fromstring(svg)  # parses: nothing was injected as markup
    assert root.find(f".//{SVG}script") is None
    assert title in (root.find(f"{SVG}title").text or "")
    assert all(escaped in svg for escaped in escapes) and "<script" not in svg
    joined = " ".join(texts(svg))
    assert "Tom" in joined or "Quotes" in joined


def title_lines(svg: str) -> tuple[int, list[tuple[str, float]]]:
    """The block title's font size and its lines with their baselines (the last <text>)."""
    block_text = list(ET.fromstring(svg).iter(f"{SVG}text"))[-1]
    return int(block_text.get("font-size")), [(span.text or "", float(span.get("y"))) for span in block_text]


def test_long_titles_wrap_to_several_lines_and_are_cut_with_an_ellipsis() -> None:
    long = " ".join(["Supercalifragilistic"] + ["word"] * 40)
    size, lines = title_lines(badge_svg("Course", long, 1))
    assert 2 <= len(lines) <= 4
    assert lines[-1][0].endswith("\u2026")
    assert size >= 52


NOTO_BOLD = Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")
TITLES = [
    "CV",
    "Not invited to interview",
    "Turned down after an interview",
    "Moving on & <staying> motivated",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "Ünïcödé Ελληνικά Русский язык Щщщщ Жжжж",
    "Handling rejection without losing heart, and the many lessons it teaches along the way",
    "Antidisestablishmentarianism",
]


@pytest.mark.skipif(not NOTO_BOLD.exists(), reason="needs fonts-noto-core (scripts/test installs it)")
@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("with_image", [False, True])
def test_the_title_is_legible_where_shown_and_stays_inside_the_medal(title: str, with_image: bool) -> None:
    """The achievements page shows the artwork 7rem (140 CSS px) wide: a 52-unit title is 12 px
    there. Each line, measured in the artwork's first font, stays inside the inner ring (or the
    ribbon across an author's picture)."""
    from fontTools.ttLib import TTFont

    font = TTFont(NOTO_BOLD)
    cmap, metrics, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm

    def width(text: str, size: int) -> float:
        return sum(metrics[cmap[ord(c)]][0] for c in text if ord(c) in cmap) * size / units

    size, lines = title_lines(badge_svg("Course", title, 3, image_data_uri=PIXEL_PNG if with_image else None))
    assert size * 140 / 600 >= 12
    for text, baseline in lines:
        if with_image:
            room = 560  # the ribbon, 20 to 580
        else:
            reach = max(abs(baseline - size * 0.74 - 300), abs(baseline + size * 0.24 - 300))
            room = 2 * (262**2 - reach**2) ** 0.5
        assert width(text, size) <= room, (text, width(text, size), room)


@pytest.mark.parametrize("colour", DEFAULT_PALETTE)
def test_default_palette_text_has_at_least_4_5_contrast(colour: str) -> None:
    assert contrast_ratio(colour, text_colour_for(colour)) >= 4.5


def test_default_palette_colours_are_distinct_and_cycle() -> None:
    assert len(set(DEFAULT_PALETTE)) == len(DEFAULT_PALETTE) >= 6
    assert default_colour(1) == DEFAULT_PALETTE[0]
    assert default_colour(len(DEFAULT_PALETTE) + 1) == DEFAULT_PALETTE[0]
    assert badge_svg("C", "B", 2).count(DEFAULT_PALETTE[1]) >= 1


@pytest.mark.parametrize("colour", ["#ffd54f", "#ffffff", "#000000", "#808080", "#1f5fa8", "#0f0"])
def test_text_colour_reads_on_any_author_colour(colour: str) -> None:
    assert contrast_ratio(colour, text_colour_for(colour)) >= 4.5
    assert text_colour_for(colour) in badge_svg("C", "B", 1, colour)


@pytest.mark.parametrize(("given", "expected"), [("#ABC", "#aabbcc"), ("#1F5FA8", "#1f5fa8"), (" #123456 ", "#123456")])
def test_colours_are_normalised(given: str, expected: str) -> None:
    assert normalise_colour(given) == expected


@pytest.mark.parametrize("bad", ["red", "#12", "#gggggg", "1f5fa8", "#1234567", "", "rgb(1,2,3)"])
def test_a_bad_colour_is_a_clear_error(bad: str) -> None:
    with pytest.raises(BadgeColourError) as caught:
        badge_svg("Course", "Block", 4, bad)
    message = str(caught.value)
    assert repr(bad) in message and "block 4" in message and "#1f5fa8" in caught.value.fix


def test_an_author_image_fills_the_medal() -> None:
    svg = badge_svg("Course", "Block title", 2, image_data_uri=PIXEL_PNG)
    root = ET.fromstring(svg)
    image = root.find(f".//{SVG}image")
    assert image is not None and image.get("href") == PIXEL_PNG
    assert root.find(f".//{SVG}clipPath") is not None
    assert "BLOCK 2" in texts(svg)


@pytest.mark.parametrize(
    "uri", ["https://example.org/a.png", "javascript:alert(1)", 'data:image/png;base64,x" onload="y']
)
def test_an_author_image_must_be_a_data_uri(uri: str) -> None:
    with pytest.raises(ValueError, match="data:image"):
        badge_svg("Course", "Block", 1, image_data_uri=uri)


@pytest.mark.parametrize("number", [0, -1, 1.5])
def test_block_numbers_count_from_one(number: object) -> None:
    with pytest.raises(ValueError):
        badge_svg("Course", "Block", number)  # type: ignore[arg-type]


def test_badges_package_does_not_import_mkdocs() -> None:
    import re
    from pathlib import Path

    import mkdocs_course.badges as badges

    for source in Path(badges.__file__).parent.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+mkdocs\b(?!_course)", text, re.M), source
