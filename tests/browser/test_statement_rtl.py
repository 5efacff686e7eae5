"""A right-to-left course (Arabic): the statement PDF reads right to left and the badge's words are
the course's. The badge modules run on the badge harness (tests/fixtures/badges), in Arabic with a
few messages given as an author gives them under `messages:`, so that their boxes can be measured
and the author's words are seen to reach the PDF and the file names (tests/browser/test_languages.py
reads the sample course's statement, in the shipped catalog)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from mkdocs_course.messages.catalog import check_overrides, site_messages

sys.path.insert(0, str(Path(__file__).parent.parent / "fixtures" / "badges"))
import badgesite  # noqa: E402
from static_server import serve  # noqa: E402

ARABIC = {
    "statement.heading": "إفادة مشاركة",
    "statement.record_that": "نشهد بأن",
    "statement.blocks_heading": "الوحدات المجتازة",
    "statement.block_title": "الوحدة {number}: {title}",
    "statement.block_passed": "اجتيزت في {date} · أفضل نتيجة {score}",
    "statement.outcomes_heading": "نتائج التعلم",
    "statement.not_verified": "هذه الإفادة ليست مؤهلًا رسميًا ولا تمنح أي رصيد أكاديمي.",
    "statement.site": "الدورة: {url}",
    "statement.file_name": "{course}-إفادة-مشاركة",
    "badge.file_name": "{course}-شارة-{number}",
}
MARGIN = 24  # mm: statement-pdf.js FRAME.margin


def site_with(tmp_path_factory: pytest.TempPathFactory, language: str, overrides: dict) -> Iterator[str]:
    messages = site_messages(language, language, check_overrides(overrides))
    site = badgesite.build_site(tmp_path_factory.mktemp(f"badges-{language}") / "site", messages)
    with serve(site) as url:
        yield url + "/"


@pytest.fixture(scope="module")
def arabic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from site_with(tmp_path_factory, "ar", ARABIC)


@pytest.fixture(scope="module")
def english_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from site_with(tmp_path_factory, "en", {})


def made(browser, url: str, button: str) -> tuple[bytes, str, dict]:  # type: ignore[no-untyped-def]
    """The file the harness's `button` downloads once every block is passed, its name, and what
    actions.js returned (boxes, paper)."""
    context = browser.new_context(accept_downloads=True, timezone_id="UTC")
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "harness.html")
        page.wait_for_selector("html[data-ready=true]")
        page.evaluate("n => harness.setName(n)", "زينب الهاشمي")
        for i, block in enumerate(badgesite.COURSE["blocks"]):
            page.evaluate("([id, d]) => harness.pass(id, 80, d)", [block["id"], f"2026-11-2{i + 1}T10:00:00.000Z"])
        with page.expect_download() as caught:
            page.click(button)
        data = Path(caught.value.path()).read_bytes()
        assert page.evaluate("harness.error") is None and errors == []
        made = page.evaluate("({boxes: harness.last.boxes, paper: harness.last.paper})")
        return data, caught.value.suggested_filename, made
    finally:
        context.close()


def test_an_arabic_statement_starts_its_lines_at_the_right_margin(browser, arabic_url: str) -> None:  # type: ignore[no-untyped-def]
    pdf, filename, result = made(browser, arabic_url, "#download-statement")
    boxes, width = result["boxes"], result["paper"]["width"]
    assert filename == "job-rejection-إفادة-مشاركة.pdf"
    # What starts at the left margin in English ends at the right one, drawn by the browser (Arabic).
    for key in ("disclaimer", "site"):
        box = boxes[key]
        assert box["image"] is True and box["x"] + box["width"] == pytest.approx(width - MARGIN, abs=0.3), key
        assert box["x"] > MARGIN + 5, key
    # A block's title is right-aligned too, with its badge beyond it at the right margin.
    for number in (1, 2, 3):
        right = boxes[f"block-{number}"]["x"] + boxes[f"block-{number}"]["width"]
        assert width - MARGIN - 20 < right < width - MARGIN - 5
    # Centred stays centred.
    heading = boxes["heading"]
    assert heading["x"] + heading["width"] / 2 == pytest.approx(width / 2, abs=0.3)
    text = pypdf.PdfReader(BytesIO(pdf)).pages[0].extract_text()
    # The words the fonts cover are still there to find under the drawn Arabic.
    assert badgesite.COURSE["siteUrl"] in text and badgesite.COURSE["title"] in text


def test_an_english_statement_starts_its_lines_at_the_left_margin(browser, english_url: str) -> None:  # type: ignore[no-untyped-def]
    _, filename, result = made(browser, english_url, "#download-statement")
    boxes = result["boxes"]
    assert filename == "job-rejection-statement-of-participation.pdf"
    for key in ("disclaimer", "site"):
        assert boxes[key]["image"] is False and boxes[key]["x"] == pytest.approx(MARGIN, abs=0.01), key
    for number in (1, 2, 3):
        assert MARGIN + 5 < boxes[f"block-{number}"]["x"] < MARGIN + 20


def test_an_arabic_badge_file_keeps_its_words(browser, arabic_url: str) -> None:  # type: ignore[no-untyped-def]
    png, filename, _ = made(browser, arabic_url, "#download-png")
    assert filename == "job-rejection-شارة-1.png" and png.startswith(b"\x89PNG")
