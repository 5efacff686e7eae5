"""Blocks whose ids are JavaScript's own names (`__proto__`, `constructor`, `toString`) are blocks
like any other: their passes are saved, read on every page, and never written onto a prototype."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import answer_alpha, answer_beta, check_answers, record
from playwright.sync_api import Page, expect

RENAMED = {"alpha": "__proto__", "beta": "constructor"}


def javascript_names(project: Path) -> None:
    # Without `nav:`, blocks come from the folders, whatever their names.
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^nav:\n(?:  .*\n)+", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    for old, new in RENAMED.items():
        (project / "content" / old).rename(project / "content" / new)
        (project / "quizzes" / f"{old}.yml").rename(project / "quizzes" / f"{new}.yml")
    shutil.copytree(project / "content" / "constructor", project / "content" / "toString")
    shutil.copy(project / "quizzes" / "constructor.yml", project / "quizzes" / "toString.yml")


def prototype_untouched(page: Page) -> bool:
    return page.evaluate("() => Object.keys(Object.prototype).length === 0 && ({}).passed === undefined")


def test_blocks_named_like_javascript_internals_keep_their_passes(build_site, context):
    site = build_site("javascript-names", edit=javascript_names)
    page = context.new_page()
    page.goto(site + "__proto__/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
    assert prototype_untouched(page)
    for block in ("constructor", "toString"):
        page.goto(site + f"{block}/quiz/")
        answer_beta(page)
        check_answers(page)
        expect(page.get_by_role("heading", name="Your score: 100%")).to_be_visible()
        assert prototype_untouched(page)

    saved = record(page)
    assert {block: entry["passed"] for block, entry in saved["blocks"].items()} == {
        "__proto__": True,
        "constructor": True,
        "toString": True,
    }
    page.goto(site)  # a page that only reads the record
    expect(page.get_by_role("progressbar", name="3 of 3 blocks passed")).to_be_visible()
    page.goto(site + "achievements/")
    for block in ("__proto__", "constructor", "toString"):
        expect(page.locator(f'li[data-block-id="{block}"] [data-block-status]')).to_contain_text(
            "Passed with a best score of 100%"
        )
    assert prototype_untouched(page)
