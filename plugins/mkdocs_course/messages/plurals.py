"""Plural forms by the Unicode CLDR rules, through Babel: the same rules as the browser's
`Intl.PluralRules`, so a build-time "3 lessons" and a browser-time one agree in every language."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@cache
def locale_of(language: str) -> Locale:
    """Babel's locale for a BCP 47 tag; English for one it does not know."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def plural_category(language: str, count: float) -> str:
    """CLDR's category of `count` in `language`: `one`, `few`, `other`..."""
    return locale_of(language).plural_form(count)


def categories(language: str) -> tuple[str, ...]:
    """The categories a catalog in `language` must write: those its rules give the counts a course
    shows (0 to 1,000), in CLDR's order. A category beyond them (French `many`, for millions) falls
    back to `other`."""
    used = {plural_category(language, count) for count in range(1001)} | {"other"}
    return tuple(category for category in CATEGORIES if category in used)
