"""Links between pages of the built site, so it works from a sub-path or the file system."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Block


def relative_url(target: str, from_url: str) -> str:
    """`target` and `from_url` are site-root-relative URLs as MkDocs writes them ('', 'a/', 'a/b.html')."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    path, hash_, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", base or ".")
    if (path == "" or path.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return relative + hash_ + fragment


# Where each block's badge files are published, relative to the site root.
def badge_url(block: Block) -> str:
    return f"badges/{block.id}.svg"


def credential_url(block: Block) -> str:
    return f"badges/{block.id}.credential.json"
