"""Widget modules are published as one file each (plugins/mkdocs_course/bundle.py): the bundle
parses, keeps what every page already loaded as real imports, and refuses what it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest
import tree_sitter_javascript
from tree_sitter import Language, Parser

from mkdocs_course.assets import JS_DIR, WIDGET_MODULES, widget_bundle
from mkdocs_course.bundle import BundleError, bundle, static_imports

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


def test_modules_are_inlined_in_scopes_of_their_own_with_addresses_kept(tmp_path: Path) -> None:
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
    text = bundle(tmp_path / "widget" / "page.js", external={tmp_path / "shared.js"}, root=tmp_path)

    assert not PARSER.parse(text.encode()).root_node.has_error
    assert 'import * as module_shared from "../shared.js";' in text
    assert text.count("const local") == 2  # each module keeps its own scope
    assert 'new URL("./helper.js", import.meta.url).href' in text
    assert 'import("../lazy.js")' in text
    assert "double: module_widget_helper.twice" in text
    assert text.index("module_widget_helper = ") < text.index("module_widget_other = ")


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
