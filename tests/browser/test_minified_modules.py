"""Every browser module the plugin ships still works as an ES module once minified (and each widget
module once bundled): Chromium imports each from a loopback server, readable and as published, and
both give the same result."""

from __future__ import annotations

import shutil

import pytest

from mkdocs_course.assets import WIDGET_MODULES, package_assets, widget_bundle
from mkdocs_course.minify import minified_file

IMPORT_EACH = """async ([base, uris]) => {
  const outcomes = {};
  for (const uri of uris) {
    try {
      outcomes[uri] = {ok: true, exports: Object.keys(await import(base + uri)).sort()};
    } catch (error) {
      outcomes[uri] = {ok: false, name: error.name, message: String(error.message)};
    }
  }
  return outcomes;
}"""


@pytest.fixture(scope="module")
def trees(www):
    """Base URLs of the assets as the package holds them and as a build publishes them."""
    root, base = www
    for variant in ("readable", "minified"):
        folder = root / "modules" / variant
        if folder.exists():
            shutil.rmtree(folder)
        for asset in package_assets():
            target = folder / asset.uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if variant == "minified" and asset.path in WIDGET_MODULES:
                target.write_text(widget_bundle(asset.path), encoding="utf-8")
            elif variant == "minified" and asset.minifiable:
                target.write_text(minified_file(asset.path), encoding="utf-8")
            else:
                shutil.copyfile(asset.path, target)
        (folder / "index.html").write_text("<!doctype html><title>modules</title><body></body>\n", encoding="utf-8")
    return {variant: f"{base}/modules/{variant}/" for variant in ("readable", "minified")}


MODULES = sorted(a.uri for a in package_assets() if a.minifiable and a.uri.endswith(".js"))


def _import_each(context, base: str) -> dict[str, dict]:
    """{uri: the import's outcome} for every module, imported in turn in one page at `base`."""
    page = context.new_page()
    try:
        page.goto(base)
        return page.evaluate(IMPORT_EACH, [base, MODULES])
    finally:
        page.close()


def test_every_minified_module_imports_as_the_readable_one_does(context, trees):
    readable = _import_each(context, trees["readable"])
    minified = _import_each(context, trees["minified"])

    assert set(readable) == set(MODULES)
    assert [uri for uri, outcome in minified.items() if outcome.get("name") == "SyntaxError"] == []
    assert {uri: outcome for uri, outcome in readable.items() if not outcome["ok"]} == {}, "all import on a bare page"
    assert minified == readable
