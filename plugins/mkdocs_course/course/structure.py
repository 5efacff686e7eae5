"""Which folders are blocks, and whether every block has a quiz and every quiz a block."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CourseError, CourseErrors, Location, closest
from ..quiz.loader import load_quiz
from ..quiz.model import Quiz


def block_folders(page_paths: Iterable[str]) -> list[str]:
    """Top-level folders that hold at least one lesson page (paths use '/', relative to the docs),
    in natural order."""
    return sorted({path.split("/", 1)[0] for path in page_paths if "/" in path}, key=natural_key)


def natural_key(name: str) -> list[str | int]:
    """Sorts names as people count: `2-middle` before `10-end` (runs of digits compare as numbers)."""
    # re.split with a group puts text at even and digits at odd positions, so like compares with like.
    return [int(part) if index % 2 else part.casefold() for index, part in enumerate(re.split(r"(\d+)", name))]


_NUMBER_PREFIX = re.compile(r"^\d+(?:[-_. ]+|$)")
_BLOCK_PREFIX = re.compile(r"^\s*block\s+\d+\s*[:.\-\u2013\u2014]\s*", re.IGNORECASE)
_HEADING = re.compile(r"^#(?!#)[ \t]*(?P<text>.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^=+[ \t]*$")
_ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}\s*$")


def shown_id(folder: str) -> str:
    """A block folder's name as a learner may see it: without the number that orders it
    (`01-before-you-write` -> `before-you-write`)."""
    return _NUMBER_PREFIX.sub("", folder) or folder


def fallback_title(folder: str) -> str:
    """A block's title when nothing better is known: its folder's name, unnumbered, in words."""
    words = re.sub(r"[-_]+", " ", shown_id(folder)).strip()
    return words[:1].upper() + words[1:] if words else folder


def block_title(title: str) -> str:
    """A block's title without a leading "Block 1:": pages show it after the block's own number."""
    stripped = _BLOCK_PREFIX.sub("", title).strip()
    return stripped or title.strip()


def first_heading(markdown: str) -> str:
    """The text of a page's first level-1 heading (`# Title` or underlined with `=`), without an
    attribute list (`{#id}`); empty when there is none. Fenced code is skipped."""
    fence = ""
    previous = ""
    for line in markdown.splitlines():
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        match = _HEADING.match(line)
        if match and match["text"]:
            return _ATTRIBUTES.sub("", match["text"]).strip()
        if _SETEXT.match(line) and previous.strip() and not previous.startswith((" ", "\t")):
            return _ATTRIBUTES.sub("", previous).strip()
        previous = line
    return ""


def pairing_errors(
    folders: Iterable[str], quiz_files: dict[str, str], docs_dir: str, quizzes_dir: str
) -> list[CourseError]:
    """A block folder without a quiz file, and a quiz file without a block, are both mistakes.

    `quiz_files` maps a quiz's block id (its file name without `.yml`) to how the file is shown.
    """
    folders = list(folders)
    errors = []
    for folder in folders:
        if folder not in quiz_files:
            errors.append(
                CourseError(
                    Location(f"{docs_dir}/{folder}"),
                    f"the block '{folder}' has no quiz.",
                    f"Add {quizzes_dir}/{folder}.yml: every block ends with a quiz.",
                )
            )
    for block_id, shown_as in sorted(quiz_files.items()):
        if block_id not in folders:
            hint = closest(block_id, folders)
            errors.append(
                CourseError(
                    Location(shown_as),
                    f"this quiz has no block: there is no lesson folder {docs_dir}/{block_id}/.",
                    f"Rename it to {quizzes_dir}/{hint}.yml."
                    if hint
                    else f"Name the quiz after a lesson folder of {docs_dir}/, or create that folder.",
                )
            )
    return errors


@dataclass
class LoadedQuizzes:
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # block id -> its quiz
    broken: dict[str, list[CourseError]] = field(default_factory=dict)  # block id -> what stops its quiz
    errors: list[CourseError] = field(default_factory=list)  # every mistake, pairing ones included


def load_quizzes(folders: list[str], quizzes_dir: Path, quizzes_shown: str, docs_shown: str) -> LoadedQuizzes:
    """The quiz of every block folder, from `<quizzes_dir>/<block>.yml`; `*_shown` name the folders
    in messages as the author sees them (relative to mkdocs.yml)."""
    files = {path.stem: path for path in sorted(quizzes_dir.glob("*.yml"))}
    shown = {block_id: f"{quizzes_shown}/{path.name}" for block_id, path in files.items()}
    loaded = LoadedQuizzes(errors=pairing_errors(folders, shown, docs_shown, quizzes_shown))
    for block_id, path in files.items():
        if block_id not in folders:
            continue
        try:
            loaded.quizzes[block_id] = load_quiz(path, shown[block_id], block_id)
        except (CourseError, CourseErrors) as error:
            found = error.errors if isinstance(error, CourseErrors) else [error]
            loaded.errors += found
            loaded.broken[block_id] = found
    return loaded
