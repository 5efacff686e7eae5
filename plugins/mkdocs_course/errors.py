"""Author mistakes, reported with where they are and how to fix them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in an author's file; line and column count from 1 (0 means unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


class CourseError(Exception):
    """One mistake in the course sources that the author has to fix."""

    def __init__(self, where: Location, problem: str, fix: str = "") -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.where}: {self.problem}"
        return f"{text} {self.fix}" if self.fix else text


class CourseErrors(Exception):
    """Every mistake found in one build, so the author can fix them all in one go."""

    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.where.path, e.where.line, e.where.column))
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.errors)
        heading = f"The course has {count} mistake{'s' if count != 1 else ''} to fix:"
        return "\n".join([heading, *(f"  {error}" for error in self.errors)])


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice an author most likely meant, for "did you mean" hints; None when nothing is close."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None
