"""Shrink the plugin's own browser files for a built site; the package keeps them readable.

rjsmin keeps what an ES module needs (template literals, regex literals, `import.meta`), and
tests/browser/test_minified_modules.py imports every minified module in Chromium to hold it to that.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}

# path -> ((mtime, size), minified text): one plugin process builds many times (serve, benchmarks).
_cache: dict[Path, tuple[tuple[int, int], str]] = {}


def minify(text: str, suffix: str) -> str:
    """`text` minified as the file type `suffix` (".js" or ".css") says."""
    return MINIFIERS[suffix](text)


def minified_file(path: Path) -> str:
    """The file's text, minified; read and minified again only when the file changes."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        cached = _cache[path] = (stamp, minify(path.read_text(encoding="utf-8"), path.suffix))
    return cached[1]
