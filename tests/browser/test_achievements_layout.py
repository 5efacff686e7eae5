"""The achievements page of the sample course, looked at: cards in line with the text, evenly
spaced; a progress bar that stays dark in the dark scheme; dates in the course's locale (en-GB);
the name field marked invalid and tied to its error."""

from __future__ import annotations

import io
import re

import pytest
from helpers import seed_record
from PIL import Image
from playwright.sync_api import Page, expect

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKS = ("not-invited", "after-the-interview", "handling-rejection", "moving-forward")
PASS = {"bestScore": 100, "passed": True, "passedAt": "2026-11-23T10:00:00.000Z", "attempts": 1}


def open_page(browser, width: str, scheme: str = "light"):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme, locale="en-US")
    context.set_default_timeout(10_000)
    return context, context.new_page()


def seed(page: Page, site: str, passed: tuple[str, ...]) -> None:
    seed_record(page, site, {block: PASS for block in passed}, course_id="rejected-regroup-reapply")


@pytest.mark.parametrize("width", WIDTHS)
def test_cards_line_up_with_the_text_and_are_evenly_spaced(browser, sample: str, width: str) -> None:
    context, page = open_page(browser, width)
    try:
        page.goto(sample + "achievements/")
        text = page.get_by_text(re.compile(r"^Your progress is kept only in this browser")).bounding_box()
        cards = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=re.compile(r"^Block \d:")))
        expect(cards).to_have_count(4)
        boxes = [card.bounding_box() for card in cards.all()]
        for box in boxes:
            assert abs(box["x"] - text["x"]) <= 1, (box, text)
            assert abs(box["x"] + box["width"] - (text["x"] + text["width"])) <= 1, (box, text)
        gaps = [
            following["y"] - (above["y"] + above["height"]) for above, following in zip(boxes, boxes[1:], strict=False)
        ]
        assert max(gaps) - min(gaps) <= 1, gaps
        statement = page.get_by_role("heading", name="Statement of participation").bounding_box()
        last = boxes[-1]
        assert statement["y"] - (last["y"] + last["height"]) >= min(gaps)  # the last card keeps its space too
    finally:
        context.close()


def brightness(png: bytes) -> float:
    """Mean luminance, 0 to 255, of the inside of a screenshot (its border left out)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    inside = image.crop((3, 3, image.width - 3, image.height - 3))
    return sum(inside.tobytes()) / (inside.width * inside.height)


@pytest.mark.parametrize("width", WIDTHS)
def test_an_empty_progress_bar_is_no_bright_strip_in_the_dark(browser, sample: str, width: str) -> None:
    context, page = open_page(browser, width, "dark")
    try:
        page.goto(sample + "achievements/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        bar = page.get_by_role("progressbar", name="0 of 4 blocks passed")
        expect(bar).to_be_visible()
        background = brightness(page.screenshot(clip=page.locator("article").bounding_box()))
        assert brightness(bar.screenshot()) < background + 40  # near the page's own dark
        page.goto(sample)
        assert brightness(page.get_by_role("progressbar").screenshot()) < background + 40
    finally:
        context.close()


def test_dates_follow_the_course_locale(browser, sample: str) -> None:
    context, page = open_page(browser, "desktop")  # the browser says en-US; the course says en-GB
    try:
        seed(page, sample, ("not-invited",))
        page.goto(sample + "achievements/")
        expect(page.get_by_text("Passed with a best score of 100% on 23 November 2026.")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_name_field_is_marked_invalid_and_tied_to_its_error(browser, sample: str, width: str) -> None:
    context, page = open_page(browser, width)
    try:
        seed(page, sample, BLOCKS)
        page.goto(sample + "achievements/")
        field = page.get_by_label("Name to print on your statement")
        expect(field).not_to_have_attribute("aria-invalid", "true")
        page.get_by_role("button", name="Download statement").click()
        expect(field).to_be_focused()
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(r"^Type the name to print on your statement first\."))
        expect(page.get_by_role("alert").filter(has_text="Type the name")).to_be_visible()
        page.keyboard.type("Sam Smith")
        expect(field).not_to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(r"^As you want it to appear\."))
    finally:
        context.close()
