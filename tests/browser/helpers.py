"""What a learner does on the fixture course's quizzes, written once for every test."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from mkdocs_course.messages.catalog import site_messages
from mkdocs_course.messages.page import WIDGET_AREAS, WORDS_URI, messages_script, words_file

_axe = Axe()

# Right and wrong answers of tests/fixtures/course/quizzes/alpha.yml, by what the learner reads.
CAPITALS = {"France": ("Paris", "Lyon"), "Italy": ("Rome", "Milan")}


def question(page: Page, prompt: str) -> Locator:
    return page.get_by_role("group", name=re.compile(prompt))


def answer_alpha(page: Page, *, right: bool = True, skip: tuple[str, ...] = ()) -> None:
    """Answer the alpha quiz by mouse: every answer right, or every answer wrong."""
    if "capital" not in skip:
        # Either version of the question, whichever is shown when Playwright acts: a new attempt
        # may swap the version just after its buttons appear, so the text is not read beforehand.
        answers = [pair[0 if right else 1] for pair in CAPITALS.values()]
        question(page, "capital of").get_by_label(re.compile(f"^({'|'.join(answers)})$")).check()
    if "primes" not in skip:
        group = question(page, "numbers are prime")
        for number in ("2", "3") if right else ("4",):
            group.get_by_label(number, exact=True).check()
    if "sky" not in skip:
        question(page, "sky").get_by_label("False" if right else "True", exact=True).check()
    if "planet" not in skip:
        question(page, "planet").get_by_label("Your answer").fill("  the   EARTH " if right else "Mars")


# Right answers of tests/fixtures/course/quizzes/beta.yml, which draws two of its three questions.
BETA_RIGHT = {"blue and yellow": "Green", "one plus one": "Two", "Salt water": "True"}


def answer_beta(page: Page) -> None:
    """Answer the beta quiz rightly: whichever two of its three questions it shows."""
    expect(page.get_by_role("group")).to_have_count(2)
    for prompt, answer in BETA_RIGHT.items():
        group = question(page, prompt)
        if group.count():
            group.get_by_label(answer, exact=True).check()


def check_answers(page: Page) -> None:
    page.get_by_role("button", name="Check answers").click()


def result(page: Page) -> Locator:
    return page.locator(".course-quiz__result")


def record(page: Page) -> dict:
    """The learner's record for the fixture course, as stored."""
    raw = page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) if (k.startsWith('mkdocs-course:v1:')"
        " && k.endsWith(':fixture')) return localStorage.getItem(k); return null }"
    )
    return json.loads(raw) if raw else {}


def storage_key(site: str, course_id: str = "fixture") -> str:
    return f"mkdocs-course:v1:{site}:{course_id}"


def expect_passed_score(page: Page, percent: int) -> None:
    expect(result(page)).to_contain_text(f"Your score: {percent}%")


def answer_everything(page: Page) -> None:
    """Pick the first choice or type an answer in every question, whatever the quiz."""
    for group in page.get_by_role("group").all():
        choices = group.get_by_role("radio").or_(group.get_by_role("checkbox"))
        if choices.count():
            choices.first.check()
        else:
            group.get_by_role("textbox").fill("an answer")


def card(page: Page, prompt: str) -> Locator:
    """A question's card: its controls, its verdict and feedback."""
    return page.locator(".course-q").filter(has=question(page, prompt))


def check_question(page: Page, prompt: str) -> None:
    """Press the question's own "Check answer" button."""
    question(page, prompt).get_by_role("button", name="Check answer").click()


def verdict(page: Page, prompt: str) -> Locator:
    return card(page, prompt).locator(".course-q__verdict")


def settle(page: Page) -> None:
    """Wait for material's fades to end, even one that starts just after a scroll: axe counts a
    half-faded header title as a contrast fault."""
    page.wait_for_timeout(100)
    page.wait_for_function("document.getAnimations().every((animation) => animation.playState !== 'running')")


def serious_problems(page: Page, where: str | None = None) -> list[str]:
    """What axe-core finds serious or critical on the page, or within the `where` selector: one
    line each, naming the page, the rule and the first elements."""
    results = _axe.run(page, context={"include": [[where]]} if where else None)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def seed_record(
    page: Page, site: str, blocks: dict, *, name: str = "", version: int = 2, course_id: str = "fixture"
) -> None:
    """Opens the site and writes a record as the quiz would have (for tests about what comes after)."""
    page.goto(site)
    value = {"version": version, "blocks": blocks, "questions": {}, "name": name, "setAside": []}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site, course_id), json.dumps(value)])


def block_card(page: Page, title: str) -> Locator:
    """A block's card on the achievements page, by its heading."""
    return page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=re.compile(rf"^Block \d: {title}$"))
    )


def course_files(page: Page, url: str, *, loading: tuple[str, ...] = ()) -> set[str]:
    """The course files a page requests once the network is quiet, and the files in `loading`
    however late they come (a module imported on demand may come after half a second of quiet
    on a busy machine)."""
    files: set[str] = set()
    page.on(
        "request",
        lambda request: "/assets/course/" in request.url and files.add(request.url.split("/assets/course/")[1]),
    )
    with ExitStack() as waiting:
        for file in loading:
            waiting.enter_context(page.expect_request(f"**/assets/course/{file}"))
        page.goto(url, wait_until="networkidle")
    return files


BROWSER_MODULES = Path(__file__).resolve().parents[2] / "plugins" / "mkdocs_course" / "assets" / "js"


@contextmanager
def modules_page(www: tuple[Path, str], browser, folder: str, imports: dict[str, str]) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """A blank page with the browser modules served as written (under www/<folder>/), each of
    `imports` (global name -> module path) imported as a global, to call them alone."""
    root, base = www
    shutil.rmtree(root / folder, ignore_errors=True)
    shutil.copytree(BROWSER_MODULES, root / folder)
    # The English words of every area, as a course page carries its own and the site publishes
    # the on-demand ones (messages/page.py).
    english = site_messages("en")
    words = messages_script(english, "".join(f"<div {attribute}>" for attribute, _ in WIDGET_AREAS))
    # words-on-demand.js fetches them beside the modules' folder, as from assets/course/js/.
    (root / Path(WORDS_URI).name).write_text(words_file(english), encoding="utf-8")
    (root / folder / "blank.html").write_text(f"<!doctype html><title>modules</title>{words}", encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/{folder}/blank.html")
    page.evaluate(
        "async (imports) => { for (const [name, path] of Object.entries(imports)) window[name] = await import(path); }",
        imports,
    )
    try:
        yield page
    finally:
        context.close()


@contextmanager
def learner_page(browser, **context_options) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """A page in a browser profile of its own that accepts downloads; dialogs (dismissed), page
    errors and requests are collected, and any dialog or page error fails the test."""
    options = {"accept_downloads": True, "locale": "en-GB", "timezone_id": "Europe/London", **context_options}
    context = browser.new_context(**options)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.dialogs, page.errors, page.requests = [], [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    try:
        yield page
        assert page.dialogs == [] and page.errors == []
    finally:
        context.close()
