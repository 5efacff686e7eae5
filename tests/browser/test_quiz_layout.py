"""The quiz page does not move as it loads (its questions are HTML from the build, which the script
enhances), and its cards line up with the text column, on a phone and on a desktop."""

from __future__ import annotations

import pytest
from helpers import answer_everything, check_answers
from playwright.sync_api import expect

# Every layout shift of a cold load, summed as Lighthouse's CLS sums a short page load's.
LAYOUT_SHIFT = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 1500);
})"""
EDGES = """(selectors) => selectors.map((selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return [Math.round(box.left), Math.round(box.right)];
})"""


@pytest.mark.parametrize("viewport", [(1350, 940), (412, 915)], ids=["desktop", "phone"])
@pytest.mark.parametrize("quiz", ["not-invited/quiz/", "handling-rejection/quiz/"], ids=["variants", "draw"])
def test_a_cold_load_of_the_quiz_page_does_not_move(browser, sample, viewport, quiz):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(sample + quiz)
    expect(page.get_by_role("group").first).to_be_visible()
    expect(page.locator(".course-quiz__nojs")).to_be_hidden()
    # Busy while the script restores a saved attempt, then no longer, or screen readers would wait.
    expect(page.locator("[data-course-quiz]")).not_to_have_attribute("aria-busy", "true")
    assert page.evaluate(LAYOUT_SHIFT) <= 0.02
    context.close()


@pytest.mark.parametrize("viewport", [(390, 844), (1350, 940)], ids=["phone", "desktop"])
def test_quiz_cards_line_up_with_the_text_column(browser, sample, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(sample + "not-invited/quiz/")
    paragraph, card, result = page.evaluate(EDGES, [".course-quiz__intro p", ".course-q", ".course-quiz__status"])
    assert card == paragraph and result == paragraph
    answer_everything(page)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score", exact=False)).to_be_focused()
    paragraph, card, summary = page.evaluate(EDGES, [".course-quiz__intro p", ".course-q", ".course-quiz__result"])
    assert card == paragraph and summary == paragraph
    context.close()
