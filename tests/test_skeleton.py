"""`mkdocs-course new PATH` writes a course that builds with `--strict` at once, and never writes
over a folder that holds files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_course.skeleton import new_course
from mkdocs_course.skeleton.cli import main
from site_build import build

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "plugins" / "mkdocs_course" / "quiz" / "schema.json"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_course_builds_strict_with_every_page(tmp_path, monkeypatch, capsys):
    course = tmp_path / "My Course"
    assert main(["new", str(course)]) == 0
    assert "mkdocs serve" in capsys.readouterr().out

    config = yaml.load((course / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert config["theme"]["font"] is False
    assert config["nav"]  # explicit
    assert config["plugins"][1]["course"]["id"] == "my-course"
    assert "site_url" in config  # with a comment on why it matters:
    assert re.search(r"#.*[Bb]adges.*\n(#.*\n)*site_url:", (course / "mkdocs.yml").read_text(encoding="utf-8"))
    quiz_text = (course / "quizzes" / "plan-your-study.yml").read_text(encoding="utf-8")
    assert quiz_text.splitlines()[0] == "# yaml-language-server: $schema=schema.json"
    assert (course / "quizzes" / "schema.json").read_bytes() == SCHEMA.read_bytes()  # a copy of the one schema
    quiz = yaml.safe_load(quiz_text)
    jsonschema.validate(quiz, json.loads(SCHEMA.read_text(encoding="utf-8")))
    types = {question["type"] for question in quiz["questions"]}
    assert types == {"single", "multiple", "true_false", "text"}
    assert any("variants" in question for question in quiz["questions"])
    first_page = (course / "content" / "plan-your-study" / "index.md").read_text(encoding="utf-8")
    assert "By the end of this block you will be able to" in first_page and '!!! question "Activity' in first_page

    monkeypatch.setenv("SITE_URL", "https://courses.example/study-smarter/")
    built = build(course, strict=True)
    assert built.warnings == []
    site = built.site_dir
    for page in ("index.html", "plan-your-study/index.html", "plan-your-study/little-and-often/index.html"):
        assert (site / page).is_file(), page
    assert "course-quiz" in (site / "plan-your-study" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert (site / "achievements" / "index.html").is_file()
    assert "Block 1: Plan your study" in (site / "achievements" / "index.html").read_text(encoding="utf-8")


def test_new_course_without_site_url_stops_a_strict_build_with_why(tmp_path, monkeypatch):
    course = tmp_path / "course"
    new_course(course)
    monkeypatch.delenv("SITE_URL", raising=False)
    built = build(course, strict=True, check=False)
    assert not built.ok
    assert any("site_url" in warning for warning in built.warnings)


def test_new_refuses_a_folder_that_holds_files_and_changes_nothing(tmp_path, capsys):
    course = tmp_path / "course"
    assert main(["new", str(course)]) == 0
    (course / "content" / "index.md").write_text("# My own edits\n", encoding="utf-8")
    before = _snapshot(course)
    capsys.readouterr()

    assert main(["new", str(course)]) == 1
    error = capsys.readouterr().err
    assert "not an empty folder" in error and "nothing was written" in error
    assert _snapshot(course) == before

    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    assert main(["new", str(a_file)]) == 1
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_new_writes_into_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    written = new_course(tmp_path / "empty")
    assert tmp_path / "empty" / "mkdocs.yml" in written
    assert (tmp_path / "empty" / ".gitignore").read_text(encoding="utf-8").strip().endswith("site/")


def test_module_command_writes_a_course_and_refuses_a_second_time(tmp_path):
    course = tmp_path / "by-module"
    run = [sys.executable, "-m", "mkdocs_course.skeleton", "new", str(course)]
    first = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (course / "mkdocs.yml").is_file()
    second = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    assert second.returncode == 1
    assert "nothing was written" in second.stderr


def test_usage_without_a_command_fails(capsys):
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2
    assert "new" in capsys.readouterr().err
