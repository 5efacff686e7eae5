"""What the plugin needs at run time is in the wheel, and MkDocs finds it by its entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_plugin_is_registered_as_course():
    (plugin,) = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "course"]
    assert plugin.value == "mkdocs_course.adapter.plugin:CoursePlugin"


def test_wheel_ships_templates_assets_schema_and_types(tmp_path):
    # Built from a copy: setuptools builds in the source tree's build/, which keeps modules that
    # have since moved or gone and would put them in the wheel.
    source = tmp_path / "source"
    shutil.copytree(REPO / "plugins", source / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("mkdocs_course-*.whl")
    archive = zipfile.ZipFile(wheel)
    names = {name for name in archive.namelist() if name.startswith("mkdocs_course/")}
    package = REPO / "plugins" / "mkdocs_course"
    shipped = {
        f"mkdocs_course/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sorted(shipped - names) == []  # nothing missing
    assert sorted(names - shipped) == []  # nothing stale
    assert {
        "mkdocs_course/py.typed",
        "mkdocs_course/quiz/schema.json",
        "mkdocs_course/templates/quiz.html",
        "mkdocs_course/assets/js/course.js",
        "mkdocs_course/assets/css/course.css",
        "mkdocs_course/messages/catalogs/en.yml",  # the words learners see (issue 12)
        "mkdocs_course/skeleton/course/gitignore",  # the course `mkdocs-course new` writes
    } <= names
    (entry_points,) = [name for name in archive.namelist() if name.endswith(".dist-info/entry_points.txt")]
    assert "[console_scripts]\nmkdocs-course = mkdocs_course.skeleton.cli:main" in archive.read(entry_points).decode()
