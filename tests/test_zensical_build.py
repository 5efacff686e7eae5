"""`zensical build` of a course made by `mkdocs-course new` (no overrides, the theme as it comes):
the course's pages, published files and data reach the site, what the build cannot check is said
once, and a mistake stops the build with its file and line. Zensical comes from the `test` extra."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_course.skeleton import new_course

BIN = Path(sys.executable).parent
SITE_URL = "https://courses.example/study/"


def run(command: str, project: Path) -> subprocess.CompletedProcess[str]:
    tool = BIN / command.split()[0]
    assert tool.exists(), f"{tool} is missing: install the test extra (`pip install -e '.[test]'`)."
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_COLOR": "1"}
    return subprocess.run([str(tool), *command.split()[1:]], cwd=project, capture_output=True, text=True, env=env)


@pytest.fixture()
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    new_course(folder)
    written = run("mkdocs-course assets", folder)
    assert written.returncode == 0, written.stderr
    return folder


def test_zensical_builds_a_new_course_with_its_quiz_achievements_and_badges(course: Path) -> None:
    built = run("zensical build --clean", course)
    assert built.returncode == 0, built.stdout + built.stderr
    output = built.stdout + built.stderr
    assert output.count("cannot check") == 1 and "review" in output
    site = course / "site"
    quiz = (site / "plan-your-study" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert quiz.count('<section class="course-quiz') == 1 and "course-quiz__data" in quiz
    assert "<title>Check your understanding" in quiz
    assert 'src="../../assets/course/js/course.js" type="module"' in quiz
    achievements = (site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert "data-course-achievements" in achievements and "Block 1: Plan your study" in achievements
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="course-data"' in home and "data-course-continue" in home
    for published in ("assets/course/js/course.js", "assets/course/css/quiz.css", "badges/plan-your-study.svg"):
        assert (site / published).is_file(), published
    assert (site / "badges" / "plan-your-study.credential.json").read_text(encoding="utf-8").count(SITE_URL) >= 1


def test_a_broken_quiz_stops_zensical_with_its_file_and_line(course: Path) -> None:
    quiz = course / "quizzes" / "plan-your-study.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singular", 1), encoding="utf-8")
    built = run("zensical build --clean", course)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "quizzes/plan-your-study.yml:" in output and "singular" in output
    assert output.count("The course has 1 mistake to fix") <= 2  # logged once, and in the engine's stop


def test_published_files_for_another_address_stop_zensical_naming_the_command(course: Path) -> None:
    env_free = run("zensical build --clean", course)
    assert env_free.returncode == 0
    credential = course / "content" / "badges" / "plan-your-study.credential.json"
    credential.write_text(credential.read_text(encoding="utf-8").replace(SITE_URL, "https://elsewhere.example/"))
    built = run("zensical build --clean", course)
    assert built.returncode != 0
    assert "badges/plan-your-study.credential.json" in built.stderr and "mkdocs-course assets" in built.stderr


def test_zensical_builds_the_course_in_the_sites_language(course: Path) -> None:
    """`theme.language` reaches the Markdown extension front as it reaches the plugin (issue 12)."""
    from mkdocs_course.messages.catalog import site_messages

    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en\n" in text
    config.write_text(text.replace("\n  language: en\n", "\n  language: fr\n", 1), encoding="utf-8")
    assert run("mkdocs-course assets", course).returncode == 0  # the on-demand words are the site's
    built = run("zensical build --clean", course)
    assert built.returncode == 0, built.stdout + built.stderr
    french = site_messages("fr")
    site = course / "site"
    quiz = (site / "plan-your-study" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert french("quiz.check_answers") in quiz and "Check answers" not in quiz
    assert '"language":"fr"' in quiz
    achievements = (site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert french("achievements.save_progress") in achievements or french("achievements.record_heading") in achievements
    words = (site / "assets" / "course" / "words.json").read_text(encoding="utf-8")
    assert french("notice.dismiss") in words
