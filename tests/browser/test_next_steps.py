"""Always a next step: where a lesson sits in its block, the lessons visited, a block's status on
its first page, and the home page's "Continue where you left off", as a learner meets them: on a
phone and a desktop, light and dark, by mouse and by keyboard alone, with other tabs, instant
navigation, and storage blocked or damaged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import answer_alpha, check_answers, learner_page, record, seed_record, serious_problems, storage_key
from playwright.sync_api import Page, expect

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError") } })"""
ALPHA_PASSED = {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1}
BETA_PASSED = {"bestScore": 100, "passed": True, "passedAt": "2026-11-23T10:00:00.000Z", "attempts": 1}


def add_lessons(project: Path) -> None:
    """Alpha gets three lessons after its first page, beta one."""
    content = project / "content"
    (content / "alpha" / "letters.md").write_text("# Letters\n\nA is the first letter.\n", encoding="utf-8")
    (content / "alpha" / "shapes.md").write_text("# Shapes\n\nA square has four sides.\n", encoding="utf-8")
    (content / "beta" / "mixing.md").write_text("# Mixing\n\nBlue and yellow make green.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "      - alpha/numbers.md\n", "      - alpha/numbers.md\n      - alpha/letters.md\n      - alpha/shapes.md\n"
    )
    text = text.replace("      - beta/index.md\n", "      - beta/index.md\n      - beta/mixing.md\n")
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def course(build_site) -> str:  # type: ignore[no-untyped-def]
    return build_site("next-steps", edit=add_lessons)


@pytest.fixture()
def learner(browser, request):  # type: ignore[no-untyped-def]
    """A page at the width and colour scheme the test asks for (desktop and light by default)."""
    width, scheme = getattr(request, "param", ("desktop", "light"))
    with learner_page(browser, viewport=WIDTHS[width], color_scheme=scheme) as page:
        yield page


def lessons_list(page: Page):  # type: ignore[no-untyped-def]
    """The block's lessons at the end of the page."""
    return page.get_by_role("navigation", name=re.compile(r"^In Block \d"))


def visits(page: Page, site: str) -> object:
    raw = page.evaluate("(key) => localStorage.getItem(key)", storage_key(site) + ":visits")
    return json.loads(raw) if raw else None


def status(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("paragraph").filter(has_text=re.compile(r"^Your progress in this block:"))


both_widths = pytest.mark.parametrize(
    "learner", [("desktop", "light"), ("phone", "dark")], indirect=True, ids=["desktop-light", "phone-dark"]
)


@both_widths
def test_a_lesson_says_where_it_is_and_which_lessons_were_visited(learner: Page, course: str) -> None:
    learner.goto(course + "alpha/numbers/")
    learner.goto(course + "alpha/letters/")
    expect(learner.get_by_text("Lesson 2 of 3 · Block 1: Alpha")).to_be_visible()
    where = lessons_list(learner)
    expect(where.get_by_role("link", name="Numbers (visited)")).to_be_visible()
    expect(where.get_by_role("link", name="Shapes", exact=True)).to_be_visible()  # not visited yet
    expect(where.locator("[aria-current=page]")).to_have_text("Letters")
    expect(where.get_by_role("link", name="Alpha quiz")).to_have_attribute("href", re.compile(r"/alpha/quiz/$"))
    # The mark is seen, not only heard or coloured: a tick in the link's text.
    expect(where.get_by_role("link", name="Numbers (visited)")).to_contain_text("✓")
    learner.reload()
    expect(lessons_list(learner).get_by_role("link", name="Numbers (visited)")).to_be_visible()
    if learner.viewport_size["width"] > 1000:  # the navigation is a drawer on phones
        nav = learner.get_by_role("navigation", name="Navigation")
        expect(nav.get_by_role("link", name="Numbers (visited)")).to_be_visible()
        expect(nav.get_by_role("link", name="Letters (visited)")).to_be_visible()
    learner.get_by_role("link", name="Block 1: Alpha").first.click()
    expect(learner).to_have_url(course + "alpha/")
    expect(status(learner)).to_contain_text("In progress: 2 of 3 lessons visited")
    assert visits(learner, course) == {"version": 1, "pages": ["alpha/numbers/", "alpha/letters/"]}


def test_the_first_page_of_a_block_is_not_a_lesson_and_shows_the_block_status(learner: Page, course: str) -> None:
    learner.goto(course + "alpha/")
    expect(learner.get_by_text(re.compile(r"^Lesson \d"))).to_have_count(0)
    expect(status(learner)).to_contain_text("Not started")
    expect(status(learner)).to_contain_text("The block has 3 lessons, then its quiz")
    expect(status(learner).get_by_role("link", name="Alpha quiz")).to_have_attribute(
        "href", re.compile(r"/alpha/quiz/$")
    )
    seed_record(learner, course, {"alpha": ALPHA_PASSED})
    learner.goto(course + "alpha/")
    expect(status(learner)).to_contain_text("Quiz passed")
    learner.goto(course + "beta/")
    expect(status(learner)).to_contain_text("Not started")
    expect(status(learner)).to_contain_text("The block has 1 lesson, then its quiz")


def test_visits_reach_a_second_tab_and_survive_instant_navigation(browser, course: str) -> None:
    context = browser.new_context(locale="en-GB")
    try:
        first, second = context.new_page(), context.new_page()
        second.goto(course + "alpha/")
        expect(status(second)).to_contain_text("Not started")
        first.goto(course + "alpha/")
        first.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
        lessons_list(first).get_by_role("link", name="Numbers").click()
        expect(first.get_by_text("Lesson 1 of 3 · Block 1: Alpha")).to_be_visible()
        lessons_list(first).get_by_role("link", name="Letters").click()
        expect(first.get_by_text("Lesson 2 of 3 · Block 1: Alpha")).to_be_visible()
        expect(lessons_list(first).get_by_role("link", name="Numbers (visited)")).to_be_visible()
        expect(status(second)).to_contain_text("In progress: 2 of 3 lessons visited")  # the storage event
        first.get_by_role("link", name="Block 1: Alpha").first.click()
        expect(status(first)).to_contain_text("In progress: 2 of 3 lessons visited")
        assert first.evaluate("window.__sameDocument") is True
    finally:
        context.close()


def test_blocked_storage_keeps_visits_for_the_visit_without_an_error(browser, course: str) -> None:
    context = browser.new_context(locale="en-GB")
    context.add_init_script(BLOCKED)
    page = context.new_page()
    errors: list[str] = []
    # mkdocs-material's own inline scripts throw where storage is blocked (their stack is empty);
    # the course's code must not.
    page.on("pageerror", lambda error: "/assets/course/" in (error.stack or "") and errors.append(error.stack))
    try:
        page.goto(course + "alpha/numbers/")
        expect(page.get_by_text("Lesson 1 of 3 · Block 1: Alpha")).to_be_visible()
        lessons_list(page).get_by_role("link", name="Shapes").click()  # instant navigation
        expect(page.get_by_text("Lesson 3 of 3 · Block 1: Alpha")).to_be_visible()
        expect(lessons_list(page).get_by_role("link", name="Numbers (visited)")).to_be_visible()
        page.get_by_role("link", name="Block 1: Alpha").first.click()
        expect(status(page)).to_contain_text("In progress: 2 of 3 lessons visited")
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("damaged", ["{not json", '{"version": 1, "pages": "alpha/numbers/"}', "[1, 2]", '"x"'])
def test_damaged_visits_are_ignored_and_passes_untouched(learner: Page, course: str, damaged: str) -> None:
    seed_record(learner, course, {"alpha": ALPHA_PASSED})
    before = record(learner)
    learner.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(course) + ":visits", damaged])
    learner.goto(course + "alpha/")
    expect(status(learner)).to_contain_text("Quiz passed")
    learner.goto(course + "alpha/letters/")
    expect(lessons_list(learner).get_by_role("link", name="Numbers", exact=True)).to_be_visible()
    assert visits(learner, course) == {"version": 1, "pages": ["alpha/letters/"]}
    assert record(learner) == before
    expect(
        learner.get_by_role("navigation", name="Navigation").get_by_role("link", name="Alpha quiz (passed)")
    ).to_be_visible()


def continue_link(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("link", name="Continue where you left off")


@both_widths
def test_home_opens_with_the_next_step(learner: Page, course: str) -> None:
    learner.goto(course)
    start = learner.get_by_role("link", name="Start the course")
    expect(start).to_have_attribute("href", re.compile(r"/next-steps/alpha/$"))
    expect(learner.get_by_text("Begin with Block 1: Alpha.")).to_be_visible()
    # It opens the page: above the course's own text.
    assert start.bounding_box()["y"] < learner.get_by_text("A small course for the browser tests.").bounding_box()["y"]

    learner.goto(course + "alpha/numbers/")
    learner.goto(course)
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/alpha/letters/$"))
    expect(learner.get_by_text("Next: Letters, lesson 2 of 3 in Block 1: Alpha.")).to_be_visible()

    for lesson in ("shapes", "letters"):
        learner.goto(course + f"alpha/{lesson}/")
    learner.goto(course)
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/alpha/quiz/$"))
    expect(learner.get_by_text("Next: the quiz of Block 1: Alpha.")).to_be_visible()

    seed_record(learner, course, {"alpha": ALPHA_PASSED})
    learner.goto(course)
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/beta/$"))
    expect(learner.get_by_text("Next: Block 2: Beta.")).to_be_visible()

    seed_record(learner, course, {"alpha": ALPHA_PASSED, "beta": BETA_PASSED})
    learner.goto(course)
    expect(learner.get_by_role("link", name="See your achievements")).to_have_attribute(
        "href", re.compile(r"/achievements/$")
    )
    expect(learner.get_by_text("You have passed every block of Fixture course.")).to_be_visible()


def test_a_skipped_lesson_comes_after_the_quiz_that_follows_the_last_visit(learner: Page, course: str) -> None:
    for lesson in ("numbers", "shapes"):
        learner.goto(course + f"alpha/{lesson}/")
    learner.goto(course)
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/alpha/quiz/$"))
    seed_record(learner, course, {"alpha": ALPHA_PASSED, "beta": BETA_PASSED | {"passed": False}})
    learner.goto(course + "beta/mixing/")
    learner.goto(course)
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/beta/quiz/$"))


def test_passing_a_quiz_marks_the_navigation_at_once(learner: Page, course: str) -> None:
    learner.goto(course + "alpha/quiz/")
    nav = learner.get_by_role("navigation", name="Navigation")
    expect(nav.get_by_role("link", name="Alpha quiz (passed)")).to_have_count(0)
    answer_alpha(learner, right=True)
    check_answers(learner)
    expect(learner.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    expect(nav.get_by_role("link", name="Alpha quiz (passed)")).to_be_visible()  # no new page needed
    expect(nav.get_by_role("link", name="Alpha (passed)")).to_be_visible()


def test_keyboard_only_from_continue_through_a_lesson(learner: Page, course: str) -> None:
    learner.goto(course + "alpha/numbers/")
    learner.goto(course)

    def tab_to(name: str) -> None:
        for _ in range(80):
            learner.keyboard.press("Tab")
            if learner.evaluate("() => document.activeElement?.textContent.trim()") == name:
                return
        raise AssertionError(f"Tab never reached {name!r}")

    tab_to("Continue where you left off")
    learner.keyboard.press("Enter")
    expect(learner).to_have_url(course + "alpha/letters/")
    expect(learner.get_by_text("Lesson 2 of 3 · Block 1: Alpha")).to_be_visible()
    tab_to("Shapes")  # the next lesson, in the block's list at the end of the lesson
    learner.keyboard.press("Enter")
    expect(learner).to_have_url(course + "alpha/shapes/")
    expect(lessons_list(learner).get_by_role("link", name="Letters (visited)")).to_be_visible()
    tab_to("Alpha quiz")
    learner.keyboard.press("Enter")
    expect(learner).to_have_url(course + "alpha/quiz/")


@pytest.mark.parametrize(
    "learner",
    [(width, scheme) for width in WIDTHS for scheme in ("light", "dark")],
    indirect=True,
    ids=lambda param: "-".join(param),
)
def test_no_serious_accessibility_problem(learner: Page, course: str) -> None:
    seed_record(learner, course, {"alpha": ALPHA_PASSED})
    found: list[str] = []
    for path in ("alpha/numbers/", "alpha/letters/", "", "alpha/", "beta/", "achievements/"):
        learner.goto(course + path)
        expect(learner.locator("body")).to_have_attribute("data-md-color-scheme", re.compile("default|slate"))
        if path == "":
            expect(continue_link(learner)).to_be_visible()
        if path == "achievements/":
            expect(learner.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()
        found += serious_problems(learner)
    assert found == [], "\n".join(found)


def test_every_save_is_announced_and_delete_forgets_the_visits(learner: Page, course: str) -> None:
    learner.goto(course + "alpha/numbers/")
    learner.goto(course + "alpha/quiz/")
    learner.evaluate(
        "window.__saved = [];"
        "addEventListener('course:record-saved', (event) => __saved.push(structuredClone(event.detail.record)))"
    )
    answer_alpha(learner, right=True)
    check_answers(learner)
    expect(learner.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    saved = learner.evaluate("window.__saved")
    assert saved and saved[-1]["blocks"]["alpha"]["passed"] is True
    assert saved[-1] == record(learner)  # the record as stored

    learner.get_by_role("navigation", name="Navigation").get_by_role("link", name="Achievements").click()
    learner.evaluate("window.__saved = []")
    learner.get_by_role("button", name="Delete my data").click()
    learner.get_by_role("button", name="Yes, delete my data").click()
    expect(learner.get_by_role("progressbar", name="0 of 2 blocks passed")).to_be_visible()
    assert learner.evaluate("window.__saved")[-1]["blocks"] == {}
    assert visits(learner, course) is None
    nav = learner.get_by_role("navigation", name="Navigation")
    expect(nav.get_by_role("link", name="Alpha quiz (passed)")).to_have_count(0)
    expect(nav.get_by_role("link", name="Numbers (visited)")).to_have_count(0)
