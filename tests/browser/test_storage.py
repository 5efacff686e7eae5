"""When storage is blocked, full or corrupted, the course still works and says so once."""

from __future__ import annotations

import json
import re

import pytest
from helpers import answer_alpha, check_answers, record, storage_key
from playwright.sync_api import expect

BLOCKED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError") } })"""
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError") }"""

BETA_PASSED = {"bestScore": 80, "passed": True, "passedAt": "2026-01-02T10:00:00.000Z", "attempts": 1}


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "full"])
def test_quiz_works_for_the_visit_without_storage(context, site, script):
    context.add_init_script(script)
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    notices = page.get_by_role("status").filter(has_text="cannot be saved")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_focused()
    expect(notices).to_have_count(1)
    notices.get_by_role("button", name="Dismiss").click()
    expect(notices).to_have_count(0)
    page.get_by_role("button", name="Try again").click()
    answer_alpha(page, right=False)
    check_answers(page)
    expect(notices).to_have_count(0)  # said once
    expect(page.locator(".course-quiz__status")).to_contain_text("You passed this quiz")


def test_full_storage_keeps_progress_in_memory_across_instant_navigation(context, site):
    context.add_init_script(FULL)
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Fixture course").first.click()
    expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()


# name: (what is stored, blocks still passed afterwards, what is set aside: reason, block, data)
CORRUPT = {
    "not JSON": ("{oops", [], ("not JSON", None, "{oops")),
    "wrong shape": ([1, 2, 3], [], ("wrong shape", None, [1, 2, 3])),
    "bad block": (
        {"version": 1, "blocks": {"alpha": {"passed": "yes"}, "beta": BETA_PASSED}},
        ["beta"],
        ("wrong shape", "alpha", {"block": {"passed": "yes"}}),
    ),
    "unknown block": (
        {"version": 1, "blocks": {"gone": BETA_PASSED, "beta": BETA_PASSED}},
        ["beta"],
        ("block no longer in the course", "gone", {"block": BETA_PASSED}),
    ),
    "bad questions": (
        {"version": 1, "blocks": {"beta": BETA_PASSED}, "questions": {"alpha": [1], "beta": {}}},
        ["beta"],
        ("wrong shape", "alpha", {"questions": [1]}),
    ),
}


@pytest.mark.parametrize("name", list(CORRUPT))
def test_corrupted_record_is_set_aside_and_the_rest_kept(page, site, name):
    stored, kept, (reason, aside_block, data) = CORRUPT[name]
    raw = stored if isinstance(stored, str) else json.dumps(stored)
    page.goto(site)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), raw])
    page.goto(site + "achievements/")
    notice = page.get_by_role("status").filter(has_text="could not be read")
    expect(notice).to_be_visible()
    for block in ("alpha", "beta"):
        status = page.locator(f"li[data-block-id={block}] [data-block-status]")
        expect(status).to_contain_text("Passed with a best score of 80%" if block in kept else "Not passed yet")
    saved = record(page)
    assert saved["version"] == 2
    [part] = saved["setAside"]
    assert (part["reason"], part.get("block"), part["data"]) == (reason, aside_block, data)
    # The repaired record is written back: the next page says nothing more.
    page.goto(site)
    expect(page.get_by_role("progressbar", name=f"{len(kept)} of 2 blocks passed")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="could not be read")).to_have_count(0)
    # And the quiz works on top of it.
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    saved = record(page)
    assert saved["blocks"]["alpha"]["passed"] is True
    assert [p["reason"] for p in saved["setAside"]]
    assert ("beta" in saved["blocks"]) == ("beta" in kept)
    assert re.fullmatch(r"\d{4}-.*Z", saved["blocks"]["alpha"]["passedAt"])


def test_a_record_of_another_version_is_left_as_it_is(page, site):
    stored = {"version": 99, "blocks": {"beta": BETA_PASSED}, "journal": {"beta": "kept"}}
    page.goto(site)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), json.dumps(stored)])
    page.goto(site + "alpha/quiz/")
    expect(page.get_by_role("status").filter(has_text="cannot be read")).to_be_visible()
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    # The pass counts for the visit, and the record this code cannot read is never overwritten.
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Fixture course").first.click()
    expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()
    assert record(page) == stored


# name: (the stored beta block and questions, whether beta is still passed, what is set aside)
DAMAGED_FIELDS = {
    "a broken draft keeps the pass": ({**BETA_PASSED, "draft": "oops"}, None, True, {"block": {"draft": "oops"}}),
    "a __proto__ field is only data": (
        {**BETA_PASSED, "__proto__": {"passed": False}, "draft": 1},
        None,
        True,
        {"block": {"draft": 1}},
    ),
    "broken questions keep the pass": (BETA_PASSED, [1], True, {"questions": [1]}),
    "a score that is not a number loses the pass": (
        {**BETA_PASSED, "bestScore": "80"},
        None,
        False,
        {"block": {"bestScore": "80", "passed": True}},
    ),
    "a pass without a date is no pass": ({"bestScore": 80, "passed": True}, None, False, {"block": {"passed": True}}),
}


@pytest.mark.parametrize("name", list(DAMAGED_FIELDS))
def test_lesson_pages_and_the_repaired_record_agree_on_passes(page, site, name):
    beta, questions, passed, aside = DAMAGED_FIELDS[name]
    stored = {"version": 1, "blocks": {"beta": beta}}
    if questions is not None:
        stored["questions"] = {"beta": questions}
    passes = "1 of 2 blocks passed" if passed else "0 of 2 blocks passed"
    page.goto(site)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), json.dumps(stored)])
    # The home page only reads the record (pass.js), as every lesson page does.
    page.goto(site)
    expect(page.get_by_role("progressbar", name=passes)).to_be_visible()
    assert record(page) == stored  # reading never writes
    # The achievements page opens the record's keeper, which repairs it field by field.
    page.goto(site + "achievements/")
    expect(page.get_by_role("status").filter(has_text="could not be read")).to_be_visible()
    expect(page.locator("li[data-block-id=beta] [data-block-status]")).to_contain_text(
        "Passed with a best score of 80%" if passed else "Not passed yet"
    )
    saved = record(page)
    [part] = saved["setAside"]
    assert (part["reason"], part["block"], part["data"]) == ("wrong shape", "beta", aside)
    page.goto(site)
    expect(page.get_by_role("progressbar", name=passes)).to_be_visible()
