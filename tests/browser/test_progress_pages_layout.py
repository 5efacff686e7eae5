"""The home and achievements pages do not move as they load: the build writes the progress bar's
place and every badge as a learner with no pass sees it, and the script only fills them in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_quiz_layout import LAYOUT_SHIFT


@pytest.mark.parametrize("viewport", [(1350, 940), (412, 915)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["", "achievements/"], ids=["home", "achievements"])
def test_a_cold_load_of_a_progress_page_does_not_move(browser, sample, viewport, path):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(sample + path)
    expect(page.get_by_role("progressbar")).to_be_visible()
    if path:
        expect(page.get_by_role("img", name="Badge not earned yet: Not invited to interview")).to_be_visible()
    assert page.evaluate(LAYOUT_SHIFT) <= 0.02
    context.close()
