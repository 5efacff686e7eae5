"""Every author mistake in a quiz file stops the build with the file, the line and what to fix."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from course_factory import QUIZ_OK, make_course
from site_build import build

QUESTION = """\
questions:
  - id: q1
    type: {type}
    prompt: A question?
{body}"""

SINGLE_TWO_RIGHT = """\
    options:
      - text: A
        correct: true
      - text: B
        correct: true
"""

# (case, quiz file text, line, words the message must contain)
CASES = [
    ("yaml syntax", "questions:\n  - id: a\n    prompt: [unclosed\n", 4, "not valid YAML"),
    ("tab indentation", "questions:\n\t- id: a\n", 2, "not valid YAML"),
    (
        "unknown key",
        QUIZ_OK.replace("    prompt: Which ones?", "    promtp: Which ones?"),
        12,
        "Did you mean 'prompt'?",
    ),
    ("unknown top key", "titel: Quiz\n" + QUIZ_OK, 1, "Did you mean 'title'?"),
    (
        "unknown option key",
        QUIZ_OK.replace("        correct: true\n        feedback", "        corect: true\n        feedback"),
        7,
        "Did you mean 'correct'?",
    ),
    ("missing id", QUIZ_OK.replace("  - id: pick-some\n", "  -\n"), 11, "has no `id`"),
    ("duplicate id", QUIZ_OK.replace("id: pick-some", "id: pick-one"), 10, "used twice (first on line 2)"),
    ("bad id", QUIZ_OK.replace("id: pick-some", "id: pick some!"), 10, "cannot be used"),
    ("unknown type", QUESTION.format(type="singel", body=SINGLE_TWO_RIGHT), 3, "Did you mean 'single'?"),
    ("missing type", "questions:\n  - id: a\n    prompt: P\n", 2, "has no `type`"),
    ("single with two correct", QUESTION.format(type="single", body=SINGLE_TWO_RIGHT), 6, "2 correct options"),
    (
        "single with none correct",
        QUESTION.format(type="single", body="    options:\n      - text: A\n      - text: B\n"),
        6,
        "0 correct options",
    ),
    (
        "multiple with none correct",
        QUESTION.format(type="multiple", body="    options:\n      - text: A\n      - text: B\n"),
        6,
        "no correct option",
    ),
    (
        "options on true_false",
        QUESTION.format(type="true_false", body="    answer: true\n    options:\n      - text: A\n"),
        7,
        "does not take `options`",
    ),
    (
        "options on text",
        QUESTION.format(type="text", body="    accept: [a]\n    options:\n      - text: A\n"),
        7,
        "does not take `options`",
    ),
    (
        "answer not boolean",
        QUESTION.format(type="true_false", body="    answer: yes please\n"),
        5,
        "must be true or false",
    ),
    ("answer missing", QUESTION.format(type="true_false", body=""), 2, "with no `answer`"),
    ("empty accept", QUESTION.format(type="text", body="    accept: []\n"), 5, "`accept` of question 'q1' is empty"),
    (
        "one option",
        QUESTION.format(type="single", body="    options:\n      - text: A\n        correct: true\n"),
        6,
        "has 1 option",
    ),
    (
        "eleven options",
        QUESTION.format(type="multiple", body="    options:\n" + "      - text: A\n        correct: true\n" * 11),
        6,
        "has 11 options",
    ),
    ("pass mark too high", "pass_mark: 150\n" + QUIZ_OK, 1, "from 1 to 100"),
    ("pass mark not a number", "pass_mark: half\n" + QUIZ_OK, 1, "from 1 to 100, not 'half'"),
    ("draw too large", "draw: 9\n" + QUIZ_OK, 1, "more questions than the quiz has (4)"),
    ("draw below one", "draw: 0\n" + QUIZ_OK, 1, "at least 1"),
    ("review page missing", QUIZ_OK.replace("review: index.md#the-point", "review: nowhere.md"), 28, "not a page"),
    ("review heading missing", QUIZ_OK.replace("#the-point", "#no-such-heading"), 28, "does not have"),
    (
        "review not markdown",
        QUIZ_OK.replace("review: index.md#the-point", "review: the-point"),
        28,
        "not a Markdown page",
    ),
    ("empty quiz", "", 1, "the quiz file is empty"),
    ("no questions", "title: Quiz\n", 1, "has no questions"),
    ("empty question list", "questions: []\n", 1, "has no questions"),
    (
        "variant with wrong answer",
        QUIZ_OK.replace(
            "    answer: true\n", "    answer: true\n    variants:\n      - prompt: Other?\n        answer: maybe\n"
        ),
        25,
        "must be true or false",
    ),
    ("unclosed HTML comment", QUIZ_OK.replace("prompt: Which ones?", "prompt: Which <!-- ones?"), 12, "never closes"),
    ("tries zero", "tries: 0\n" + QUIZ_OK, 1, "`tries` of the quiz must be a whole number from 1 to 10, not '0'"),
    ("tries too many", "tries: 11\n" + QUIZ_OK, 1, "from 1 to 10, not '11'"),
    ("tries in words", "tries: three\n" + QUIZ_OK, 1, "such as `tries: 3`"),
    ("tries a fraction", "tries: 2.5\n" + QUIZ_OK, 1, "not '2.5'"),
    (
        "question tries",
        QUIZ_OK.replace("    prompt: Which ones?", "    tries: true\n    prompt: Which ones?"),
        12,
        "`tries` of question 'pick-some' must be a whole number from 1 to 10, not 'true'",
    ),
    (
        "tries on a variant",
        QUIZ_OK.replace(
            "    answer: true\n", "    answer: true\n    variants:\n      - prompt: Is it not?\n        tries: 2\n"
        ),
        25,
        "unknown key 'tries' in variant 1",
    ),
    (
        "an accepted answer of punctuation only",
        QUIZ_OK.replace('accept: ["feedback", "Feed back"]', 'accept: ["feedback", "?!"]'),
        27,
        "is only punctuation",
    ),
    ("not UTF-8", None, 3, "not UTF-8"),
    ("UTF-16", "\ufeffquestions: []\n".encode("utf-16"), 1, "not UTF-8 (byte 0xff"),
    ("a picture", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "not UTF-8 (byte 0x89"),
]


@pytest.mark.parametrize(("text", "line", "words"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_quiz_mistake_stops_the_build_with_file_line_and_fix(tmp_path, text, line, words):
    course = make_course(tmp_path, blocks=("first-block",))
    quiz = course.root / "quizzes" / "first-block.yml"
    if text is None:
        quiz.write_bytes("questions:\n  - id: a\n    prompt: caf\xe9\n".encode("latin-1"))
    elif isinstance(text, bytes):
        quiz.write_bytes(text)
    else:
        quiz.write_text(text, encoding="utf-8")

    result = build(course.root, strict=False, check=False)  # mistakes stop even a non-strict build

    assert not result.ok
    assert f"quizzes/first-block.yml:{line}:" in result.error, result.error
    assert words in result.error, result.error
    assert "Traceback" not in result.error


def _link(target: str):
    def make(quiz):
        quiz.unlink()
        quiz.symlink_to(target)

    return make


def _folder(quiz):
    quiz.unlink()
    (quiz / "questions").mkdir(parents=True)


def _pipe(quiz):
    quiz.unlink()
    os.mkfifo(quiz)


def _loop(quiz):
    quiz.unlink()
    quiz.symlink_to("../loop.yml")
    (quiz.parent.parent / "loop.yml").symlink_to("quizzes/first-block.yml")


NOT_A_FILE = [
    (
        "link to nothing",
        _link("/nonexistent/quiz.yml"),
        "this quiz file is a link to /nonexistent/quiz.yml, which cannot be opened",
    ),
    (
        "link in a loop",
        _loop,
        "this quiz file is a link to ../loop.yml, which cannot be opened (Too many levels of symbolic links)",
    ),
    ("folder", _folder, "this is a folder, not a quiz file. Rename it or move it out of quizzes/"),
    ("link to /dev/zero", _link("/dev/zero"), "this is not a regular file"),
    ("named pipe", _pipe, "this is not a regular file"),
]


def _small_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # reading /dev/zero ends soon, whatever happens


@pytest.mark.parametrize(("make", "words"), [case[1:] for case in NOT_A_FILE], ids=[case[0] for case in NOT_A_FILE])
def test_a_quiz_that_is_not_a_regular_file_stops_the_build_with_its_name(tmp_path, make, words):
    """In a process of its own, with 2 GB of memory and 60 s: reading /dev/zero, or a pipe no one
    writes to, must fail the test, not pytest."""
    course = make_course(tmp_path, blocks=("first-block",))
    make(course.root / "quizzes" / "first-block.yml")

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=course.root,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_small_memory,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )

    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert f"quizzes/first-block.yml: {words}" in result.stderr, result.stderr


def test_every_mistake_is_reported_in_one_build(tmp_path):
    course = make_course(tmp_path, blocks=("first-block", "second-block", "third-block"))
    course.write_quiz("first-block", "pass_mark: 0\n" + QUIZ_OK.replace("type: single", "type: singel"))
    course.write_quiz("second-block", QUIZ_OK.replace("#the-point", "#gone"))
    (course.root / "quizzes" / "third-block.yml").unlink()

    result = build(course.root, strict=True, check=False)

    assert "4 mistakes" in result.error
    assert "quizzes/first-block.yml:1:12" in result.error
    assert "quizzes/first-block.yml:4:11" in result.error
    assert "quizzes/second-block.yml:28:13" in result.error
    assert "docs/third-block: the block 'third-block' has no quiz" in result.error


def test_block_without_quiz_and_quiz_without_block(tmp_path):
    course = make_course(tmp_path)
    (course.root / "quizzes" / "second-block.yml").rename(course.root / "quizzes" / "second-blok.yml")

    result = build(course.root, strict=True, check=False)

    assert "docs/second-block: the block 'second-block' has no quiz" in result.error
    assert "quizzes/second-blok.yml: this quiz has no block" in result.error
    assert "Rename it to quizzes/second-block.yml" in result.error


def test_a_valid_quiz_gives_no_warning_in_strict_mode(tmp_path):
    course = make_course(tmp_path)

    result = build(course.root, strict=True, check=False)

    assert result.ok, result.error
    assert result.warnings == []


def test_yes_and_no_option_texts_stay_text(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz(
        "first-block", QUIZ_OK.replace("text: This one", "text: No").replace("text: That one", "text: Yes")
    )

    result = build(course.root, strict=True, check=False)

    assert result.ok, result.error
    html = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert '<span class="course-opt__text">No</span>' in html and '<span class="course-opt__text">Yes</span>' in html
