"""What a quiz is, once loaded and checked: plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location

QUESTION_TYPES = ("single", "multiple", "true_false", "text")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Variant:
    """One version of a question; every attempt shows one variant of each question."""

    prompt: str
    options: tuple[Option, ...] = ()
    answer: bool | None = None  # true_false only
    accept: tuple[str, ...] = ()  # text only
    explanation: str = ""


@dataclass(frozen=True)
class Review:
    """Where the point of a question is taught: a page relative to the block folder, and a heading."""

    path: str
    anchor: str
    where: Location


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    variants: tuple[Variant, ...]  # the question as written first, then its `variants`
    review: Review | None = None


@dataclass(frozen=True)
class Quiz:
    block_id: str
    source: Location
    questions: tuple[Question, ...]
    title: str = "Quiz"
    intro: str = ""
    pass_mark: float | None = None  # None: the course default applies
    draw: int | None = None  # None: every question, every attempt
