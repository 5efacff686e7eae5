"""Read a quiz file into YAML nodes that remember their line and column.

A quiz file is the author's, but it may be anything a folder can hold: a link to nothing or to a
device, a folder, megabytes of text, brackets nested thousands deep (libyaml's composer recurses
once per level and crashes the whole process past a few thousand), or a few aliases that repeat one
long text millions of times. Each is refused with the file, the line and what to do, before it
costs more than reading one megabyte.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from ..errors import CourseError, Location
from .model import MAX_TEXT, Quiz
from .validate import quiz_from_node

# libyaml's loader keeps line marks too, and is ten times faster on large courses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1_000_000
# Lists and sets of keys inside each other, the top level counting as 1. A quiz needs 7 (quiz,
# questions, question, variants, variant, options, option); the learner's record allows 32 too.
MAX_DEPTH = 32


def load_quiz(path: Path, shown_as: str, block_id: str) -> Quiz:
    """Load and check one quiz file; raise CourseError(s) naming the file, line and fix.

    `shown_as` is how the file is named in messages (relative to the project, as the author sees it).
    """
    text = _read_text(path, shown_as)
    node = _compose(text, shown_as)
    return quiz_from_node(node, Location(shown_as, 1, 1), block_id)


def _read_text(path: Path, shown_as: str) -> str:
    """The file's text, once it is known to be a regular file of at most MAX_FILE_BYTES in UTF-8."""
    where = Location(shown_as)
    folder = shown_as.rpartition("/")[0] or "."
    try:
        status = path.stat()  # follows a link to what it points at
    except OSError as error:
        if path.is_symlink():
            raise CourseError(
                where,
                f"this quiz file is a link to {os.readlink(path)}, which cannot be opened ({error.strerror}).",
                "Point the link at a quiz file, or put the quiz file itself in its place.",
            ) from None
        raise CourseError(where, f"this quiz file cannot be read ({error.strerror}).") from None
    if stat.S_ISDIR(status.st_mode):
        raise CourseError(
            where,
            "this is a folder, not a quiz file.",
            f"Rename it or move it out of {folder}/: a name ending in .yml there is a block's quiz.",
        )
    if not stat.S_ISREG(status.st_mode):
        raise CourseError(
            where,
            "this is not a regular file (it is, or links to, a device, a pipe or a socket).",
            "Put the quiz file itself in its place.",
        )
    too_big = CourseError(
        where,
        f"this quiz file is over the limit of {MAX_FILE_BYTES:,} bytes.",
        f"Split the block in two, each with its own quiz: a quiz holds at most {MAX_FILE_BYTES:,} bytes.",
    )
    if status.st_size > MAX_FILE_BYTES:
        raise too_big
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # a file that grew since stat() is read no further
    except OSError as error:
        raise CourseError(where, f"this quiz file cannot be read ({error.strerror}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big
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
        _check_size(text, shown_as)
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


def _check_size(text: str, shown_as: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and aliases that would make the quiz more than MAX_TEXT
    characters, from the parser's events (which come one at a time, whatever the nesting) before
    anything is composed.

    The size of a node is its characters, with 1 for each list, set of keys and empty value in it,
    and every alias counted as the node it repeats.
    """
    sizes: dict[str, int] = {}  # anchor -> the size of its node, once complete
    open_sizes = [0]  # the size so far of each collection being read, the stream first
    open_anchors: list[str | None] = [None]
    total = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_sizes) > MAX_DEPTH:
                raise CourseError(
                    _at(shown_as, event),
                    f"the YAML is nested more than {MAX_DEPTH} levels deep here (lists and keys inside each other).",
                    "A quiz needs 7 levels at most (questions, variants, options): look for a `[` or `{` that "
                    "is never closed, or a run of `- ` on one line.",
                )
            open_sizes.append(1)
            open_anchors.append(event.anchor)
            total += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = open_sizes.pop(), open_anchors.pop()
            if anchor is not None:
                sizes[anchor] = size
            open_sizes[-1] += size
        elif isinstance(event, yaml.ScalarEvent):
            size = len(event.value) or 1
            if event.anchor is not None:
                sizes[event.anchor] = size
            open_sizes[-1] += size
            total += size
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor in open_anchors:
                raise CourseError(
                    _at(shown_as, event),
                    f"the alias `*{event.anchor}` is inside the very list or keys its anchor `&{event.anchor}` "
                    "names, so it would repeat itself forever.",
                    f"Write the text out here instead of `*{event.anchor}`.",
                )
            size = sizes.get(event.anchor, 0)  # an undefined alias: composing names it
            open_sizes[-1] += size
            total += size
            if total > MAX_TEXT:
                raise CourseError(
                    _at(shown_as, event),
                    f"with what its aliases repeat, the quiz grows past {MAX_TEXT:,} characters at this "
                    f"`*{event.anchor}`.",
                    f"Repeat less through aliases (`*{event.anchor}` repeats {size:,} characters each time), "
                    "or split the block in two, each with its own quiz.",
                )


def _at(shown_as: str, event: yaml.Event) -> Location:
    mark = event.start_mark
    return Location(shown_as, mark.line + 1, mark.column + 1)
