"""Random and mutated quiz files: the loader returns a quiz or the plugin's own error, never a crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course_factory import QUIZ_OK
from mkdocs_course.errors import CourseError, CourseErrors
from mkdocs_course.quiz.loader import load_quiz
from mkdocs_course.quiz.model import Quiz

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yml"
    path.write_bytes(data)
    try:
        quiz = load_quiz(path, "quizzes/fuzz.yml", "fuzz")
    except CourseErrors as errors:
        assert errors.errors, "an error report names at least one mistake"
        for error in errors.errors:
            _check_error(error, data)
    except CourseError as error:
        _check_error(error, data)
    else:
        assert isinstance(quiz, Quiz)
        assert quiz.questions
        for question in quiz.questions:
            for variant in question.variants:
                if question.type == "single":
                    assert sum(option.correct for option in variant.options) == 1
                if question.type == "multiple":
                    assert any(option.correct for option in variant.options)


def _check_error(error: CourseError, data: bytes) -> None:
    assert error.where.path == "quizzes/fuzz.yml"
    lines = data.count(b"\n") + 1
    assert 1 <= error.where.line <= lines + 1, (str(error), lines)
    assert error.problem and "Traceback" not in str(error)


@FUZZ
@given(st.data())
def test_mutated_valid_quiz(tmp_path, data):
    text = bytearray(QUIZ_OK.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace", "swap-lines"]))
        if action == "delete" and text:
            del text[position : position + data.draw(st.integers(1, 20))]
        elif action == "insert":
            text[position:position] = data.draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"  ",
                        b"\t",
                        b"[",
                        b"{",
                        b"'",
                        b'"',
                        b"&a ",
                        b"*a",
                        b"!!python/object ",
                        b"!!int ",
                        b"!!bool ",
                        b"!!float ",
                        b"9" * 5000,
                        b"\xff",
                        b"\x00",
                        b"?",
                        b"|",
                        b">",
                        b"#",
                        b"\n",
                        b"~",
                        b"yes",
                        b"1e9",
                        b"id: x\n",
                        b"type: text\n",
                    ]
                )
            )
        elif action == "replace" and text:
            text[min(position, len(text) - 1)] = data.draw(st.integers(0, 255))
        elif action == "swap-lines":
            lines = bytes(text).split(b"\n")
            i, j = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = bytearray(b"\n".join(lines))
    _load(tmp_path, bytes(text))


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "prompt",
                    "options",
                    "text",
                    "correct",
                    "answer",
                    "accept",
                    "feedback",
                    "explanation",
                    "review",
                    "variants",
                    "questions",
                    "draw",
                    "pass_mark",
                    "title",
                ]
            )
            | st.text(max_size=6),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@FUZZ
@given(yaml_values)
def test_random_yaml_documents(tmp_path, value):
    _load(tmp_path, yaml.safe_dump(value, allow_unicode=True).encode())


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(tmp_path, blob):
    _load(tmp_path, blob)
