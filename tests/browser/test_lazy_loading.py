"""Pages load only the course code they use (sizes are measured by bench/course_asset_sizes.py)."""

from __future__ import annotations


def course_files(page, url: str) -> set[str]:
    files: set[str] = set()
    page.on("request", lambda request: "/assets/course/" in request.url
            and files.add(request.url.split("/assets/course/")[1]))
    page.goto(url, wait_until="networkidle")
    return files


def test_lesson_pages_load_no_quiz_or_badge_code(context, site):
    lesson = course_files(context.new_page(), site + "alpha/numbers/")

    assert lesson == {"css/course.css", "js/course.js", "js/dom.js", "js/record-passes.js"}


def test_quiz_pages_load_the_quiz_code_but_not_the_statement(context, site):
    quiz = course_files(context.new_page(), site + "alpha/quiz/")

    assert {"js/quiz/page.js", "js/quiz/marking.js", "js/store.js"} <= quiz
    assert not {name for name in quiz if "vendor/" in name or "statement" in name}, quiz
