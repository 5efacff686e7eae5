"""Tries per question: each question is checked on its own, a wrong answer may be tried again up
to its `tries`, and a closed question shows what was right; the score counts questions right
within their tries, and an attempt's progress survives a reload and a second tab."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import CAPITALS, card, check_answers, check_question, question, record, result, verdict
from playwright.sync_api import expect


def country(page) -> str:
    return "France" if "France" in question(page, "capital of").inner_text() else "Italy"


def test_a_wrong_answer_may_be_tried_again_until_it_is_right(page, site):
    page.goto(site + "alpha/quiz/")
    sky = question(page, "sky")
    sky.get_by_label("True", exact=True).check()
    check_question(page, "sky")
    expect(verdict(page, "sky")).to_be_focused()
    expect(verdict(page, "sky")).to_have_text(re.compile(r"Not right yet\. 2 tries left"))
    expect(sky).to_contain_text("2 tries left")
    sky.get_by_label("False", exact=True).check()
    check_question(page, "sky")
    expect(verdict(page, "sky")).to_have_text(re.compile("Correct"))
    expect(sky.get_by_role("radio").first).to_be_disabled()
    expect(sky.get_by_role("button", name="Check answer")).to_be_hidden()
    expect(sky.get_by_label(re.compile("^False"))).to_have_accessible_name("False Chosen and right")
    expect(card(page, "sky")).to_contain_text("A clear sky looks blue.")  # the explanation, once closed
    assert page.errors == []


def test_out_of_tries_the_question_closes_and_shows_the_right_option(page, site):
    page.goto(site + "alpha/quiz/")
    right, wrong = CAPITALS[country(page)]
    capital = question(page, "capital of")
    capital.get_by_label(wrong, exact=True).check()
    for left in ("2 tries left", "1 try left"):
        check_question(page, "capital of")
        expect(verdict(page, "capital of")).to_contain_text(left)
        expect(card(page, "capital of")).to_contain_text(re.compile("Lyon is large|Milan is in the north"))
    check_question(page, "capital of")
    expect(verdict(page, "capital of")).to_have_text(re.compile("Incorrect"))
    expect(capital.get_by_label(re.compile(f"^{right}"))).to_have_accessible_name(f"{right} Right and missed")
    expect(capital.get_by_label(re.compile(f"^{wrong}"))).to_have_accessible_name(f"{wrong} Chosen and wrong")
    expect(card(page, "capital of")).to_contain_text(
        re.compile("The capital of (France is in the north|Italy is Rome)")
    )
    # The answers were found from their hashes: nothing in the page gave them away before.
    assert right not in page.locator("template.course-quiz__data").evaluate("(t) => t.content.textContent")


def test_checking_nothing_uses_no_try(page, site):
    page.goto(site + "alpha/quiz/")
    check_question(page, "numbers are prime")
    expect(verdict(page, "numbers are prime")).to_have_text("Choose an answer, then check it.")
    expect(question(page, "numbers are prime")).to_contain_text("3 tries left")
    check_question(page, "planet")
    expect(verdict(page, "planet")).to_have_text("Type an answer, then check it.")


def test_text_answers_forgive_punctuation_and_typographic_marks(page, site):
    page.goto(site + "alpha/quiz/")
    question(page, "planet").get_by_label("Your answer").fill("The Earth…!")
    check_question(page, "planet")
    expect(verdict(page, "planet")).to_have_text(re.compile("Correct"))
    expect(card(page, "planet")).to_contain_text("third planet from the Sun")


def with_tries(project: Path) -> None:
    quiz = project / "quizzes" / "alpha.yml"
    text = quiz.read_text().replace("pass_mark: 75\n", "pass_mark: 75\ntries: 1\n")
    quiz.write_text(text.replace("    answer: false\n", "    answer: false\n    tries: 2\n"))


def test_tries_come_from_the_quiz_and_each_question(page, build_site):
    site = build_site("tries", edit=with_tries)
    page.goto(site + "alpha/quiz/")
    expect(question(page, "capital of")).to_contain_text("1 try left")
    expect(question(page, "sky")).to_contain_text("2 tries left")
    right, wrong = CAPITALS[country(page)]
    question(page, "capital of").get_by_label(wrong, exact=True).check()
    check_question(page, "capital of")
    expect(verdict(page, "capital of")).to_have_text(re.compile("Incorrect"))  # closed at the first try
    expect(question(page, "capital of").get_by_label(re.compile(f"^{right}"))).to_have_accessible_name(
        f"{right} Right and missed"
    )


def test_the_score_counts_questions_right_within_their_tries(page, site):
    page.goto(site + "alpha/quiz/")
    right, wrong = CAPITALS[country(page)]
    question(page, "capital of").get_by_label(right, exact=True).check()
    check_question(page, "capital of")
    primes = question(page, "numbers are prime")
    for number in ("2", "4"):  # wrong three times: out of tries
        primes.get_by_label(number, exact=True).check()
    for _ in range(3):
        check_question(page, "numbers are prime")
    expect(card(page, "numbers are prime")).to_contain_text("1 of 2 right options chosen.")
    question(page, "sky").get_by_label("True", exact=True).check()
    check_question(page, "sky")
    question(page, "sky").get_by_label("False", exact=True).check()
    check_question(page, "sky")  # right at the second try: it counts
    assert "alpha" not in record(page).get("questions", {})  # nothing recorded until every question closes
    question(page, "planet").get_by_label("Your answer").fill("earth")
    check_question(page, "planet")  # the last question: the attempt is finished and recorded
    expect(page.get_by_role("heading", name="Your score: 75%")).to_be_focused()
    expect(result(page)).to_contain_text("3 of 4 questions right within their tries. The pass mark is 75%.")
    stored = record(page)
    assert stored["blocks"]["alpha"]["attempts"] == 1 and stored["blocks"]["alpha"]["bestScore"] == 75
    assert stored["questions"]["alpha"]["primes"]["correct"] is False
    assert page.errors == []


def test_an_attempt_in_progress_survives_a_reload_and_a_second_tab(context, site):
    page = context.new_page()
    page.goto(site + "alpha/quiz/")
    right, _ = CAPITALS[country(page)]
    question(page, "capital of").get_by_label(right, exact=True).check()
    check_question(page, "capital of")
    question(page, "sky").get_by_label("True", exact=True).check()
    check_question(page, "sky")
    expect(verdict(page, "sky")).to_contain_text("2 tries left")
    page.reload()
    expect(question(page, "sky")).to_contain_text("2 tries left")
    expect(question(page, "sky").get_by_label("True", exact=True)).to_be_checked()
    expect(verdict(page, "capital of")).to_have_text(re.compile("Correct"))
    expect(question(page, "capital of").get_by_role("radio").first).to_be_disabled()
    other = context.new_page()  # a second tab shows the same attempt, and its checks reach the first
    other.goto(site + "alpha/quiz/")
    expect(verdict(other, "capital of")).to_have_text(re.compile("Correct"))
    expect(question(other, "sky")).to_contain_text("2 tries left")
    question(other, "sky").get_by_label("False", exact=True).check()
    check_question(other, "sky")
    expect(verdict(other, "sky")).to_have_text(re.compile("Correct"))
    expect(verdict(page, "sky")).to_have_text(re.compile("Correct"))
    expect(question(page, "sky").get_by_label(re.compile("^False"))).to_be_checked()


def test_a_new_attempt_shows_other_versions_and_says_what_changed(page, site):
    page.goto(site + "alpha/quiz/")
    before = country(page)
    check_answers(page)
    page.get_by_role("button", name="Check answers anyway").click()
    page.get_by_role("button", name="Try again").click()
    expect(result(page)).to_have_text(
        "New attempt started. Question 1 is a new version; the others are as before. The options are in a new order."
    )
    assert country(page) != before
    expect(question(page, "sky")).to_contain_text("3 tries left")
    expect(question(page, "sky").get_by_role("radio").first).to_be_enabled()


def test_a_new_draw_says_which_questions_are_new(page, site):
    page.goto(site + "beta/quiz/")

    def prompts() -> list[str]:
        return [group.locator(".course-q__prompt").inner_text() for group in page.get_by_role("group").all()]

    for _ in range(4):
        before = prompts()
        check_answers(page)
        page.get_by_role("button", name="Check answers anyway").click()
        page.get_by_role("button", name="Try again").click()
        expect(result(page)).to_contain_text("New attempt started.")
        after = prompts()
        new = [position for position, prompt in enumerate(after, 1) if prompt not in before]
        said = result(page).inner_text()
        if not new:
            assert said.startswith("New attempt started. The questions are as before."), said
        elif len(new) == 1:
            assert f"Question {new[0]} is a question you did not have last time; the others are as before." in said
        else:
            assert "Questions 1 and 2 are questions you did not have last time." in said
