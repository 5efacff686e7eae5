"""What the LMS runtime reports, worked out from the record (assets/js/lms/report.js), tested alone
in the browser: the course score meets the mastery score exactly when every block is passed, the
record fits SCORM 1.2's suspend_data, a kept record merges without losing a pass."""

from __future__ import annotations

import pytest
from helpers import modules_page

COURSE = {"masteryScore": 75, "blocks": [{"id": "alpha", "passMark": 75}, {"id": "beta", "passMark": 50}]}
PASS = {"bestScore": 80, "passed": True, "passedAt": "2026-01-01T00:00:00.000Z", "attempts": 1}


@pytest.fixture(scope="module")
def report_page(www, browser):
    with modules_page(www, browser, "lms-js", {"report": "./lms/report.js"}) as page:
        yield page


def call(page, expression, *args):
    return page.evaluate(f"(args) => report.{expression}", list(args))


def record(blocks, **fields):
    return {"version": 2, "blocks": blocks, "questions": {}, "name": "", "setAside": [], **fields}


@pytest.mark.parametrize(
    ("blocks", "score", "passed"),
    [
        ({"alpha": PASS, "beta": {"bestScore": 40, "passed": False, "attempts": 2}}, 60, False),  # beta 40 of 50 -> 60
        ({"alpha": PASS, "beta": {**PASS, "bestScore": 50}}, 75, True),  # beta's pass mark lands on the mastery score
        ({"alpha": {**PASS, "bestScore": 60}, "beta": PASS}, 75, True),  # passed when the mark was lower: still a pass
        ({"alpha": {"bestScore": 74.99, "passed": False, "attempts": 1}, "beta": PASS}, 74.99, False),
        ({"alpha": PASS}, None, False),  # beta never tried: no course score yet
    ],
)
def test_the_course_score_meets_the_mastery_score_exactly_when_every_block_is_passed(
    report_page, blocks, score, passed
):
    found = call(report_page, "courseReport(args[0], args[1])", record(blocks), COURSE)
    assert (found["score"], found["passed"]) == (score, passed)


def test_the_record_fits_scorm_12_suspend_data_dropping_drafts_first(report_page):
    draft = {
        "marked": False,
        "questions": [{"id": f"q{i}", "variant": "abcdef12", "order": [0, 1, 2], "response": 1} for i in range(60)],
    }
    answers = {f"q{i}": {"variant": "abcdef12", "response": [1], "correct": True} for i in range(20)}
    full = record({"alpha": {**PASS, "draft": draft}, "beta": PASS}, questions={"alpha": answers}, name="Ada Lovelace")
    fitted = call(report_page, "savedText(args[0], 4096)", full)
    assert fitted["kept"] == "results, answers and name" and len(fitted["text"]) <= 4096
    assert '"passed":true' in fitted["text"] and "Ada Lovelace" in fitted["text"] and '"draft"' not in fitted["text"]
    assert call(report_page, "savedText(args[0], 100000).kept", full) == "everything"
    assert call(report_page, "savedText(args[0], 10)", full) is None


def test_a_kept_record_merges_in_without_undoing_a_pass(report_page):
    ours = record({"alpha": {"bestScore": 10, "passed": False, "attempts": 3}})
    theirs = record({"alpha": PASS, "beta": {"bestScore": 20, "passed": False, "attempts": 1}}, name="Ada Lovelace")
    merged = call(report_page, "mergeSaved(args[0], args[1])", ours, theirs)
    assert merged["changed"] is True
    assert merged["record"]["blocks"]["alpha"] == {**PASS, "attempts": 3}
    assert merged["record"]["blocks"]["beta"]["bestScore"] == 20 and merged["record"]["name"] == "Ada Lovelace"


def test_names_and_times_as_the_lms_writes_them(report_page):
    assert call(report_page, "learnerName(args[0], true)", "Lovelace, Ada") == "Ada Lovelace"
    assert call(report_page, "learnerName(args[0], false)", "Lovelace, Ada") == "Lovelace, Ada"
    assert call(report_page, "scorm12Duration(args[0])", 3_723_450) == "0001:02:03.45"
    assert call(report_page, "isoDuration(args[0])", 3_723_450) == "PT1H2M3.45S"
    assert call(report_page, "isoDuration(args[0])", 0) == "PT0S"
