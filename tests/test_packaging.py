"""What the plugin needs at run time is in the wheel, and MkDocs finds it by its entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_plugin_is_registered_as_course():
    (plugin,) = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "course"]
    assert plugin.value == "mkdocs_course.plugin:CoursePlugin"


def test_wheel_ships_templates_assets_schema_and_types(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(REPO)], check=True)
    (wheel,) = tmp_path.glob("mkdocs_course-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "plugins" / "mkdocs_course"
    shipped = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    missing = [str(p.relative_to(package)) for p in shipped
               if f"mkdocs_course/{p.relative_to(package).as_posix()}" not in names]
    assert missing == []
    assert {"mkdocs_course/py.typed", "mkdocs_course/quiz/schema.json", "mkdocs_course/templates/quiz.html",
            "mkdocs_course/assets/js/course.js", "mkdocs_course/assets/css/course.css"} <= names
