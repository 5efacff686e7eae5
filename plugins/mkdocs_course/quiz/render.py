"""The quiz page: its Markdown source, and the shell and data the browser builds the quiz from.

Every Markdown field of a quiz (prompt, option, feedback, explanation, intro) is written into the
generated page between markers, so the site's own Markdown pipeline renders it: the same extensions,
and MkDocs rewrites and checks its links as it does for any page. Once rendered, the fields are cut
out of the page and carried in the quiz data instead.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass

from .answers import variant_hashes, variant_key
from .model import Quiz

QUIZ_SLOT = "<!-- course:quiz -->"
_ONE_PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


def quiz_page_markdown(quiz: Quiz, marker: str) -> str:
    """The generated `<block>/quiz.md`: the title, the slot for the quiz, and every field to render.

    `marker` marks where each field starts and ends: give one no author can guess (the plugin makes
    a new random one every build), so no text can end a field early and spill into the page.
    """
    parts = [f"# {quiz.title}", "", QUIZ_SLOT, ""]
    for field_id, text in _fields(quiz):
        parts += [f"<!--{marker}:{field_id}-->", "", textwrap.dedent(text).strip(), "", f"<!--/{marker}-->", ""]
    return "\n".join(parts)


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


def _inline(html: str) -> str:
    """Option text sits inside a label: unwrap a lone paragraph."""
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


@dataclass(frozen=True)
class ReviewLink:
    url: str  # relative to the quiz page
    title: str


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
    """The data the browser builds the quiz from: rendered text and salted answer hashes only."""
    questions = []
    for q, question in enumerate(quiz.questions):
        variants = []
        for v, variant in enumerate(question.variants):
            prefix = f"q{q}.v{v}"
            variants.append(
                {
                    "key": variant_key(question, v),
                    "promptHtml": fields.get(f"{prefix}.prompt", ""),
                    "options": [
                        {
                            "html": _inline(fields.get(f"{prefix}.o{o}.text", "")),
                            "feedbackHtml": fields.get(f"{prefix}.o{o}.feedback", ""),
                        }
                        for o in range(len(variant.options))
                    ],
                    "explanationHtml": fields.get(f"{prefix}.explanation", ""),
                    "answerHashes": variant_hashes(salt, question, v),
                }
            )
        review = reviews.get(question.id)
        questions.append(
            {
                "id": question.id,
                "type": question.type,
                "reviewUrl": review.url if review else None,
                "reviewTitle": review.title if review else None,
                "variants": variants,
            }
        )
    return {
        "version": 1,
        "courseId": course_id,
        "blockId": quiz.block_id,
        "blockTitle": block_title,
        "title": quiz.title,
        "introHtml": fields.get("intro", ""),
        "passMark": pass_mark,
        "draw": quiz.draw,
        "salt": salt,
        "questions": questions,
    }


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' in clear."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
