"""Pages load only the course code they use (sizes are measured by bench/course_asset_sizes.py)."""

from __future__ import annotations

from helpers import course_files


def test_lesson_pages_load_no_quiz_or_badge_code(context, site):
    lesson = course_files(context.new_page(), site + "alpha/numbers/")

    assert lesson == {"css/course.css", "js/course.js", "js/dom.js", "js/record-passes.js"}


def test_quiz_pages_load_one_quiz_file_and_not_the_statement(context, site):
    quiz = course_files(context.new_page(), site + "alpha/quiz/", loading=("js/quiz/page.js",))

    # The quiz module comes as one file with its imports (bundle.py); the rest is the lesson page's.
    assert quiz == {
        "css/course.css",
        "css/quiz.css",
        "js/course.js",
        "js/dom.js",
        "js/record-passes.js",
        "js/quiz/page.js",
    }


def test_the_achievements_page_loads_its_file_and_the_badge_code_only_on_a_press(context, site):
    achievements = course_files(
        context.new_page(), site + "achievements/", loading=("js/achievements/page.js", "js/progress-view.js")
    )

    assert achievements == {
        "css/course.css",
        "css/achievements.css",
        "js/course.js",
        "js/dom.js",
        "js/record-passes.js",
        "js/achievements/page.js",
        "js/progress-view.js",  # the progress bar
        "js/messages.js",  # its words (the widget's own bundle has its copy inside)
    }


def test_progress_code_loads_only_where_progress_is_shown(context, site):
    """The home page's next step and progress bar, and a block's status on its first page."""
    lesson = {"css/course.css", "js/course.js", "js/dom.js", "js/record-passes.js"}

    progress = "js/progress-view.js"
    shown = lesson | {progress, "js/messages.js"}  # with the module that writes its words
    assert course_files(context.new_page(), site, loading=(progress, "js/messages.js")) == shown
    assert course_files(context.new_page(), site + "alpha/", loading=(progress, "js/messages.js")) == shown
    assert course_files(context.new_page(), site + "alpha/numbers/") == lesson
