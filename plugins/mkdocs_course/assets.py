"""The files the plugin publishes from the package into every site, under `assets/course/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bundle import bundle, static_imports
from .minify import MINIFIERS, minified_file
from .minify import minify as minified_text

PACKAGE_DIR = Path(__file__).parent
ASSETS_DIR = PACKAGE_DIR / "assets"
VENDOR_DIR = ASSETS_DIR / "vendor"
SITE_PREFIX = "assets/course"
JS_DIR = ASSETS_DIR / "js"
LMS_RUNTIME_DIR = JS_DIR / "lms"  # published only in LMS packages (lms/, docs/lms.md)
ENTRY_SCRIPT = f"{SITE_PREFIX}/js/course.js"
# The widget modules course.js loads on their pages, and what the quiz loads on its first check;
# a built site publishes each as one file.
WIDGET_MODULES = (
    JS_DIR / "quiz" / "page.js",
    JS_DIR / "quiz" / "feedback.js",
    JS_DIR / "achievements" / "page.js",
    JS_DIR / "journal" / "writing.js",
    JS_DIR / "journal" / "journal-page.js",
)
STYLESHEET = f"{SITE_PREFIX}/css/course.css"
# On quiz pages only, in <head> (adapter/pages.py), so the questions the build rendered never move.
QUIZ_STYLESHEET = f"{SITE_PREFIX}/css/quiz.css"
# On the achievements page only, in <head> too, so the cards the build wrote never move.
ACHIEVEMENTS_STYLESHEET = f"{SITE_PREFIX}/css/achievements.css"
# On pages with a writing activity and the journal page only, in <head> too: the writing area the
# build wrote never moves, and pages without one carry none of it.
JOURNAL_STYLESHEET = f"{SITE_PREFIX}/css/journal.css"
# Rules every widget's page shares (inputs, buttons, the pass and fail colours): written at the top
# of each widget's own sheet when published, so that lesson pages, which have no widget, never load them.
WIDGETS_SHARED_CSS = ASSETS_DIR / "css" / "widgets.css"
WIDGET_STYLESHEETS = tuple(ASSETS_DIR / "css" / name for name in ("quiz.css", "achievements.css", "journal.css"))
# The quiz files' JSON Schema, at a stable URL of every site, for editors (the package holds the one copy).
QUIZ_SCHEMA = PACKAGE_DIR / "quiz" / "schema.json"
QUIZ_SCHEMA_URI = f"{SITE_PREFIX}/quiz.schema.json"


@dataclass(frozen=True)
class Asset:
    uri: str  # where it goes in the site
    path: Path  # the file in the package

    @property
    def minifiable(self) -> bool:
        """Our own JS and CSS; vendor files ship as their makers minified them, licences intact."""
        return self.path.suffix in MINIFIERS and VENDOR_DIR not in self.path.parents


def package_assets(*, lms: bool = False) -> list[Asset]:
    """Every file the plugin publishes from the package; the LMS runtime only with `lms` (an LMS
    package's build: lms/), so a plain site carries no LMS code."""
    assets = [
        Asset(f"{SITE_PREFIX}/{path.relative_to(ASSETS_DIR).as_posix()}", path)
        for path in sorted(ASSETS_DIR.rglob("*"))
        if path.is_file()
        and not path.name.startswith(".")
        and path.suffix != ".md"
        and path != WIDGETS_SHARED_CSS
        and (lms or LMS_RUNTIME_DIR not in path.parents)
    ]
    return [*assets, Asset(QUIZ_SCHEMA_URI, QUIZ_SCHEMA)]


# (widget, the modules' versions) -> its bundle: one process builds many times (serve, benchmarks).
_bundles: dict[tuple[Path, tuple[tuple[str, int, int], ...]], str] = {}


def widget_bundle(path: Path) -> str:
    """A widget module with its imports written into it, minified; what every page's entry
    script already loaded (course.js and its imports) stays a real import (bundle.py says why).
    Made again only when a module changes."""
    versions = tuple((str(js), js.stat().st_mtime_ns, js.stat().st_size) for js in sorted(JS_DIR.rglob("*.js")))
    key = (path, versions)
    if key not in _bundles:
        already_loaded = static_imports(JS_DIR / "course.js")
        _bundles[key] = minified_text(bundle(path, external=already_loaded, root=JS_DIR), ".js")
    return _bundles[key]


def published_text(asset: Asset, *, minify: bool) -> str | None:
    """What a site publishes for `asset` when it is not the package's file as it is: with `minify`
    (a build), each widget module bundled with its imports and our own JS and CSS minified; each
    widget's sheet with the shared rules before its own, minified or not; None otherwise (`serve`,
    vendor files, images). The plugin (adapter/files.py) and the command that
    writes them into the docs folder for other engines (markdown/publish.py) both ask this."""
    if minify and asset.path in WIDGET_MODULES:
        return widget_bundle(asset.path)
    if asset.path in WIDGET_STYLESHEETS:
        text = WIDGETS_SHARED_CSS.read_text(encoding="utf-8") + "\n" + asset.path.read_text(encoding="utf-8")
        return minified_text(text, ".css") if minify else text
    if minify and asset.minifiable:
        return minified_file(asset.path)
    return None
