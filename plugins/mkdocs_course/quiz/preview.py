"""The author's preview of a quiz, for `mkdocs serve` only: every version of every question with
its right answers, feedback, explanation and review link, in clear.

A built site never carries it (the answers would be in the page): the plugin asks for it only when
it serves, and tests/test_quiz_preview.py holds both sides to that.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Quiz
from .render import ReviewLink, inline_html


@dataclass(frozen=True)
class PreviewOption:
    html: str
    correct: bool
    feedback_html: str


@dataclass(frozen=True)
class PreviewVariant:
    prompt_html: str
    options: tuple[PreviewOption, ...]
    answer: str  # what is right, for true/false and text questions ("" otherwise)
    explanation_html: str


@dataclass(frozen=True)
class PreviewQuestion:
    id: str
    type: str
    variants: tuple[PreviewVariant, ...]
    review: ReviewLink | None


def quiz_preview(quiz: Quiz, fields: dict[str, str], reviews: dict[str, ReviewLink]) -> list[PreviewQuestion]:
    """Every question of the quiz as the author wrote it, rendered by the site's Markdown."""
    questions = []
    for q, question in enumerate(quiz.questions):
        variants = []
        for v, variant in enumerate(question.variants):
            prefix = f"q{q}.v{v}"
            options = tuple(
                PreviewOption(
                    inline_html(fields.get(f"{prefix}.o{o}.text", "")),
                    option.correct,
                    fields.get(f"{prefix}.o{o}.feedback", ""),
                )
                for o, option in enumerate(variant.options)
            )
            if question.type == "true_false":
                answer = "True" if variant.answer else "False"
            elif question.type == "text":
                answer = " · ".join(variant.accept)
            else:
                answer = ""
            variants.append(
                PreviewVariant(
                    fields.get(f"{prefix}.prompt", ""), options, answer, fields.get(f"{prefix}.explanation", "")
                )
            )
        questions.append(PreviewQuestion(question.id, question.type, tuple(variants), reviews.get(question.id)))
    return questions
