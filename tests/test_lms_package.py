"""`mkdocs-course package`: one command per format; a plain build carries no LMS code at all."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mkdocs_course.skeleton.cli import main
from site_build import build

FIXTURE = Path(__file__).parent / "fixtures" / "course"


def test_a_plain_site_has_no_lms_file_and_no_reference_to_one(tmp_path, monkeypatch):
    monkeypatch.delenv("MKDOCS_COURSE_LMS", raising=False)
    site = build(FIXTURE, tmp_path / "site").site_dir
    names = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    assert not [name for name in names if "lms" in name.lower()]
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".json", ".xml", ".css"):
            text = path.read_text(encoding="utf-8")
            assert "lms.html" not in text and "js/lms/" not in text and "course-lms" not in text, path


def test_the_command_writes_a_package(tmp_path, capsys):
    output = tmp_path / "out" / "course.zip"
    assert main(["package", "--format", "scorm12", "-f", str(FIXTURE / "mkdocs.yml"), "-o", str(output)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote {output}: SCORM 1.2 package of 'Fixture course'" in said and "mastery score 75%" in said
    names = zipfile.ZipFile(output).namelist()
    assert names[0] == "imsmanifest.xml"
    assert {"lms.html", "index.html", "alpha/quiz.html", "assets/course/js/lms/runtime.js"} <= set(names)
    assert not (tmp_path / "out" / "course.zip.partial").exists()


def test_a_missing_mkdocs_yml_is_named(tmp_path, capsys):
    assert main(["package", "--format", "cmi5", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    assert "is not a file: name the course's mkdocs.yml with -f" in capsys.readouterr().err


def test_an_unknown_format_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["package", "--format", "scorm3000"])
    assert "invalid choice: 'scorm3000'" in capsys.readouterr().err


def test_an_unknown_format_in_the_environment_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("MKDOCS_COURSE_LMS", "aicc")
    built = build(FIXTURE, tmp_path / "site", check=False)
    assert not built.ok and "MKDOCS_COURSE_LMS='aicc' names no LMS package format" in built.error
