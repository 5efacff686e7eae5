"""A block's own learning outcomes (its first page's `outcomes:`): read, checked with file and line,
carried into the course data and the badge's credential; and text joined without double punctuation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_factory import make_course
from mkdocs_course.badges import credential_template
from mkdocs_course.badges.text import as_sentence, list_sentence
from mkdocs_course.course.outcomes import MAX_OUTCOMES, block_outcomes
from mkdocs_course.errors import CourseError
from site_build import build

PAGE = "docs/first-block/index.md"
BASE = dict(
    course_id="c",
    course_title="Course",
    block_id="b",
    block_title="Block",
    block_number=1,
    block_url="b/",
    pass_mark=50,
    provider_name="Provider",
)


def page(front_matter: str, body: str = "# Title\n\n## The point\n\nText.\n") -> str:
    return f"---\n{front_matter}---\n\n{body}"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# No front matter\n", ()),
        (page("title: Something\n"), ()),
        (page("outcomes:\n"), ()),
        (page("outcomes: []\n"), ()),
        (page("outcomes:\n  - Tailor a CV.\n  - judge a vacancy\n"), ("Tailor a CV.", "judge a vacancy")),
        (page('outcomes: ["one", "two: with a colon"]\n'), ("one", "two: with a colon")),
        (page("outcomes:\n  - >-\n    folded over\n    two lines\n"), ("folded over two lines",)),
        ("\ufeff" + page("outcomes:\n  - after a byte order mark\n"), ("after a byte order mark",)),
        # Not YAML at all: MkDocs reports its own front matter; outcomes are simply absent.
        (page("outcomes: [unclosed\n"), ()),
        ("---\nnot front matter, no closing line\n", ()),
    ],
)
def test_outcomes_are_read_from_front_matter(markdown: str, expected: tuple[str, ...]) -> None:
    assert block_outcomes(markdown, PAGE) == expected


@pytest.mark.parametrize(
    ("front_matter", "line", "problem"),
    [
        ("outcomes: Tailor a CV\n", 2, "must be a list of learning outcomes"),
        ("title: T\noutcomes:\n  tailor: a CV\n", 4, "must be a list of learning outcomes"),
        ("outcomes:\n  - fine\n  - 42\n", 4, "must be text, but this one is `42`"),
        ("outcomes:\n  - fine\n  - true\n", 4, "must be text, but this one is `true`"),
        ("outcomes:\n  - [a, b]\n", 3, "must be text, but this one is a list"),
        ("outcomes:\n  - key: value\n", 3, "must be text, but this one is a set of keys"),
        ("outcomes:\n  - fine\n  -\n  - also fine\n", 4, "is empty"),
        ("outcomes:\n  - '   '\n", 3, "is empty"),
        ("outcomes:\n  - " + "x" * 301 + "\n", 3, "301 characters long"),
        ("outcomes:\n" + "  - one more\n" * (MAX_OUTCOMES + 1), MAX_OUTCOMES + 3, f"at most {MAX_OUTCOMES}"),
    ],
)
def test_a_wrong_shape_names_the_page_and_line(front_matter: str, line: int, problem: str) -> None:
    with pytest.raises(CourseError) as caught:
        block_outcomes(page(front_matter), PAGE)
    error = caught.value
    assert (error.where.path, error.where.line) == (PAGE, line), str(error)
    assert problem in error.problem and error.fix
    assert str(error).startswith(f"{PAGE}:{line}:")


def test_a_build_carries_outcomes_into_course_data_and_credentials(tmp_path: Path) -> None:
    course = make_course(tmp_path)
    course.write_page(
        "first-block/index.md",
        page("outcomes:\n  - Tailor a CV.\n  - Judge a vacancy!\n  - What next?\n  - Plan a search\n"),
    )
    build(course.root, strict=True)
    html = (course.site / "achievements" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="course-data">(.*?)</script>', html, re.S)[1])
    blocks = {block["id"]: block for block in data["blocks"]}
    assert blocks["first-block"]["outcomes"] == ["Tailor a CV.", "Judge a vacancy!", "What next?", "Plan a search"]
    assert blocks["second-block"]["outcomes"] == []
    template = json.loads((course.site / "badges" / "first-block.credential.json").read_text(encoding="utf-8"))
    achievement = template["credentialSubject"]["achievement"]
    assert achievement["description"].endswith(
        "Learning outcomes of this block: Tailor a CV; Judge a vacancy! What next? Plan a search."
    )
    assert "- Tailor a CV.\n- Judge a vacancy!" in achievement["criteria"]["narrative"]
    other = json.loads((course.site / "badges" / "second-block.credential.json").read_text(encoding="utf-8"))
    assert other["description"].endswith("Learning outcomes of the course: Do a thing.")
    # Outcomes are not lesson-page weight: lesson pages carry the light course data only.
    lesson = (course.site / "first-block" / "more" / "index.html").read_text(encoding="utf-8")
    assert "Tailor a CV" not in lesson


def test_a_build_with_a_wrong_shape_stops_naming_the_page_and_line(tmp_path: Path) -> None:
    course = make_course(tmp_path)
    course.write_page("second-block/index.md", page("title: Second\noutcomes:\n  - fine\n  - [not, text]\n"))
    result = build(course.root, strict=True, check=False)
    assert not result.ok and "Traceback" not in result.error
    assert "docs/second-block/index.md:5:" in result.error
    assert "each learning outcome must be text, but this one is a list" in result.error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tailor a CV", "Tailor a CV."),
        ("Tailor a CV.", "Tailor a CV."),
        ("Tailor a CV!", "Tailor a CV!"),
        ("Tailor a CV?", "Tailor a CV?"),
        ("Tailor a CV\u2026", "Tailor a CV\u2026"),
        ("Say \u201cyes.\u201d", "Say \u201cyes.\u201d"),
        ("  spaced  ", "spaced."),
        ("", ""),
    ],
)
def test_as_sentence_adds_a_full_stop_only_when_missing(text: str, expected: str) -> None:
    assert as_sentence(text) == expected


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        (["a", "b", "c"], "a; b; c."),
        (["a.", "b.", "c."], "a; b; c."),
        (["a!", "b?", "c!"], "a! b? c!"),
        (["a?", "b", "c?"], "a? b; c?"),
        (["a\u2026", "b"], "a\u2026 b."),
        (["a;", "b,", "c:"], "a; b; c."),
        (["a", " ", "b."], "a; b."),
        ([], ""),
    ],
)
def test_list_sentence_never_doubles_punctuation(phrases: list[str], expected: str) -> None:
    assert list_sentence(phrases) == expected


DOUBLED = re.compile(r"[.!?;:,][ \t]*[.!?;:,]")


@pytest.mark.parametrize("ending", [".", "!", "?", ""])
def test_credential_text_has_no_double_punctuation(ending: str) -> None:
    outcomes = [f"first outcome{ending}", f"second outcome{ending}"]
    for kwargs in ({"outcomes": outcomes}, {"block_outcomes": outcomes}, {"block_description": f"About{ending}"}):
        template = credential_template(**BASE, hours=2, **kwargs)
        achievement = template["credentialSubject"]["achievement"]
        for text in (template["description"], achievement["description"], achievement["criteria"]["narrative"]):
            assert not DOUBLED.search(text.replace("\u2026", "")), text
        assert template["description"].rstrip().endswith((".", "!", "?"))
