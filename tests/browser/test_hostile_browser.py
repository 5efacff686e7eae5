"""Hostile and outsized input in the browser: learner text never becomes markup, and a huge quiz,
a huge name or a huge stored record never hangs a page."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from helpers import record, storage_key
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent.parent))
from test_hostile_input import big_quiz  # noqa: E402

PWNED = '<img src=x onerror="window.pwned = 1"><script>window.pwned = 1</script>'
PASSED = {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1}


def pwned(page) -> bool:
    return page.evaluate("() => window.pwned === 1 || document.querySelector('img[src=x]') !== null")


def store(page, site: str, value) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(site), text])


def test_typed_answers_stay_text(page, site):
    page.goto(site + "alpha/quiz/")
    page.get_by_label("Your answer").fill(PWNED)
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Check answers anyway").click()
    expect(page.get_by_role("heading", name="Your score", exact=False)).to_be_visible()
    page.reload()  # the answer comes back from the stored draft
    expect(page.get_by_label("Your answer")).to_have_value(PWNED)
    assert not pwned(page)


def test_a_10000_character_name_is_text_and_never_hangs_the_page(page, site):
    name = ((PWNED + " Zoë Ελένη ليلى 山田 ") * 100)[:10_000]
    passed = {"alpha": PASSED, "beta": PASSED}
    page.goto(site)
    # Typed: the field takes the first 300 characters, as its maxlength says.
    store(page, site, {"version": 1, "blocks": passed, "questions": {}, "name": "", "setAside": []})
    page.goto(site + "achievements/")
    field = page.get_by_label("Name to print on your statement")
    field.fill(name)
    assert len(field.input_value()) == 300 and name.startswith(field.input_value())
    # Stored (by an old version, another tab or a hand-edited record): all 10,000 characters, more
    # than the field or a restored file allows, so it is set aside, and the learner is told.
    store(page, site, {"version": 1, "blocks": passed, "questions": {}, "name": name, "setAside": []})
    started = time.perf_counter()
    page.goto(site + "achievements/")
    expect(page.get_by_role("button", name="Download statement")).to_be_visible()
    assert time.perf_counter() - started < 10
    expect(page.get_by_role("status").filter(has_text="could not be read")).to_be_visible()
    expect(page.get_by_label("Name to print on your statement")).to_have_value("")
    saved = record(page)
    assert [part["data"] for part in saved["setAside"]] == [{"name": name}]
    assert not pwned(page)
    assert page.errors == []


@pytest.mark.parametrize("kind", ["valid", "not JSON"])
def test_a_5_mb_record_never_hangs_a_page(page, site, kind):
    page.goto(site)
    filler = "x" * (5 * 1024 * 1024 - 1000)
    if kind == "valid":  # a record grown huge: one answer of five million characters
        value = {
            "version": 1,
            "blocks": {"alpha": {"bestScore": 20, "passed": False, "attempts": 3}},
            "questions": {"alpha": {"planet": {"variant": "0", "response": filler, "correct": False}}},
            "name": "",
            "setAside": [],
        }
        store(page, site, value)
    else:
        store(page, site, "{" + filler)
    for path in ("alpha/quiz/", "achievements/", "alpha/numbers/"):
        started = time.perf_counter()
        page.goto(site + path)
        expect(page.get_by_role("main")).to_be_visible()
        if path.endswith("quiz/"):
            expect(page.get_by_role("group").first).to_be_visible()
            page.get_by_label("Your answer").fill("earth")  # every answer saves the record
            page.get_by_role("button", name="Check answers").click()
            page.get_by_role("button", name="Check answers anyway").click()
            expect(page.get_by_role("heading", name="Your score", exact=False)).to_be_visible()
        assert time.perf_counter() - started < 15, path
    assert page.errors == []


def test_a_quiz_of_200_questions_works(build_site, context):
    # 200 is the most a quiz may have (docs/author-guide.md, "Limits").
    site = build_site("quiz200", edit=lambda project: (project / "quizzes" / "alpha.yml").write_text(big_quiz(200)))
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    started = time.perf_counter()
    page.goto(site + "alpha/quiz/")
    groups = page.get_by_role("group")
    expect(groups).to_have_count(200, timeout=20_000)
    shown = time.perf_counter() - started
    # As a learner would, but in one call: 200 questions through Playwright one by one take minutes.
    # Clicks each right option's label (shuffled, so found by its text) and types each text answer,
    # firing the input events the quiz saves its draft on.
    page.evaluate("""() => {
      for (const fs of document.querySelectorAll("fieldset")) {
        const n = fs.textContent.match(/Question number (\\d+)/)[1];
        const right = [...fs.querySelectorAll("label")].find((l) => /^(Right \\d+|True)$/.test(l.textContent.trim()));
        if (right) right.click();
        else {
          const box = fs.querySelector("input[type=text]");
          box.value = `answer ${n}`;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }""")
    expect(page.locator("fieldset input:checked")).to_have_count(150)  # 50 of the 200 are typed
    started = time.perf_counter()
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible(timeout=20_000)
    marking = time.perf_counter() - started
    assert shown < 20 and marking < 20, (shown, marking)
    assert page.errors == []
