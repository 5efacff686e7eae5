"""The quiz page: its Markdown source, the questions as HTML, and the data the browser marks with.

Every Markdown field of a quiz (prompt, option, feedback, explanation, intro) is written into the
generated page between markers, so the site's own Markdown pipeline renders it: the same extensions,
and MkDocs rewrites and checks its links as it does for any page. Once rendered, the fields are cut
out of the page: prompts and options go into the questions' HTML (`quiz_view`, shown as the page
loads, so nothing moves when the browser takes over), and feedback and explanations, sealed, into
the quiz data.
"""

from __future__ import annotations

import html
import json
import random
import re
import string
import textwrap
from dataclasses import dataclass

from .answers import variant_hashes, variant_key
from .model import Question, Quiz
from .sealing import sealed_explanation, sealed_feedback

QUIZ_SLOT = "<!-- course:quiz -->"
_ONE_PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


def quiz_page_markdown(quiz: Quiz, marker: str) -> str:
    """The generated `<block>/quiz.md`: the title, the slot for the quiz, and every field to render.

    `marker` marks where each field starts and ends: give one no author can guess (the plugin makes
    a new random one every build), so no text can end a field early and spill into the page.
    """
    return "\n".join([quiz_heading_markdown(quiz), "", quiz_body_markdown(quiz, marker)])


def quiz_heading_markdown(quiz: Quiz) -> str:
    """The quiz page's front matter (its `title`) and heading, from the quiz's title."""
    title = " ".join(quiz.title.split())
    # The title is plain text, as everywhere else it appears (the overview, the quiz data). The
    # page's `title` is HTML to MkDocs and the theme (the navigation and <title> show it as is), so
    # it is escaped; set here, it also keeps material from unescaping the heading's text into <title>.
    front_matter = ["---", f"title: {json.dumps(html.escape(title))}", "---", ""]
    return "\n".join([*front_matter, quiz_title_markdown(quiz)])


def quiz_title_markdown(quiz: Quiz) -> str:
    """The quiz page's heading: the quiz's title as plain text."""
    return f"# {_plain_markdown(' '.join(quiz.title.split()))}"


def quiz_body_markdown(quiz: Quiz, marker: str) -> str:
    """The slot for the quiz and every field to render, between `marker`s: what a quiz page holds
    under its title (the plugin's generated page, or an author's page where its marker stands)."""
    parts = [QUIZ_SLOT, ""]
    for field_id, text in _fields(quiz):
        parts += [f"<!--{marker}:{field_id}-->", "", textwrap.dedent(text).strip(), "", f"<!--/{marker}-->", ""]
    return "\n".join(parts)


def _plain_markdown(text: str) -> str:
    """Markdown that shows `text` as it is: every ASCII punctuation character as a character
    reference, so nothing in it is markup (HTML, emphasis, links, `{#id}`) to any extension."""
    return "".join(f"&#{ord(c)};" if c in string.punctuation else c for c in text)


def _fields(quiz: Quiz) -> list[tuple[str, str]]:
    fields = [("intro", quiz.intro)] if quiz.intro.strip() else []
    for q, question in enumerate(quiz.questions):
        for v, variant in enumerate(question.variants):
            prefix = f"q{q}.v{v}"
            fields.append((f"{prefix}.prompt", variant.prompt))
            if variant.explanation.strip():
                fields.append((f"{prefix}.explanation", variant.explanation))
            for o, option in enumerate(variant.options):
                fields.append((f"{prefix}.o{o}.text", option.text))
                if option.feedback.strip():
                    fields.append((f"{prefix}.o{o}.feedback", option.feedback))
    return fields


def cut_fields(html: str, marker: str) -> tuple[str, dict[str, str]]:
    """Take the rendered fields out of the page HTML; returns the page without them, and the fields."""
    field = re.compile(rf"<!--{re.escape(marker)}:([\w.-]+)-->(.*?)<!--/{re.escape(marker)}-->", re.DOTALL)
    fields = {match.group(1): match.group(2).strip() for match in field.finditer(html)}
    return field.sub("", html).strip() + "\n", fields


def inline_html(html: str) -> str:
    """Option text sits inside a label: unwrap a lone paragraph."""
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


@dataclass(frozen=True)
class ReviewLink:
    url: str  # relative to the quiz page
    title: str


def _sealed_feedback(
    salt: str, question_id: str, variant: int, fields: dict[str, str], prefix: str, count: int
) -> list[str]:
    feedback = [fields.get(f"{prefix}.o{o}.feedback", "") for o in range(count)]
    return sealed_feedback(salt, question_id, variant, feedback)


def quiz_payload(
    quiz: Quiz,
    *,
    course_id: str,
    block_title: str,
    pass_mark: float,
    salt: str,
    fields: dict[str, str],
    reviews: dict[str, ReviewLink],
) -> dict:
    """The data the browser builds the quiz from: rendered text, salted answer hashes, and the
    feedback and explanations sealed (sealing.py)."""
    questions = []
    for q, question in enumerate(quiz.questions):
        variants = []
        for v, variant in enumerate(question.variants):
            prefix = f"q{q}.v{v}"
            variants.append(
                {
                    "key": variant_key(question, v),
                    "feedbackSealed": _sealed_feedback(salt, question.id, v, fields, prefix, len(variant.options)),
                    "explanationSealed": sealed_explanation(
                        salt, question.id, v, fields.get(f"{prefix}.explanation", "")
                    ),
                    "answerHashes": variant_hashes(salt, question, v),
                }
            )
        review = reviews.get(question.id)
        questions.append(
            {
                "id": question.id,
                "type": question.type,
                "tries": quiz.tries_of(question),
                "reviewUrl": review.url if review else None,
                "reviewTitle": review.title if review else None,
                "variants": variants,
            }
        )
    return {
        "version": 2,
        "courseId": course_id,
        "blockId": quiz.block_id,
        "blockTitle": block_title,
        "title": quiz.title,
        "passMark": pass_mark,
        "draw": quiz.draw,
        "salt": salt,
        "questions": questions,
    }


@dataclass(frozen=True)
class ShownOption:
    value: str  # the option's index in the author's order ("true"/"false" for true/false)
    html: str


@dataclass(frozen=True)
class ShownVariant:
    prompt_html: str
    options: tuple[ShownOption, ...]  # in the order shown; none for text questions


@dataclass(frozen=True)
class ShownQuestion:
    id: str
    type: str
    tries: int
    position: int | None  # 1-based place in the first attempt; None when not drawn into it (hidden)
    variants: tuple[ShownVariant, ...]


@dataclass(frozen=True)
class QuizView:
    """What the quiz page shows before any script runs: the first attempt, complete."""

    intro_html: str
    pass_mark: float  # percent, written by the locale in the page's message
    shown: int  # questions in an attempt
    questions: tuple[ShownQuestion, ...]  # those of the first attempt first, in its order


# Their words are the site's (`quiz.option_true`, `quiz.option_false`), given by templates/quiz.html.
TRUE_FALSE = (ShownOption("true", ""), ShownOption("false", ""))


def quiz_view(quiz: Quiz, *, pass_mark: float, salt: str, fields: dict[str, str]) -> QuizView:
    """The questions as the page shows them until the learner starts another attempt: the first
    version of each, options shuffled, and a draw made, at random for each build (seeded by its
    salt). Every version and every question of a draw is in the page, hidden, for the browser to
    show in later attempts; it reads the first attempt from this markup, so nothing moves."""
    shuffler = random.Random(salt)
    order = list(range(len(quiz.questions)))
    if quiz.draw:
        shuffler.shuffle(order)
    shown = quiz.draw or len(order)
    questions = []
    for place, q in enumerate(order):
        question = quiz.questions[q]
        variants = tuple(
            ShownVariant(fields.get(f"q{q}.v{v}.prompt", ""), _shown_options(question, q, v, fields, shuffler))
            for v in range(len(question.variants))
        )
        position = place + 1 if place < shown else None
        questions.append(ShownQuestion(question.id, question.type, quiz.tries_of(question), position, variants))
    return QuizView(fields.get("intro", ""), pass_mark, shown, tuple(questions))


def _shown_options(
    question: Question, q: int, v: int, fields: dict[str, str], shuffler: random.Random
) -> tuple[ShownOption, ...]:
    if question.type == "true_false":
        return TRUE_FALSE
    options = [
        ShownOption(str(o), inline_html(fields.get(f"q{q}.v{v}.o{o}.text", "")))
        for o in range(len(question.variants[v].options))
    ]
    shuffler.shuffle(options)
    return tuple(options)


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' in clear."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
