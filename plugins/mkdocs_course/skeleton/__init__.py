"""A new course to start from: `mkdocs-course new PATH` writes a small, complete course that builds
with `mkdocs build --strict` (given its address in SITE_URL) and that an author edits into their own.

The course's files live in `course/` beside this module (package data); the quiz JSON Schema is
copied from `quiz/schema.json`, the one copy the plugin holds, so the new course's editor checks
quizzes against the schema of the plugin that wrote it.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

COURSE_ID = "__COURSE_ID__"  # replaced in mkdocs.yml by an id made from the folder's name
RENAMED = {"gitignore": ".gitignore"}  # dot files do not survive package data's glob patterns
SCHEMA = "quizzes/schema.json"


class NotEmpty(Exception):
    """The folder holds files already: a new course is never written over them."""


def course_id(folder: Path) -> str:
    """An id for the course from its folder's name: lower case, words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-") or "my-course"


def new_course(target: Path) -> list[Path]:
    """Write the course skeleton into `target` (created if missing) and return the files written.

    Raises NotEmpty, having written nothing, when `target` is a file or a folder that is not empty.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NotEmpty(str(target))
    contents = {relative: source.read_bytes() for relative, source in _skeleton_files()}
    contents[SCHEMA] = files("mkdocs_course.quiz").joinpath("schema.json").read_bytes()
    contents["mkdocs.yml"] = contents["mkdocs.yml"].replace(COURSE_ID.encode(), course_id(target).encode())
    written = []
    for relative, content in sorted(contents.items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def _skeleton_files() -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for item in folder.iterdir():
            if item.name == "__pycache__":
                continue
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            else:
                found.append((prefix + RENAMED.get(item.name, item.name), item))

    walk(files(__name__).joinpath("course"), "")
    return found
