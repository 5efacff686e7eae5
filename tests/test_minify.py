"""A build publishes the plugin's own JS and CSS minified; `serve` publishes them as written, so
authors debug readable code; vendor files and the quiz schema are published as they are."""

from __future__ import annotations

import os
import time

import rcssmin
import rjsmin

from course_factory import make_course
from mkdocs_course.assets import (
    ASSETS_DIR,
    QUIZ_SCHEMA,
    QUIZ_SCHEMA_URI,
    WIDGET_MODULES,
    WIDGET_STYLESHEETS,
    WIDGETS_SHARED_CSS,
    package_assets,
    widget_bundle,
)
from mkdocs_course.minify import minified_file, minify
from site_build import build


def _published(site, asset):
    return (site / asset.uri).read_bytes()


def test_a_build_publishes_our_js_and_css_minified_and_vendor_files_as_they_are(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    build(course.root, strict=True)

    assets = package_assets()
    ours = [a for a in assets if a.minifiable]
    assert {a.path.suffix for a in ours} == {".js", ".css"}
    assert any("vendor" in a.uri for a in assets) and not any("vendor" in a.uri for a in ours)
    for asset in ours:
        source = asset.path.read_text(encoding="utf-8")
        expected = rjsmin.jsmin(source) if asset.path.suffix == ".js" else rcssmin.cssmin(source)
        assert len(expected) < len(source), asset.uri
        if asset.path in WIDGET_MODULES:  # one file with its imports (tests/test_bundle.py)
            expected = widget_bundle(asset.path)
        if asset.path in WIDGET_STYLESHEETS:  # the widgets' shared rules, then the widget's own
            expected = rcssmin.cssmin(WIDGETS_SHARED_CSS.read_text(encoding="utf-8") + "\n" + source)
            assert rcssmin.cssmin(WIDGETS_SHARED_CSS.read_text(encoding="utf-8")) in expected
        assert _published(course.site, asset).decode("utf-8") == expected, asset.uri
    for asset in assets:
        if not asset.minifiable:
            assert _published(course.site, asset) == asset.path.read_bytes(), asset.uri
    assert (course.site / QUIZ_SCHEMA_URI).read_bytes() == QUIZ_SCHEMA.read_bytes()


def test_serve_publishes_the_readable_sources(tmp_path):
    """What `mkdocs serve` builds: the plugin is told the command at startup."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    course = make_course(tmp_path, blocks=("first-block",))
    config = load_config(str(course.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    shared = WIDGETS_SHARED_CSS.read_bytes()
    for asset in package_assets():
        expected = asset.path.read_bytes()
        if asset.path in WIDGET_STYLESHEETS:  # readable too, after the widgets' shared rules
            expected = shared + b"\n" + expected
        assert _published(course.site, asset) == expected, asset.uri


def test_minified_text_is_made_once_per_file_version(tmp_path):
    script = tmp_path / "a.js"
    script.write_text("const answer = 42;  // the answer\nexport { answer };\n", encoding="utf-8")
    first = minified_file(script)
    assert first == "const answer=42;export{answer};" and minified_file(script) is first
    script.write_text("export const b = `x  ${1}  y`;\n", encoding="utf-8")
    os.utime(script, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert minified_file(script) == "export const b=`x  ${1}  y`;"


def test_minify_keeps_what_modules_need():
    source = (
        "import { el } from './dom.js';\n"
        "const root = new URL('../../../', import.meta.url);  // the site root\n"
        "const pattern = /\\/\\/ not a comment/g;\n"
        "const text = `line one\n   // kept ${ el /* kept */ } as written`;\n"
        "export { root, pattern, text };\n"
    )
    out = minify(source, ".js")
    assert "import.meta.url" in out and "/\\/\\/ not a comment/g" in out
    assert "`line one\n   // kept ${ el /* kept */ } as written`" in out
    assert "// the site root" not in out
    assert minify("a  {  color : red ; }\n", ".css") == "a{color:red}"
    assert ASSETS_DIR.is_dir()
