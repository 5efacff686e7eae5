"""Gzipped size of what the course adds to a page, from the requests a real browser makes.

Builds the fixture course (tests/fixtures/course), opens a lesson page and a quiz page in
Debian's Chromium, records every response under assets/course/, and gzips each (level 9).

    python bench/course_asset_sizes.py            # prints a table; exit 1 if over budget

Budgets (issue): at most 3 KiB gzipped added to a lesson page; at most 8 KiB for the quiz code.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM_ARGS, build_into  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

BUDGET = {"lesson": 3 * 1024, "quiz": 8 * 1024}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def course_requests(page, url: str) -> dict[str, int]:
    """{file: gzipped bytes} of course assets the page loads (after its quiz or widgets are up)."""
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if "/assets/course/" in response.url and response.ok:
            sizes[response.url.split("/assets/course/")[1]] = len(gzip.compress(response.body(), 9))

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", record)
    return sizes


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/site/"
        build_into(ROOT / "tests" / "fixtures" / "course", Path(tmp) / "site", base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            lesson = course_requests(browser.new_page(), base + "alpha/numbers/")
            quiz = course_requests(browser.new_page(), base + "alpha/quiz/")
            browser.close()
        server.shutdown()
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
