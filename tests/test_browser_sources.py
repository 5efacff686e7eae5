"""The browser modules are written to be read (the plugin minifies what it publishes): they parse,
their names are spelled out, and no function runs on for more than about a screen."""

from __future__ import annotations

from pathlib import Path

import pytest
import rjsmin
import tree_sitter_javascript
from tree_sitter import Language, Node, Parser

JS_DIR = Path(__file__).parents[1] / "plugins" / "mkdocs_course" / "assets" / "js"
SOURCES = sorted(JS_DIR.rglob("*.js"))
# Loop indices and coordinates by convention; `id` and `el` are words in their own right.
SHORT_NAMES_ALLOWED = {"i", "j", "k", "x", "y", "id", "el"}
NAME_NODES = {"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"}
FUNCTION_NODES = {"function_declaration", "function_expression", "arrow_function", "method_definition"}
MAX_FUNCTION_LINES = 60
PARSER = Parser(Language(tree_sitter_javascript.language()))


def walk(node: Node):
    yield node
    for child in node.children:
        yield from walk(child)


def tree(path: Path) -> Node:
    return PARSER.parse(path.read_bytes()).root_node


def test_there_are_browser_modules() -> None:
    assert {"course.js", "record.js", "store.js", "dom.js"} <= {path.name for path in SOURCES}


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(JS_DIR)))
def test_module_parses_before_and_after_minifying(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    minified = rjsmin.jsmin(source)
    assert not PARSER.parse(source.encode()).root_node.has_error
    parsed = PARSER.parse(minified.encode()).root_node
    assert not parsed.has_error, f"{path.name} no longer parses once minified"
    names = [node.text for node in walk(tree(path)) if node.type in NAME_NODES]
    assert names == [node.text for node in walk(parsed) if node.type in NAME_NODES]
    # rjsmin reads no nested template literal: it would squeeze the spaces out of the inner one.
    texts = [node.text for node in walk(tree(path)) if node.type == "string_fragment"]
    assert texts == [node.text for node in walk(parsed) if node.type == "string_fragment"], "text changed"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(JS_DIR)))
def test_names_are_spelled_out(path: Path) -> None:
    short = sorted(
        {
            f"{node.text.decode()} (line {node.start_point.row + 1})"
            for node in walk(tree(path))
            if node.type in NAME_NODES and len(node.text) < 3 and node.text.decode() not in SHORT_NAMES_ALLOWED
        }
    )
    assert not short, f"{path.name}: names shorter than three characters: {', '.join(short)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(JS_DIR)))
def test_functions_fit_on_a_screen(path: Path) -> None:
    long = [
        f"line {node.start_point.row + 1}: {node.end_point.row - node.start_point.row + 1} lines"
        for node in walk(tree(path))
        if node.type in FUNCTION_NODES and node.end_point.row - node.start_point.row + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.name}: functions longer than {MAX_FUNCTION_LINES} lines: {'; '.join(long)}"
