"""Read a quiz file into YAML nodes that remember their line and column."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import CourseError, Location
from .model import Quiz
from .validate import quiz_from_node

# libyaml's loader keeps line marks too, and is ten times faster on large courses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_quiz(path: Path, shown_as: str, block_id: str) -> Quiz:
    """Load and check one quiz file; raise CourseError(s) naming the file, line and fix.

    `shown_as` is how the file is named in messages (relative to the project, as the author sees it).
    """
    text = _read_utf8(path, shown_as)
    node = _compose(text, shown_as)
    return quiz_from_node(node, Location(shown_as, 1, 1), block_id)


def _read_utf8(path: Path, shown_as: str) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise CourseError(
            Location(shown_as, line, column),
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x} cannot be read).",
            "Save it as UTF-8 in your editor.",
        ) from None
    return text.removeprefix("\ufeff")


def _compose(text: str, shown_as: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(shown_as, mark.line + 1, mark.column + 1) if mark else Location(shown_as)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise CourseError(
            where,
            f"this is not valid YAML: {problem}.",
            "Check the indentation and that text containing ': ' or starting with a quote or '*' is wrapped in quotes.",
        ) from None
    except yaml.reader.ReaderError as error:  # control characters and the like
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        raise CourseError(
            Location(shown_as, line, column),
            f"the file contains the control character U+{error.character:04X}, which YAML does not allow.",
            "Delete it (it is often pasted in from a word processor).",
        ) from None
