"""axe-core on every page of the sample course, light and dark, desktop and phone: nothing serious.

Nothing is left out of the scans. Material's own search dialog (no name) and footer text (4.47:1)
are mended by the plugin in every page (mkdocs_course/adapter/material_fixes.py); the sample course's
overrides/ underline links in running text and let a keyboard scroll wide tables on phones.
One browser context per palette and width; the palette follows the system setting.
"""

from __future__ import annotations

import pytest
from helpers import answer_everything, serious_problems, settle
from playwright.sync_api import expect

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def sample_pages(www, sample) -> tuple[str, list[str]]:
    """The sample course's URL and the path of every page."""
    site = www[0] / "sample"
    pages = sorted(
        "" if page.parent == site else page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
    )
    return sample, pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_serious_problem(browser, sample_pages, scheme, width):
    site, pages = sample_pages
    assert len(pages) >= 25 and "achievements/" in pages and "not-invited/quiz/" in pages
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    found: list[str] = []
    try:
        for path in pages:
            page.goto(site + path)
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
            if path.endswith("/quiz/"):
                expect(page.get_by_role("group").first).to_be_visible()
                found += serious_problems(page)
                answer_everything(page)
                page.get_by_role("button", name="Check answers").click()
                # The result is at the top: focus scrolls to it, and material's header fades its title.
                expect(page.get_by_role("heading", name="Your score", exact=False)).to_be_focused()
                settle(page)
                found += serious_problems(page)  # feedback, explanations and review links shown
            else:
                found += serious_problems(page)
    finally:
        context.close()
    assert found == [], "\n".join(found)


def test_materials_search_dialog_has_a_name(browser, sample):
    """The plugin names it in material's markup: fails if a new material changes that markup."""
    page = browser.new_page()
    try:
        page.goto(sample)
        expect(page.get_by_role("dialog", name="Search", include_hidden=True)).to_have_count(1)
    finally:
        page.close()
