"""A quiz edited between visits: saved answers follow question ids, changed questions start afresh."""

from __future__ import annotations

from pathlib import Path

from helpers import answer_alpha, check_answers, question, record
from playwright.sync_api import expect

NEW_FIRST = """  - id: moon
    type: true_false
    prompt: The Moon orbits the Earth.
    answer: true
"""


def edit_alpha(project: Path) -> None:
    quiz = project / "quizzes" / "alpha.yml"
    text = quiz.read_text()
    start = text.index("  - id: primes")
    end = text.index("  - id: sky")
    text = text[:start] + text[end:]  # primes removed
    text = text.replace("questions:\n", "questions:\n" + NEW_FIRST, 1)  # a question added at the top
    text = text.replace("The sky on a clear day is green.", "On a clear day the sky is green.")  # changed
    quiz.write_text(text)


def test_edited_quiz_keeps_answers_on_the_right_questions(page, build_site):
    site = build_site("edited")
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    capital = question(page, "capital of")
    country = "France" if "France" in capital.inner_text() else "Italy"
    capital.get_by_label("Paris" if country == "France" else "Rome", exact=True).check()
    question(page, "sky").get_by_label("False", exact=True).check()
    question(page, "planet").get_by_label("Your answer").fill("earth")

    build_site("edited", edit=edit_alpha)  # the author edits the quiz; the learner comes back
    page.reload()
    groups = page.get_by_role("group")
    expect(groups).to_have_count(4)
    expect(groups.nth(0)).to_contain_text("The Moon orbits the Earth.")
    expect(groups.nth(0).get_by_role("radio", checked=True)).to_have_count(0)
    expect(page.get_by_text("Which of these numbers are prime?")).to_have_count(0)
    expect(question(page, "capital of")).to_contain_text(country)
    expect(question(page, "capital of").get_by_role("radio", checked=True)).to_have_count(1)
    expect(question(page, "sky").get_by_role("radio", checked=True)).to_have_count(0)  # content changed
    expect(question(page, "planet").get_by_label("Your answer")).to_have_value("earth")
    expect(page.locator(".course-quiz__status")).to_contain_text("You passed this quiz")
    assert record(page)["blocks"]["alpha"]["bestScore"] == 100

    groups.nth(0).get_by_label("True", exact=True).check()
    question(page, "sky").get_by_label("False", exact=True).check()
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    answers = record(page)["questions"]["alpha"]
    assert answers["moon"]["correct"] is True and answers["planet"]["response"] == "earth"
