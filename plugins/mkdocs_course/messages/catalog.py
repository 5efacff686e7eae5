"""The catalogs: which one a site's language picks, an author's overrides, and the resolved words.

A catalog is YAML: areas (`quiz`, `achievements`, ...), each a mapping of names to a string, or to
plural forms by CLDR category (`one`, `few`, `other`...). `{name}` in a string is a placeholder.
A message's key is `area.name`, as authors write it in mkdocs.yml:

    plugins:
      - course:
          messages:
            quiz.check_answers: Mark my answers
            overview.lessons: {one: "{count} part", other: "{count} parts"}
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import CourseError, Location
from .numbers import number_text
from .plurals import CATEGORIES, plural_category

CATALOGS_DIR = Path(__file__).parent / "catalogs"
ENGLISH = "en"
# The languages shipped complete, by mkdocs-material's codes (`theme.language`).
LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl", "pl", "cy", "ar", "zh", "ja")
# Material's right-to-left languages (its `partials/languages/*.html` set `direction: rtl`).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "ku", "yi", "dv"})
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# A message: a string, or its plural forms by CLDR category.
Message = str | dict[str, str]


def catalog_language(theme_language: object) -> str:
    """The catalog for material's `theme.language`: the code itself (`fr`), else its language
    (`pt-BR` -> `pt`), else English. Chinese in another script (`zh-TW`, `zh-Hant`) does not take
    the Simplified catalog: it falls back to English."""
    code = str(theme_language or ENGLISH).strip().replace("_", "-")
    if code in LANGUAGES:
        return code
    base, _, rest = code.partition("-")
    base = base.lower()
    if base == "zh" and rest and rest.lower() not in ("cn", "hans", "hans-cn", "sg"):
        return ENGLISH
    return base if base in LANGUAGES else ENGLISH


@cache
def load_catalog(language: str) -> dict[str, Message]:
    """A shipped catalog as flat `area.name` keys; {} for a language without one."""
    path = CATALOGS_DIR / f"{language}.yml"
    if not path.is_file():
        return {}
    tree = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {f"{area}.{name}": message for area, entries in tree.items() for name, message in (entries or {}).items()}


def placeholders(message: Message) -> set[str]:
    """The `{names}` a message uses, in any of its forms."""
    forms = message.values() if isinstance(message, dict) else [message]
    return {name for form in forms for name in PLACEHOLDER.findall(str(form))}


def key_line(config_text: str, key: str) -> int:
    """The line of mkdocs.yml where the `messages:` option names `key` (0 when not found), so that
    a mistake names its line."""
    after_option = False
    for number, line in enumerate(config_text.splitlines(), start=1):
        after_option = after_option or line.strip().startswith("messages:")
        if after_option and re.match(rf"""\s*(?:-\s*)?["']?{re.escape(key)}["']?\s*:""", line):
            return number
    return 0


def check_overrides(overrides: object, where: Location | None = None, config_text: str = "") -> dict[str, Message]:
    """An author's `messages:` option, checked: known keys, text values, plural forms by CLDR
    category, and only the placeholders the English message has. Raises CourseError at the key's
    line of `config_text` (mkdocs.yml as the author wrote it), when given."""
    where = where or Location("mkdocs.yml")
    if overrides is None:
        return {}
    if not isinstance(overrides, Mapping):
        raise CourseError(
            where,
            "`messages` must map message keys to text.",
            "Write, for example, `messages: {quiz.check_answers: Mark my answers}`; the keys are listed in "
            "plugins/mkdocs_course/messages/catalogs/en.yml.",
        )
    english = load_catalog(ENGLISH)
    checked: dict[str, Message] = {}
    for key, value in overrides.items():
        key = str(key)
        where = Location(where.path, key_line(config_text, key)) if config_text else where
        if key not in english:
            close = difflib.get_close_matches(key, english, n=1)
            hint = f"Did you mean `{close[0]}`? " if close else ""
            raise CourseError(
                where,
                f"`messages` has no key `{key}`.",
                f"{hint}The keys are listed in plugins/mkdocs_course/messages/catalogs/en.yml.",
            )
        checked[key] = _checked_message(key, value, english[key], where)
    return checked


def _checked_message(key: str, value: object, english: Message, where: Location) -> Message:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dict):
        unknown = sorted(str(category) for category in value if category not in CATEGORIES)
        if unknown or "other" not in value or not all(isinstance(form, str) for form in value.values()):
            raise CourseError(
                where,
                f"`messages.{key}` has plural forms that cannot be used.",
                f"Give text for `other` and any of {', '.join(CATEGORIES[:-1])}, such as "
                '`{one: "{count} lesson", other: "{count} lessons"}`.',
            )
    elif not isinstance(value, str):
        raise CourseError(where, f"`messages.{key}` must be text, not {value!r}.", "Write the words to show.")
    extra = sorted(placeholders(value) - placeholders(english))
    if extra:
        allowed = ", ".join(f"{{{name}}}" for name in sorted(placeholders(english))) or "none"
        raise CourseError(
            where,
            f"`messages.{key}` uses {', '.join(f'{{{name}}}' for name in extra)}, which this message does not fill.",
            f"Use only the placeholders the message has: {allowed}.",
        )
    return value if isinstance(value, str) else {str(k): v for k, v in value.items()}


@dataclass(frozen=True)
class Messages:
    """Every message in one language: English, then the language's catalog, then the author's
    overrides, key by key."""

    language: str  # the catalog's code, such as `fr`
    locale: str  # BCP 47, for plural rules and numbers (the course's `locale`, `theme.language` by default)
    entries: Mapping[str, Message]

    def __hash__(self) -> int:  # settings are frozen and carry the messages
        return hash((self.language, self.locale, tuple(self.entries)))

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"

    def __call__(self, key: str, **values: Any) -> str:
        """The message `key` with its placeholders filled; a plural message picks its form by
        `count`. Numbers are written as the locale writes them."""
        message = self.entries[key]
        if isinstance(message, dict):  # no count: `other`, as Intl.PluralRules gives for none
            category = plural_category(self.locale, values["count"]) if "count" in values else "other"
            message = message.get(category, message["other"])
        shown = {
            name: number_text(self.locale, value)
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else str(value)
            for name, value in values.items()
        }
        return PLACEHOLDER.sub(lambda match: shown.get(match[1], match[0]), message)

    def markdown(self, key: str, **values: Any) -> str:
        """The message as Markdown that shows it as written, for a page the build writes in
        Markdown (an author's override may hold `*`, `#` or `<`)."""
        return re.sub(r"([\\`*_\[\]#])", r"\\\1", html.escape(self(key, **values), quote=False))

    def areas(
        self, names: tuple[str, ...] | list[str], keys: frozenset[str] | None = None
    ) -> dict[str, dict[str, Message]]:
        """The messages of the areas `names` (only those of `keys`, if given), as the browser reads
        them: `{area: {name: message}}`."""
        chosen: dict[str, dict[str, Message]] = {}
        for key, message in self.entries.items():
            area, _, name = key.partition(".")
            if area in names and (keys is None or key in keys):
                chosen.setdefault(area, {})[name] = message
        return chosen


def site_messages(
    theme_language: object, locale: str | None = None, overrides: Mapping[str, Message] | None = None
) -> Messages:
    """The messages of a site whose `theme.language` is `theme_language`, with the author's checked
    overrides (check_overrides) over them. `locale`: the course's, for plurals and numbers."""
    language = catalog_language(theme_language)
    entries: dict[str, Message] = dict(load_catalog(ENGLISH))
    entries.update({key: message for key, message in load_catalog(language).items() if key in entries})
    entries.update(overrides or {})
    # Plurals and numbers follow the words' language: a `locale` of another language (`en-GB` on
    # a French site) would pick English plural forms for French sentences.
    locale = locale or str(theme_language or ENGLISH)
    if locale.split("-")[0].lower() != language:
        locale = language
    return Messages(language, locale, entries)
