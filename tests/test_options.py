"""Options in mkdocs.yml are checked as MkDocs reads them: a mistake stops the build with the key
and what to write, never a traceback; the checks themselves work without MkDocs."""

from __future__ import annotations

import base64
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
        ("art.bmp", b"BM" + bytes(64), "must be a PNG, JPEG, GIF, WebP or SVG file, not '.bmp'"),
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
    ("value", "words"), [("missing.png", "'missing.png', which is not a file"), (None, "`image` is empty")]
)
def test_a_missing_badge_image_stops_the_build(tmp_path, value, words):
    error = _error(tmp_path, {"badges": {"first-block": {"image": value}}})
    assert "Sub-option 'image'" in error and words in error and "relative to mkdocs.yml" in error


def test_badges_must_be_a_mapping(tmp_path):
    error = _error(tmp_path, {"badges": ["first-block"]})
    assert "option 'badges'" in error and "must map block folder names" in error


def test_good_options_build(tmp_path):
    (tmp_path / "art.svg").write_bytes(SVG)
    course = make_course(
        tmp_path,
        blocks=("first-block",),
        plugin_options={"pass_mark": 62.5, "badges": {"first-block": {"colour": "#ABC", "image": "art.svg"}}},
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
    with pytest.raises(CourseError, match="not '.tiff'"):
        badge_documents(settings, [block], {"b": BadgeLook(image=tmp_path / "art.tiff")}, "")
    with pytest.raises(CourseError, match="is not a colour"):
        badge_documents(settings, [block], {"b": BadgeLook(colour="teal")}, "")
