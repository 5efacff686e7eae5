"""Under `mkdocs serve` an author can open a preview of each quiz with every version's answers,
feedback, explanation and review link; a built site never carries it."""

from __future__ import annotations

import re
from pathlib import Path

from site_build import build

FIXTURE = Path(__file__).parent / "fixtures" / "course"


def quiz_page(tmp_path: Path, command: str) -> str:
    site = tmp_path / command
    build(FIXTURE, site, site_url="https://courses.example/", command=command)
    return (site / "alpha" / "quiz" / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_serve_shows_the_author_every_version_with_its_answers(tmp_path: Path) -> None:
    page = quiz_page(tmp_path, "serve")
    preview = re.search(r'<details class="course-preview".*?</details>', page, re.DOTALL)
    assert preview, "the preview is on the served quiz page"
    text = text_of(preview.group())
    assert "Author preview" in text and "mkdocs serve" in text
    assert "✓ right: Paris" in text and "✗ wrong: Lyon" in text  # the question as written
    assert "✓ right: Rome" in text and "Version 2" in text  # and its other version
    assert "Yes, Paris is the capital." in text  # feedback
    assert "The capital of France is in the north." in text  # explanation
    assert "Right answer: False" in text  # a true/false question
    assert re.search(r"Right answer: [^·]*earth", text, re.IGNORECASE)  # accepted text answers
    assert "Review link" in text and "#capitals" in preview.group()  # where the point is taught


def test_a_built_site_has_no_preview(tmp_path: Path) -> None:
    page = quiz_page(tmp_path, "build")
    assert "course-preview" not in page and "Author preview" not in page
    assert "Yes, Paris is the capital." not in page
