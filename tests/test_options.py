"""Options in mkdocs.yml are checked as MkDocs reads them: a mistake stops the build with the key
and what to write, never a traceback; the checks themselves work without MkDocs."""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

import pytest

from course_factory import make_course
from mkdocs_course.badges import BadgeColourError, is_colour
from mkdocs_course.badges.images import image_type, sniff_image_type
from mkdocs_course.badges.publish import BadgeLook, badge_documents
from mkdocs_course.course.model import Block, CourseSettings
from mkdocs_course.course.options import percentage
from mkdocs_course.errors import CourseError
from mkdocs_course.quiz.model import Quiz
from site_build import build

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32)
GIF = b"GIF89a" + bytes(32)
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(32)
SVG = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- art -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'


def _error(tmp_path: Path, options: dict) -> str:
    course = make_course(tmp_path, blocks=("first-block",), plugin_options=options)
    result = build(course.root, strict=True, check=False)
    assert not result.ok, "the build stops"
    assert "Traceback" not in result.error
    return result.error


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "not 0"),
        (101, "not 101"),
        (-5, "not -5"),
        ("60%", "'60%'"),
        ("sixty", "not 'sixty'"),
        (None, "is empty"),
        (True, "not True"),
    ],
)
def test_a_bad_pass_mark_stops_the_build_with_what_to_write(tmp_path, value, words):
    error = _error(tmp_path, {"pass_mark": value})
    assert "option 'pass_mark'" in error and words in error
    assert "`pass_mark: 60`" in error
    if value == "60%":
        assert "without the % sign" in error


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("blue-ish", "'blue-ish' is not a colour"),
        ("#12", "'#12' is not a colour"),
        ("1f5fa8", "is not a colour"),
        (None, "`colour` is empty"),
        (123456, "123456 is not a colour"),
    ],
)
def test_a_bad_badge_colour_stops_the_build_naming_the_block(tmp_path, value, words):
    error = _error(tmp_path, {"badges": {"first-block": {"colour": value}}})
    assert "option 'badges': block 'first-block': Sub-option 'colour'" in error
    assert words in error and "'#1f5fa8'" in error


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("art.png", JPEG, "is named .png but holds a JPEG image. Rename it to end in .jpg"),
        ("art.svg", b"<html><body>not art</body></html>", "is named .svg but does not hold a SVG image"),
        ("art.gif", b"", "does not hold a GIF image"),
    ],
)
def test_a_badge_image_a_browser_cannot_draw_stops_the_build(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    error = _error(tmp_path, {"badges": {"first-block": {"image": name}}})
    assert "Sub-option 'image'" in error and words in error


@pytest.mark.parametrize(
    ("name", "content", "words", "write"),
    [
        ("art.html", b"<!doctype html><p>art</p>", "it is a web page, not a picture", "art.png"),
        ("art.htm", b"<html></html>", "it is a web page, not a picture", "art.png"),
        ("art.ico", b"\x00\x00\x01\x00\x01\x00" + bytes(16), "it is an icon file", "art.png"),
        ("art.bmp", b"BM" + bytes(64), "it is an uncompressed BMP bitmap", "art.png"),
        ("art.avif", b"\x00\x00\x00\x1cftypavif" + bytes(16), "it is AVIF, which not every browser", "art.png"),
        ("art.svgz", gzip.compress(SVG), "it is a gzip-compressed SVG (.svgz)", "art.svg"),
        ("art.tiff", b"II*\x00" + bytes(16), "it is TIFF, which only Safari draws", "art.png"),
    ],
)
def test_each_image_type_a_badge_cannot_carry_says_why_and_what_to_write(tmp_path, name, content, words, write):
    (tmp_path / name).write_bytes(content)
    error = _error(tmp_path, {"badges": {"first-block": {"image": name}}})
    assert "option 'badges': block 'first-block': Sub-option 'image'" in error
    assert f"`image` is '{name}': {words}" in error
    assert f"must be a PNG, JPEG, GIF, WebP or SVG file, not '{name[3:]}'" in error
    assert f"write `image: {write}`" in error


def test_a_gzipped_svg_named_svg_is_refused_with_how_to_decompress_it(tmp_path):
    (tmp_path / "art.svg").write_bytes(gzip.compress(SVG))
    error = _error(tmp_path, {"badges": {"first-block": {"image": "art.svg"}}})
    assert "`image` is 'art.svg': it is named .svg but is a gzip-compressed SVG (.svgz)" in error
    assert "`gunzip -c art.svg > art-plain.svg`" in error and "write `image: art-plain.svg`" in error


@pytest.mark.parametrize(
    ("value", "words"), [("missing.png", "'missing.png', which is not a file"), (None, "`image` is empty")]
)
def test_a_missing_badge_image_stops_the_build(tmp_path, value, words):
    error = _error(tmp_path, {"badges": {"first-block": {"image": value}}})
    assert "Sub-option 'image'" in error and words in error and "relative to mkdocs.yml" in error


@pytest.mark.parametrize("value", ["yes", 1, "free"])
def test_free_is_true_or_false(tmp_path, value):
    error = _error(tmp_path, {"free": value})
    assert "option 'free'" in error and "Expected type: <class 'bool'>" in error


def test_badges_must_be_a_mapping(tmp_path):
    error = _error(tmp_path, {"badges": ["first-block"]})
    assert "option 'badges'" in error and "must map block folder names" in error


def test_good_options_build(tmp_path):
    (tmp_path / "art.svg").write_bytes(SVG)
    course = make_course(
        tmp_path,
        blocks=("first-block",),
        plugin_options={
            "pass_mark": 62.5,
            "free": True,
            "badges": {"first-block": {"colour": "#ABC", "image": "art.svg"}},
        },
    )
    build(course.root, strict=True)
    svg = (course.site / "badges" / "first-block.svg").read_text(encoding="utf-8")
    assert 'fill="#aabbcc"' in svg and "data:image/svg+xml;base64," in svg
    assert "at least 62.5%" in (course.site / "badges" / "first-block.credential.json").read_text(encoding="utf-8")


# -- the checks, without MkDocs ----------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [(1, 1.0), (100, 100.0), (62.5, 62.5)])
def test_percentages_from_1_to_100(value, expected):
    assert percentage(value, "pass_mark") == expected


@pytest.mark.parametrize("value", [0, 100.5, "60", "60%", None, False, [60]])
def test_other_percentages_are_course_errors(value):
    with pytest.raises(CourseError) as caught:
        percentage(value, "pass_mark")
    assert "`pass_mark" in caught.value.problem and "`pass_mark: 60`" in caught.value.fix


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("#abc", True),
        ("#A1B2C3", True),
        (" #123 ", True),
        ("#abcd", False),
        ("abc", False),
        ("", False),
        (None, False),
        (0xABC, False),
    ],
)
def test_colours(value, ok):
    assert is_colour(value) is ok


def test_a_colour_mistake_is_a_course_error():
    assert issubclass(BadgeColourError, CourseError)
    assert not issubclass(BadgeColourError, ValueError)


@pytest.mark.parametrize(
    ("content", "mime"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (GIF, "image/gif"),
        (WEBP, "image/webp"),
        (SVG, "image/svg+xml"),
        (b"<svg>", "image/svg+xml"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg>',
            "image/svg+xml",
        ),
        (b"BM\x00", None),
        (b"", None),
    ],
)
def test_image_types_by_content(content, mime):
    assert sniff_image_type(content) == mime


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.png", PNG), ("a.JPG", JPEG), ("a.jpeg", JPEG), ("a.gif", GIF), ("a.webp", WEBP), ("a.svg", SVG)],
)
def test_drawable_images_pass(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    assert image_type(tmp_path / name).startswith("image/")


def test_a_bad_image_reaches_the_badges_as_a_course_error(tmp_path):
    """badges/ reports what an author can get wrong as CourseError, even called without the options' checks."""
    (tmp_path / "art.tiff").write_bytes(b"II*\x00")
    settings = CourseSettings(id="c", title="Course")
    block = Block(
        id="b", title="B", number=1, url="b/", quiz_url="b/quiz/", quiz=Quiz(block_id="b", source=None, questions=())
    )
    with pytest.raises(CourseError, match="not '.tiff'") as caught:
        badge_documents(settings, [block], {"b": BadgeLook(image=tmp_path / "art.tiff", image_shown="art.tiff")}, "")
    assert str(caught.value.where) == "mkdocs.yml"
    assert caught.value.problem.startswith("`badges.b.image` is 'art.tiff': it is TIFF")
    with pytest.raises(CourseError, match="is not a colour"):
        badge_documents(settings, [block], {"b": BadgeLook(colour="teal")}, "")
