"""Widget modules are published as one file each (plugins/mkdocs_course/bundle.py): the bundle
parses, keeps what every page already loaded as real imports, and refuses what it cannot read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tree_sitter_javascript
from tree_sitter import Language, Parser

from mkdocs_course.assets import JS_DIR, WIDGET_MODULES, widget_bundle
from mkdocs_course.bundle import BundleError, bundle, hoisting_refused, static_imports

PARSER = Parser(Language(tree_sitter_javascript.language()))


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("widget", WIDGET_MODULES, ids=lambda path: path.relative_to(JS_DIR).as_posix())
def test_a_widget_bundle_parses_and_imports_only_what_every_page_loaded(widget: Path) -> None:
    published = widget_bundle(widget)
    tree = PARSER.parse(published.encode()).root_node
    assert not tree.has_error
    imported = {
        node.child_by_field_name("source").text.decode().strip('"')
        for node in tree.children
        if node.type == "import_statement"
    }
    every_page = {path.name for path in static_imports(JS_DIR / "course.js")}
    assert imported and {Path(source).name for source in imported} <= every_page


# A module's own function scope: what `bundle` writes when hoisting is not safe.
WRAPPER = re.compile(r"^const module_\w+ = \(\(\) => \{$", re.MULTILINE)
# Every widget's bundle is hoisted today; one that is not, and why, goes here.
NOT_HOISTED: dict[str, str] = {}


@pytest.mark.parametrize("widget", WIDGET_MODULES, ids=lambda path: path.relative_to(JS_DIR).as_posix())
def test_widget_bundles_are_scope_hoisted_when_safe(widget: Path) -> None:
    external = static_imports(JS_DIR / "course.js")
    text = bundle(widget, external=external, root=JS_DIR)
    refusal = hoisting_refused(widget, external=external, root=JS_DIR)

    assert refusal == NOT_HOISTED.get(widget.relative_to(JS_DIR).as_posix())
    assert bool(WRAPPER.search(text)) == (refusal is not None)
    assert not PARSER.parse(text.encode()).root_node.has_error
    if refusal is None:  # only the entry's exports are left, its re-exports read from the one scope
        exports = re.compile(r"^export ", re.MULTILINE)
        assert len(exports.findall(text)) == len(exports.findall(widget.read_text(encoding="utf-8")))
        assert "export const {" not in text


def test_hoisted_modules_share_one_scope_with_aliases_and_addresses(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shared.js": "export const shared = 1;\nexport const other = 20;\n",
            "widget/helper.js": 'import { shared } from "../shared.js";\nexport const here = import.meta.url;\n'
            'export const later = () => import("../lazy.js");\nexport function twice() { return shared * 2; }\n',
            "widget/other.js": 'import { shared as base } from "../shared.js";\n'
            'export { twice as double } from "./helper.js";\nexport { other as outside } from "../shared.js";\n'
            "export const three = base + 2;\n",
            "widget/page.js": 'import { double, three, outside } from "./other.js";\n'
            'import { here, twice as again } from "./helper.js";\n'
            'export { double as doubled, three } from "./other.js";\n'
            'export { outside as alsoOutside } from "./other.js";\n'
            "export const result = double() + three + again() + outside;\nexport const address = here;\n",
        },
    )
    text = bundle(tmp_path / "widget" / "page.js", external={tmp_path / "shared.js"}, root=tmp_path)

    assert not PARSER.parse(text.encode()).root_node.has_error
    assert not WRAPPER.search(text)
    lines = text.splitlines()
    assert lines[:2] == [
        'import * as module_shared from "../shared.js";',
        "const { shared, shared: base, other: outside } = module_shared;",  # once, for every module
    ]
    assert "\nfunction twice()" in text and "export function twice" not in text  # inlined: not exported
    assert "const three = base + 2;" in text
    assert "const double = twice;" in lines and "const again = twice;" in lines  # through the re-export
    assert "export { twice as doubled, three };" in lines
    assert 'export { other as alsoOutside } from "../shared.js";' in lines
    assert "export const result = double() + three + again() + outside;" in lines
    assert 'const here = new URL("./helper.js", import.meta.url).href;' in lines
    assert 'import("../lazy.js")' in text
    assert text.index("function twice") < text.index("const three") < text.index("export const result")


def test_modules_that_declare_the_same_name_keep_scopes_of_their_own(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shared.js": "export const shared = 1;\n",
            "widget/helper.js": 'import { shared } from "../shared.js";\nconst local = 2;\n'
            'export const here = import.meta.url;\nexport const later = () => import("../lazy.js");\n'
            "export function twice() { return shared + local; }\n",
            "widget/other.js": 'const local = 3;\nexport { twice as double } from "./helper.js";\n'
            "export const three = local;\n",
            "widget/page.js": 'import { double, three } from "./other.js";\nimport { here } from "./helper.js";\n'
            "export const result = double() + three;\nexport const address = here;\n",
        },
    )
    page = tmp_path / "widget" / "page.js"
    text = bundle(page, external={tmp_path / "shared.js"}, root=tmp_path)

    assert hoisting_refused(page, external={tmp_path / "shared.js"}, root=tmp_path) == "two top-level `local`"
    assert not PARSER.parse(text.encode()).root_node.has_error
    assert len(WRAPPER.findall(text)) == 2
    assert 'import * as module_shared from "../shared.js";' in text
    assert text.count("const local") == 2  # each module keeps its own scope
    assert 'new URL("./helper.js", import.meta.url).href' in text
    assert 'import("../lazy.js")' in text
    assert "double: module_widget_helper.twice" in text
    assert text.index("module_widget_helper = ") < text.index("module_widget_other = ")


WORDS = 'import { words } from "./messages.js";\nexport const shown = words;\n'


@pytest.mark.parametrize(
    ("code", "hoisted"),
    [
        ("export function show() { return words.length; }\n", False),  # a global of its own
        ("export const show = (words) => words, again = () => words;\n", False),
        ("export function show(list) {\n  {\n    const words = list;\n  }\n  return words;\n}\n", False),
        ("export const show = (list) => list.map((words) => words).concat(words);\n", False),
        ("export const show = () => `${words}`;\n", False),
        ("export const show = (list) => list.map((item) => item).concat(words);\n", False),
        ("export function show(words) { return words; }\n", True),
        ("export const show = (list) => {\n  const [words] = list;\n  return words;\n};\n", True),
        ("export const show = (list) => list.map((words) => words);\n", True),
        ("export function show() {\n  for (const words of [1]) return words;\n}\n", True),
        ('export const show = { words: "words" }.words + `words` + /words/.source; // words\n', True),
        ('import { words as lexicon } from "./messages.js";\nexport const show = () => lexicon;\n', True),
        ('import { shown as words } from "./page.js";\nexport const show = 1;\n', None),  # a cycle
        ('import { count as shown } from "./messages.js";\nexport const show = shown;\n', False),  # page.js's `shown`
    ],
)
def test_a_name_used_where_another_module_declares_it_is_not_hoisted(
    tmp_path: Path, code: str, hoisted: bool | None
) -> None:
    """messages.js declares `words`; show.js, inlined beside it, must not read it unless it imports it."""
    write(
        tmp_path,
        {
            "messages.js": "export const words = ['one'];\nexport const count = 2;\n",
            "show.js": code,
            "page.js": 'import { show } from "./show.js";\n' + WORDS,
        },
    )
    if hoisted is None:
        with pytest.raises(BundleError):
            bundle(tmp_path / "page.js", external=set(), root=tmp_path)
        return
    text = bundle(tmp_path / "page.js", external=set(), root=tmp_path)
    refusal = hoisting_refused(tmp_path / "page.js", external=set(), root=tmp_path)
    assert (refusal is None) == hoisted, refusal
    assert bool(WRAPPER.search(text)) != hoisted
    assert not PARSER.parse(text.encode()).root_node.has_error


@pytest.mark.parametrize(
    "files",
    [
        {"page.js": 'import helper from "./helper.js";\n', "helper.js": "export default 1;\n"},
        {"page.js": 'import * as all from "./helper.js";\n', "helper.js": "export const one = 1;\n"},
        {
            "page.js": 'import { one } from "./helper.js";\n',
            "helper.js": 'import { two } from "./page.js";\nexport const one = 1;\n',
        },
    ],
    ids=["default export", "namespace import", "cycle"],
)
def test_what_the_bundler_cannot_read_is_an_error(tmp_path: Path, files: dict[str, str]) -> None:
    write(tmp_path, files)
    with pytest.raises(BundleError):
        bundle(tmp_path / "page.js", external=set(), root=tmp_path)
