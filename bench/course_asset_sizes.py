"""Gzipped size of what the course adds to a page, as the built site serves it to a real browser.

Builds the fixture course (tests/fixtures/course) as `mkdocs build` does (tests/site_build.py),
serves the built site, opens a lesson page and a quiz page in Debian's Chromium, records every
response, and gzips each (level 9). What is measured is what the site publishes (the plugin's
files as the build wrote them), never the package's sources.

    python bench/course_asset_sizes.py            # prints a table; exit 1 if over budget

Budgets (issue): at most 3 KiB gzipped of course code and data on a lesson page (the files under
assets/course/ it loads, and what the course-data block adds to its gzipped HTML); at most 8 KiB
of quiz code on a quiz page (the files under assets/course/ it loads beyond a lesson page's).

A block's first page loads the code of the block's status and its words (progress-view.js,
messages.js). It is not a lesson (the author guide: a block's first page introduces it), so it has
no budget; its figure is printed to watch.

A lesson page with a writing activity (issue 15) is measured in a copy of the fixture with one
added: its course code and data, less what it loads on demand for the activity (the writing
widget and its stylesheet, `assets/course/{js,css}/journal...`), within the same 3 KiB; the
on-demand part is printed beside it.
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "tests"))

from chromium import launch  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from static_server import serve  # noqa: E402

from site_build import build  # noqa: E402

KIB = 1024
BUDGET = {"lesson": 3 * KIB, "quiz": 8 * KIB, "writing": 3 * KIB}
# The writing activity's own code, and the words it fetches once the learner types (words.json).
ON_DEMAND = re.compile(r"assets/course/(?:(?:js|css)/journal|words\.json)")
WRITING_LESSON = """\
# Reflect

!!! question journal bench-notes "Activity 1: Reflect"
    Write what you think.

    !!! note "Discussion"
        What others thought.
"""
COURSE_FILES = "assets/course/"
# The course data and the page's words (messages/page.py): both are data the course adds to a page.
COURSE_DATA = re.compile(rb'<script[^>]*\bid="course-(?:data|messages)"[^>]*>.*?</script>', re.DOTALL)
PAGE_WORDS = re.compile(rb'<script[^>]*\bid="course-messages"[^>]*>.*?</script>', re.DOTALL)


def gz(body: bytes) -> int:
    return len(gzip.compress(body, 9))


def page_responses(browser, url: str) -> dict[str, bytes]:
    """{path under the site's folder: body} of every response the page loads, its widgets up and
    the network idle. The page's own HTML is under its path ("" for the home page)."""
    loaded: dict[str, bytes] = {}
    page = browser.new_page()  # a new context: nothing comes from an earlier page's cache

    def record(response) -> None:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            return
        path = response.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        loaded[path.split("/", 1)[1] if "/" in path else path] = body

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # late dynamic imports
    page.close()
    return loaded


def page_bytes(browser, url: str) -> dict[str, tuple[int, int]]:
    """{path: (raw, gzipped)} of every response the page loads."""
    return {path: (len(body), gz(body)) for path, body in page_responses(browser, url).items()}


def course_data_gz(html: bytes) -> int:
    """What the course-data and course-messages blocks add to the page's gzipped HTML."""
    without, found = COURSE_DATA.subn(b"", html, count=2)
    if not found:
        raise ValueError("no course data in the page: has the plugin changed?")
    return gz(html) - gz(without)


def words_gz(html: bytes) -> int:
    """What the page's words (the course-messages block) add to its gzipped HTML."""
    without, found = PAGE_WORDS.subn(b"", html, count=1)
    if not found:
        raise ValueError('no <script id="course-messages"> in the quiz page: has the plugin changed?')
    return gz(html) - gz(without)


def course_code_and_data(lesson: dict[str, bytes], lesson_path: str) -> dict[str, int]:
    """{course file: gz bytes, "course data in the page": gz bytes} of a lesson page's responses."""
    found = {path: gz(body) for path, body in lesson.items() if COURSE_FILES in path}
    found["course data and words in the page's HTML"] = course_data_gz(lesson[lesson_path])
    return found


def quiz_code(quiz: dict[str, bytes], lesson: dict[str, bytes]) -> dict[str, int]:
    """{course file: gz bytes} a quiz page loads beyond what a lesson page loads."""
    return {path: gz(body) for path, body in quiz.items() if COURSE_FILES in path and path not in lesson}


def measure(browser, base: str, lesson_path: str, quiz_path: str) -> dict[str, dict[str, int]]:
    """{"lesson": course code and data, "quiz": quiz code} of a served course at `base` (ends in /)."""
    lesson = page_responses(browser, base + lesson_path)
    quiz = page_responses(browser, base + quiz_path)
    return {
        "lesson": course_code_and_data(lesson, lesson_path),
        "quiz": quiz_code(quiz, lesson),
        "quiz words": {"the quiz page's words in its HTML (data, not code)": words_gz(quiz[quiz_path])},
    }


def writing_lesson(lesson: dict[str, bytes], lesson_path: str) -> dict[str, dict[str, int]]:
    """A lesson page with a writing activity: {"writing": course code and data less what loads on
    demand for the activity, "on demand": that}."""
    everything = course_code_and_data(lesson, lesson_path)
    return {
        "writing": {path: size for path, size in everything.items() if not ON_DEMAND.search(path)},
        "on demand": {path: size for path, size in everything.items() if ON_DEMAND.search(path)},
    }


def report(found: dict[str, dict[str, int]]) -> bool:
    """Prints the budgets with their files; True when all are met."""
    met = True
    labels = [("lesson", "Lesson page, course code and data"), ("quiz", "Quiz page, quiz code")]
    if "writing" in found:
        labels.append(("writing", "Lesson page with a writing activity, course code and data (less on demand)"))
    for name, label in labels:
        total = sum(found[name].values())
        met &= total <= BUDGET[name]
        print(
            f"{label}: {total:,} B gz, budget {BUDGET[name]:,} B ({BUDGET[name] // KIB} KiB): "
            f"{'met' if total <= BUDGET[name] else 'NOT MET'}"
        )
        for path, size in sorted(found[name].items()):
            print(f"  {size:6,d}  {path}")
    for path, size in found.get("quiz words", {}).items():
        print(f"  beside it, {path}: {size:,} B gz (no budget)")
    if "status" in found:  # not a lesson (the author guide): shown, with no budget
        total = sum(found["status"].values())
        print(f"A block's first page (its status), course code and data: {total:,} B gz (no budget)")
        for path, size in sorted(found["status"].items()):
            print(f"  {size:6,d}  {path}")
    if "on demand" in found:
        print(f"  on demand for the writing activity: {sum(found['on demand'].values()):,} B gz (no budget)")
        for path, size in sorted(found["on demand"].items()):
            print(f"    {size:6,d}  {path}")
    return met


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, serve(tmp) as server:
        base = f"{server}/site/"
        build(ROOT / "tests" / "fixtures" / "course", Path(tmp) / "site", site_url=base)
        writing = Path(tmp) / "writing-project"
        shutil.copytree(ROOT / "tests" / "fixtures" / "course", writing)
        (writing / "content" / "alpha" / "reflect.md").write_text(WRITING_LESSON, encoding="utf-8")
        config = (writing / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("      - alpha/numbers.md\n", "      - alpha/numbers.md\n      - alpha/reflect.md\n", 1)
        (writing / "mkdocs.yml").write_text(config + "\nmarkdown_extensions:\n  - admonition\n", encoding="utf-8")
        build(writing, Path(tmp) / "writing", site_url=f"{server}/writing/")
        with sync_playwright() as p:
            browser = launch(p)
            try:
                found = measure(browser, base, "alpha/numbers/", "alpha/quiz/")
                found |= writing_lesson(page_responses(browser, f"{server}/writing/alpha/reflect/"), "alpha/reflect/")
                found["status"] = course_code_and_data(page_responses(browser, base + "alpha/"), "alpha/")
            finally:
                browser.close()
    print("Fixture course (tests/fixtures/course), as built and served; gzip level 9")
    return 0 if report(found) else 1


if __name__ == "__main__":
    raise SystemExit(main())
