"""Hostile and outsized author input: the build neither breaks out of its own markup nor slows to a crawl.

Quiz fields are the author's Markdown, and Python-Markdown passes raw HTML through: an author's
`<script>` reaches the page as the site's Markdown settings say, as in any lesson. What must hold is
that author text can never break out of the quiz data (a `</template>` or `</script>`), nor out of
the course data, nor make one field swallow another.
"""

from __future__ import annotations

import html
import json
import re
import time
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_factory import QUIZ_OK, make_course
from mkdocs_course.quiz.loader import load_quiz
from mkdocs_course.quiz.model import MAX_QUESTIONS
from mkdocs_course.quiz.render import cut_fields, json_for_script, quiz_page_markdown
from mkdocs_course.quiz.sealing import sealing_key, unseal
from site_build import build

HOSTILE = "</template></script><script>window.pwned = 1</script><!--/course-field--> & <b>bold</b>"

QUIZ_HOSTILE = f"""\
intro: 'Intro {HOSTILE}'
questions:
  - id: pick
    type: single
    prompt: 'Prompt [a link](javascript:alert(1)) {HOSTILE}'
    options:
      - text: 'Right {HOSTILE}'
        correct: true
        feedback: 'Feedback <script>alert(2)</script>'
      - text: Wrong
    explanation: 'Explained <img src=x onerror="alert(3)">'
  - id: say
    type: text
    prompt: Say it.
    accept: ['</script>', '<!--/course-field-->']
"""


def payload_of(html: str) -> dict:
    found = re.findall(r'<template class="course-quiz__data">(.*?)</template>', html, re.DOTALL)
    assert len(found) == 1, "exactly one quiz data block, closed by its own </template>"
    return json.loads(found[0])


def test_author_html_stays_inside_its_own_field(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", QUIZ_HOSTILE)
    build(course.root, strict=True)

    page = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    data = payload_of(page)
    # The quiz data holds no text at all: prompts and options are the page's HTML (templates/quiz.html).
    inside = re.search(r'<template class="course-quiz__data">(.*?)</template>', page, re.DOTALL).group(1)
    for text in ("pwned", "alert(", "Right", "bold", "Intro", "course-field"):
        assert text not in inside, text
    # Each field holds all of its own text, and only its own, as the site's Markdown rendered it.
    prompt = re.search(r'<div class="course-q__prompt" id="course-q-pick-0-prompt">(.*?)</div>', page, re.DOTALL).group(
        1
    )
    assert "Prompt" in prompt and "Right" not in prompt
    assert "<script>window.pwned = 1</script>" in prompt  # raw HTML passes, as in lessons
    assert prompt.rstrip().endswith("<b>bold</b></p>")
    options = re.findall(r'<span class="course-opt__text">(.*?)</span></label>', page, re.DOTALL)
    right = next(option for option in options if option.startswith("Right"))
    assert "<b>bold</b>" in right and "Prompt" not in right
    key = sealing_key(data["salt"], data["questions"][0]["id"], 0, "feedback:0")
    assert "<script>alert(2)</script>" in unseal(data["questions"][0]["variants"][0]["feedbackSealed"][0], key)
    intro = re.search(r'<div class="course-quiz__intro">(.*?)</div>', page, re.DOTALL).group(1)
    assert intro.startswith("<p>Intro") and "<b>bold</b>" in intro and "Prompt" not in intro


def test_author_text_in_titles_cannot_end_the_course_data(tmp_path):
    title = "Course </script><script>window.pwned = 1</script>"
    # Only the plugin's title: MkDocs writes site_name into <title> as it is, its own business.
    course = make_course(tmp_path, blocks=("first-block",), plugin_options={"title": title})
    build(course.root, strict=True)
    pages = list(course.site.rglob("index.html"))
    titled = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>window.pwned" not in html, page
        data = json.loads(re.search(r'id="course-data">(.*?)</script>', html).group(1))
        if "title" in data:  # lesson pages carry only what marking the navigation needs
            assert data["title"] == title
            titled += 1
    assert len(pages) >= 4 and titled == 3  # home, quiz and achievements


class _Elements(HTMLParser):
    """Every element of a page, with its attributes, and the text of each <title> and <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {"title": [], "script": []}
        self.text: list[str] = []  # every text node
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[self._open.index(tag) :]

    def handle_data(self, data):
        self.text.append(data)
        if self._open and self._open[-1] in self.texts:
            self.texts[self._open[-1]].append(data)


TITLES = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    "</title><script>window.pwned=1</script>",
    "&lt;/title&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;",
    "Title {#pwned onclick=window.pwned} *not emphasis* [not a link](javascript:window.pwned=1) `code`",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_quiz_title_is_text_on_every_page_never_markup(tmp_path, title):
    """The title shows as written, in the heading, <title>, navigation and overview: no element,
    attribute or entity of it reaches any page as markup."""
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", f"title: {json.dumps(title)}\n{QUIZ_OK}")
    build(course.root, strict=True)

    shown = " ".join(title.split())
    for page in course.site.rglob("*.html"):
        parsed = _Elements()
        parsed.feed(page.read_text(encoding="utf-8"))
        for tag, attributes in parsed.elements:
            assert tag != "img" or attributes.get("src") != "x", page
            assert "onerror" not in attributes and "onclick" not in attributes, (page, tag)
            assert attributes.get("href") is None or "javascript:" not in attributes["href"], page
        for text in parsed.texts["script"]:
            assert "window.pwned=1" not in text or "course-quiz" in text, page
        for text in parsed.texts["title"]:
            assert "<" not in text or shown in text, page
    quiz_page = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    parsed = _Elements()
    parsed.feed(quiz_page)
    assert parsed.texts["title"] == [f"{shown} - Test course"]
    heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", quiz_page, re.DOTALL).group(1)
    assert html.unescape(heading) == shown, heading
    parsed = _Elements()
    parsed.feed((course.site / "achievements" / "index.html").read_text(encoding="utf-8"))
    # The navigation and the block's link to its quiz.
    assert sum(text.strip() == shown for text in parsed.text) >= 2, [text for text in parsed.text if "Title" in text]


texts = (
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)
        | st.sampled_from(
            [
                "<!--/course-field-->",
                "<!--course-field:q0.v0.prompt-->",
                "</template>",
                "<script>",
                "-->",
                "<!--",
                "\n\n",
                "`",
                "<div>",
                "</div>",
                "*",
            ]
        ),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda s: s.strip())
)


@settings(max_examples=150, deadline=None)
@given(texts, texts, texts)
def test_no_field_swallows_another(tmp_path_factory, prompt, right, wrong):
    """Whatever the text, each field comes back whole and the page keeps nothing of them."""
    folder = tmp_path_factory.mktemp("fields")
    path = folder / "q.yml"
    path.write_text(
        json.dumps(
            {
                "questions": [
                    {
                        "id": "q",
                        "type": "single",
                        "prompt": prompt,
                        "options": [{"text": right, "correct": True}, {"text": wrong}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    try:
        quiz = load_quiz(path, "quizzes/q.yml", "b")
    except Exception:  # noqa: BLE001 - the loader's own errors are tested in test_quiz_fuzz.py
        return
    marker = "course-field-5eed"  # the plugin draws a new one each build
    html = markdown.markdown(quiz_page_markdown(quiz, marker), extensions=["attr_list", "md_in_html"])
    rest, fields = cut_fields(html, marker)
    assert set(fields) == {"q0.v0.prompt", "q0.v0.o0.text", "q0.v0.o1.text"}
    assert marker not in rest


def test_json_for_script_never_shows_markup():
    text = json_for_script({"a": "</script><!-- & </template>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & </template>"}


def test_a_quiz_of_the_most_questions_allowed_builds_in_reasonable_time(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", big_quiz(MAX_QUESTIONS))
    started = time.perf_counter()
    build(course.root, strict=True)
    took = time.perf_counter() - started
    assert took < 60, f"{took:.1f} s"
    page = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert len(payload_of(page)["questions"]) == MAX_QUESTIONS


def big_quiz(questions: int) -> str:
    """A quiz of `questions` questions of the four types; the right answer is always the first choice."""
    items = []
    for n in range(questions):
        kind = ("single", "multiple", "true_false", "text")[n % 4]
        item = {
            "id": f"q{n}",
            "type": kind,
            "prompt": f"Question number {n}: which is *right*?",
            "explanation": f"Because of reason {n}.",
        }
        if kind in ("single", "multiple"):
            item["options"] = [
                {"text": f"Right {n}", "correct": True, "feedback": "Yes."},
                {"text": f"Wrong {n}", "feedback": "No."},
                {"text": f"Also wrong {n}"},
            ]
        elif kind == "true_false":
            item["answer"] = True
        else:
            item["accept"] = [f"answer {n}"]
        items.append(item)
    return json.dumps({"title": "A long quiz", "questions": items})
