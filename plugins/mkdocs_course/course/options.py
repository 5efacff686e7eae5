"""Checks of what an author writes in mkdocs.yml, without MkDocs: the adapter's options call them."""

from __future__ import annotations

import re

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


# A well-formed BCP 47 language tag (RFC 5646, section 2.1): language, then optional script,
# region, variants, extensions and private use. The language is an ISO 639 code of 2 or 3 letters:
# the 5 to 8 letters RFC 5646 keeps for future languages would let `english` through, which
# browsers' Intl takes silently for their own default. Grandfathered tags (`i-klingon`) are refused.
_LANGUAGE_TAG = re.compile(
    r"""^(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|\d{3}))?
    (?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)
    (?P<extensions>(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*)
    (?P<private>-x(?:-[a-z\d]{1,8})+)?$""",
    re.IGNORECASE | re.VERBOSE,
)
DEFAULT_LOCALE = "en"


def language_tag(value: str) -> str | None:
    """`value` as a BCP 47 language tag in its usual case (`en-gb` -> `en-GB`, `zh-hant` ->
    `zh-Hant`), or None when it is not a well-formed tag."""
    match = _LANGUAGE_TAG.match(value.strip().replace("_", "-")) if isinstance(value, str) else None
    if match is None:
        return None
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    rest = (match["variants"] + match["extensions"] + (match["private"] or "")).lower()
    return "-".join(parts) + rest


def locale(value: object, key: str = "locale") -> str:
    """The course's locale: a BCP 47 language tag such as `en-GB`; raise CourseError naming `key`."""
    tag = language_tag(value) if isinstance(value, str) else None
    if tag is not None:
        return tag
    problem = f"`{key}` is empty." if value in (None, "") else f"`{key}` must be a BCP 47 language tag, not {value!r}."
    fix = (
        f"Write a language and region such as `{key}: en-GB` (dates as 23 November 2026) or "
        f"`{key}: en-US`, or leave it out to follow `theme.language`."
    )
    raise CourseError(Location("mkdocs.yml"), problem, fix)


def default_locale(theme_language: object) -> str:
    """The locale when mkdocs.yml sets none: the theme's language (material's `theme.language`,
    such as `en` or `pt-BR`) when it is a language tag, else English."""
    return (language_tag(theme_language) if isinstance(theme_language, str) else None) or DEFAULT_LOCALE
