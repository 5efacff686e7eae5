"""The course's `locale`: a BCP 47 language tag, checked as MkDocs reads it, by default the theme's
language, carried in the course data for every date the browser writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_factory import make_course
from mkdocs_course.course.options import default_locale, language_tag, locale
from mkdocs_course.errors import CourseError
from site_build import build

REPO = Path(__file__).parent.parent


@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("en-GB", "en-GB"),
        ("en-gb", "en-GB"),
        ("EN_us", "en-US"),
        ("fr", "fr"),
        ("pt-BR", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("sr-Latn", "sr-Latn"),
        ("es-419", "es-419"),
        ("de-DE-1996", "de-DE-1996"),
        ("en-GB-u-ca-gregory", "en-GB-u-ca-gregory"),
        ("en-x-course", "en-x-course"),
        (" cy ", "cy"),
    ],
)
def test_language_tags_are_read_in_their_usual_case(written: str, tag: str) -> None:
    assert locale(written) == tag


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "is empty"),
        (None, "is empty"),
        ("english", "not 'english'"),
        ("en-", "not 'en-'"),
        ("en GB", "not 'en GB'"),
        ("e", "not 'e'"),
        ("en-GB-", "not 'en-GB-'"),
        ("i-klingon", "not 'i-klingon'"),
        ("23 November 2026", "not '23 November 2026'"),
        (44, "not 44"),
        (["en-GB"], "not ['en-GB']"),
    ],
)
def test_a_value_that_is_no_language_tag_names_the_option_and_what_to_write(value: object, words: str) -> None:
    with pytest.raises(CourseError) as caught:
        locale(value)
    message = f"{caught.value.problem} {caught.value.fix}"
    assert "`locale`" in message and words in message and "locale: en-GB" in message


@pytest.mark.parametrize(
    ("language", "tag"),
    [("en", "en"), ("de", "de"), ("pt-BR", "pt-BR"), ("zh-Hant", "zh-Hant"), (None, "en"), ("", "en"), (7, "en")],
)
def test_the_default_is_the_theme_language(language: object, tag: str) -> None:
    assert default_locale(language) == tag


def test_language_tag_refuses_what_is_not_text() -> None:
    assert language_tag(None) is None  # type: ignore[arg-type]


def course_data(site: Path, page: str = "index.html") -> dict:
    html = (site / page).read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="course-data">(.*?)</script>', html, re.DOTALL)
    assert found, page
    return json.loads(found.group(1))


def test_course_data_carries_the_locale_option(tmp_path: Path) -> None:
    course = make_course(tmp_path, plugin_options={"locale": "en-gb"})
    build(course.root, strict=True)
    assert course_data(course.site)["locale"] == "en-GB"
    assert course_data(course.site, "achievements/index.html")["locale"] == "en-GB"
    assert "locale" not in course_data(course.site, "first-block/more/index.html")  # lessons stay light


def test_without_the_option_the_locale_is_the_theme_language(tmp_path: Path) -> None:
    course = make_course(tmp_path, config={"theme": {"name": "material", "language": "de"}})
    build(course.root, strict=True)
    assert course_data(course.site)["locale"] == "de"


def test_a_wrong_locale_stops_the_build_with_the_option_named(tmp_path: Path) -> None:
    course = make_course(tmp_path, plugin_options={"locale": "British"})
    result = build(course.root, strict=True, check=False)
    assert not result.ok
    assert "Traceback" not in result.error
    assert "locale" in result.error and "'British'" in result.error and "en-GB" in result.error


def test_the_sample_course_is_a_uk_course() -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+locale: en-GB\b", text, re.MULTILINE)
