"""Privacy and where the course can be opened from: nothing goes to another origin; the course
works from a deep sub-path, downloads included; opened as files, it says what to do instead."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from helpers import answer_everything
from playwright.sync_api import Page, expect

from conftest import REPO
from site_build import build


def page_paths(site: Path) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


@pytest.fixture(scope="module")
def sample(www) -> tuple[str, Path]:
    root, base = www
    build(REPO, root / "privacy", site_url=f"{base}/privacy/")
    return f"{base}/privacy/", root / "privacy"


def test_no_page_asks_another_origin_for_anything(browser, sample):
    site, folder = sample
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site))
    elsewhere: list[str] = []

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")) and not url.startswith(origin + "/"):
            elsewhere.append(f"{route.request.frame.url if route.request.frame else '?'} -> {url}")
            route.abort()
        else:
            route.continue_()

    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(10_000)
    context.route("**/*", guard)
    context.on(
        "request",
        lambda r: (
            r.url.startswith(("http:", "https:"))
            and not r.url.startswith(origin + "/")
            and elsewhere.append(f"(event) {r.url}")
        ),
    )
    page = context.new_page()
    try:
        paths = page_paths(folder)
        assert len(paths) >= 25
        for path in paths:
            page.goto(site + path, wait_until="networkidle")
            if path.endswith("/quiz/"):
                answer_everything(page)
                page.get_by_role("button", name="Check answers").click()
                expect(page.get_by_role("heading", name="Your score", exact=False)).to_be_visible()
        search = page.get_by_role("textbox", name="Search")
        search.click()
        # Material says "Initializing search" until its worker has built the index; a query typed
        # before then can be lost, so wait for the worker, then search (loads the worker and index).
        expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=30_000)
        search.press_sequentially("feedback")  # typed, as a person does: material searches on key events
        expect(page.locator(".md-search-result__item").first).to_be_visible()
    finally:
        context.close()
    assert elsewhere == []
    # Nothing in the pages would load from elsewhere either (links away are fine; loads are not).
    loads = re.compile(
        r'<(?:script|img|iframe|source|audio|video)[^>]+src="(https?:)?//|<link[^>]+rel="(?:stylesheet|preconnect|preload|dns-prefetch|modulepreload)"[^>]+href="(https?:)?//'
    )
    for page_file in folder.rglob("*.html"):
        assert not loads.search(page_file.read_text(encoding="utf-8")), page_file


# -- a deep sub-path --------------------------------------------------------------------------


def plain(md: str) -> str:
    text = re.sub(r"<[^>]+>", "", markdown.markdown(str(md)))
    return " ".join(html.unescape(text).split())


def known_answers(block: str) -> list[tuple[str, str, object]]:
    """(prompt as read on the page, type, what a learner who read the lessons would answer)."""
    quiz = yaml.safe_load((REPO / "quizzes" / f"{block}.yml").read_text(encoding="utf-8"))
    found = []
    for q in quiz["questions"]:
        for v in [q, *q.get("variants", [])]:
            options = v.get("options", q.get("options", []))
            if q["type"] in ("single", "multiple"):
                answer: object = [plain(o["text"]) for o in options if o.get("correct")]
            elif q["type"] == "true_false":
                answer = "True" if v.get("answer", q.get("answer")) else "False"
            else:
                answer = v.get("accept", q.get("accept"))[0]
            found.append((plain(v.get("prompt", q["prompt"])), q["type"], answer))
    return found


def answer_rightly(page: Page, block: str) -> None:
    answers = known_answers(block)
    expect(page.get_by_role("group").first).to_be_visible()
    groups = page.get_by_role("group").all()
    for group in groups:
        shown = " ".join(group.inner_text().split())
        matching = [a for a in answers if a[0] in shown]
        assert matching, shown
        _, kind, answer = matching[0]
        if kind == "text":
            group.get_by_label("Your answer").fill(str(answer))
        elif kind == "true_false":
            group.get_by_label(str(answer), exact=True).check()
        else:
            for text in answer:  # type: ignore[attr-defined]
                group.get_by_label(text, exact=True).check()


def test_course_works_from_a_deep_sub_path_quiz_and_downloads_included(www, context):
    root, base = www
    site = f"{base}/deep/er/course/"
    build(REPO, root / "deep" / "er" / "course", site_url=site)
    elsewhere: list[str] = []  # the badge and progress downloads must not go out either
    context.on(
        "request",
        lambda r: (
            r.url.startswith(("http:", "https:")) and not r.url.startswith(base + "/") and elsewhere.append(r.url)
        ),
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(site)
    # From the home page to the first lesson and on to the quiz, through the site's own links
    # (instant navigation swaps the page and its course data in place).
    page.get_by_role("link", name="Not invited to interview").first.click()
    expect(page).to_have_url(site + "not-invited/")
    page.goto(site + "not-invited/job-hunting-strategy/")
    page.get_by_role("link", name=re.compile("Check your understanding")).first.click()
    expect(page).to_have_url(site + "not-invited/quiz/")
    answer_rightly(page, "not-invited")
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    expect(page.get_by_text("You passed.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download badge").click()
    assert download.value.suggested_filename.endswith(".png")
    assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG")

    page.get_by_role("link", name="All your badges and achievements").click()
    expect(page).to_have_url(site + "achievements/")
    expect(page.locator("li[data-block-id=not-invited]")).to_contain_text("Passed")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save my progress").click()
    assert '"not-invited"' in Path(saved.value.path()).read_text(encoding="utf-8")
    assert page.errors == [] and elsewhere == []


# -- from the file system ---------------------------------------------------------------------

FILE_NOTICE = "python3 -m http.server"


def test_opened_as_files_lessons_read_and_widgets_say_what_to_do(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("files") / "site"
    build(REPO, folder)
    page = browser.new_page()
    try:
        page.goto((folder / "after-the-interview" / "waiting-for-an-answer" / "index.html").as_uri())
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_text(FILE_NOTICE)).to_have_count(0)  # lessons without a widget read as they are

        for path in (
            "not-invited/quiz/index.html",
            "achievements/index.html",
            "after-the-interview/notes-after-the-interview/index.html",  # a writing activity
            "journal/index.html",
        ):
            page.goto((folder / path).as_uri())
            expect(page.get_by_text(FILE_NOTICE).first).to_be_visible()
            expect(page.get_by_text("opened as a file").first).to_be_visible()
            expect(page.get_by_text("needs JavaScript")).to_have_count(0)  # it would be wrong: JavaScript is on
    finally:
        page.close()


def test_served_pages_show_no_file_notice(page, sample):
    site, _ = sample
    for path in ("not-invited/quiz/", "achievements/", "journal/"):
        page.goto(site + path)
        expect(page.get_by_role("button").first).to_be_visible()
        expect(page.get_by_text(FILE_NOTICE)).to_have_count(0)
