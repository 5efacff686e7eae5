"""Hostile and outsized author input: the build neither breaks out of its own markup nor slows to a crawl.

Quiz fields are the author's Markdown, and Python-Markdown passes raw HTML through: an author's
`<script>` reaches the page as the site's Markdown settings say, as in any lesson. What must hold is
that author text can never break out of the quiz data (a `</template>` or `</script>`), nor out of
the course data, nor make one field swallow another.
"""

from __future__ import annotations

import json
import re
import time

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from course_factory import make_course
from mkdocs_course.quiz.loader import load_quiz
from mkdocs_course.quiz.render import cut_fields, json_for_script, quiz_page_markdown
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


def test_author_html_stays_inside_the_quiz_data(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", QUIZ_HOSTILE)
    build(course.root, strict=True)

    page = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    data = payload_of(page)
    outside = re.sub(r'<template class="course-quiz__data">.*?</template>', "", page, flags=re.DOTALL)
    for text in ("pwned", "alert(", "Right", "bold", "Intro", "course-field"):
        assert text not in outside, text
    variant = data["questions"][0]["variants"][0]
    # Each field holds all of its own text, and only its own, as the site's Markdown rendered it.
    assert "Prompt" in variant["promptHtml"] and "Right" not in variant["promptHtml"]
    assert "<script>window.pwned = 1</script>" in variant["promptHtml"]  # raw HTML passes, as in lessons
    assert variant["promptHtml"].rstrip().endswith("<b>bold</b></p>")
    assert variant["options"][0]["html"].startswith("Right") and "<b>bold</b>" in variant["options"][0]["html"]
    assert "<script>alert(2)</script>" in variant["options"][0]["feedbackHtml"]
    assert data["introHtml"].startswith("<p>Intro") and "<b>bold</b>" in data["introHtml"]


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


def test_a_quiz_of_500_questions_builds_in_reasonable_time(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", big_quiz(500))
    started = time.perf_counter()
    build(course.root, strict=True)
    took = time.perf_counter() - started
    assert took < 60, f"{took:.1f} s"
    assert (
        len(payload_of((course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8"))["questions"])
        == 500
    )


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
