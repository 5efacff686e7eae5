"""Writing activities and the journal in the sample course, as a learner uses them: what they write
is kept as they type and comes back after a reload, in a second tab and after instant navigation;
the journal lists it by block with links back, downloads it as Markdown and prints it; the progress
file carries it and "Delete my data" removes it; hostile text stays text, long text is never cut,
blocked storage is said, and an activity renamed by the author sets the old text aside."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import course_files, modules_page, serious_problems, settle
from playwright.sync_api import Page, expect

REPO = Path(__file__).parent.parent.parent
NOTES = "after-the-interview/notes-after-the-interview/"
NOTES_LABEL = "Your notes for Activity 1: Write up an interview"
STRENGTHS = "handling-rejection/honest-look-at-strengths/"
STRENGTHS_LABEL = "Your notes for Activity 3: Your two columns"
HOSTILE = "<img src=x onerror=alert(1)> & <b>bold</b>"
BLOCKED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError") } })"""


def write(page: Page, label: str, text: str) -> None:
    """Types into a writing activity as a learner does, and waits for it to be saved."""
    field = page.get_by_label(label)
    expect(field).to_be_enabled()
    field.click()
    field.press_sequentially(text)
    expect(status(page, label)).to_have_text("Saved.")


def status(page: Page, label: str):
    return page.locator(".course-writing").filter(has=page.get_by_label(label)).get_by_role("status")


def journal_entry(page: Page, title: str):
    return page.locator("[data-course-journal-entry]").filter(has=page.get_by_role("heading", name=title))


def open_journal(page: Page, site: str) -> None:
    page.goto(site + "achievements/")
    page.get_by_role("link", name="your journal", exact=True).click()
    expect(page.get_by_role("heading", name="Your journal", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Download as Markdown")).to_be_enabled()


def test_writing_is_kept_across_reload_a_second_tab_and_instant_navigation(context, sample):
    page = context.new_page()
    page.goto(sample + NOTES)
    write(page, NOTES_LABEL, "Asked about teamwork.\nI gave no example.")
    page.get_by_label(NOTES_LABEL).press("Tab")  # on: the field is left
    page.reload()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("Asked about teamwork.\nI gave no example.")
    # The Discussion is still there to reveal.
    page.get_by_text("Discussion", exact=True).click()
    expect(page.get_by_text("Make a deliberate effort to find at least three positives.")).to_be_visible()

    # Instant navigation away and back (material swaps the page; the script runs again).
    page.get_by_role("link", name="Wait for, and get, a definite answer").first.click()
    expect(page.get_by_role("heading", name="Wait for, and get, a definite answer", level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("Asked about teamwork.\nI gave no example.")

    # A second tab sees it, and what it adds reaches the first tab without a reload.
    other = context.new_page()
    other.goto(sample + NOTES)
    expect(other.get_by_label(NOTES_LABEL)).to_have_value("Asked about teamwork.\nI gave no example.")
    other.get_by_label(NOTES_LABEL).press("End")
    write(other, NOTES_LABEL, " Next time: the STAR method.")
    expect(page.get_by_label(NOTES_LABEL)).to_have_value(
        "Asked about teamwork.\nI gave no example. Next time: the STAR method."
    )


def test_the_journal_lists_downloads_prints_and_travels_in_the_progress_file(browser, context, sample, tmp_path):
    page = context.new_page()
    page.goto(sample + NOTES)
    write(page, NOTES_LABEL, "Line one.\nLine two.")
    page.goto(sample + STRENGTHS)
    write(page, STRENGTHS_LABEL, "Strength: listening.")

    open_journal(page, sample)
    notes = journal_entry(page, "Activity 1: Write up an interview")
    expect(notes.locator(".course-journal__written")).to_have_text("Line one.\nLine two.")
    expect(journal_entry(page, "Activity 3: Your two columns")).to_contain_text("Strength: listening.")
    expect(journal_entry(page, "Activity 1: Map your network")).to_contain_text("Not written yet.")
    headings = page.get_by_role("heading", level=2).all_text_contents()
    assert headings.index("Block 2: After the interview") < headings.index("Block 3: Handling rejection")

    # The Markdown download holds both texts, under their blocks, with links back.
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download as Markdown").click()
    download = caught.value
    assert re.fullmatch(r"rejected-regroup-reapply-journal-\d{4}-\d\d-\d\d\.md", download.suggested_filename)
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# My journal: Rejected? Regroup and reapply\n")
    block_two = text.index("## Block 2: After the interview")
    assert block_two < text.index("### Activity 1: Write up an interview") < text.index("Line one.\nLine two.")
    assert text.index("## Block 3: Handling rejection") < text.index("Strength: listening.")
    assert f"[Open the activity](<{sample}{NOTES}#course-writing-interview-notes>)" in text
    expect(page.get_by_role("status").filter(has_text="saved in your downloads")).to_contain_text(
        download.suggested_filename
    )

    # Print: the button asks the browser to print, and the printed page is the journal alone.
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(notes).to_be_visible()
    page.emulate_media(media="screen")

    # The link back opens the activity with the text in its field.
    notes.get_by_role("link", name="Activity 1: Write up an interview").click()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("Line one.\nLine two.")

    # Save the progress file, restore it in a fresh browser: the journal comes back.
    page.goto(sample + "achievements/")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Save my progress").click()
    saved = tmp_path / "progress.json"
    caught.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["record"]["journal"]["interview-notes"]["text"] == (
        "Line one.\nLine two."
    )
    fresh_context = browser.new_context(locale="en-GB")
    try:
        fresh = fresh_context.new_page()
        fresh.goto(sample + "achievements/")
        fresh.get_by_label("Restore progress").set_input_files(str(saved))
        expect(fresh.get_by_role("status").filter(has_text="Progress restored")).to_contain_text("2 journal entries")
        open_journal(fresh, sample)
        expect(journal_entry(fresh, "Activity 3: Your two columns")).to_contain_text("Strength: listening.")
        fresh.goto(sample + NOTES)
        expect(fresh.get_by_label(NOTES_LABEL)).to_have_value("Line one.\nLine two.")
    finally:
        fresh_context.close()

    # "Delete my data" takes the journal too.
    page.goto(sample + "achievements/")
    page.get_by_role("button", name="Delete my data").click()
    expect(page.get_by_text("your journal and your name will be gone")).to_be_visible()
    page.get_by_role("button", name="Yes, delete my data").click()
    expect(page.get_by_role("status").filter(has_text="has been deleted")).to_be_visible()
    open_journal(page, sample)
    expect(journal_entry(page, "Activity 1: Write up an interview")).to_contain_text("Not written yet.")
    expect(journal_entry(page, "Activity 3: Your two columns")).to_contain_text("Not written yet.")
    page.goto(sample + NOTES)
    expect(page.get_by_label(NOTES_LABEL)).to_be_enabled()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("")


def test_hostile_text_stays_text_everywhere(page, sample):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(sample + NOTES)
    write(page, NOTES_LABEL, HOSTILE)
    page.reload()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value(HOSTILE)
    open_journal(page, sample)
    entry = journal_entry(page, "Activity 1: Write up an interview")
    expect(entry.locator(".course-journal__written")).to_have_text(HOSTILE)
    expect(entry.locator("img, b")).to_have_count(0)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download as Markdown").click()
    text = Path(caught.value.path()).read_text(encoding="utf-8")
    assert "\\<img src=x onerror=alert(1)> & \\<b>bold\\</b>" in text  # no Markdown reader makes it HTML
    assert "<img" not in text.replace("\\<img", "")
    assert dialogs == [] and page.errors == []


def test_a_long_text_is_told_near_and_over_the_limit_and_never_cut(page, sample):
    page.goto(sample + NOTES)
    field = page.get_by_label(NOTES_LABEL)
    expect(field).to_be_enabled()
    count = page.locator("#course-writing-count-interview-notes")
    field.fill("a" * 17_000)
    expect(status(page, NOTES_LABEL)).to_have_text("Saved.")
    expect(count).to_be_hidden()
    near = "b" * 18_500
    field.fill(near)
    expect(count).to_have_text("18,500 of 20,000 characters")
    expect(status(page, NOTES_LABEL)).to_have_text("Saved.")
    field.fill(near + "c" * 1_510)  # 20,010
    expect(status(page, NOTES_LABEL)).to_have_text(
        "Not saved: your text is 20,010 characters, 10 over the limit of 20,000. "
        "Shorten it to save it; nothing has been cut."
    )
    expect(count).to_have_text("20,010 of 20,000 characters")
    field.press("Tab")  # leaving the field does not cut or save it either
    assert len(field.input_value()) == 20_010
    field.press("Shift+Tab")
    field.press("Backspace")
    for _ in range(9):
        field.press("Backspace")
    expect(status(page, NOTES_LABEL)).to_have_text("Saved.")
    page.reload()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value(near + "c" * 1_500)


def test_blocked_storage_is_said_and_the_text_stays(context, sample):
    context.add_init_script(BLOCKED)
    page = context.new_page()
    page.goto(sample + NOTES)
    notices = page.get_by_role("status").filter(has_text="cannot be saved in this browser")
    field = page.get_by_label(NOTES_LABEL)
    expect(field).to_be_enabled()
    field.click()
    field.press_sequentially("Kept for this visit.")
    expect(status(page, NOTES_LABEL)).to_contain_text("Not saved: this browser does not keep what you write")
    expect(notices).to_have_count(1)
    expect(field).to_have_value("Kept for this visit.")
    # Instant navigation keeps the visit's record in memory.
    page.get_by_role("link", name="Wait for, and get, a definite answer").first.click()
    expect(page.get_by_role("heading", name="Wait for, and get, a definite answer", level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("Kept for this visit.")


def _sample_project(folder: Path) -> Path:
    """The sample course's sources alone (no virtual environment), to build an author's edit of it."""
    for name in ("content", "quizzes", "overrides"):
        shutil.copytree(REPO / name, folder / name)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def test_an_activity_renamed_by_the_author_sets_the_old_text_aside(page, build_site, tmp_path):
    source = _sample_project(tmp_path / "sample")
    site = build_site("journal-renamed", source=source)
    page.goto(site + NOTES)
    write(page, NOTES_LABEL, "Written before the rename.")

    def rename(project: Path) -> None:
        lesson = project / "content" / NOTES.rstrip("/") / ".." / "notes-after-the-interview.md"
        lesson = lesson.resolve()
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text(text.replace("journal interview-notes", "journal interview-write-up"), encoding="utf-8")

    build_site("journal-renamed", source=source, edit=rename)
    page.goto(site + NOTES)
    expect(page.get_by_label(NOTES_LABEL)).to_be_enabled()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("")
    open_journal(page, site)
    expect(journal_entry(page, "Activity 1: Write up an interview")).to_contain_text("Not written yet.")
    set_aside = page.locator("[data-course-journal-set-aside]")
    expect(
        set_aside.get_by_role("heading", name="Set aside: notes for activities no longer in the course")
    ).to_be_visible()
    expect(set_aside).to_contain_text("Activity 1: Write up an interview")
    expect(set_aside).to_contain_text("Written before the rename.")
    expect(set_aside).to_contain_text("interview-notes")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_writing_and_journal_pages_have_no_serious_problem(browser, sample, scheme):
    context = browser.new_context(color_scheme=scheme, locale="en-GB")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(sample + NOTES)
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", "slate" if scheme == "dark" else "default"
        )
        expect(page.get_by_label(NOTES_LABEL)).to_be_enabled()
        found = serious_problems(page)
        page.get_by_label(NOTES_LABEL).fill("x" * 19_000)  # the count and the status show
        expect(status(page, NOTES_LABEL)).to_have_text("Saved.")
        settle(page)
        found += serious_problems(page)
        open_journal(page, sample)
        settle(page)
        found += serious_problems(page)
        assert found == [], "\n".join(found)
    finally:
        context.close()


EARLY, LATE = "2026-01-01T10:00:00.000Z", "2026-02-01T10:00:00.000Z"


@pytest.fixture(scope="module")
def rules_page(www, browser):
    """record.js, record-journal.js and lms/report.js, imported alone in a blank page."""
    imports = {"record": "./record.js", "journal": "./record-journal.js", "report": "./lms/report.js"}
    with modules_page(www, browser, "journal-js", imports) as page:
        yield page


def test_the_repair_sets_aside_a_journal_entry_it_cannot_use_and_never_cuts_one(rules_page):
    long_text = "x" * 20_001
    data = {
        "version": 2,
        "blocks": {},
        "journal": {
            "kept": {"text": "Mine.", "updated": EARLY, "title": "Activity 1"},
            "too-long": {"text": long_text, "updated": EARLY},
            "no-date": {"text": "Undated."},
        },
    }
    repaired = rules_page.evaluate("(data) => record.repairRecord(data, [])", data)
    assert repaired["record"]["journal"] == {"kept": {"text": "Mine.", "updated": EARLY, "title": "Activity 1"}}
    aside = [problem["data"]["journal"] for problem in repaired["problems"]]
    assert aside == [{"too-long": {"text": long_text, "updated": EARLY}}, {"no-date": {"text": "Undated."}}]


def test_a_restore_keeps_the_newer_text_and_sets_the_other_aside(rules_page):
    merged = rules_page.evaluate(
        """([early, late]) => {
          const ours = { journal: record.idMap([["plan", { text: "Old plan.", updated: early }],
                                               ["mine", { text: "Only here.", updated: early }]]) };
          const theirs = { plan: { text: "New plan.", updated: late },
                           other: { text: "From the file.", updated: early } };
          const result = journal.mergeJournals(ours, theirs);
          const older = result.older.map((entry) => entry.data);
          return { journal: { ...ours.journal }, changed: result.changed, older };
        }""",
        [EARLY, LATE],
    )
    assert merged["journal"] == {
        "plan": {"text": "New plan.", "updated": LATE},
        "mine": {"text": "Only here.", "updated": EARLY},
        "other": {"text": "From the file.", "updated": EARLY},
    }
    assert merged["changed"] == ["plan", "other"]
    assert merged["older"] == [{"journal": {"plan": {"text": "Old plan.", "updated": EARLY}}}]


def test_lms_suspend_data_carries_the_journal_only_while_it_fits(rules_page):
    base = {"version": 2, "blocks": {}, "questions": {}, "name": "", "setAside": []}
    small = {**base, "journal": {"plan": {"text": "Short.", "updated": EARLY}}}
    fitted = rules_page.evaluate("(record) => report.savedText(record, 4096)", small)
    assert fitted["kept"] == "everything and the journal"
    assert json.loads(fitted["text"])["journal"] == small["journal"]
    large = {**base, "journal": {"plan": {"text": "y" * 5_000, "updated": EARLY}}}
    fitted = rules_page.evaluate("(record) => report.savedText(record, 4096)", large)
    assert fitted["kept"] == "everything" and "journal" not in json.loads(fitted["text"])
    merged = rules_page.evaluate(
        "([ours, theirs]) => report.mergeSaved(ours, theirs).record.journal",
        [small, {**base, "journal": {"plan": {"text": "Newer, from the LMS.", "updated": LATE}}}],
    )
    assert merged == {"plan": {"text": "Newer, from the LMS.", "updated": LATE}}


def test_only_writing_pages_load_the_writing_code_and_the_download_loads_on_a_press(context, sample):
    page = context.new_page()
    plain = course_files(page, sample + "after-the-interview/waiting-for-an-answer/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not any("journal" in path for path in plain)

    page = context.new_page()
    writing = course_files(page, sample + NOTES)
    expect(page.get_by_label(NOTES_LABEL)).to_be_enabled()
    assert {"css/journal.css", "js/journal/writing.js"} <= writing
    assert "js/journal/journal-page.js" not in writing

    page = context.new_page()
    journal = course_files(page, sample + "journal/")
    expect(page.get_by_role("button", name="Download as Markdown")).to_be_enabled()
    assert {"css/journal.css", "js/journal/journal-page.js"} <= journal
    assert "js/journal/journal-file.js" not in journal and "js/journal/writing.js" not in journal
    with page.expect_download():
        page.get_by_role("button", name="Download as Markdown").click()
    assert "js/journal/journal-file.js" in journal


def test_when_the_words_cannot_be_fetched_no_key_shows_and_the_next_save_says_it(page, sample):
    """A writing area's status words come on demand (words.json): a failed fetch shows no key in
    their place and loses no text, and the next pause fetches them again."""
    failing = True
    page.route("**/assets/course/words.json", lambda route: route.abort() if failing else route.continue_())
    page.goto(sample + NOTES)
    field = page.get_by_label(NOTES_LABEL)
    expect(field).to_be_enabled()
    # Every text the writing area ever shows, from now on.
    page.evaluate(
        """() => { window.shownTexts = [];
        new MutationObserver(() => document.querySelectorAll(".course-writing [role=status], .course-writing__count")
          .forEach((node) => window.shownTexts.push(node.textContent)))
          .observe(document.body, { subtree: true, childList: true, characterData: true }); }"""
    )
    with page.expect_event("requestfailed", predicate=lambda request: "words.json" in request.url):
        field.click()
        field.press_sequentially("Asked about teamwork.")
        field.press("Tab")  # left: saved, and its status asked for
    expect(field).to_have_value("Asked about teamwork.")
    failing = False
    field.click()
    field.press_sequentially(" No example.")
    expect(status(page, NOTES_LABEL)).to_have_text("Saved.")
    assert [text for text in page.evaluate("window.shownTexts") if "writing." in text] == []
    page.reload()
    expect(page.get_by_label(NOTES_LABEL)).to_have_value("Asked about teamwork. No example.")
