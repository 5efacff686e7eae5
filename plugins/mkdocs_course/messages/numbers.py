"""Numbers and percentages as the locale writes them, through Babel's CLDR data: the same as the
browser's `Intl.NumberFormat`, so that what the build writes and what the browser writes agree."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from .plurals import locale_of


def number_text(language: str, number: float) -> str:
    """`number` as the locale writes it ("1 234,5" in French), with the locale's default digits."""
    return format_decimal(number, locale=locale_of(language))


def percent_text(language: str, percent: float) -> str:
    """`percent` (0 to 100) as the locale writes a percentage ("82.5%", "80 %" in French), as
    `Intl.NumberFormat` with `style: "percent"` writes it; decimals are kept, never rounded away."""
    return format_percent(percent / 100, locale=locale_of(language), decimal_quantization=False)
