"""What the course adds to a page stays small (bench/course_asset_sizes.py prints the details)."""

from __future__ import annotations

import gzip


def course_files(page, url: str) -> dict[str, int]:
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if "/assets/course/" in response.url and response.ok:
            sizes[response.url.split("/assets/course/")[1]] = len(gzip.compress(response.body(), 9))

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    return sizes


def test_lesson_and_quiz_pages_stay_within_budget(context, site):
    lesson = course_files(context.new_page(), site + "alpha/numbers/")
    quiz = course_files(context.new_page(), site + "alpha/quiz/")
    assert "js/quiz-ui.js" not in lesson and "js/store.js" in lesson
    assert sum(lesson.values()) <= 3 * 1024, lesson
    extra = {name: size for name, size in quiz.items() if name not in lesson}
    assert "js/quiz-ui.js" in extra
    assert sum(extra.values()) <= 8 * 1024, extra
