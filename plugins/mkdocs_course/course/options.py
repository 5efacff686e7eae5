"""Checks of what an author writes in mkdocs.yml, without MkDocs: the adapter's options call them."""

from __future__ import annotations

from ..errors import CourseError, Location


def percentage(value: object, key: str) -> float:
    """A percentage from 1 to 100, as a number; raise CourseError naming `key` and what to write."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 100:
        return float(value)
    example = f"`{key}: 60`"
    if value is None:
        problem, fix = f"`{key}` is empty.", f"Write a number from 1 to 100, such as {example}, or leave it out."
    elif isinstance(value, str) and value.strip().endswith("%"):
        problem, fix = f"`{key}` is '{value}'.", f"Write the number without the % sign, such as {example}."
    else:
        problem = f"`{key}` must be a percentage from 1 to 100, not {value!r}."
        fix = f"Write a number such as {example}."
    raise CourseError(Location("mkdocs.yml"), problem, fix)
