"""Jinja fragments the plugin renders into pages; autoescaped, so author text never becomes markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def render(name: str, **context: Any) -> str:
    return _env.get_template(name).render(**context)
