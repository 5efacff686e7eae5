"""The achievements page as a learner uses it: badges, the statement, and the portable record.

Blocks are passed through the real quiz UI where the pass itself is under test; where only the
statement or the record file is, the record is written to localStorage first (same format the quiz
writes). Downloads are caught with Playwright's download event and checked in Python.
"""

from __future__ import annotations

import json
import re
import sys
import time
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from helpers import answer_alpha, answer_beta, block_card, check_answers, record, seed_record, storage_key
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).parent.parent / "fixtures" / "badges"))
import checks  # noqa: E402
import ink  # noqa: E402

XSS = "<img src=x onerror=alert(1)>"
COURSE_TITLE = "Fixture course"
BLOCK_TITLES = ("Alpha", "Beta")
HEAVY = ("/badges/", "statement", "jspdf", "noto-sans", ".ttf", ".woff")  # badge code, artwork, PDF, fonts
PASSES = {
    "alpha": {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1},
    "beta": {"bestScore": 50, "passed": True, "passedAt": "2026-11-23T10:00:00.000Z", "attempts": 2},
}


def pass_alpha(page: Page, site: str) -> None:
    page.goto(site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_focused()


def pass_beta(page: Page, site: str) -> None:
    """Beta draws two of its three questions; answer whichever are shown."""
    page.goto(site + "beta/quiz/")
    answer_beta(page)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()


def seed(page: Page, site: str, blocks: dict, name: str = "") -> None:
    """A version 1 record, as the quiz wrote before (migrated when read)."""
    seed_record(page, site, blocks, name=name, version=1)


def download(page: Page, control, timeout: float = 20_000) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    with page.expect_download(timeout=timeout) as caught:
        control.click()
    return Path(caught.value.path()).read_bytes(), caught.value.suggested_filename


def check_alpha_credential(credential: dict, passed_at: str) -> None:
    checks.validate(credential)
    achievement = credential["credentialSubject"]["achievement"]
    assert "Alpha" in achievement["name"] and COURSE_TITLE in achievement["name"]
    assert credential["validFrom"] == re.sub(r"\.\d{3}Z$", "Z", passed_at)
    assert "Scored 100%" in credential["evidence"][0]["description"]
    assert "pass mark is 75%" in credential["evidence"][0]["description"]  # alpha's own pass mark
    assert "75%" in achievement["criteria"]["narrative"]
    assert "self-asserted" in credential["description"]
    assert "proof" not in credential


def test_a_passed_block_earns_its_badge_and_only_that_one(learner: Page, site: str) -> None:
    page = learner
    pass_alpha(page, site)
    passed_at = record(page)["blocks"]["alpha"]["passedAt"]
    # The quiz result offers the badge.
    png, filename = download(page, page.locator(".course-quiz__result").get_by_role("button", name="Download badge"))
    assert filename == "fixture-block-1-badge.png"
    check_alpha_credential(checks.png_credential(png), passed_at)
    expect(page.get_by_role("status").filter(has_text="saved in your downloads")).to_be_visible()

    page.goto(site + "achievements/")
    alpha, beta = block_card(page, "Alpha"), block_card(page, "Beta")
    expect(alpha.get_by_role("img", name="Badge earned: Alpha")).to_be_visible()
    expect(alpha.locator(".course-badge--locked")).to_have_count(0)
    expect(alpha).to_contain_text(re.compile(r"Passed with a best score of 100% on \w+ \d+, \d{4}"))
    expect(beta.get_by_role("img", name="Badge not earned yet: Beta")).to_be_visible()
    expect(beta.locator(".course-badge--locked img")).to_have_count(1)
    assert beta.locator("img").evaluate("img => getComputedStyle(img).filter") == "grayscale(1)"
    expect(beta).to_contain_text("Pass the quiz to earn this badge")
    expect(beta.get_by_role("link", name="Beta quiz")).to_have_attribute("href", re.compile(r"beta/quiz/$"))
    # Downloads only for the passed block.
    expect(page.get_by_role("button", name=re.compile("^Download badge"))).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile("^Download SVG"))).to_have_count(1)
    expect(beta.get_by_role("button")).to_have_count(0)

    png, filename = download(page, alpha.get_by_role("button", name="Download badge"))
    assert filename == "fixture-block-1-badge.png"
    width, height = checks.png_size(png)
    assert width >= 600 and height >= 600
    check_alpha_credential(checks.png_credential(png), passed_at)
    expect(alpha.get_by_role("status")).to_contain_text("fixture-block-1-badge.png")

    svg, filename = download(page, alpha.get_by_role("button", name="Download SVG"))
    assert filename == "fixture-block-1-badge.svg"
    check_alpha_credential(checks.svg_credential(svg.decode("utf-8")), passed_at)

    # No statement yet: what is left is said instead.
    statement = page.get_by_role("region", name="Statement of participation")
    expect(statement).to_contain_text("Still to pass")
    expect(statement.get_by_role("link", name="the quiz of Block 2: Beta")).to_be_visible()
    expect(page.get_by_role("button", name="Download statement")).to_have_count(0)
    # The name field shows from the first pass (badges carry the name too); the statement waits.
    expect(page.get_by_label("Name to print on your statement")).to_be_visible()
    assert not [u for u in page.requests if "jspdf" in u or "statement-pdf" in u]


def test_badge_download_works_by_keyboard(learner: Page, site: str) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"]})
    page.goto(site + "achievements/")
    button = block_card(page, "Alpha").get_by_role("button", name="Download badge")
    button.focus()
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    checks.png_credential(Path(caught.value.path()).read_bytes())
    expect(button).to_be_focused()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(pdf)).pages)


def make_statement(page: Page, name: str) -> bytes:
    field = page.get_by_label("Name to print on your statement")
    field.fill(name)
    pdf, filename = download(page, page.get_by_role("button", name="Download statement"), timeout=60_000)
    assert filename == "fixture-statement-of-participation.pdf"
    expect(page.get_by_role("status").filter(has_text="statement is saved")).to_be_visible()
    return pdf


def test_every_block_passed_offers_the_statement(learner: Page, site: str) -> None:
    page = learner
    pass_alpha(page, site)
    pass_beta(page, site)
    page.goto(site + "achievements/")
    expect(page.get_by_role("button", name=re.compile("^Download badge"))).to_have_count(2)
    field = page.get_by_label("Name to print on your statement")
    expect(field).to_be_visible()
    expect(field).to_have_value("")
    # Asking without a name says so and puts the learner in the field.
    page.get_by_role("button", name="Download statement").click()
    expect(page.get_by_role("alert").filter(has_text="Type the name")).to_be_visible()
    expect(field).to_be_focused()
    assert not [u for u in page.requests if "jspdf" in u]
    pdf = make_statement(page, "Zoë Ångström-Müller ")
    assert record(page)["name"] == "Zoë Ångström-Müller "  # kept as typed
    text = pdf_text(pdf)
    assert COURSE_TITLE in text and "Zoë Ångström-Müller" in text
    for title in BLOCK_TITLES:
        assert title in text
    # The name stays for the next visit, editable.
    page.reload()
    expect(page.get_by_label("Name to print on your statement")).to_have_value("Zoë Ångström-Müller ")


@pytest.mark.parametrize("name", ["Ελένη Παπαδοπούλου", "Мария Иванова", XSS])
def test_statement_prints_the_name_as_text(learner: Page, site: str, name: str) -> None:
    page = learner
    seed(page, site, PASSES)
    page.goto(site + "achievements/")
    pdf = make_statement(page, name)
    text = pdf_text(pdf)
    assert COURSE_TITLE in text and name in text
    for title in BLOCK_TITLES:
        assert title in text
    # On the page the name is text: shown literally, never an element.
    expect(page.get_by_text(f"made out to: {name}")).to_be_visible()
    expect(page.locator("img[src=x], img[src$='/x']")).to_have_count(0)
    assert record(page)["name"] == name
    # Badges carry it as text too.
    png, _ = download(page, block_card(page, "Alpha").get_by_role("button", name="Download badge"))
    assert checks.png_credential(png)["credentialSubject"]["identifier"][0]["identityHash"] == name


def test_name_restored_from_storage_is_not_markup(learner: Page, site: str) -> None:
    page = learner
    seed(page, site, PASSES, name=XSS)
    page.goto(site + "achievements/")
    expect(page.get_by_label("Name to print on your statement")).to_have_value(XSS)
    expect(page.get_by_text(f"made out to: {XSS}")).to_be_visible()
    expect(page.locator("article img")).to_have_count(2)  # the two badges, nothing else
    page.wait_for_timeout(300)  # an onerror would have fired by now


DPI = 150


def page_ink(pdf: bytes) -> int:
    width, height, grey = ink.render_gray(pdf, DPI)
    return sum(1 for v in grey if v < 128)


@pytest.mark.parametrize("name", ["ليلى حسن", "王小明"])
def test_statement_shows_a_right_to_left_or_cjk_name(learner: Page, site: str, name: str) -> None:
    """The name's ink: the statement with it, less the same statement made out to ".", matches the
    ink the browser draws for the name alone (the name is the only thing that differs)."""
    page = learner
    seed(page, site, PASSES)
    page.goto(site + "achievements/")
    with_name = make_statement(page, name)
    with_dot = make_statement(page, ".")
    in_pdf = page_ink(with_name) - page_ink(with_dot)
    drawn = ink.browser_ink(page, name, round(26 * DPI / 72), "../assets/course/js/badges/script-text.js")
    assert drawn > 150, "the browser drew no glyphs: is the font for this script installed?"
    assert 0.6 < in_pdf / drawn < 1.6, (in_pdf, drawn)
    assert COURSE_TITLE in pdf_text(with_name)


def test_save_delete_and_restore_progress(learner: Page, site: str, tmp_path: Path) -> None:
    page = learner
    pass_alpha(page, site)
    page.goto(site + "achievements/")
    saved, filename = download(page, page.get_by_role("button", name="Save my progress"))
    assert re.fullmatch(r"fixture-progress-\d{4}-\d{2}-\d{2}\.json", filename)
    assert json.loads(saved)["record"]["blocks"]["alpha"]["passed"] is True
    file = tmp_path / filename
    file.write_bytes(saved)

    # Cancel first: nothing is deleted and focus returns.
    delete = page.get_by_role("button", name="Delete my data")
    delete.click()
    confirm = page.get_by_role("group", name=re.compile("Delete your progress"))
    expect(confirm).to_be_visible()
    expect(page.locator("#course-delete-question")).to_be_focused()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(delete).to_be_focused()
    expect(block_card(page, "Alpha")).to_contain_text("Passed with")

    delete.click()
    confirm.get_by_role("button", name="Yes, delete my data").click()
    expect(page.get_by_role("status").filter(has_text="has been deleted")).to_be_visible()
    expect(delete).to_be_focused()
    expect(block_card(page, "Alpha")).to_contain_text("Not passed yet")
    expect(page.get_by_role("button", name=re.compile("^Download badge"))).to_have_count(0)
    expect(page.get_by_role("progressbar", name="0 of 2 blocks passed")).to_be_visible()
    assert page.evaluate("k => localStorage.getItem(k)", storage_key(site)) is None

    page.get_by_label("Restore progress").set_input_files(str(file))
    expect(page.get_by_role("status").filter(has_text="Progress restored")).to_contain_text("Block 1: Alpha")
    expect(block_card(page, "Alpha")).to_contain_text("Passed with a best score of 100%")
    expect(block_card(page, "Alpha").get_by_role("button", name="Download badge")).to_be_visible()
    expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()
    assert record(page)["blocks"]["alpha"]["passed"] is True


def test_restore_merges_and_never_loses_a_pass(learner: Page, site: str, tmp_path: Path) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"]})
    page.goto(site + "achievements/")
    file = tmp_path / "progress.json"
    file.write_text(
        json.dumps(
            {
                "format": "mkdocs-course-record",
                "version": 1,
                "courseId": "fixture",
                "record": {
                    "version": 1,
                    "name": "Sam",
                    "blocks": {
                        "alpha": {"bestScore": 25, "passed": False, "attempts": 4},
                        "beta": PASSES["beta"],
                    },
                },
            }
        ),
        encoding="utf-8",
    )
    page.get_by_label("Restore progress").set_input_files(str(file))
    expect(page.get_by_role("status").filter(has_text="Progress restored")).to_be_visible()
    blocks = record(page)["blocks"]
    assert blocks["alpha"]["passed"] is True and blocks["alpha"]["bestScore"] == 100
    assert blocks["alpha"]["passedAt"] == PASSES["alpha"]["passedAt"]
    assert blocks["beta"]["passed"] is True
    expect(page.get_by_label("Name to print on your statement")).to_have_value("Sam")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"hello": "world"}', "not a progress record"),
        ("%PDF-1.7 not json", "not a progress record"),
        ("x" * (5 * 1024 * 1024), "5.0 MB"),
    ],
    ids=["json", "not-json", "5-MB"],
)
def test_restore_refuses_a_file_that_is_not_a_record(
    learner: Page, site: str, tmp_path: Path, content: str, message: str
) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"]})
    page.goto(site + "achievements/")
    expect(block_card(page, "Alpha")).to_contain_text("Passed with")
    file = tmp_path / "file.json"
    file.write_text(content, encoding="utf-8")
    started = time.monotonic()
    page.get_by_label("Restore progress").set_input_files(str(file))
    expect(page.get_by_role("alert").filter(has_text=message)).to_be_visible(timeout=3_000)
    assert time.monotonic() - started < 3
    expect(page.get_by_role("status").filter(has_text="Progress restored")).to_have_count(0)
    expect(block_card(page, "Alpha")).to_contain_text("Passed with")
    assert record(page)["blocks"]["alpha"]["passed"] is True


def test_another_tab_passing_the_last_block_updates_the_page(learner: Page, site: str) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"]})
    page.goto(site + "achievements/")
    expect(page.get_by_role("button", name="Download statement")).to_have_count(0)
    other = page.context.new_page()
    pass_beta(other, site)
    expect(block_card(page, "Beta").get_by_role("button", name="Download badge")).to_be_visible()
    expect(block_card(page, "Beta").locator(".course-badge--locked")).to_have_count(0)
    expect(page.get_by_label("Name to print on your statement")).to_be_visible()
    # A name typed in the other tab shows here (when this tab's field is not being edited).
    other.goto(site + "achievements/")
    other.get_by_label("Name to print on your statement").fill("Ana")
    expect(page.get_by_label("Name to print on your statement")).to_have_value("Ana")


def test_badge_and_statement_code_load_only_when_asked(learner: Page, site: str) -> None:
    page = learner
    page.goto(site + "alpha/numbers/", wait_until="networkidle")
    pass_alpha(page, site)
    page.wait_for_load_state("networkidle")
    # A pass loads the small offer (its button); the badge code waits for the button.
    assert [u for u in page.requests if any(h in u for h in HEAVY)] == [site + "assets/course/js/badges/offer.js"]
    with page.expect_download():
        page.get_by_role("button", name="Download badge").click()
    loaded = [u for u in page.requests if any(h in u for h in HEAVY)]
    assert any(u.endswith("/js/badges/actions.js") for u in loaded) and any(
        u.endswith("/badges/alpha.svg") for u in loaded
    )
    assert not [u for u in loaded if "jspdf" in u or "statement" in u or "noto-sans" in u]


def test_badges_after_instant_navigation_from_a_lesson(learner: Page, site: str) -> None:
    """Lesson pages carry lighter course data; arriving from one without a reload still shows badges."""
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"]})
    page.goto(site)
    page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    page.get_by_role("link", name="your achievements").click()
    expect(block_card(page, "Alpha").get_by_role("img", name="Badge earned: Alpha")).to_be_visible()
    png, _ = download(page, block_card(page, "Alpha").get_by_role("button", name="Download badge"))
    checks.png_credential(png)
    assert page.evaluate("window.__sameDocument") is True


def test_set_aside_data_is_shown_downloaded_and_removed(learner: Page, site: str) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"], "gone": PASSES["beta"], "beta": {"passed": "yes"}})
    page.goto(site + "achievements/")
    expect(page.get_by_text("2 parts of your saved progress could not be used")).to_be_visible()
    data, filename = download(page, page.get_by_role("button", name="Download the set-aside data"))
    assert filename.startswith("fixture-set-aside-")
    kept = json.loads(data)["setAside"]
    assert sorted(part["block"] for part in kept) == ["beta", "gone"]
    page.get_by_role("button", name="Remove the set-aside data").click()
    expect(page.get_by_text("Nothing is set aside now")).to_be_focused()
    assert record(page)["setAside"] == []
    expect(block_card(page, "Alpha")).to_contain_text("Passed with a best score of 100%")
    page.reload()
    expect(page.get_by_role("button", name="Remove the set-aside data")).to_have_count(0)


def test_a_pasted_name_loses_what_no_font_can_draw_and_the_badge_is_made(learner: Page, site: str) -> None:
    page = learner
    seed(page, site, {"alpha": PASSES["alpha"], "beta": PASSES["beta"]})
    page.goto(site + "achievements/")
    field = page.get_by_label("Name to print on your statement")
    field.fill("Sam\u0001 Lee\u0007\ufffe")
    expect(field).to_have_value("Sam Lee")
    assert record(page)["name"] == "Sam Lee"
    svg, _ = download(page, block_card(page, "Alpha").get_by_role("button", name="Download SVG"))
    assert "Sam Lee" in svg.decode("utf-8")
