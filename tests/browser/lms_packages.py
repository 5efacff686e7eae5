"""Shared by the LMS browser tests: the fixture course built as each package and unzipped into the
served folder, the test LMS page, and what a learner does in the course inside the LMS (the one
place to change when the quiz's controls change)."""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

from helpers import answer_alpha, answer_beta, check_answers
from playwright.sync_api import Frame, Page, expect

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "plugins"))

from mkdocs_course.lms.package import package_course  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "course"
LMS_TESTS = REPO / "tests" / "lms"
LEARNER = {"id": "ada-1815", "name": "Ada Lovelace", "lastNameFirst": "Lovelace, Ada"}


def unzip_package(lms_format: str, root: Path, work: Path) -> str:
    """The fixture course as a `lms_format` package, unzipped into `root/lms-<format>/`: its path."""
    archive = package_course(FIXTURE / "mkdocs.yml", lms_format, work / f"fixture-{lms_format}.zip")
    target = root / f"lms-{lms_format}"
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(archive.path) as package:
        package.extractall(target)
    return f"/lms-{lms_format}/"


def install_player(root: Path) -> str:
    """The test LMS page and scorm-again, served at /lms-player/: the page's path."""
    target = root / "lms-player"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(LMS_TESTS / "vendor", target / "vendor")
    shutil.copy(LMS_TESTS / "player.html", target / "player.html")
    return "/lms-player/player.html"


def course_frame(page: Page) -> Frame:
    """The frame the launch page opens the course in (named `course`), once it shows a page."""
    expect(page.frame_locator("iframe").first.frame_locator("iframe[name=course]").locator("h1").first).to_be_visible()
    frame = page.frame(name="course")
    assert frame is not None
    return frame


def stored_record(frame: Frame) -> dict | None:
    """The fixture course's record in the course frame's localStorage."""
    text = frame.evaluate(
        "() => Object.entries(localStorage).filter(([key]) => key.endsWith(':fixture')).map(([, value]) => value)[0]"
    )
    return json.loads(text) if text else None


def open_quiz(frame: Frame, block: str) -> None:
    package = re.match(r"^(.*/lms-[a-z0-9]+/)", frame.url)
    assert package, frame.url
    frame.goto(f"{package[1]}{block}/quiz.html")
    # The quiz shows the last attempt, marked, or a new one: wait until the script has put back
    # the saved one (the build's questions show, and are busy, until then).
    expect(frame.locator("[data-course-quiz]")).not_to_have_attribute("aria-busy", "true")
    ready = frame.get_by_role("button", name=re.compile("^(Check answers|Try again)$"))
    expect(ready.first).to_be_visible()
    again = frame.get_by_role("button", name="Try again")
    if again.is_visible():
        again.click()
        expect(frame.get_by_role("button", name="Check answers")).to_be_visible()


def take_quiz(frame: Frame, block: str, *, right: bool = True) -> None:
    """Answer a block's quiz in the course frame and have it marked: every answer right or wrong."""
    open_quiz(frame, block)
    if block == "alpha":
        answer_alpha(frame, right=right)  # type: ignore[arg-type]
    else:
        answer_beta(frame)  # type: ignore[arg-type]
    check_answers(frame)  # type: ignore[arg-type]
    expect(frame.get_by_role("heading", name=re.compile("Your score"))).to_be_visible()
