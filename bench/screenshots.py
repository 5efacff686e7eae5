"""Screenshots of the sample course for the README and docs, taken as a learner takes the course.

    .venv/bin/python bench/screenshots.py               # writes docs/images/*.png in about a minute
    .venv/bin/python bench/screenshots.py --out /tmp/shots

Builds the sample course (mkdocs.yml) as `mkdocs build` does, serves it on loopback and drives
Debian's Chromium with Playwright as a learner: fails the first block's quiz, tries again and
passes it, passes every other block, types a name on the achievements page, and downloads a badge
and the statement. It writes, at 1280 px wide in the light scheme unless said:

- quiz-before-marking.png: the first quiz, a few questions answered, nothing checked yet;
- quiz-after-marking.png: the failed attempt's results, with the feedback on each answer;
- achievements.png: the achievements page once every block is passed and a name typed;
- badge.png: the first block's badge PNG exactly as downloaded (its signed credential inside);
- statement.png: the statement PDF as downloaded, rendered by `pdftoppm -png -r 80 -singlefile`;
- quiz-phone-dark.png: a quiz on a 390 x 844 phone in the dark scheme, a question marked.

The right answers come from the quiz files (quizzes/*.yml), matched to what the page shows by the
question's prompt; what the learner does on the page is by role and label. Everything that knows
the quiz's controls is in `answer_quiz` and the few helpers above it.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Locator, Page, expect, sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO / "tests"))

from chromium import launch  # noqa: E402
from static_server import serve  # noqa: E402

from site_build import build  # noqa: E402

try:  # Pillow optimises the PNGs; not a dependency of the project (pip install Pillow)
    from PIL import Image
except ImportError:
    Image = None

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LEARNER = "Alex Morgan"
SITE_URL = "https://courses.example.org/rejected-regroup-reapply/"
WAIT = 15_000  # ms: the statement's first PDF loads its fonts


# -- the quiz files -----------------------------------------------------------------------------


def plain(text: object) -> str:
    """Text as the page shows it, for matching: Markdown marks and links dropped, typographic
    quotes and dashes plain, white space collapsed, lower case."""
    text = unicodedata.normalize("NFKC", str(text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](link)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    text = re.sub(r"[*`]|(?<!\w)_|_(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Version:
    """One version of a question as the quiz file writes it, with its right answer."""

    type: str
    prompt: str  # plain()
    right: tuple[str, ...]  # plain() texts of the right options; for text, accepted answers as written
    wrong: tuple[str, ...]  # plain() texts of the wrong options


def quiz_versions(path: Path) -> list[Version]:
    """Every version of every question in a quiz file; a variant takes what it leaves out from its question."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    versions = []
    for question in data.get("questions", []):
        kind = question.get("type", "single")
        for fields in [question, *({**question, **variant} for variant in question.get("variants") or [])]:
            options = fields.get("options") or []
            if kind == "true_false":
                right = ("true",) if fields.get("answer") else ("false",)
                wrong = ("false",) if fields.get("answer") else ("true",)
            elif kind == "text":
                right, wrong = tuple(str(a) for a in fields.get("accept", [])), ()
            else:
                right = tuple(plain(o["text"]) for o in options if o.get("correct"))
                wrong = tuple(plain(o["text"]) for o in options if not o.get("correct"))
            versions.append(Version(kind, plain(fields.get("prompt", "")), right, wrong))
    return versions


def version_shown(versions: list[Version], shown_text: str) -> Version:
    """The version whose prompt the question on the page shows (the longest that matches)."""
    shown = plain(shown_text)
    found = [v for v in versions if v.prompt and v.prompt in shown]
    if not found:
        raise SystemExit(f"No question in the quiz file matches the page's: {shown_text[:200]!r}")
    return max(found, key=lambda v: len(v.prompt))


# -- the quiz page: everything that knows its controls --------------------------------------------

# "Check answer" (perhaps with words for screen readers after it), never "Check answers".
CHECK_ONE = re.compile(r"^(check (this |my )?answer(?!s)|check$)", re.IGNORECASE)
CHECK_ALL = re.compile(r"^(check answers|check all|mark|submit|finish|see (my |the )?results?)", re.IGNORECASE)
SCORE_HEADING = re.compile(r"score|passed", re.IGNORECASE)
TRY_AGAIN = re.compile(r"try (the quiz )?again|new attempt|start again|another attempt|retake", re.IGNORECASE)


def quiz_root(page: Page) -> Locator:
    return page.locator("[data-course-quiz]")


def questions(page: Page) -> list[Locator]:
    groups = quiz_root(page).get_by_role("group")
    expect(groups.first).to_be_visible(timeout=WAIT)
    return groups.all()


def choice_label(choice: Locator) -> str:
    return choice.evaluate("(input) => (input.labels && input.labels[0] ? input.labels[0].innerText : '')")


def give_answer(group: Locator, version: Version, right: bool, attempt: int) -> None:
    """Chooses or types an answer in one question: the right one, or a wrong one (a different wrong
    one on each try; for a question of several answers, one right and one wrong option)."""
    if version.type == "text":
        box = group.get_by_role("textbox")
        box.fill(version.right[0] if right else ["I am not sure", "no idea", "pass"][attempt % 3])
        return
    choices = group.get_by_role("radio").or_(group.get_by_role("checkbox")).all()
    labelled = {plain(choice_label(choice)): choice for choice in choices}
    if version.type == "multiple":
        wanted = set(version.right) if right else {version.right[0], version.wrong[attempt % len(version.wrong)]}
        for text, choice in labelled.items():
            choice.set_checked(text in wanted)
        return
    pick = version.right[0] if right else version.wrong[attempt % len(version.wrong)]
    if pick not in labelled:
        raise SystemExit(f"No option reads {pick!r} here; the page shows {sorted(labelled)}")
    labelled[pick].check()


def question_box(group: Locator) -> Locator:
    """A question with its feedback: the list item around its group, or the group itself."""
    item = group.locator("xpath=ancestor-or-self::li[1]")
    return item if item.count() else group


def question_check_button(group: Locator) -> Locator | None:
    """The question's own "Check answer" button, if the quiz checks questions one at a time."""
    found = question_box(group).get_by_role("button", name=CHECK_ONE)
    return found.first if found.count() and found.first.is_visible() and found.first.is_enabled() else None


def click_and_wait(page: Page, button: Locator, box: Locator) -> None:
    """Clicks and waits until the question shows something new (its verdict, the tries left): the
    quiz ignores a second check while one is under way."""
    before = box.inner_text()
    button.click()
    for _ in range(100):
        if box.inner_text() != before:
            return
        page.wait_for_timeout(50)
    raise SystemExit("A question showed nothing new within 5 s of its check.")


def answer_quiz(page: Page, versions: list[Version], right: list[bool] | bool) -> None:
    """Answers every question shown (`right`: all right, all wrong, or one flag per question) and
    checks the answers as the quiz asks: each question on its own, wrong answers until the
    question closes, and the whole quiz if it has a button for that. Ends when a score is shown."""
    groups = questions(page)
    flags = right if isinstance(right, list) else [right] * len(groups)
    for index, group in enumerate(groups):
        version = version_shown(versions, group.inner_text())
        wanted = flags[index % len(flags)]
        give_answer(group, version, wanted, 0)
        for attempt in range(1, 10):  # a question closes when right or out of tries
            button = question_check_button(group)
            if button is None:
                break
            click_and_wait(page, button, question_box(group))
            if wanted:
                break
            give_answer_if_open(group, version, attempt)
    whole = quiz_root(page).get_by_role("button", name=CHECK_ALL)
    if whole.count() and whole.first.is_visible() and whole.first.is_enabled():
        whole.first.click()
        anyway = quiz_root(page).get_by_role("button", name=re.compile(r"anyway", re.IGNORECASE))
        if anyway.count() and anyway.first.is_visible():
            anyway.first.click()
    expect(quiz_root(page).get_by_role("heading", name=SCORE_HEADING).first).to_be_visible(timeout=WAIT)


def give_answer_if_open(group: Locator, version: Version, attempt: int) -> None:
    """Another wrong answer, while the question still takes one."""
    if question_check_button(group) is not None:
        give_answer(group, version, False, attempt)


def start_again(page: Page) -> None:
    quiz_root(page).get_by_role("button", name=TRY_AGAIN).first.click()
    expect(quiz_root(page).get_by_role("group").first).to_be_enabled(timeout=WAIT)


def mixed(count: int) -> list[bool]:
    """A failing attempt that still gets some right: right, wrong, wrong, again and again."""
    return [index % 3 == 0 for index in range(count)]


# -- pictures -----------------------------------------------------------------------------------


def save_png(data: bytes, path: Path) -> None:
    """Writes a screenshot as a PNG, optimised by Pillow when it is installed (a third smaller)."""
    if Image is None:
        path.write_bytes(data)
        return
    with Image.open(io.BytesIO(data)) as image:
        image.save(path, format="PNG", optimize=True)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    header = path.read_bytes()[16:24]
    return int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")


def content(page: Page) -> Locator:
    return page.locator("article.md-content__inner")


def shot_between(page: Page, first: Locator, last: Locator, path: Path, margin: int = 16) -> None:
    """A picture of the content column, `margin` wider all round, from the top of `first` to the
    bottom of `last` (of the full page: the sticky header stays at the top, out of the way)."""
    page.mouse.move(0, 0)  # the resting look: no hover or focus styles
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.evaluate("() => window.scrollTo(0, 0)")  # the sticky header is drawn where the view is
    page.wait_for_timeout(100)
    column = content(page).bounding_box()
    top_box, bottom_box = first.bounding_box(), last.bounding_box()
    assert column and top_box and bottom_box
    scroll = page.evaluate("() => window.scrollY")
    top = max(0, min(top_box["y"], bottom_box["y"]) + scroll - margin)
    bottom = max(top_box["y"] + top_box["height"], bottom_box["y"] + bottom_box["height"]) + scroll + margin
    left = max(0, column["x"] - margin)
    clip = {"x": left, "y": top, "width": column["x"] + column["width"] + margin - left, "height": bottom - top}
    save_png(page.screenshot(clip=clip, full_page=True, animations="disabled", caret="hide"), path)


def score_summary(page: Page) -> Locator:
    """The results' score heading with what follows it in its box."""
    heading = quiz_root(page).get_by_role("heading", name=SCORE_HEADING).first
    box = heading.locator("xpath=..")
    return box if box.count() else heading


# -- the learner's walk -------------------------------------------------------------------------


def course_data(page: Page) -> dict:
    return page.evaluate("() => JSON.parse(document.getElementById('course-data').textContent)")


def quiz_file(block: dict) -> Path:
    path = REPO / "quizzes" / f"{block['id']}.yml"
    if not path.is_file():
        path = REPO / "quizzes" / f"{block['quizUrl'].split('/')[0]}.yml"
    return path


def desktop_walk(page: Page, site: str, out: Path, downloads: Path) -> None:
    page.goto(site)
    data = course_data(page)
    blocks = data["blocks"]
    first = blocks[0]
    versions = quiz_versions(quiz_file(first))
    page.goto(site + first["quizUrl"])
    groups = questions(page)
    flags = mixed(len(groups))
    for index, group in enumerate(groups[:2]):  # two answered, nothing checked
        give_answer(group, version_shown(versions, group.inner_text()), flags[index], 0)
    shot_between(page, page.locator("h1").first, groups[1], out / "quiz-before-marking.png")

    answer_quiz(page, versions, flags)  # a failed attempt
    groups = questions(page)
    summary = score_summary(page)
    expect(summary).to_contain_text(re.compile(r"not passed|did not pass|not yet", re.IGNORECASE))
    top_box, end_box = summary.bounding_box(), groups[1].bounding_box()
    assert top_box and end_box
    if top_box["y"] < end_box["y"]:  # the summary leads the results: it and the first two questions
        shot_between(page, summary, question_box(groups[1]), out / "quiz-after-marking.png")
    else:  # the summary follows the questions: the last two questions and it
        shot_between(page, question_box(groups[-2]), summary, out / "quiz-after-marking.png")

    start_again(page)
    answer_quiz(page, versions, True)
    for block in blocks[1:]:
        page.goto(site + block["quizUrl"])
        answer_quiz(page, quiz_versions(quiz_file(block)), True)
        expect(score_summary(page)).to_contain_text(re.compile(r"passed", re.IGNORECASE))

    page.goto(site + data["achievementsUrl"])
    page.get_by_label(re.compile(r"^Name", re.IGNORECASE)).fill(LEARNER)
    with page.expect_download(timeout=WAIT) as badge:
        page.get_by_role("button", name=re.compile(r"^Download badge.*\b1\b")).first.click()
    shutil.copyfile(badge.value.path(), out / "badge.png")
    with page.expect_download(timeout=WAIT * 2) as statement:
        page.get_by_role("button", name=re.compile(r"^Download statement", re.IGNORECASE)).click()
    pdf = downloads / "statement.pdf"
    shutil.copyfile(statement.value.path(), pdf)
    render_pdf(pdf, out / "statement.png")
    statement_region = page.get_by_role("region", name=re.compile(r"^Statement", re.IGNORECASE))
    end = statement_region if statement_region.count() else content(page)
    shot_between(page, page.locator("h1").first, end, out / "achievements.png")


def render_pdf(pdf: Path, png: Path) -> None:
    """The statement's first page as pdftoppm draws it at 80 dpi, then optimised."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    pages = re.search(r"^Pages:\s*(\d+)", info, re.MULTILINE)
    size = re.search(r"^Page size:\s*(.+)$", info, re.MULTILINE)
    print(f"statement PDF: {pages.group(1) if pages else '?'} page(s), {size.group(1) if size else '?'}")
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(stem)], check=True)
    save_png(png.read_bytes(), png)


def phone_walk(page: Page, site: str, out: Path) -> None:
    page.goto(site)
    block = course_data(page)["blocks"][0]
    page.goto(site + block["quizUrl"])
    versions = quiz_versions(quiz_file(block))
    groups = questions(page)
    answer_quiz(page, versions, mixed(len(groups)))
    first_wrong = questions(page)[1]
    first_wrong.scroll_into_view_if_needed()
    page.evaluate("(y) => window.scrollBy(0, y)", first_wrong.bounding_box()["y"] - 72)
    page.wait_for_timeout(200)
    save_png(page.screenshot(animations="disabled", caret="hide"), out / "quiz-phone-dark.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images", help="folder for the PNGs")
    parser.add_argument(
        "--site-url", default=SITE_URL, help=f"the course's published address, as the statement shows it ({SITE_URL})"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mkdocs-course-shots-") as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        (tmp / "www").mkdir()
        with serve(tmp / "www") as base:
            # The site_url the statement and badges print: a public address, not this loopback one.
            build(REPO / "mkdocs.yml", tmp / "www" / "course", site_url=args.site_url)
            site = f"{base}/course/"
            browser = launch(playwright)
            try:
                errors: list[str] = []
                for scheme, viewport in (("light", DESKTOP), ("dark", PHONE)):
                    context = browser.new_context(
                        viewport=viewport, color_scheme=scheme, accept_downloads=True, locale="en-GB",
                        timezone_id="Europe/London", device_scale_factor=1, is_mobile=scheme == "dark",
                        has_touch=scheme == "dark",
                    )  # fmt: skip
                    page = context.new_page()
                    page.on("pageerror", lambda error: errors.append(str(error)))
                    if scheme == "light":
                        desktop_walk(page, site, args.out, tmp)
                    else:
                        phone_walk(page, site, args.out)
                    context.close()
            finally:
                browser.close()
    for name in sorted(p.name for p in args.out.glob("*.png")):
        path = args.out / name
        width, height = png_size(path)
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        print(f"{shown}: {width} x {height}, {path.stat().st_size:,} B")
    if Image is None:
        print("Pillow is not installed: the PNGs are as Chromium wrote them (pip install Pillow to optimise).")
    if errors:
        print("Errors in the pages: " + json.dumps(errors), file=sys.stderr)
    print(f"({time.perf_counter() - started:.0f} s)")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
