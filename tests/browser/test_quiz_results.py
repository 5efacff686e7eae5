"""Results that teach: each option marked by icon, words and colour, a partly right answer's count,
a summary with a link to each question (links that work under material's instant navigation),
and after a pass the badge and the next block as the way on."""

from __future__ import annotations

import re

import pytest
from helpers import CAPITALS, answer_alpha, answer_beta, card, check_answers, question, result, serious_problems, settle
from playwright.sync_api import expect

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1350, "height": 940}}


def serious(page) -> list[str]:
    page.mouse.move(0, 0)  # material's hover colours are its own; what is shown at rest is checked here
    return serious_problems(page, "article")


def finish_alpha_partly_right(page) -> None:
    """Capital right, primes half right (2 and 4), sky wrong, planet unanswered; then finish."""
    capital = question(page, "capital of")
    country = "France" if "France" in capital.inner_text() else "Italy"
    capital.get_by_label(CAPITALS[country][0], exact=True).check()
    for number in ("2", "4"):
        question(page, "numbers are prime").get_by_label(number, exact=True).check()
    question(page, "sky").get_by_label("True", exact=True).check()
    check_answers(page)
    page.get_by_role("button", name="Check answers anyway").click()
    expect(page.get_by_role("heading", name="Your score: 25%")).to_be_focused()


def colour(locator, css: str = "color") -> str:
    return locator.evaluate(f"(node) => getComputedStyle(node).{css}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_option_reads_as_chosen_and_right_wrong_or_missed(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    if scheme == "dark":  # the fixture's palette has a toggle (the sample course follows the system)
        page.get_by_title("Switch to dark mode").click()
    finish_alpha_partly_right(page)
    primes = question(page, "numbers are prime")
    states = {number: primes.get_by_label(re.compile(f"^{number}( |$)")) for number in ("2", "3", "4", "9")}
    expect(states["2"]).to_have_accessible_name("2 Chosen and right")
    expect(states["4"]).to_have_accessible_name("4 Chosen and wrong")
    expect(states["3"]).to_have_accessible_name("3 Right and missed")
    expect(states["9"]).to_have_accessible_name("9")
    expect(card(page, "numbers are prime")).to_contain_text("1 of 2 right options chosen.")
    labels = {
        number: primes.locator("label").filter(has_text=re.compile(rf"^\s*{number}\b")) for number in ("2", "3", "4")
    }
    expect(labels["2"].get_by_text("Chosen and right")).to_be_visible()  # words on screen, not only for screen readers
    right, wrong = colour(labels["2"].locator(".course-opt__state")), colour(labels["4"].locator(".course-opt__state"))
    assert right != wrong
    assert colour(labels["2"], "borderTopColor") == right and colour(labels["4"], "borderTopColor") == wrong
    assert colour(labels["3"], "borderTopStyle") == "dashed"
    expect(card(page, "sky")).to_contain_text("Incorrect")
    expect(card(page, "planet")).to_contain_text("Not answered")
    # The card's left border says right or wrong (material's `[dir=ltr] .md-typeset ol li` rules lose).
    assert colour(card(page, "capital of"), "borderLeftColor") == right
    assert colour(card(page, "sky"), "borderLeftColor") == wrong
    assert serious(page) == []
    context.close()


def test_the_summary_links_to_each_question_without_leaving_the_page(page, site):
    page.goto(site + "alpha/quiz/")
    page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    finish_alpha_partly_right(page)
    summary = result(page)
    expect(summary).to_contain_text(
        "1 of 4 questions right within their tries. The pass mark is 75%. You have not passed yet."
    )
    links = summary.get_by_role("link")
    expect(links).to_have_text(["Question 1", "Question 2", "Question 3", "Question 4"])
    expect(summary.get_by_role("listitem")).to_have_text(
        ["Question 1 ✓Correct", "Question 2 ✗Incorrect", "Question 3 ✗Incorrect", "Question 4 ✗Not answered"]
    )
    url = page.url
    links.nth(2).click()
    expect(card(page, "sky")).to_be_focused()
    assert page.url == url and page.evaluate("window.__sameDocument") is True
    expect(summary).to_contain_text("Your score: 25%")


def test_unanswered_question_links_keep_the_message_and_focus_the_question(page, site):
    page.goto(site + "alpha/quiz/")
    page.evaluate("window.__sameDocument = true")
    answer_alpha(page, right=True, skip=("primes", "planet"))
    check_answers(page)
    message = page.locator(".course-quiz__confirm")
    message.get_by_role("link", name="Question 4 of 4").click()
    expect(question(page, "planet").get_by_label("Your answer")).to_be_focused()
    expect(message).to_be_visible()
    expect(message).to_contain_text("2 questions are not answered")
    assert page.evaluate("window.__sameDocument") is True


def test_after_a_pass_the_badge_and_the_next_block_are_the_way_on(page, site):
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    offer = result(page).locator(".course-quiz__next")
    next_block = offer.get_by_role("link", name="Next: Beta")
    expect(next_block).to_have_class(re.compile("md-button--primary"))
    expect(offer).to_contain_text("Still to pass: Beta.")
    expect(offer.get_by_role("button", name="Download badge")).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    next_block.click()  # instant navigation takes it, as any link to a page
    expect(page).to_have_url(re.compile(r"/beta/$"))
    assert page.evaluate("window.__sameDocument") is True
    page.goto(page.url + "quiz/")
    answer_beta(page)
    check_answers(page)
    offer = result(page).locator(".course-quiz__next")
    expect(offer).to_contain_text("You have passed every block.")
    expect(offer.get_by_role("link", name="Get your statement on the achievements page")).to_have_attribute(
        "href", re.compile(r"/achievements/$")
    )
    expect(offer.get_by_role("link", name=re.compile("^Next:"))).to_have_count(0)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marked_sample_quiz_has_no_serious_problem(browser, sample, width, scheme):
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
    page = context.new_page()
    page.goto(sample + "not-invited/quiz/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    for group in page.get_by_role("group").all():
        choices = group.get_by_role("radio").or_(group.get_by_role("checkbox"))
        if choices.count():
            choices.nth(1).check()
        else:
            group.get_by_role("textbox").fill("Development points.")
    group = page.get_by_role("group").first
    group.get_by_role("button", name="Check answer").click()  # one try: "not right yet" or closed
    expect(page.locator(".course-q__verdict").first).to_be_visible()
    settle(page)
    assert serious(page) == []
    check_answers(page)
    expect(page.get_by_role("heading", name=re.compile(r"Your score: \d+%"))).to_be_focused()
    expect(page.locator(".course-opt__state").first).to_be_visible()
    settle(page)
    assert serious(page) == []
    context.close()
