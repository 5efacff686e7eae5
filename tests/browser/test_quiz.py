"""Taking a quiz: marking, feedback, retries, reloads, keyboard use."""

from __future__ import annotations

import re

from helpers import answer_alpha, check_answers, question, record, result
from playwright.sync_api import expect


def test_failing_shows_feedback_per_question(page, site):
    page.goto(site + "alpha/quiz/")
    expect(page.locator(".course-quiz__nojs")).to_be_hidden()
    answer_alpha(page, right=False)
    check_answers(page)
    heading = page.get_by_role("heading", name="Your score: 0%")
    expect(heading).to_be_focused()
    expect(result(page)).to_contain_text("The pass mark is 75%")
    expect(result(page)).to_contain_text("You have not passed yet.")
    expect(result(page)).to_have_attribute("aria-live", "polite")
    capital = page.locator(".course-q").nth(0)
    expect(capital).to_contain_text("Incorrect")
    expect(capital).to_contain_text(re.compile("Lyon is large|Milan is in the north"))
    expect(capital).to_contain_text(re.compile("The capital of (France is in the north|Italy is Rome)"))
    expect(capital.get_by_role("link", name=re.compile("^Read again: "))).to_have_attribute(
        "href", re.compile(r"#capitals")
    )
    expect(page.locator(".course-q").nth(1)).to_contain_text("Four is two times two.")
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    expect(page.get_by_role("button", name="Check answers")).to_be_hidden()
    assert record(page)["blocks"]["alpha"]["passed"] is False
    assert page.errors == []


def test_retry_then_pass(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=False)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 0%")).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    expect(result(page)).to_contain_text("New attempt started")
    expect(question(page, "planet").get_by_label("Your answer")).to_have_value("")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_focused()
    expect(result(page)).to_contain_text("You passed.")
    for item in page.locator(".course-q").all():
        expect(item).to_contain_text("Correct")
    stored = record(page)["blocks"]["alpha"]
    assert stored["passed"] is True and stored["bestScore"] == 100 and stored["attempts"] == 2
    assert page.errors == []


def test_try_again_shows_the_other_variant_and_shuffles(page, site):
    page.goto(site + "alpha/quiz/")
    seen = []
    for _ in range(3):
        seen.append("France" if "France" in question(page, "capital of").inner_text() else "Italy")
        check_answers(page)
        page.get_by_role("button", name="Check answers anyway").click()
        page.get_by_role("button", name="Try again").click()
    assert seen[0] != seen[1] != seen[2], seen


def test_unanswered_questions_are_named_before_marking(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True, skip=("primes", "planet"))
    check_answers(page)
    warning = page.get_by_role("heading", name="2 questions are not answered")
    expect(warning).to_be_focused()
    confirm = page.locator(".course-quiz__confirm")
    expect(confirm).to_contain_text("count as wrong")
    expect(confirm.get_by_role("link")).to_have_text(["Question 2 of 4", "Question 4 of 4"])
    page.get_by_role("button", name="Keep answering").click()
    expect(question(page, "numbers are prime").get_by_role("checkbox").first).to_be_focused()
    check_answers(page)
    page.get_by_role("button", name="Check answers anyway").click()
    expect(page.get_by_role("heading", name="Your score: 50%")).to_be_visible()
    expect(page.locator(".course-q").nth(3)).to_contain_text("Not answered")


def test_reload_restores_answers_and_keeps_the_pass(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True, skip=("planet",))
    question(page, "planet").get_by_label("Your answer").fill("earth")
    order = page.locator(".course-q").all_inner_texts()
    page.reload()
    expect(question(page, "planet").get_by_label("Your answer")).to_have_value("earth")
    assert page.locator(".course-q").all_inner_texts() == order  # same versions, same option order
    expect(question(page, "sky").get_by_label("False", exact=True)).to_be_checked()
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.reload()
    expect(page.locator(".course-quiz__status")).to_contain_text(
        re.compile(r"You passed this quiz on \w+ \d+, \d{4}\.")
    )
    expect(result(page)).to_contain_text("Your score: 100%")  # the marked attempt is shown again
    assert record(page)["blocks"]["alpha"]["attempts"] == 1


FOCUSED_NAME = "(() => { const e = document.activeElement; return (e.labels?.[0] || e).textContent.trim() })()"


def tab_to(page, name: str, limit: int = 40) -> None:
    """Press Tab until the focused element's text or label is `name`, as a learner reads along."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def tab_into(page, group, limit: int = 40) -> None:
    """Press Tab until focus is on an option of `group` (Tab enters a radio group on one option)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if group.evaluate(
            "(group) => group.contains(document.activeElement) && document.activeElement.type !== 'button'"
        ):
            return
    raise AssertionError("Tab never reached the group")


def test_every_question_type_by_keyboard_only(page, site):
    """Tab, Space and Enter only: answer, check each question, finish, revisit, start again."""
    page.goto(site + "alpha/quiz/")
    capital = question(page, "capital of")
    tab_into(page, capital)  # arrows would move within the radio group; Space takes this option
    page.keyboard.press("Space")
    expect(capital.get_by_role("radio", checked=True)).to_have_count(1)
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    expect(page.locator(".course-q").nth(0).locator(".course-q__verdict")).to_be_focused()
    primes = question(page, "numbers are prime")
    for number in ("2", "3"):
        tab_to(page, number)
        page.keyboard.press("Space")
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    expect(page.locator(".course-q").nth(1).locator(".course-q__verdict")).to_contain_text("Correct")
    expect(primes.get_by_role("checkbox").first).to_be_disabled()
    sky = question(page, "sky")
    tab_into(page, sky)  # lands on True: wrong
    page.keyboard.press("Space")
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    verdict = page.locator(".course-q").nth(2).locator(".course-q__verdict")
    expect(verdict).to_be_focused()
    expect(verdict).to_contain_text("Not right yet. 2 tries left")
    expect(sky.get_by_role("radio").first).to_be_enabled()  # open for another try
    tab_to(page, "Your answer")
    page.keyboard.type("Earth.")
    page.keyboard.press("Enter")  # Enter in a typed answer checks that question
    expect(page.locator(".course-q").nth(3).locator(".course-q__verdict")).to_contain_text("Correct")
    tab_to(page, "Check answers")  # finishes the attempt: open questions are marked as they stand
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name=re.compile(r"Your score: (50|75)%"))
    expect(heading).to_be_focused()
    page.evaluate("window.__sameDocument = true")
    tab_to(page, "Question 3")
    page.keyboard.press("Enter")
    expect(page.locator(".course-q").nth(2)).to_be_focused()
    expect(page.locator(".course-q").nth(2)).to_contain_text("Incorrect")
    assert page.evaluate("window.__sameDocument") is True  # material's instant navigation left it alone
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(FOCUSED_NAME) == "Try again":
            break
    page.keyboard.press("Enter")
    expect(page.locator(".course-q input:visible").first).to_be_focused()
    assert record(page)["blocks"]["alpha"]["attempts"] == 1
    assert page.errors == []


def test_marks_without_web_crypto(context, site):
    # crypto.subtle is missing on plain http from a LAN host; the small fallback takes over.
    context.add_init_script("Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined })")
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    assert page.evaluate("crypto.subtle") is None
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    answer_alpha(page, right=False)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 0%")).to_be_visible()


def test_print_shows_questions_not_buttons(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("group")).to_have_count(4)
    for group in page.get_by_role("group").all():
        expect(group).to_be_visible()
    expect(page.get_by_role("button", name="Try again")).to_be_hidden()
    expect(page.locator(".course-quiz__result")).to_be_visible()


def test_without_javascript_the_questions_show_and_say_checking_needs_it(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    expect(page.get_by_text("Checking your answers needs JavaScript")).to_be_visible()
    expect(page.get_by_role("group")).to_have_count(4)
    expect(question(page, "numbers are prime").get_by_label("3", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(0)  # kept in place, unseen
    page.goto(site + "alpha/")
    expect(page.get_by_role("heading", name="Alpha block")).to_be_visible()
    context.close()
