"""The course's Python-Markdown extension (mkdocs_course.markdown), alone and beside the plugin.

A course made by `mkdocs-course new` (not the sample), rendered page by page as an engine without
plugins renders it: a Markdown instance per page, told which page it is by a rendering context like
Zensical's (`rendering_context` preprocessor with `page.path`, `page.url` and `config["root_dir"]`).
"""

from __future__ import annotations

import re
import types
from pathlib import Path

import pytest
from markdown import Markdown
from markdown.preprocessors import Preprocessor

from mkdocs_course.markdown import CourseBuildError, CourseExtension
from mkdocs_course.markdown.command import run_assets_command
from mkdocs_course.markdown.project import load_project
from mkdocs_course.skeleton import new_course
from site_build import build

SITE_URL = "https://courses.example/study/"


@pytest.fixture()
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new course with its published files written (as `mkdocs-course assets` does)."""
    folder = tmp_path / "course"
    new_course(folder)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.chdir(folder)
    assert run_assets_command(types.SimpleNamespace(config_file=folder / "mkdocs.yml")) == 0
    return folder


class _Context(Preprocessor):
    """What Zensical's rendering context gives an extension."""

    def __init__(self, md: Markdown, root: Path, path: str) -> None:
        super().__init__(md)
        self.config = {"root_dir": str(root)}
        self.page = types.SimpleNamespace(path=path, url="", title=None)

    def run(self, lines: list[str]) -> list[str]:
        return lines


def render(course: Path, path: str, text: str | None = None) -> str:
    md = Markdown(extensions=["attr_list", "admonition", "toc", CourseExtension()])
    md.preprocessors.register(_Context(md, course, path), "rendering_context", 0)
    source = text if text is not None else (course / "content" / path).read_text(encoding="utf-8")
    if text is not None:
        (course / "content" / path).write_text(text, encoding="utf-8")
    return md.convert(source)


def test_markers_become_the_quiz_the_overview_and_the_achievements(course: Path) -> None:
    quiz = render(course, "plan-your-study/quiz.md")
    assert quiz.count('<section class="course-quiz') == 1 and "course-quiz__data" in quiz
    assert '<h1 id="check-your-understanding' in quiz.lower() or "<h1" in quiz
    # Relative to the Markdown file, as Zensical resolves a page's links (it makes this ../../…).
    assert '<link rel="stylesheet" href="../assets/course/css/quiz.css">' in quiz
    assert quiz.count('id="course-data"') == 1 and '"achievementsUrl":"achievements/"' in quiz
    assert "course-field-" not in quiz  # every field went into the quiz
    achievements = render(course, "achievements.md")
    assert "data-course-achievements" in achievements and "Block 1: Plan your study" in achievements
    home = render(course, "index.md", "# Welcome\n\n<!-- course:overview -->\n")
    assert "Block 1: Plan your study" in home and "data-course-continue" in home
    lesson = render(course, "plan-your-study/little-and-often.md")
    assert 'data-course-lesson="plan-your-study/little-and-often/"' in lesson
    assert lesson.count("data-course-lesson=") == 1  # not in the headings the toc renders too
    assert '"courseId"' in lesson and '"passMark"' not in lesson  # light data on a lesson


def test_a_marker_in_fenced_code_is_an_example(course: Path) -> None:
    html = render(course, "plan-your-study/little-and-often.md", "# Lesson\n\n```\n<!-- course:nothing -->\n```\n")
    assert "course:nothing" in html


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        (
            "plan-your-study/little-and-often.md",
            "# A\n\nText.\n\n<!-- course:journey -->\n",
            r"little-and-often\.md:5:0: .*course:journey.* is not a course marker",
        ),
        (
            "plan-your-study/little-and-often.md",
            "---\ntitle: A\n---\n\n<!-- course:quiz -->\n",
            r"little-and-often\.md:5:0: .*belongs on a block's quiz page",
        ),
        ("plan-your-study/quiz.md", "<!-- course:quiz plan-your-time -->\n", r"quiz\.md:1:0: .*names 'plan-your-time'"),
        ("index.md", "# Home\n\n<!-- course:achievements -->\n", r"index\.md:3:0: .*belongs on the achievements page"),
    ],
)
def test_a_wrong_marker_stops_the_build_with_its_file_and_line(
    course: Path, path: str, text: str, message: str
) -> None:
    with pytest.raises(CourseBuildError, match=message):
        render(course, path, text)


def test_a_broken_quiz_stops_the_build_with_its_file_and_line(course: Path) -> None:
    quiz = course / "quizzes" / "plan-your-study.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singular", 1), encoding="utf-8")
    with pytest.raises(CourseBuildError, match=r"quizzes/plan-your-study\.yml:\d+:\d+: .*singular"):
        render(course, "plan-your-study/little-and-often.md")


def test_missing_published_files_stop_the_build_naming_the_command(course: Path) -> None:
    (course / "content" / "assets" / "course" / "js" / "course.js").unlink()
    with pytest.raises(CourseBuildError, match=r"assets/course/js/course\.js.*Run `mkdocs-course assets`"):
        render(course, "index.md")


def test_a_course_that_does_not_watch_its_quizzes_is_told_why(course: Path) -> None:
    config = course / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("watch:\n  - quizzes\n", ""), encoding="utf-8")
    with pytest.raises(CourseBuildError, match=r"mkdocs\.yml: `watch` does not list the quizzes folder"):
        render(course, "index.md")


def test_the_assets_command_writes_what_the_plugin_publishes(course: Path, tmp_path: Path) -> None:
    built = build(course, tmp_path / "site", strict=True)
    site = built.site_dir
    published = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for folder in ("assets/course", "badges")
        for path in (site / folder).rglob("*")
        if path.is_file()
    }
    docs = course / "content"
    written = {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for folder in ("assets/course", "badges")
        for path in (docs / folder).rglob("*")
        if path.is_file()
    }
    assert sorted(written) == sorted(published) and len(published) > 40
    assert [uri for uri in published if written[uri] != published[uri]] == []


def test_plugin_and_extension_in_one_mkdocs_yml_render_once(course: Path, tmp_path: Path) -> None:
    """The new course lists both, and its quiz and achievements pages hold markers."""
    assert "mkdocs_course.markdown" in (course / "mkdocs.yml").read_text(encoding="utf-8")
    site = build(course, tmp_path / "site", strict=True).site_dir
    quiz = (site / "plan-your-study" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert quiz.count('<section class="course-quiz') == 1 and quiz.count('id="course-data"') == 1
    assert quiz.count("quiz.css") == 1 and "course-field-" not in quiz
    achievements = (site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert achievements.count('<div class="course-achievements" data-course-achievements>') == 1
    # The author's pages take the generated pages' places: each once in the navigation, in order.
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', home)
    assert links.count("plan-your-study/quiz/") <= 1 and links.count("achievements/") <= 1


def test_without_nav_the_authors_quiz_page_still_ends_its_block(course: Path, tmp_path: Path) -> None:
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\nnav:\n(  .*\n)+", "\n", text), encoding="utf-8")
    built = build(course, tmp_path / "site", strict=True)
    lesson = (built.site_dir / "plan-your-study" / "little-and-often" / "index.html").read_text(encoding="utf-8")
    # The quiz is the page after the last lesson (material's footer "Next" link).
    assert re.search(r'<a href="\.\./quiz/" class="md-footer__link md-footer__link--next"', lesson)


def test_the_project_reads_blocks_and_lessons_as_the_plugin_does(course: Path) -> None:
    project = load_project(course / "mkdocs.yml")
    assert project.errors == []
    (block,) = project.blocks
    assert (block.id, block.title, block.number, block.url, block.quiz_url) == (
        "plan-your-study",
        "Plan your study",
        1,
        "plan-your-study/",
        "plan-your-study/quiz/",
    )
    assert [lesson.url for lesson in project.lessons["plan-your-study"]] == ["plan-your-study/little-and-often/"]
    assert project.settings.id == "course" and project.site_url == SITE_URL
