"""Turn YAML nodes into a Quiz, collecting every mistake with its line and a fix.

Works on nodes rather than loaded values so that each message can point at the exact line, and so
that Markdown fields keep the author's text as written (`text: No` stays "No", not False).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import CourseError, CourseErrors, Location, closest
from .answers import normalise_text_answer
from .model import (
    DEFAULT_TRIES,
    MAX_QUESTIONS,
    MAX_TEXT,
    MAX_TRIES,
    MAX_VARIANTS,
    QUESTION_TYPES,
    Option,
    Question,
    Quiz,
    Review,
    Variant,
)

QUIZ_KEYS = ("title", "intro", "pass_mark", "draw", "tries", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "options",
    "answer",
    "accept",
    "explanation",
    "review",
    "tries",
    "variants",
)
VARIANT_KEYS = ("prompt", "options", "answer", "accept", "explanation")
OPTION_KEYS = ("text", "correct", "feedback")
MIN_OPTIONS, MAX_OPTIONS = 2, 10
QUESTION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_CODE_SPAN = re.compile(r"(`+).*?\1", re.DOTALL)

# Quotes a word processor or phone types: “…” ‘…’ „…“ «…» ‹…›. A closing ’ alone ends words ("students’").
_OPENING_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u201a\u201b\u00ab\u00bb\u2039\u203a"
_CLOSING_QUOTES = "\u201d\u201c\u201f\u00bb\u00ab\u203a\u2039"

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"
_constructor = yaml.SafeLoader("")

Fields = dict[str, yaml.Node]


def quiz_from_node(node: yaml.Node | None, where: Location, block_id: str) -> Quiz:
    """Check a composed quiz file; raise CourseErrors listing every mistake found."""
    check = _Checker(where.path)
    quiz = check.quiz(node, where, block_id)
    if check.errors or quiz is None:
        raise CourseErrors(check.errors)
    return quiz


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[CourseError] = []
        self._seen: set[str] = set()

    # -- reporting ---------------------------------------------------------------------------

    def at(self, node: yaml.Node) -> Location:
        return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, node: yaml.Node, problem: str, fix: str = "") -> None:
        error = CourseError(self.at(node), problem, fix)
        if str(error) not in self._seen:  # variants inherit fields: report each mistake once
            self._seen.add(str(error))
            self.errors.append(error)

    # -- the quiz ----------------------------------------------------------------------------

    def quiz(self, node: yaml.Node | None, where: Location, block_id: str) -> Quiz | None:
        if node is None or _is_null(node):
            self.errors.append(
                CourseError(where, "the quiz file is empty.", "Add a `questions:` list (see the author guide).")
            )
            return None
        fields = self.mapping(node, "the quiz file", QUIZ_KEYS)
        if fields is None:
            return None
        title = self.text(fields.get("title"), "`title`") or "Quiz"
        intro = self.markdown(fields.get("intro"), "`intro`")
        pass_mark = self.pass_mark(fields.get("pass_mark"))
        questions_node = fields.get("questions")
        questions = self.questions(node, questions_node, text_used=len(title) + len(intro))
        written = len(questions_node.value) if isinstance(questions_node, yaml.SequenceNode) else 0
        draw = self.draw(fields.get("draw"), written)
        tries = self.tries(fields.get("tries"), "the quiz")
        return Quiz(
            block_id=block_id,
            source=where,
            questions=tuple(questions),
            title=title,
            intro=intro,
            pass_mark=pass_mark,
            draw=draw,
            tries=DEFAULT_TRIES if tries is None else tries,
        )

    def pass_mark(self, node: yaml.Node | None) -> float | None:
        if node is None:
            return None
        value = _value(node, (_INT_TAG, _FLOAT_TAG))
        if value is None or not 1 <= value <= 100:
            self.error(
                node,
                f"`pass_mark` must be a percentage from 1 to 100, not {_shown(node)}.",
                "Write a number such as `pass_mark: 60`, or remove it to use the course default.",
            )
            return None
        return float(value)

    def draw(self, node: yaml.Node | None, question_count: int) -> int | None:
        if node is None:
            return None
        value = _value(node, (_INT_TAG,))
        if value is None or value < 1:
            self.error(
                node,
                f"`draw` must be a whole number of at least 1, not {_shown(node)}.",
                "Give how many questions each attempt shows, or remove `draw` to show them all.",
            )
            return None
        if question_count and value > question_count:
            self.error(
                node,
                f"`draw: {value}` asks for more questions than the quiz has ({question_count}).",
                f"Use a number from 1 to {question_count}, or add questions.",
            )
            return None
        return int(value)

    def tries(self, node: yaml.Node | None, owner: str) -> int | None:
        if node is None:
            return None
        value = _value(node, (_INT_TAG,))
        if value is None or not 1 <= value <= MAX_TRIES:
            self.error(
                node,
                f"`tries` of {owner} must be a whole number from 1 to {MAX_TRIES}, not {_shown(node)}.",
                f"Give how many times a learner may check an answer, such as `tries: {DEFAULT_TRIES}`, "
                f"or remove `tries` for the default of {DEFAULT_TRIES}.",
            )
            return None
        return int(value)

    def questions(self, quiz_node: yaml.Node, node: yaml.Node | None, text_used: int) -> list[Question]:
        """The questions, unless there are more than MAX_QUESTIONS or their text (with what variants
        inherit) and `text_used` come to more than MAX_TEXT characters."""
        if node is None or _is_null(node):
            self.error(quiz_node, "the quiz has no questions.", "Add a `questions:` list with at least one question.")
            return []
        items = self.sequence(node, "`questions`")
        if items is None:
            return []
        if not items:
            self.error(node, "the quiz has no questions.", "Add at least one question under `questions:`.")
        if len(items) > MAX_QUESTIONS:
            self.error(
                node,
                f"the quiz has {len(items):,} questions, over the limit of {MAX_QUESTIONS} for one quiz.",
                f"Split the block in two, each with its own quiz of at most {MAX_QUESTIONS} questions "
                "(`draw` can show a few of them at each attempt).",
            )
            return []
        questions: list[Question] = []
        ids: dict[str, yaml.Node] = {}
        for number, item in enumerate(items, start=1):
            fields = self.mapping(item, f"question {number}", QUESTION_KEYS)
            if fields is None:
                continue
            question = self.question(item, fields, number)
            if question is None:
                continue
            first = ids.get(question.id)
            if first is not None:
                self.error(
                    fields["id"],
                    f"question id '{question.id}' is used twice (first on line {first.start_mark.line + 1}).",
                    "Give every question its own id: progress is kept by id.",
                )
                continue
            ids[question.id] = fields["id"]
            questions.append(question)
            text_used += sum(variant.text_size() for variant in question.variants)
            if text_used > MAX_TEXT:
                self.error(
                    item,
                    f"the quiz's text grows past {MAX_TEXT:,} characters with question '{question.id}' "
                    "(each variant counts the text it takes from its question).",
                    "Shorten the text, or split the block in two, each with its own quiz.",
                )
                break
        return questions

    def question(self, node: yaml.Node, fields: Fields, number: int) -> Question | None:
        question_id = self.question_id(node, fields.get("id"), number)
        label = f"question '{question_id}'" if question_id else f"question {number}"
        question_type = self.question_type(node, fields.get("type"), label)
        if question_type is None:
            return None
        base = {key: value for key, value in fields.items() if key in VARIANT_KEYS}
        variants = [self.variant(node, base, question_type, label)]
        variants_node = fields.get("variants")
        if variants_node is not None:
            items = self.sequence(variants_node, f"`variants` of {label}") or []
            if len(items) > MAX_VARIANTS:
                self.error(
                    variants_node,
                    f"{label} has {len(items):,} variants, over the limit of {MAX_VARIANTS}.",
                    f"Keep at most {MAX_VARIANTS} variants; make the others questions of their own.",
                )
                return None
            for index, item in enumerate(items, 1):
                own = self.mapping(item, f"variant {index} of {label}", VARIANT_KEYS)
                if own is not None:
                    variants.append(self.variant(item, {**base, **own}, question_type, f"variant {index} of {label}"))
        review = self.review(fields.get("review"), label)
        tries = self.tries(fields.get("tries"), label)
        if question_id is None or None in variants:
            return None
        return Question(id=question_id, type=question_type, variants=tuple(variants), review=review, tries=tries)  # type: ignore[arg-type]

    def question_id(self, node: yaml.Node, id_node: yaml.Node | None, number: int) -> str | None:
        if id_node is None:
            self.error(
                node,
                f"question {number} has no `id`.",
                "Add a short, unique id such as `id: tailor-each-application`; progress is kept by id.",
            )
            return None
        value = id_node.value if isinstance(id_node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not QUESTION_ID.match(value):
            self.error(
                id_node,
                f"question {number} has the id {_shown(id_node)}, which cannot be used.",
                "Use letters, digits, '-' and '_' only, such as `id: ask-for-feedback`.",
            )
            return None
        return value

    def question_type(self, node: yaml.Node, type_node: yaml.Node | None, label: str) -> str | None:
        choices = ", ".join(QUESTION_TYPES)
        if type_node is None:
            self.error(node, f"{label} has no `type`.", f"Add `type:` with one of: {choices}.")
            return None
        value = type_node.value if isinstance(type_node, yaml.ScalarNode) else ""
        if value not in QUESTION_TYPES:
            self.error(
                type_node,
                f"{label} has the unknown type {_shown(type_node)}.",
                _did_you_mean(str(value), QUESTION_TYPES) or f"Use one of: {choices}.",
            )
            return None
        return value

    def variant(self, node: yaml.Node, fields: Fields, question_type: str, label: str) -> Variant | None:
        errors_before = len(self.errors)
        prompt = self.markdown(fields.get("prompt"), f"`prompt` of {label}")
        if not prompt.strip():
            self.error(fields.get("prompt", node), f"{label} has no `prompt`.", "Add `prompt:` with the question text.")
        explanation = self.markdown(fields.get("explanation"), f"`explanation` of {label}")
        options: tuple[Option, ...] = ()
        answer: bool | None = None
        accept: tuple[str, ...] = ()
        if question_type in ("single", "multiple"):
            options = self.options(node, fields.get("options"), question_type, label)
            self.not_for(fields, ("answer", "accept"), question_type, label, "options")
        elif question_type == "true_false":
            answer = self.answer(node, fields.get("answer"), label)
            self.not_for(fields, ("options", "accept"), question_type, label, "`answer: true` or `answer: false`")
        else:
            accept = self.accept(node, fields.get("accept"), label)
            self.not_for(fields, ("options", "answer"), question_type, label, "an `accept:` list")
        if len(self.errors) > errors_before:
            return None
        return Variant(prompt=prompt, options=options, answer=answer, accept=accept, explanation=explanation)

    def not_for(self, fields: Fields, keys: tuple[str, ...], question_type: str, label: str, instead: str) -> None:
        for key in keys:
            if key in fields:
                self.error(
                    fields[key],
                    f"{label} is a {question_type} question, which does not take `{key}`.",
                    f"Remove `{key}`; {question_type} questions use {instead}.",
                )

    def options(
        self, node: yaml.Node, options_node: yaml.Node | None, question_type: str, label: str
    ) -> tuple[Option, ...]:
        if options_node is None:
            self.error(
                node,
                f"{label} is a {question_type} question with no `options`.",
                f"Add `options:` with {MIN_OPTIONS} to {MAX_OPTIONS} items, each with `text:`.",
            )
            return ()
        items = self.sequence(options_node, f"`options` of {label}")
        if items is None:
            return ()
        if not MIN_OPTIONS <= len(items) <= MAX_OPTIONS:
            self.error(
                options_node,
                f"{label} has {len(items)} option{'s' if len(items) != 1 else ''}.",
                f"Give it from {MIN_OPTIONS} to {MAX_OPTIONS} options.",
            )
        options = []
        for number, item in enumerate(items, start=1):
            fields = self.mapping(item, f"option {number} of {label}", OPTION_KEYS)
            if fields is None:
                continue
            text = self.markdown(fields.get("text"), f"`text` of option {number} of {label}")
            if not text.strip():
                self.error(
                    fields.get("text", item),
                    f"option {number} of {label} has no `text`.",
                    "Add `text:` with what the learner sees.",
                )
            correct = False
            if "correct" in fields:
                correct = self.boolean(fields["correct"], f"`correct` of option {number} of {label}")
            feedback = self.markdown(fields.get("feedback"), f"`feedback` of option {number} of {label}")
            options.append(Option(text=text, correct=correct, feedback=feedback))
        correct_count = sum(option.correct for option in options)
        if len(options) == len(items):
            if question_type == "single" and correct_count != 1:
                self.error(
                    options_node,
                    f"{label} is a single-choice question with {correct_count} correct options.",
                    "Mark exactly one option `correct: true`, or make it `type: multiple`.",
                )
            if question_type == "multiple" and correct_count == 0:
                self.error(
                    options_node,
                    f"{label} is a multiple-choice question with no correct option.",
                    "Mark at least one option `correct: true`.",
                )
        return tuple(options)

    def answer(self, node: yaml.Node, answer_node: yaml.Node | None, label: str) -> bool | None:
        if answer_node is None:
            self.error(
                node, f"{label} is a true_false question with no `answer`.", "Add `answer: true` or `answer: false`."
            )
            return None
        return self.boolean(answer_node, f"`answer` of {label}")

    def accept(self, node: yaml.Node, accept_node: yaml.Node | None, label: str) -> tuple[str, ...]:
        if accept_node is None:
            self.error(
                node,
                f"{label} is a text question with no `accept` list.",
                'Add `accept: ["answer", "another wording"]`.',
            )
            return ()
        if isinstance(accept_node, yaml.ScalarNode) and not _is_null(accept_node):
            items = [accept_node]
        else:
            items = self.sequence(accept_node, f"`accept` of {label}")
        if items is None:
            return ()
        answers = [self.text(item, f"an accepted answer of {label}").strip() for item in items]
        for item, answer in zip(items, answers, strict=True):
            self.typographic_quotes(item, answer, label)
            if answer and not normalise_text_answer(answer):
                self.error(
                    item,
                    f"the accepted answer {answer!r} of {label} is only punctuation, which answers are "
                    "compared without: no learner could type it.",
                    "Write the answer in words, or remove it.",
                )
        if not any(answers):
            self.error(
                accept_node,
                f"`accept` of {label} is empty.",
                'List at least one accepted answer, such as `accept: ["feedback"]`.',
            )
        elif not all(answers):
            self.error(accept_node, f"`accept` of {label} has an empty answer.", "Remove the empty item.")
        return tuple(answers)

    def typographic_quotes(self, node: yaml.Node, answer: str, label: str) -> None:
        """Curly quotes around an answer (`accept: [“PDF”]`, as a word processor types them) are not
        YAML's quotes: they become part of the answer, and every learner who types PDF is marked wrong."""
        if answer[:1] in _OPENING_QUOTES or answer[-1:] in _CLOSING_QUOTES:
            bare = answer.strip(_OPENING_QUOTES + _CLOSING_QUOTES + "’")
            self.error(
                node,
                f"the accepted answer {answer} of {label} is wrapped in typographic quotes, which YAML keeps as "
                f"part of the answer: a learner who types {bare} is marked wrong.",
                f'Use straight quotes or none, such as `accept: ["{bare}"]`.',
            )

    def review(self, node: yaml.Node | None, label: str) -> Review | None:
        if node is None:
            return None
        target = self.text(node, f"`review` of {label}").strip()
        path, _, anchor = target.partition("#")
        if not path.endswith(".md"):
            self.error(
                node,
                f"`review` of {label} is {_shown(node)}, which is not a Markdown page.",
                "Point it at a lesson page relative to the block folder, such as `review: cv.md#tailor-it`.",
            )
            return None
        return Review(path=path, anchor=anchor, where=self.at(node))

    # -- basic shapes ------------------------------------------------------------------------

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> Fields | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node,
                f"{what} must be a set of `key: value` lines, not {_shown(node)}.",
                "Check the indentation and the `- ` that starts each list item.",
            )
            return None
        fields: Fields = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key not in allowed:
                shown = key if isinstance(key, str) else _shown(key_node)
                self.error(
                    key_node,
                    f"unknown key '{shown}' in {what}.",
                    _did_you_mean(str(shown), allowed) or f"Allowed keys: {', '.join(allowed)}.",
                )
            elif key in fields:
                self.error(key_node, f"`{key}` is given twice in {what}.", "Keep one of them.")
            else:
                fields[key] = value_node
        return fields

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list (lines starting with `- `), not {_shown(node)}.")
            return None
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str) -> str:
        if node is None or _is_null(node):
            return ""
        if not isinstance(node, yaml.ScalarNode):
            found = "list" if isinstance(node, yaml.SequenceNode) else "set of keys"
            self.error(
                node,
                f"{what} must be text, not a {found}.",
                "Wrap text that contains ': ' or starts with '-' in quotes, or use `|` for several lines.",
            )
            return ""
        return str(node.value)

    def markdown(self, node: yaml.Node | None, what: str) -> str:
        """Markdown text. An HTML comment it opens and never closes would swallow the rest of the
        quiz page (every field is rendered in that one page), so it is a mistake here."""
        text = self.text(node, what)
        outside_code = _CODE_SPAN.sub("", text)
        if node is not None and outside_code.rfind("<!--") > outside_code.rfind("-->"):
            self.error(
                node,
                f"{what} opens an HTML comment `<!--` that it never closes.",
                "Close it with `-->`, or put it in backticks to show it as code.",
            )
            return ""
        return text

    def boolean(self, node: yaml.Node, what: str) -> bool:
        value = _value(node, (_BOOL_TAG,))
        if not isinstance(value, bool):
            self.error(node, f"{what} must be true or false, not {_shown(node)}.", "Write `true` or `false`.")
            return False
        return value


def _value(node: yaml.Node, tags: tuple[str, ...]) -> Any:
    """The value of a scalar tagged with one of `tags`; None for anything else, and for what the tag
    cannot hold (`!!int x`, `!!bool maybe`, a whole number of over 4,300 digits, too long for Python)."""
    if not isinstance(node, yaml.ScalarNode) or node.tag not in tags:
        return None
    try:
        return _constructor.construct_object(node, deep=True)
    except (ValueError, KeyError, yaml.YAMLError):
        return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a set of keys"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _is_null(node):
        return "nothing"
    value = str(node.value)
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    match = closest(word, choices)
    return f"Did you mean '{match}'?" if match else ""
