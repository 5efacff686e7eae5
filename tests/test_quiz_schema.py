"""The JSON Schema that editors use agrees with the build's own checks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from course_factory import QUIZ_OK

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "plugins" / "mkdocs_course" / "quiz" / "schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_package_holds_the_one_copy_of_the_schema():
    # The sample's quizzes point at it (below), and every build publishes it (test_minify.py).
    assert not (REPO / "quizzes" / "schema.json").exists()


@pytest.mark.parametrize("quiz", sorted((REPO / "quizzes").glob("*.yml")), ids=lambda p: p.name)
def test_sample_quizzes_are_valid_and_point_editors_at_the_schema(validator, quiz):
    text = quiz.read_text(encoding="utf-8")
    first_line, _, _ = text.partition("\n")
    modeline = "# yaml-language-server: $schema="
    assert first_line.startswith(modeline)
    assert (quiz.parent / first_line.removeprefix(modeline)).resolve() == SCHEMA
    assert list(validator.iter_errors(yaml.safe_load(text))) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("type: single", "type: singel"), "'singel' is not one of"),
        (("    prompt: Which ones?", "    promtp: Which ones?"), "'promtp' was unexpected"),
        (("    answer: true\n", "    answer: true\n    options: []\n"), "should not be valid"),
        (('accept: ["feedback", "Feed back"]', "accept: []"), "should be non-empty"),
        (("review: index.md#the-point", "review: the-point"), "does not match"),
        (("questions:", "tries: 11\nquestions:"), "11 is greater than the maximum of 10"),
        (("    prompt: Which ones?", "    tries: 0\n    prompt: Which ones?"), "0 is less than the minimum of 1"),
        (("    prompt: Which ones?", "    tries: two\n    prompt: Which ones?"), "'two' is not of type 'integer'"),
    ],
)
def test_schema_flags_what_the_build_flags(validator, change, expected):
    data = yaml.safe_load(QUIZ_OK.replace(*change))
    messages = [error.message for error in validator.iter_errors(data)]
    assert any(expected in message for message in messages), messages


def test_schema_takes_tries_on_the_quiz_and_on_a_question(validator):
    text = "tries: 2\n" + QUIZ_OK.replace("    prompt: Which ones?", "    tries: 5\n    prompt: Which ones?")
    assert list(validator.iter_errors(yaml.safe_load(text))) == []
