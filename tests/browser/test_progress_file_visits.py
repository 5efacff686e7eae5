"""The progress file carries the lessons a learner visited: saved on the achievements page in one
browser, restored in another, the lessons show as visited there (navigation, a block's status, the
home page's next step). A file saved before visits were kept, or with a broken visits field, still
restores the record."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import learner_page, record, storage_key
from playwright.sync_api import Page, expect
from test_next_steps import BLOCKED, add_lessons

PASS = {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1}


@pytest.fixture(scope="module")
def course(build_site) -> str:  # type: ignore[no-untyped-def]
    """The fixture course with three lessons in block Alpha and one in Beta."""
    return build_site("progress-visits", edit=add_lessons)


@pytest.fixture()
def other_browser(browser):  # type: ignore[no-untyped-def]
    """A second browser profile, as the learner's other computer: nothing stored, no errors allowed."""
    with learner_page(browser) as page:
        yield page


def navigation(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("navigation", name="Navigation")


def block_status(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("paragraph").filter(has_text=re.compile(r"^Your progress in this block:"))


def continue_link(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("link", name="Continue where you left off")


def stored_visits(page: Page, site: str) -> object:
    raw = page.evaluate("(key) => localStorage.getItem(key)", storage_key(site) + ":visits")
    return json.loads(raw) if raw else None


def progress_file(path: Path, **fields: object) -> Path:
    """A progress file as "Save my progress" writes it, with `fields` added or replaced."""
    content = {"format": "mkdocs-course-record", "version": 1, "courseId": "fixture", "record": {"version": 2}}
    content.update(fields)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def restore(page: Page, site: str, file: Path):  # type: ignore[no-untyped-def]
    """Restores `file` on the achievements page; the status that says it was restored."""
    page.goto(site + "achievements/")
    expect(page.get_by_role("button", name="Save my progress")).to_be_visible()
    page.get_by_label("Restore progress").set_input_files(str(file))
    restored = page.get_by_role("status").filter(has_text="Progress restored")
    expect(restored).to_be_visible()
    return restored


def test_visited_lessons_travel_to_another_browser(
    learner: Page, other_browser: Page, course: str, tmp_path: Path
) -> None:
    learner.goto(course + "alpha/numbers/")
    learner.goto(course + "alpha/letters/")
    expect(learner.get_by_text("Lesson 2 of 3 · Block 1: Alpha")).to_be_visible()
    learner.goto(course + "achievements/")
    with learner.expect_download() as caught:
        learner.get_by_role("button", name="Save my progress").click()
    expect(learner.get_by_role("status").filter(has_text="saved in your downloads")).to_be_visible()
    saved = json.loads(Path(caught.value.path()).read_text(encoding="utf-8"))
    assert saved["visits"] == ["alpha/numbers/", "alpha/letters/"]
    file = tmp_path / caught.value.suggested_filename
    file.write_text(json.dumps(saved), encoding="utf-8")

    page = other_browser
    page.goto(course + "achievements/")
    expect(navigation(page).get_by_role("link", name="Numbers", exact=True)).to_be_visible()
    restored = restore(page, course, file)
    expect(restored).to_contain_text("Updated from the file: 2 visited lessons.")
    # Marked at once, without reloading the page.
    expect(navigation(page).get_by_role("link", name="Numbers (visited)")).to_be_visible()
    expect(navigation(page).get_by_role("link", name="Letters (visited)")).to_be_visible()
    expect(navigation(page).get_by_role("link", name="Shapes", exact=True)).to_be_visible()
    assert stored_visits(page, course) == {"version": 1, "pages": ["alpha/numbers/", "alpha/letters/"]}

    page.goto(course + "alpha/")
    expect(block_status(page)).to_contain_text("In progress: 2 of 3 lessons visited")
    page.goto(course)
    expect(continue_link(page)).to_have_attribute("href", re.compile(r"/progress-visits/alpha/shapes/$"))
    expect(page.get_by_text("Next: Shapes, lesson 3 of 3 in Block 1: Alpha.")).to_be_visible()


def test_restored_visits_join_this_browsers_with_its_own_latest_last(
    learner: Page, course: str, tmp_path: Path
) -> None:
    for lesson in ("alpha/letters/", "beta/mixing/"):
        learner.goto(course + lesson)
    file = progress_file(tmp_path / "progress.json", visits=["alpha/letters/", "alpha/numbers/", "alpha/shapes/"])
    restored = restore(learner, course, file)
    expect(restored).to_contain_text("Updated from the file: 2 visited lessons.")  # letters was here already
    assert stored_visits(learner, course) == {
        "version": 1,
        "pages": ["alpha/numbers/", "alpha/shapes/", "alpha/letters/", "beta/mixing/"],
    }
    learner.goto(course + "alpha/")
    expect(block_status(learner)).to_contain_text("In progress: 3 of 3 lessons visited")
    learner.goto(course)  # the lesson visited last is this browser's: beta's, so its quiz comes next
    expect(continue_link(learner)).to_have_attribute("href", re.compile(r"/progress-visits/beta/quiz/$"))

    # The same file again adds nothing.
    restored = restore(learner, course, file)
    expect(restored).to_contain_text("The file had nothing this browser did not already have.")


def test_a_file_saved_before_visits_were_kept_still_restores(learner: Page, course: str, tmp_path: Path) -> None:
    learner.goto(course + "alpha/numbers/")
    file = progress_file(tmp_path / "old.json", record={"version": 1, "name": "Sam", "blocks": {"alpha": PASS}})
    restored = restore(learner, course, file)
    expect(restored).to_have_text("Progress restored. Updated from the file: Block 1: Alpha.")
    assert record(learner)["blocks"]["alpha"]["passed"] is True
    assert record(learner)["setAside"] == []
    assert stored_visits(learner, course) == {"version": 1, "pages": ["alpha/numbers/"]}
    expect(navigation(learner).get_by_role("link", name="Numbers (visited)")).to_be_visible()
    expect(navigation(learner).get_by_role("link", name="Alpha quiz (passed)")).to_be_visible()


@pytest.mark.parametrize(
    ("visits", "set_aside", "kept"),
    [
        ("alpha/numbers/", "alpha/numbers/", []),
        ({"version": 1, "pages": ["alpha/numbers/"]}, {"version": 1, "pages": ["alpha/numbers/"]}, []),
        (["alpha/numbers/", 7, None, ""], [7, None, ""], ["alpha/numbers/"]),
    ],
    ids=["a-string", "an-object", "some-entries"],
)
def test_a_broken_visits_field_is_set_aside_and_the_rest_restored(
    learner: Page, course: str, tmp_path: Path, visits: object, set_aside: object, kept: list[str]
) -> None:
    learner.goto(course)
    file = progress_file(tmp_path / "broken.json", record={"version": 2, "blocks": {"alpha": PASS}}, visits=visits)
    restored = restore(learner, course, file)
    expect(restored).to_contain_text("Block 1: Alpha")
    expect(restored).to_contain_text("One part of the file could not be used")
    expect(learner.get_by_text("One part of your saved progress could not be used")).to_be_visible()
    stored = record(learner)
    assert stored["blocks"]["alpha"]["passed"] is True
    assert [entry["data"] for entry in stored["setAside"]] == [{"visits": set_aside}]
    assert (stored_visits(learner, course) or {"pages": []})["pages"] == kept
    expect(navigation(learner).get_by_role("link", name="Numbers (visited)")).to_have_count(len(kept))


def test_blocked_storage_restores_the_record_without_an_error(browser, course: str, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    context.add_init_script(BLOCKED)
    page = context.new_page()
    errors: list[str] = []
    # mkdocs-material's own inline scripts throw where storage is blocked; the course's code must not.
    page.on("pageerror", lambda error: "/assets/course/" in (error.stack or "") and errors.append(error.stack))
    try:
        file = progress_file(
            tmp_path / "progress.json", record={"version": 2, "blocks": {"alpha": PASS}}, visits=["alpha/numbers/"]
        )
        restored = restore(page, course, file)
        # The record is kept for the visit; the visits cannot be, so none is claimed.
        expect(restored).to_have_text("Progress restored. Updated from the file: Block 1: Alpha.")
        expect(page.get_by_role("progressbar", name="1 of 2 blocks passed")).to_be_visible()
        with page.expect_download() as caught:
            page.get_by_role("button", name="Save my progress").click()
        saved = json.loads(Path(caught.value.path()).read_text(encoding="utf-8"))
        assert saved["record"]["blocks"]["alpha"]["passed"] is True and saved["visits"] == []
        assert errors == []
    finally:
        context.close()
