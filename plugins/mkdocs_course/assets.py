"""The browser files the plugin publishes under `assets/course/` of every site."""

from __future__ import annotations

from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
SITE_PREFIX = "assets/course"
ENTRY_SCRIPT = f"{SITE_PREFIX}/js/course.js"
STYLESHEET = f"{SITE_PREFIX}/css/course.css"


def package_assets() -> list[tuple[str, Path]]:
    """(URI in the site, file on disk) for every asset shipped in the package."""
    return [
        (f"{SITE_PREFIX}/{path.relative_to(ASSETS_DIR).as_posix()}", path)
        for path in sorted(ASSETS_DIR.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and path.suffix != ".md"
    ]
