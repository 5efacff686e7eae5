"""The sample course built in French, Arabic and Japanese (issue 12): a learner reads the home page,
takes a quiz, opens the achievements page, downloads a badge and a statement, and meets no English
word of the course's own (the lessons and quizzes stay as their author wrote them, in English).

A learner finds each control by its name in their language: the test asks the catalog for it, as
the learner reads it on the screen. Any English message (a whole message, its placeholders as
wildcards) left on a page, in the badge's credential or in the statement's text fails the test;
so does a message key shown in place of its words (an area the page was not sent).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from helpers import answer_everything, serious_problems, storage_key
from playwright.sync_api import Page, expect

from mkdocs_course.messages.catalog import ENGLISH, PLACEHOLDER, load_catalog, site_messages
from site_build import build

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "ar", "ja")
ENGLISH_CATALOG = load_catalog(ENGLISH)
AREAS = sorted({key.partition(".")[0] for key in ENGLISH_CATALOG})
KEY_SHOWN = re.compile(rf"\b(?:{'|'.join(AREAS)})\.[a-z][a-z0-9_]+\b")


# What the author wrote (in English): a message it also says is no sign of an untranslated word.
AUTHORS_TEXT = "\n".join(
    path.read_text(encoding="utf-8")
    for folder in ("content", "quizzes")
    for path in sorted((REPO / folder).rglob("*.*"))
) + (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(key, pattern) of each English message: the whole message, its placeholders as wildcards,
    as whole words (a message a translation left in English counts too). Left out: messages whose
    longest run of words between placeholders is under two words or six letters (a word such as
    "Passed", or "Question {position} of {total}", may well be in the author's English), and
    messages the author's own English also says (the sample's page "Your journal")."""
    found = []
    for key, english in ENGLISH_CATALOG.items():
        forms = english.values() if isinstance(english, dict) else [english]
        for form in forms:
            pieces = PLACEHOLDER.split(form)[::2]
            longest = max(pieces, key=lambda piece: len(piece.strip())).strip()
            if len(re.findall(r"[A-Za-z]", longest)) < 6 or len(longest.split()) < 2:
                continue
            words = [r"\s+".join(map(re.escape, piece.split())) for piece in pieces if piece.strip()]
            pattern = re.compile(r"(?<!\w)" + ".{1,100}?".join(words) + r"(?!\w)")
            if not pattern.search(AUTHORS_TEXT):
                found.append((key, pattern))
    return found


ENGLISH_MESSAGES = english_patterns()


def no_english(text: str, where: str) -> None:
    text = re.sub(r"\s+", " ", text)  # a PDF's lines break a sentence anywhere
    left = [key for key, pattern in ENGLISH_MESSAGES if pattern.search(text)]
    assert left == [], f"{where} shows English messages: {left}"
    assert KEY_SHOWN.findall(text) == [], f"{where} shows message keys in place of words"


def shown_text(page: Page) -> str:
    """What a sighted learner and a screen reader meet: the text, and the names and titles of
    elements (aria-label, title, alt, placeholder), and the page's title."""
    return page.evaluate(
        """() => [document.title, document.body.innerText,
            ...[...document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')]
              .flatMap((node) => ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']
                .map((name) => node.getAttribute(name) || ''))].join('\\n')"""
    )


@pytest.fixture(scope="session")
def translated(www: tuple[Path, str]) -> Callable[[str], str]:
    """The sample course built with `theme.language` set (and `direction: rtl` for Arabic): its URL.
    Each language is built once, on first use."""
    root, base = www
    built: dict[str, str] = {}

    def site(language: str) -> str:
        if language not in built:
            project = root / f"project-{language}"
            shutil.rmtree(project, ignore_errors=True)
            for folder in ("content", "quizzes", "overrides"):
                shutil.copytree(REPO / folder, project / folder)
            config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
            direction = "\n  direction: rtl" if language == "ar" else ""
            config = config.replace("\n  language: en\n", f"\n  language: {language}{direction}\n", 1)
            config = re.sub(r"\n\s+locale: en-GB[^\n]*", "", config, count=1)  # dates follow the language
            assert f"language: {language}" in config and "locale: en-GB" not in config
            (project / "mkdocs.yml").write_text(config, encoding="utf-8")
            build(project, root / f"sample-{language}", site_url=f"{base}/sample-{language}/")
            built[language] = f"{base}/sample-{language}/"
        return built[language]

    return site


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


def credential_of(png: bytes) -> dict:
    """The Open Badges credential baked into a PNG's `openbadgecredential` iTXt chunk."""
    position = 8
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        body = png[position + 8 : position + 8 + length]
        if kind == b"iTXt" and body.startswith(b"openbadgecredential\0"):
            text = body.split(b"\0", 5)[-1].decode("utf-8")
            if text.count(".") == 2 and not text.startswith("{"):  # a compact JWS: its payload
                import base64

                payload = text.split(".")[1]
                return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            return json.loads(text)
        position += 12 + length
    raise AssertionError("no openbadgecredential chunk in the PNG")


def credential_words(credential: dict) -> str:
    """Every string in a credential, as a verifier or a learner's wallet would show them."""
    words: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and not value.startswith(("http", "urn:", "did:", "data:")):
            words.append(value)

    walk(credential)
    return "\n".join(words)


COURSE_ID = "rejected-regroup-reapply"  # the sample's `id` (mkdocs.yml)


def pass_every_block(page: Page, site: str, blocks: list[dict]) -> None:
    """Stores a record in which every block of the sample is passed, as its quizzes would."""
    passed = {
        block["id"]: {"bestScore": 80, "passed": True, "passedAt": f"2026-11-{10 + i:02d}T10:00:00.000Z", "attempts": 1}
        for i, block in enumerate(blocks)
    }
    record = json.dumps({"version": 2, "blocks": passed, "questions": {}, "name": "", "setAside": []})
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [storage_key(site, COURSE_ID), record])


def as_pattern(text: str) -> re.Pattern[str]:
    """A translated message as a pattern of what is shown: its placeholders as wildcards, and any
    run of spaces (a non-breaking one, as French writes before "%", included) as any other."""
    pieces = [r"\s+".join(map(re.escape, re.split(r"\s+", piece))) for piece in PLACEHOLDER.split(text)[::2]]
    return re.compile(".+?".join(pieces))


def course_data(page: Page) -> dict:
    return page.evaluate("JSON.parse(document.getElementById('course-data').textContent)")


def download(page: Page, control) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    with page.expect_download(timeout=60_000) as caught:
        control.click()
    return Path(caught.value.path()).read_bytes(), caught.value.suggested_filename


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learner_meets_the_course_in_the_sites_language(language: str, translated, learner: Page) -> None:  # type: ignore[no-untyped-def]
    site, page, words = translated(language), learner, site_messages(language)
    page.goto(site)
    assert page.evaluate("document.documentElement.lang").startswith(language)
    expect(page.get_by_role("link", name=words("overview.start_course"))).to_be_visible()
    no_english(shown_text(page), "the home page")

    # A quiz: every question answered, checked, then a new attempt.
    blocks = course_data(page)["blocks"]
    page.goto(site + blocks[0]["quizUrl"])
    check = page.get_by_role("button", name=words("quiz.check_answers"), exact=True)
    expect(check).to_be_enabled()
    answer_everything(page)
    check.click()
    expect(page.get_by_role("heading", name=as_pattern(words("quiz.your_score")))).to_be_focused()
    no_english(shown_text(page), "the quiz's result")
    page.get_by_role("button", name=words("quiz.try_again")).click()
    expect(check).to_be_visible()
    no_english(shown_text(page), "a new attempt")

    # Every block passed: the achievements page, a badge and the statement.
    pass_every_block(page, site, blocks)
    page.goto(site + "achievements/")
    badge = page.get_by_role("button", name=words("achievements.download_badge_label", number=1))
    expect(badge).to_be_visible()
    no_english(shown_text(page), "the achievements page")
    png, filename = download(page, badge)
    assert filename.endswith(".png") and png.startswith(b"\x89PNG")
    no_english(credential_words(credential_of(png)), "the badge's credential")

    page.get_by_label(words("statement.name_label")).fill("Amal Haddad")
    pdf, filename = download(page, page.get_by_role("button", name=words("statement.download")))
    assert filename.endswith(".pdf")
    text = pdf_text(pdf)
    assert "Amal Haddad" in text
    no_english(text, "the statement's text")


def statement_of(page: Page, site: str, words) -> bytes:  # type: ignore[no-untyped-def]
    """The statement PDF a learner who passed every block downloads from `site`."""
    page.goto(site)
    pass_every_block(page, site, course_data(page)["blocks"])
    page.goto(site + "achievements/")
    page.get_by_label(words("statement.name_label")).fill("ليلى حداد")
    pdf, _ = download(page, page.get_by_role("button", name=words("statement.download")))
    return pdf


def aligned_lines(pdf: bytes, tmp_path: Path) -> tuple[int, int]:
    """(lines that start at the left margin and stop short of the right one, lines that end at the
    right margin and start well in from the left), read from the first page's ink at 100 dpi,
    inside the frame: left-to-right text gives many of the first, right-to-left text of the second."""
    from PIL import Image

    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "statement.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "100",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(tmp_path / "statement.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=120,
    )
    image = Image.open(tmp_path / "page.png").convert("L")
    width, height = image.size
    pixels = image.load()
    inside = range(int(width * 0.07), int(width * 0.93))
    margin, slack = width * 24 / 210, width * 0.02  # statement-pdf.js FRAME.margin: 24 mm of 210
    starts = ends = 0
    for y in range(int(height * 0.07), int(height * 0.93)):
        ink = [x for x in inside if pixels[x, y] < 128]
        if not ink:
            continue
        left, right = ink[0], ink[-1]
        if left <= margin + slack and right < width - margin - width * 0.08:
            starts += 1
        elif right >= width - margin - slack and left > margin + width * 0.08:
            ends += 1
    return starts, ends


def test_the_arabic_course_lays_the_quiz_and_the_statement_out_right_to_left(
    translated, sample: str, learner: Page, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    site, page, words = translated("ar"), learner, site_messages("ar")
    page.goto(site + course_data_at(page, site)["blocks"][0]["quizUrl"])
    expect(page.get_by_role("button", name=words("quiz.check_answers"), exact=True)).to_be_enabled()
    assert page.evaluate("document.body.dir") == "rtl"  # material's, from the language
    question = page.get_by_role("group").first
    assert question.evaluate("(node) => getComputedStyle(node).direction") == "rtl"
    option = question.get_by_role("radio").or_(question.get_by_role("checkbox")).first
    label = question.locator(".course-opt__text").first
    assert option.bounding_box()["x"] > label.bounding_box()["x"]  # the control on the right, its words to its left
    heading = question.locator("legend")
    assert heading.evaluate("(node) => getComputedStyle(node).textAlign") in ("start", "right")
    assert serious_problems(page) == []  # axe-core, right to left as left to right

    arabic = aligned_lines(statement_of(page, site, words), tmp_path / "ar")
    assert serious_problems(page) == []  # the achievements page, the statement made
    english = aligned_lines(statement_of(page, sample, site_messages("en")), tmp_path / "en")
    assert arabic[1] > 3 * arabic[0], f"Arabic statement: {arabic[0]} rows start left, {arabic[1]} end right"
    assert english[0] > 3 * english[1], f"English statement: {english[0]} rows start left, {english[1]} end right"


def course_data_at(page: Page, site: str) -> dict:
    page.goto(site)
    return course_data(page)
