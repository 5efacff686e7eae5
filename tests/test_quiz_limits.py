"""Quiz files built to exhaust the build: nesting thousands deep, aliases that repeat one text
millions of times, thousands of questions or variants. Each stops the build at once with the file,
the line and the limit (docs/author-guide.md, "Limits"), never a crash, a hang or a huge page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mkdocs_course.quiz as quiz_package
from course_factory import make_course
from mkdocs_course.errors import CourseError, CourseErrors
from mkdocs_course.quiz.loader import MAX_DEPTH, MAX_FILE_BYTES, load_quiz
from mkdocs_course.quiz.model import MAX_QUESTIONS, MAX_TEXT, MAX_VARIANTS, Quiz
from site_build import build

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SHOWN = "quizzes/q.yml"


def errors_of(path: Path) -> list[CourseError]:
    """The mistakes load_quiz reports for a file (an empty list when it loads)."""
    try:
        load_quiz(path, SHOWN, "q")
    except CourseErrors as errors:
        return errors.errors
    except CourseError as error:
        return [error]
    return []


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build_in_subprocess(root: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` in its own process: a crash (a segmentation fault) fails the test, not pytest."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


# -- nesting ---------------------------------------------------------------------------------


def nested(kinds: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A quiz file whose `questions` holds collections of `kinds` inside each other (block styles
    first, then flow styles), and where each collection starts (line, column)."""
    text, starts, indent, closing = "questions:", [], 2, ""

    def start() -> None:
        line = text.count("\n") + 1
        starts.append((line, len(text) - (text.rfind("\n") + 1) + 1))

    for kind in kinds:
        if kind in ("block-seq", "block-map"):
            text += "\n" + " " * indent
            start()
            text += "-" if kind == "block-seq" else "k:"
            indent += 2
        else:
            text += " "
            start()
            text += "[" if kind == "flow-seq" else "{k:"
            closing = ("]" if kind == "flow-seq" else "}") + closing
    return text + " x" + closing + "\n", starts


def _levels(kinds: list[str]) -> st.SearchStrategy[list[str]]:
    # A depth drawn first, so that both sides of the limit come up as often.
    return st.integers(0, 45).flatmap(lambda n: st.lists(st.sampled_from(kinds), min_size=n, max_size=n))


nestings = st.tuples(_levels(["block-seq", "block-map"]), _levels(["flow-seq", "flow-map"])).map(
    lambda parts: parts[0] + parts[1]
)


@FUZZ
@given(nestings)
def test_nesting_past_the_limit_is_refused_where_it_goes_too_deep(tmp_path, kinds):
    text, starts = nested(kinds)
    errors = errors_of(write(tmp_path, text))
    too_deep = [error for error in errors if "nested more than" in error.problem]
    if len(kinds) + 1 <= MAX_DEPTH:  # the top-level keys are the first level
        assert not too_deep
        return
    assert len(errors) == 1 and too_deep, [str(e) for e in errors]
    (error,) = too_deep
    line, column = starts[MAX_DEPTH - 1]  # the first collection one level too deep
    assert (error.where.line, error.where.column) == (line, column), (str(error), text)
    assert f"nested more than {MAX_DEPTH} levels" in error.problem and error.fix


@pytest.mark.parametrize(
    "text",
    [
        "questions: " + "[" * 30_000 + "]" * 30_000 + "\n",  # 60 KB
        "questions: " + "{a: " * 15_000 + "x" + "}" * 15_000 + "\n",
        "questions:\n" + "- " * 30_000 + "x\n",
    ],
    ids=["flow lists", "flow keys", "block lists on one line"],
)
def test_a_quiz_nested_30000_deep_stops_the_build_with_file_and_line(tmp_path, text):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", text)
    result = build_in_subprocess(course.root)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])  # a crash is -11
    assert f"quizzes/first-block.yml:{1 if text.startswith('questions: ') else 2}:" in result.stderr
    assert f"nested more than {MAX_DEPTH} levels" in result.stderr
    assert "Traceback" not in result.stderr


# -- aliases ---------------------------------------------------------------------------------


def alias_quiz(scalar: int, variants: int, accepts: int = 1) -> str:
    """One text question whose prompt, a text of `scalar` characters, each of `variants` variants
    repeats through an alias, and whose `accept` list repeats it `accepts` times."""
    lines = [
        "questions:",
        "  - id: q",
        "    type: text",
        f"    prompt: &big {'x' * scalar}",
        "    accept: [" + ", ".join(["*big"] * accepts) + "]",
    ]
    if variants:
        lines.append("    variants:")
        lines += ["      - prompt: *big"] * variants
    return "\n".join(lines) + "\n"


def test_one_long_text_repeated_through_200_aliases_stops_at_once(tmp_path):
    """The reported case: 104 KB that repeat a 100 KB text in 200 variants (195 s and 1.2 GB, then
    a 121 MB page, before)."""
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", alias_quiz(100_000, 200))
    started = time.perf_counter()
    result = build(course.root, strict=True, check=False)
    assert time.perf_counter() - started < 30
    assert not result.ok
    # The alias that takes the quiz past 1,000,000 characters: the file holds 100,000, each alias
    # adds as many, so the ninth (`accept` holds the first; the eighth variant is on line 14).
    assert "quizzes/first-block.yml:14:17:" in result.error, result.error
    assert f"past {MAX_TEXT:,} characters" in result.error
    assert not (course.site / "first-block" / "quiz" / "index.html").exists()


def test_billion_laughs_are_refused(tmp_path):
    """Ten aliases of ten aliases of ... of "lol": 10 characters of YAML per level, 10**9 "lol"s."""
    laughs = ["lols:", '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    laughs += [f"  a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    text = "\n".join([*laughs, "questions:", "  - id: q", "    type: text", "    prompt: P", "    accept: *a9"])
    started = time.perf_counter()
    errors = errors_of(write(tmp_path, text))
    assert time.perf_counter() - started < 5
    assert [error.where.line for error in errors] == [7], [str(e) for e in errors]  # a5, the 4th `*a4`
    assert f"past {MAX_TEXT:,} characters" in errors[0].problem


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path):
    errors = errors_of(write(tmp_path, "questions: &loop\n  - id: q\n    variants: *loop\n"))
    assert [(e.where.line, e.where.column) for e in errors] == [(3, 15)]
    assert "repeat itself forever" in errors[0].problem


@FUZZ
@given(
    scalar=st.integers(1, 150_000),
    variants=st.integers(0, 40),
    accepts=st.integers(1, 40),
)
def test_aliases_never_make_a_quiz_over_the_text_limit(tmp_path, scalar, variants, accepts):
    path = write(tmp_path, alias_quiz(scalar, variants, accepts))
    started = time.perf_counter()
    try:
        quiz = load_quiz(path, SHOWN, "q")
    except (CourseError, CourseErrors) as raised:
        errors = raised.errors if isinstance(raised, CourseErrors) else [raised]
        assert all(1 <= error.where.line <= 7 + variants for error in errors), [str(e) for e in errors]
    else:
        assert isinstance(quiz, Quiz)
        assert sum(v.text_size() for q in quiz.questions for v in q.variants) <= MAX_TEXT
        assert len(quiz.questions[0].variants) <= MAX_VARIANTS + 1
    assert time.perf_counter() - started < 5


# -- questions, variants and text ------------------------------------------------------------


def questions(count: int, variants: int = 0, prompt: str = "Is it so?") -> str:
    question = {"id": "q", "type": "true_false", "prompt": prompt, "answer": True}
    if variants:
        question["variants"] = [{"answer": n % 2 == 0} for n in range(variants)]
    return json.dumps({"questions": [{**question, "id": f"q{n}"} for n in range(count)]}, indent=1)


def test_10000_questions_stop_the_build_at_once_naming_the_limit(tmp_path):
    """The reported case: 10,000 questions built in 77 s."""
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", questions(10_000))
    started = time.perf_counter()
    result = build(course.root, strict=True, check=False)
    assert time.perf_counter() - started < 20
    assert "quizzes/first-block.yml:2:" in result.error, result.error
    assert f"10,000 questions, over the limit of {MAX_QUESTIONS}" in result.error


def test_the_limits_on_questions_and_variants_are_exact(tmp_path):
    assert errors_of(write(tmp_path, questions(MAX_QUESTIONS, MAX_VARIANTS))) == []
    (error,) = errors_of(write(tmp_path, questions(MAX_QUESTIONS + 1)))
    assert f"over the limit of {MAX_QUESTIONS}" in error.problem and error.where.line == 2
    (error,) = errors_of(write(tmp_path, questions(1, MAX_VARIANTS + 1)))
    assert f"{MAX_VARIANTS + 1} variants, over the limit of {MAX_VARIANTS}" in error.problem
    assert error.where.line == 8  # `"variants": [`


def test_text_that_variants_inherit_counts_towards_the_limit(tmp_path):
    """No alias: 20 variants each take a 60,000-character prompt from their question."""
    path = write(tmp_path, questions(2, MAX_VARIANTS, prompt="p" * 60_000))
    assert path.stat().st_size < MAX_FILE_BYTES
    errors = errors_of(path)
    assert len(errors) == 1 and f"grows past {MAX_TEXT:,} characters with question 'q0'" in errors[0].problem
    assert errors[0].where.line == 3


@pytest.mark.parametrize(
    "line",
    [
        "pass_mark: " + "9" * 5000,
        "draw: " + "9" * 5000,
        "pass_mark: !!float lots",
        "draw: !!int many",
        "pass_mark: !!int [1]",
    ],
)
def test_numbers_python_cannot_read_are_mistakes_not_crashes(tmp_path, line):
    text = line + "\nquestions:\n  - id: q\n    type: true_false\n    prompt: P\n    answer: !!bool maybe\n"
    errors = errors_of(write(tmp_path, text))
    assert [error.where.line for error in errors] == [1, 6], [str(e) for e in errors]


# -- the file itself -------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "questions: []\n# " + "x" * MAX_FILE_BYTES + "\n")
    (error,) = errors_of(path)
    assert str(error).startswith(f"{SHOWN}: this quiz file is over the limit of {MAX_FILE_BYTES:,} bytes.")


def test_the_schema_editors_use_holds_the_limits_on_questions_and_variants():
    schema = json.loads((Path(quiz_package.__file__).parent / "schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["questions"]["maxItems"] == MAX_QUESTIONS
    assert schema["$defs"]["question"]["properties"]["variants"]["maxItems"] == MAX_VARIANTS
