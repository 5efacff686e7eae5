"""Smoke test: the real sample course (repo root mkdocs.yml) builds, and its quizzes answer."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_every_sample_quiz_loads_and_marks(page, sample):
    page.goto(sample)
    data = page.evaluate("JSON.parse(document.getElementById('course-data').textContent)")
    assert len(data["blocks"]) >= 1
    for block in data["blocks"]:
        page.goto(sample + block["quizUrl"])
        groups = page.get_by_role("group")
        expect(groups.first).to_be_visible()
        for group in groups.all():
            choices = group.get_by_role("radio").or_(group.get_by_role("checkbox"))
            if choices.count():
                choices.first.check()
            else:
                group.get_by_role("textbox").fill("an answer")
        page.get_by_role("button", name="Check answers").click()
        expect(page.get_by_role("heading", name=re.compile(r"Your score: \d+%"))).to_be_focused()
        expect(page.locator(".course-quiz__result")).to_contain_text("pass mark")
    assert page.errors == []
