"""axe-core finds no serious or critical problems on the course pages, in both palettes."""

from __future__ import annotations

import json

import pytest
from helpers import answer_alpha, check_answers, serious_problems, storage_key
from playwright.sync_api import expect


def serious(page, where: str = "article") -> list[str]:
    return serious_problems(page, where)


def set_palette(page, scheme: str) -> None:
    if scheme == "slate":
        page.get_by_title("Switch to dark mode").click()  # material's palette toggle
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_quiz_page_before_and_after_marking(page, site, scheme):
    page.goto(site + "alpha/quiz/")
    set_palette(page, scheme)
    assert serious(page) == []
    check_answers(page)  # the unanswered-questions step
    expect(page.get_by_role("button", name="Check answers anyway")).to_be_visible()
    assert serious(page) == []
    page.get_by_role("button", name="Try again").or_(page.get_by_role("button", name="Keep answering")).click()
    answer_alpha(page, right=False, skip=("planet",))
    question_text = page.get_by_label("Your answer")
    question_text.fill("Mars")
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 0%")).to_be_visible()
    assert serious(page) == []
    assert serious(page, "body") == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_achievements_and_home_pages(page, site, scheme):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.goto(site + "achievements/")
    set_palette(page, scheme)
    expect(page.locator("li[data-block-id=alpha] [data-block-status]")).to_contain_text("Passed")
    assert serious(page, "body") == []
    page.goto(site)
    expect(page.get_by_role("progressbar")).to_be_visible()
    assert serious(page, "body") == []


def test_storage_notice_is_accessible(context, site):
    context.add_init_script("Storage.prototype.setItem = () => { throw new Error('full') }")
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    expect(page.get_by_role("status").filter(has_text="cannot be saved")).to_be_visible()
    assert serious(page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_achievements_with_badges_statement_and_messages(page, site, scheme):
    """Every block passed: badges with their downloads, the statement form, a message and the
    delete confirmation all shown at once."""
    page.goto(site)
    passed = {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1}
    value = {"version": 1, "blocks": {"alpha": passed}, "questions": {}, "name": "", "setAside": []}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), json.dumps(value)])
    page.goto(site + "achievements/")
    set_palette(page, scheme)
    expect(page.get_by_text("Pass the quiz to earn this badge")).to_be_visible()
    assert serious(page, "body") == []
    value["blocks"]["beta"] = passed
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), json.dumps(value)])
    page.reload()
    page.get_by_role("button", name="Download statement").click()  # no name yet: an alert
    expect(page.get_by_role("alert").filter(has_text="Type the name")).to_be_visible()
    page.get_by_label("Name to print on your statement").fill("Zoë")
    page.get_by_role("button", name="Delete my data").click()
    expect(page.get_by_role("button", name="Yes, delete my data")).to_be_visible()
    assert serious(page, "body") == []
