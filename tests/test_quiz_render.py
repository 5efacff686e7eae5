"""The quiz page's questions are HTML from the build (quiz/render.py `quiz_view`, templates/quiz.html):
the first attempt complete and visible, every other version and drawn question in the page but
hidden, each question's tries, and the options shuffled for each build."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs_course.quiz.loader import load_quiz
from mkdocs_course.quiz.render import quiz_payload, quiz_view
from mkdocs_course.templates import Fragments

QUIZ = """\
tries: 2
draw: 2
questions:
  - id: capital
    type: single
    tries: 4
    prompt: Capital of France?
    options:
      - text: Lyon
      - text: Paris
        correct: true
      - text: Nice
    variants:
      - prompt: Capital of Italy?
        options:
          - text: Milan
          - text: Rome
            correct: true
  - id: sky
    type: true_false
    prompt: The sky is green.
    answer: false
  - id: planet
    type: text
    prompt: Our planet?
    accept: [Earth]
"""


class Elements(HTMLParser):
    """Each element's tag and attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def rendered(tmp_path: Path, salt: str = "a" * 64, text: str = QUIZ) -> tuple[str, list]:
    path = tmp_path / "quiz.yml"
    path.write_text(text, encoding="utf-8")
    quiz = load_quiz(path, "quizzes/quiz.yml", "block")
    fields = {f"q{q}.v0.prompt": f"<p>prompt {q}</p>" for q in range(3)} | {"q0.v1.prompt": "<p>Italy</p>"}
    fields |= {f"q0.v0.o{o}.text": f"<p>{name}</p>" for o, name in enumerate(("Lyon", "Paris", "Nice"))}
    view = quiz_view(quiz, pass_mark=75.0, salt=salt, fields=fields)
    html = Fragments().render("quiz.html", quiz=view, payload_json="{}")
    parser = Elements()
    parser.feed(html)
    return html, parser.found


def test_the_first_attempt_is_in_the_page_and_the_rest_hidden(tmp_path: Path) -> None:
    html, elements = rendered(tmp_path)
    items = [attrs for tag, attrs in elements if tag == "li" and "data-question" in attrs]
    assert sorted(item["data-question"] for item in items) == ["capital", "planet", "sky"]
    shown = [item for item in items if "hidden" not in item]
    assert len(shown) == 2  # draw: 2
    legends = re.findall(r"<legend[^>]*>(Question [^<]*)</legend>", html)
    assert "Question 1 of 2" in legends and "Question 2 of 2" in legends
    versions = [attrs for tag, attrs in elements if tag == "fieldset"]
    assert [v["data-version"] for v in versions if v["aria-labelledby"].startswith("course-q-capital-")] == ["0", "1"]
    capital = [v for v in versions if v["aria-labelledby"].startswith("course-q-capital-")]
    assert "hidden" not in capital[0] and "hidden" in capital[1]
    assert "Pass mark: 75%." in html
    assert "Checking your answers needs JavaScript" in html


def test_each_question_says_its_tries(tmp_path: Path) -> None:
    html, _ = rendered(tmp_path)
    tries = dict(re.findall(r'id="course-q-(\w+)-0-tries">([^<]*)<', html))
    assert tries == {"capital": "4 tries left", "sky": "2 tries left", "planet": "2 tries left"}
    one = QUIZ.replace("tries: 2\n", "tries: 1\n", 1)
    html, _ = rendered(tmp_path, text=one)
    assert 'id="course-q-sky-0-tries">1 try left<' in html


def test_options_are_shuffled_for_each_build_and_keep_author_indices(tmp_path: Path) -> None:
    orders = set()
    for salt in ("1" * 64, "2" * 64, "3" * 64, "4" * 64, "5" * 64, "6" * 64):
        html, elements = rendered(tmp_path, salt=salt)
        values = [
            attrs["value"] for tag, attrs in elements if tag == "input" and attrs.get("name") == "course-q-capital-0"
        ]
        assert sorted(values) == ["0", "1", "2"]
        labels = re.findall(r'value="(\d)"><span class="course-opt__text">(\w+)</span>', html)
        assert {value: name for value, name in labels if name in ("Lyon", "Paris", "Nice")} == {
            "0": "Lyon",
            "1": "Paris",
            "2": "Nice",
        }
        orders.add(tuple(values))
        assert rendered(tmp_path, salt=salt)[0] == html  # the same build renders the same page
    assert len(orders) > 1


def test_the_data_holds_tries_and_no_text(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yml"
    path.write_text(QUIZ, encoding="utf-8")
    quiz = load_quiz(path, "quizzes/quiz.yml", "block")
    payload = quiz_payload(quiz, course_id="c", block_title="B", pass_mark=75.0, salt="a" * 64, fields={}, reviews={})
    assert [q["tries"] for q in payload["questions"]] == [4, 2, 2]
    assert "Capital of France" not in json.dumps(payload)
