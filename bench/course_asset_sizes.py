"""Gzipped size of what the course adds to a page, from the requests a real browser makes.

Builds the fixture course (tests/fixtures/course), opens a lesson page and a quiz page in
Debian's Chromium, records every response under assets/course/, and gzips each (level 9).

    python bench/course_asset_sizes.py            # prints a table; exit 1 if over budget

Budgets (issue): at most 3 KiB gzipped added to a lesson page; at most 8 KiB for the quiz code.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from chromium import launch  # noqa: E402
from conftest import build_into  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from run import page_bytes  # noqa: E402
from static_server import serve  # noqa: E402

BUDGET = {"lesson": 3 * 1024, "quiz": 8 * 1024}


def course_files(browser, url: str) -> dict[str, int]:
    """{file under assets/course/: gzipped bytes} that the page loads, its widgets up."""
    return {path.split("assets/course/", 1)[1]: gz for path, (_, gz) in page_bytes(browser, url).items()
            if "assets/course/" in path}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, serve(tmp) as server:
        base = f"{server}/site/"
        build_into(ROOT / "tests" / "fixtures" / "course", Path(tmp) / "site", base)
        with sync_playwright() as p:
            browser = launch(p)
            lesson = course_files(browser, base + "alpha/numbers/")
            quiz = course_files(browser, base + "alpha/quiz/")
            browser.close()
    quiz_only = {name: size for name, size in quiz.items() if name not in lesson}
    over = False
    for label, files in (("lesson page (course files)", lesson), ("quiz page, beyond a lesson", quiz_only)):
        total = sum(files.values())
        budget = BUDGET["lesson" if label.startswith("lesson") else "quiz"]
        over |= total > budget
        print(f"{label}: {total} B gzipped (budget {budget} B)")
        for name, size in sorted(files.items()):
            print(f"  {size:6d}  {name}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
