"""What a quiz is, once loaded and checked: plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location

QUESTION_TYPES = ("single", "multiple", "true_false", "text")

# What one quiz may hold (docs/author-guide.md, "Limits"). Far above any real quiz, low enough
# that no quiz file can make a build take minutes or gigabytes, or a page of many megabytes.
MAX_QUESTIONS = 200
MAX_VARIANTS = 20  # items of a question's `variants`, besides the question as written
MAX_TEXT = 1_000_000  # characters of text, counting what variants inherit and aliases repeat
# How many times a learner may check a question in one attempt (`tries`, on the quiz or a question).
DEFAULT_TRIES = 3
MAX_TRIES = 10


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

    def text_size(self) -> int:
        """Characters of text this version puts into the quiz page and its data."""
        options = sum(len(option.text) + len(option.feedback) for option in self.options)
        return len(self.prompt) + len(self.explanation) + options + sum(map(len, self.accept))


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
    tries: int | None = None  # None: the quiz's `tries`


@dataclass(frozen=True)
class Quiz:
    block_id: str
    source: Location
    questions: tuple[Question, ...]
    title: str = "Quiz"
    intro: str = ""
    pass_mark: float | None = None  # None: the course default applies
    draw: int | None = None  # None: every question, every attempt
    tries: int = DEFAULT_TRIES  # for each question that does not set its own

    def tries_of(self, question: Question) -> int:
        """How many times a learner may check `question` in one attempt."""
        return question.tries if question.tries is not None else self.tries
