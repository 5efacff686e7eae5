"""The SCORM 1.2 and SCORM 2004 packages in a test LMS whose run-time is scorm-again: the learner
takes the quizzes, leaves, and comes back on another device; the LMS holds the objectives, the
score, the status, the learner's record (suspend_data) and the name."""

from __future__ import annotations

import json

import pytest
from lms_packages import LEARNER, course_frame, install_player, stored_record, take_quiz, unzip_package
from playwright.sync_api import expect

FORMATS = ("scorm12", "scorm2004")


@pytest.fixture(scope="module")
def packages(www, tmp_path_factory):
    root, base = www
    work = tmp_path_factory.mktemp("lms-packages")
    player = install_player(root)
    return {lms_format: (base + player, unzip_package(lms_format, root, work)) for lms_format in FORMATS}


def launch(page, packages, lms_format, kept=None):
    player, package = packages[lms_format]
    page.goto(player)
    page.evaluate(
        "([format, package, learner, kept]) => launchCourse(format, package, learner, kept)",
        [lms_format, package, LEARNER, kept],
    )
    return course_frame(page)


def commit_naming(page, text):
    """The first commit whose data holds `text` (the LMS is told after each marked attempt)."""
    page.wait_for_function("text => window.commits.some((cmi) => JSON.stringify(cmi).includes(text))", arg=text)
    return page.evaluate("text => window.commits.find((cmi) => JSON.stringify(cmi).includes(text))", text)


def leave(page):
    """The LMS closes the course (its frame goes): the course finishes the session."""
    page.evaluate("() => document.getElementById('content').remove()")
    page.wait_for_function("() => window.finished !== null")
    return page.evaluate("() => window.finished")


def objectives(cmi):
    return {objective["id"]: objective for objective in cmi["objectives"].values()}


def status_and_score(lms_format, cmi):
    if lms_format == "scorm12":
        return cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]
    return (cmi["success_status"], cmi["completion_status"]), cmi["score"]["scaled"]


@pytest.mark.parametrize("lms_format", FORMATS)
def test_results_reach_the_lms_and_come_back_on_another_device(browser, packages, lms_format):
    first = browser.new_context()
    page = first.new_page()
    frame = launch(page, packages, lms_format)
    notice = page.frame_locator("iframe").first.locator("[role=status]")
    expect(notice).to_be_empty()

    take_quiz(frame, "alpha", right=False)
    cmi = commit_naming(page, '"failed"')
    alpha = objectives(cmi)["alpha"]
    if lms_format == "scorm12":
        assert (alpha["status"], alpha["score"]["raw"]) == ("failed", "0")
        assert status_and_score(lms_format, cmi) == ("incomplete", "")
    else:
        assert (alpha["success_status"], alpha["score"]["scaled"]) == ("failed", "0.0000")
        assert status_and_score(lms_format, cmi) == (("unknown", "incomplete"), "")

    take_quiz(frame, "alpha")
    take_quiz(frame, "beta")
    page.wait_for_function("() => JSON.stringify(window.commits.at(-1)).includes('passed')")
    record = stored_record(frame)
    assert record["name"] == "Ada Lovelace"  # SCORM 1.2's "Lovelace, Ada" turned round
    assert {block: record["blocks"][block]["passed"] for block in ("alpha", "beta")} == {"alpha": True, "beta": True}

    cmi = leave(page)
    expected = ("passed", "100") if lms_format == "scorm12" else (("passed", "completed"), "1.0000")
    assert status_and_score(lms_format, cmi) == expected
    found = objectives(cmi)
    if lms_format == "scorm12":
        assert {block: found[block]["status"] for block in ("alpha", "beta")} == {"alpha": "passed", "beta": "passed"}
        assert cmi["core"]["exit"] == "suspend" and cmi["core"]["session_time"] != "00:00:00"
    else:
        assert {block: found[block]["success_status"] for block in ("alpha", "beta")} == {
            "alpha": "passed",
            "beta": "passed",
        }
        assert cmi["exit"] == "suspend" and cmi["session_time"].startswith("PT")
    kept = json.loads(cmi["suspend_data"])
    assert kept["blocks"]["alpha"]["attempts"] == 2 and kept["blocks"]["beta"]["bestScore"] == 100
    first.close()

    # Another device: nothing in this browser; the LMS gives back what it kept.
    second = browser.new_context()
    page = second.new_page()
    frame = launch(page, packages, lms_format, kept=cmi)
    frame.goto(frame.url)  # the home page, once the record is restored
    restored = stored_record(frame)
    assert {block: restored["blocks"][block]["passed"] for block in ("alpha", "beta")} == {"alpha": True, "beta": True}
    assert restored["name"] == "Ada Lovelace"
    expect(frame.locator("[data-course-overview] li[data-block-id]").filter(has_text="Passed")).to_have_count(2)
    again = leave(page)
    assert json.loads(again["suspend_data"])["blocks"] == kept["blocks"]
    assert status_and_score(lms_format, again) == expected
    second.close()


def test_a_refusing_lms_gets_a_notice_and_everything_later(browser, packages):
    context = browser.new_context()
    page = context.new_page()
    frame = launch(page, packages, "scorm12")
    page.evaluate("() => { window.realCommit = window.API.LMSCommit; window.API.LMSCommit = () => 'false'; }")
    take_quiz(frame, "alpha")
    notice = page.frame_locator("iframe").first.locator("[role=status]")
    expect(notice).to_contain_text("refused the LMSCommit call")
    expect(notice).to_contain_text("kept in this browser")
    page.evaluate("() => { window.API.LMSCommit = window.realCommit; }")  # the LMS works again
    take_quiz(frame, "beta")
    expect(notice).to_have_text("Your results are being sent to your learning platform again.")
    cmi = page.evaluate("() => window.commits.at(-1)")
    assert objectives(cmi)["alpha"]["status"] == "passed"  # the refused result was sent again
    assert cmi["core"]["lesson_status"] == "passed"
    context.close()


def test_without_an_lms_the_course_still_opens(page, packages):
    player, package = packages["scorm12"]
    page.goto(player.split("/lms-player/")[0] + package + "lms.html")
    expect(page.get_by_role("status")).to_contain_text("No learning platform launched this course")
    frame = page.frame(name="course")
    expect(page.frame_locator("iframe[name=course]").locator("h1").first).to_be_visible()
    assert frame is not None and frame.url.endswith("/index.html")
