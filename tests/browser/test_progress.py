"""Progress across pages: navigation marks, the home progress bar, achievements, other tabs."""

from __future__ import annotations

import re

from helpers import answer_alpha, check_answers, record, storage_key
from playwright.sync_api import expect


def pass_alpha(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()


def test_home_progress_bar_and_nav_marks(page, site):
    page.goto(site)
    bar = page.get_by_role("progressbar", name="0 of 2 blocks passed")
    expect(bar).to_have_attribute("max", "2")
    pass_alpha(page, site)
    page.goto(site)
    bar = page.get_by_role("progressbar", name="1 of 2 blocks passed")
    expect(bar).to_have_attribute("value", "1")
    expect(page.locator("[data-course-overview] li[data-block-id=alpha]")).to_contain_text("Passed")
    expect(page.locator("[data-course-overview] li[data-block-id=beta]")).not_to_contain_text("Passed")
    nav = page.get_by_role("navigation", name="Navigation")
    expect(nav.get_by_role("link", name=re.compile(r"Alpha quiz\s*\(passed\)"))).to_have_count(1)
    expect(nav.get_by_role("link", name=re.compile(r"Beta quiz"))).not_to_contain_text("passed")


def test_achievements_page_lists_each_block(page, site):
    page.goto(site + "achievements/")
    expect(page.locator("li[data-block-id=alpha] [data-block-status]")).to_have_text(re.compile("Not passed yet"))
    pass_alpha(page, site)
    page.goto(site + "achievements/")
    expect(page.locator("li[data-block-id=alpha] [data-block-status]")).to_have_text(
        re.compile(r"Passed with a best score of 100% on \w+ \d+, \d{4}\.")
    )
    expect(page.locator("li[data-block-id=beta] [data-block-status]")).to_have_text(re.compile("Not passed yet"))
    expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()


def test_instant_navigation_and_back(page, site):
    page.goto(site)
    page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Alpha quiz").click()
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_focused()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Beta quiz").click()
    expect(page).to_have_url(site + "beta/quiz/")
    expect(page.get_by_role("group")).to_have_count(2)  # draw: 2 of 3
    page.go_back()
    expect(page).to_have_url(site + "alpha/quiz/")
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()
    page.get_by_role("link", name="your achievements").click()
    expect(page.locator("li[data-block-id=alpha] [data-block-status]")).to_contain_text("Passed")
    assert page.evaluate("window.__sameDocument") is True
    assert page.errors == []


def test_second_tab_sees_the_pass(context, site):
    first, second = context.new_page(), context.new_page()
    second.goto(site + "achievements/")
    expect(second.locator("li[data-block-id=alpha] [data-block-status]")).to_contain_text("Not passed yet")
    third = context.new_page()
    third.goto(site)
    pass_alpha(first, site)
    expect(second.locator("li[data-block-id=alpha] [data-block-status]")).to_contain_text("Passed with")
    expect(third.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()


def test_two_tabs_never_overwrite_each_other(context, site):
    one, two = context.new_page(), context.new_page()
    one.goto(site + "alpha/quiz/")
    two.goto(site + "beta/quiz/")
    answer_alpha(one, right=True)
    check_answers(one)
    expect(one.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    # The beta tab was opened before alpha was passed; its writes must keep alpha's pass.
    for group in two.get_by_role("group").all():
        group.get_by_role("radio").first.check()
    two.get_by_role("button", name="Check answers").click()
    expect(two.locator(".course-quiz__result h2")).to_be_visible()
    stored = record(two)
    assert stored["blocks"]["alpha"]["passed"] is True
    assert stored["blocks"]["beta"]["attempts"] == 1
    # Failing alpha later in the other tab never undoes the pass or lowers the best score.
    two.goto(site + "alpha/quiz/")
    two.get_by_role("button", name="Try again").click()
    answer_alpha(two, right=False)
    check_answers(two)
    expect(two.get_by_role("heading", name="Your score: 0%")).to_be_visible()
    stored = record(two)["blocks"]["alpha"]
    assert stored["passed"] is True and stored["bestScore"] == 100
    expect(two.locator(".course-q").nth(3)).to_contain_text("Incorrect")


# localStorage reaches other tabs asynchronously: a tab may read the record as it was a moment ago.
STALE_READ_ONCE = """([key, stale]) => {
  const read = Storage.prototype.getItem;
  Storage.prototype.getItem = function (name) {
    if (name !== key) return read.call(this, name);
    Storage.prototype.getItem = read;
    return stale;
  };
}"""


def stored_pass(page, key: str) -> bool:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k) || '{}').blocks?.alpha?.passed === true", key)


def test_a_tab_that_read_a_stale_record_never_loses_another_tabs_pass(context, site):
    key = storage_key(site)
    one, two = context.new_page(), context.new_page()
    two.goto(site + "beta/quiz/")
    expect(two.locator("[data-course-quiz]")).not_to_have_attribute("aria-busy", "true")
    before = two.evaluate("k => localStorage.getItem(k)", key)
    pass_alpha(one, site)
    assert stored_pass(two, key)
    # The beta tab saves an answer on a read from before the pass: the stored record loses it...
    two.evaluate(STALE_READ_ONCE, [key, before])
    two.get_by_role("group").first.get_by_role("radio").first.check()
    # ...until the tab that saved the pass reads the record again (the storage event) and puts it back.
    one.wait_for_function("k => JSON.parse(localStorage.getItem(k)).blocks.alpha?.passed === true", arg=key)
    two.reload()
    expect(two.locator("[data-course-quiz]")).not_to_have_attribute("aria-busy", "true")
    stored = record(two)
    assert stored["blocks"]["alpha"]["passed"] is True and stored["blocks"]["alpha"]["bestScore"] == 100
    assert "draft" in stored["blocks"]["beta"]  # and the beta tab's answer is kept too


def test_delete_my_data_in_one_tab_is_not_undone_by_another(context, site):
    key = storage_key(site)
    quiz, achievements = context.new_page(), context.new_page()
    pass_alpha(quiz, site)
    achievements.goto(site + "achievements/")
    achievements.get_by_role("button", name="Delete my data").click()
    achievements.get_by_role("button", name="Yes, delete my data").click()
    expect(achievements.get_by_role("status").filter(has_text="has been deleted")).to_be_visible()
    # The quiz tab hears of the deletion and reads the record again, without putting its pass back.
    expect(quiz.locator(".course-quiz__status")).not_to_contain_text("passed", ignore_case=True)
    quiz.get_by_role("group").first.get_by_role("radio").first.check()  # a save after the deletion
    quiz.wait_for_function("k => JSON.parse(localStorage.getItem(k) || '{}').blocks?.alpha?.draft", arg=key)
    assert not stored_pass(achievements, key)
