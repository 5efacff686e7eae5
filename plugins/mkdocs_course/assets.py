"""The files the plugin publishes from the package into every site, under `assets/course/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bundle import bundle, static_imports
from .minify import MINIFIERS, minify

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
)
STYLESHEET = f"{SITE_PREFIX}/css/course.css"
# On quiz pages only, in <head> (adapter/pages.py), so the questions the build rendered never move.
QUIZ_STYLESHEET = f"{SITE_PREFIX}/css/quiz.css"
# On the achievements page only, in <head> too, so the cards the build wrote never move.
ACHIEVEMENTS_STYLESHEET = f"{SITE_PREFIX}/css/achievements.css"
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
        _bundles[key] = minify(bundle(path, external=already_loaded, root=JS_DIR), ".js")
    return _bundles[key]
