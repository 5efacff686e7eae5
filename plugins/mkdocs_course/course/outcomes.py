"""A block's own learning outcomes, from its first page's front matter:

    ---
    outcomes:
      - tailor a CV to the job advert
      - judge whether a vacancy is a realistic match
    ---

A wrong shape (not a list, an item that is not text) is the author's to fix, so it is reported with
the page, the line and what to write. MkDocs itself reads the rest of the front matter.
"""

from __future__ import annotations

import re

import yaml

from ..errors import CourseError, Location

__all__ = ["MAX_OUTCOME_CHARS", "MAX_OUTCOMES", "block_outcomes"]

MAX_OUTCOMES = 12
MAX_OUTCOME_CHARS = 300
# As MkDocs finds front matter (mkdocs.utils.meta): between two lines of three dashes at the top.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_KINDS = {yaml.SequenceNode: "a list", yaml.MappingNode: "a set of keys"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_EXAMPLE = "Write one outcome per line under `outcomes:`, each starting with '- ', e.g. `- tailor a CV to the job`."


def block_outcomes(markdown: str, shown_as: str) -> tuple[str, ...]:
    """The ``outcomes:`` list of a page's front matter, each trimmed; () when there is none.

    ``shown_as`` names the page in messages. Raises CourseError for a wrong shape; front matter
    that is not YAML is left to MkDocs, which reports it."""
    found = _FRONT_MATTER.match(markdown.removeprefix("\ufeff"))
    if not found:
        return ()
    try:
        node = yaml.compose(found[1], Loader=_Loader)
    except yaml.YAMLError:
        return ()
    if not isinstance(node, yaml.MappingNode):
        return ()
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "outcomes":
            return _outcomes(value, shown_as)
    return ()


def _where(shown_as: str, node: yaml.Node) -> Location:
    # The front matter starts on the file's second line, after its `---`.
    return Location(shown_as, node.start_mark.line + 2, node.start_mark.column + 1)


def _outcomes(node: yaml.Node, shown_as: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return ()  # `outcomes:` with nothing after it
    if not isinstance(node, yaml.SequenceNode):
        raise CourseError(_where(shown_as, node), "`outcomes:` must be a list of learning outcomes.", _EXAMPLE)
    if len(node.value) > MAX_OUTCOMES:
        raise CourseError(
            _where(shown_as, node.value[MAX_OUTCOMES]),
            f"a block has at most {MAX_OUTCOMES} learning outcomes; this is number {MAX_OUTCOMES + 1}.",
            "Keep the few a learner should remember; the lessons can say more.",
        )
    outcomes = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode) and item.tag == _NULL:
            raise CourseError(
                _where(shown_as, item), "this learning outcome is empty.", "Write it, or delete the line."
            )
        if not isinstance(item, yaml.ScalarNode) or item.tag != _STR:
            what = _KINDS.get(type(item), f"`{getattr(item, 'value', '')}`")
            raise CourseError(
                _where(shown_as, item),
                f"each learning outcome must be text, but this one is {what}.",
                "Write it as a sentence after '- ' (in quotes if it contains ': ' or starts with a number).",
            )
        text = " ".join(item.value.split())
        if not text:
            raise CourseError(
                _where(shown_as, item), "this learning outcome is empty.", "Write it, or delete the line."
            )
        if len(text) > MAX_OUTCOME_CHARS:
            raise CourseError(
                _where(shown_as, item),
                f"this learning outcome is {len(text)} characters long; the limit is {MAX_OUTCOME_CHARS}.",
                "Say it in one short sentence.",
            )
        outcomes.append(text)
    return tuple(outcomes)
