"""The `course` plugin's options in mkdocs.yml, each checked as MkDocs reads it.

The checks themselves live in MkDocs-free code (course/options.py, badges/); the options here
turn their CourseError into MkDocs' ValidationError, which MkDocs reports with the option's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..badges.artwork import BadgeColourError, normalise_colour
from ..badges.images import image_type
from ..course.options import locale, percentage
from ..errors import CourseError

# The default of options that may be left out but not left empty: YAML reads `colour: #fff` as
# `colour:` (a # starts a comment), so an empty value is a mistake to report, not a default.
_NOT_GIVEN: Any = object()


def _invalid(error: CourseError) -> ValidationError:
    return ValidationError(f"{error.problem} {error.fix}".strip())


class Percentage(c.BaseConfigOption[float]):
    """A percentage from 1 to 100, such as `pass_mark: 60`."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default
        self._key = "value"

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self._key = key_name

    def run_validation(self, value: object) -> float:
        try:
            return percentage(value, self._key)
        except CourseError as error:
            raise _invalid(error) from None


class Locale(c.BaseConfigOption[str | None]):
    """A BCP 47 language tag such as `locale: en-GB`, in its usual case. None when left out: the
    build then follows `theme.language`."""

    def __init__(self) -> None:
        super().__init__()
        self.default = _NOT_GIVEN

    def run_validation(self, value: object) -> str | None:
        if value is _NOT_GIVEN:
            return None
        try:
            return locale(value)
        except CourseError as error:
            raise _invalid(error) from None


class Colour(c.BaseConfigOption[str | None]):
    """`#rgb` or `#rrggbb`, in quotes; normalised to lower-case `#rrggbb`. None when left out."""

    def __init__(self) -> None:
        super().__init__()
        self.default = _NOT_GIVEN

    def run_validation(self, value: object) -> str | None:
        if value is _NOT_GIVEN:
            return None
        if value is None:
            raise ValidationError(
                "`colour` is empty. Write a hex colour in quotes, such as `colour: '#1f5fa8'`: "
                "without quotes YAML reads everything from # on as a comment."
            )
        try:
            return normalise_colour(value)  # type: ignore[arg-type]
        except BadgeColourError as error:
            raise _invalid(error) from None


class BadgeImage(c.File):
    """The path of a PNG, JPEG, GIF, WebP or SVG file, relative to mkdocs.yml, that a browser can draw
    on a canvas (badges/images.py). None when left out."""

    def __init__(self) -> None:
        super().__init__(exists=True)
        self.default = _NOT_GIVEN

    def validate(self, value: object, /) -> str | None:  # type: ignore[override]
        return self.run_validation(value)  # not File's: it takes an empty value for "left out"

    def run_validation(self, value: object) -> str | None:  # type: ignore[override]
        if value is _NOT_GIVEN:
            return None
        fix = "Give the path of a PNG, JPEG, GIF, WebP or SVG file, relative to mkdocs.yml: `image: art/badge.svg`."
        if value is None:
            raise ValidationError(f"`image` is empty. {fix}")
        try:
            path = super().run_validation(value)
        except ValidationError:
            raise ValidationError(f"`image` names {value!r}, which is not a file. {fix}") from None
        try:
            image_type(Path(path), str(value))
        except CourseError as error:
            raise _invalid(error) from None  # the problem names `image` and the file
        return path


class ProviderConfig(base.Config):
    name = c.Type(str, default="")
    """Who offers the course; printed on badges and the statement of participation."""
    url = c.Type(str, default="")


class BadgeConfig(base.Config):
    colour = Colour()
    """Background colour of the block's badge, `#rgb` or `#rrggbb`. Default: one of a set palette."""
    image = BadgeImage()
    """The author's own artwork for the badge (PNG, JPEG, GIF, WebP or SVG), relative to mkdocs.yml."""


class BadgeLooks(c.BaseConfigOption[dict]):
    """`badges:` maps a block's folder name to its look; a mistake names the block."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}
        self._look = c.SubConfig(BadgeConfig)
        self._look.warnings = self.warnings

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self._look.pre_validation(config, key_name)  # paths in a look are relative to mkdocs.yml

    def run_validation(self, value: object) -> dict[str, BadgeConfig]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(
                "`badges` must map block folder names to their look, such as "
                "`badges: {not-invited: {colour: '#1f5fa8'}}`."
            )
        looks = {}
        for block_id, look in value.items():
            try:
                looks[str(block_id)] = self._look.run_validation(look if look is not None else {})
            except ValidationError as error:
                raise ValidationError(f"block '{block_id}': {error}") from None
        return looks


class CourseConfig(base.Config):
    enabled = c.Type(bool, default=True)
    id = c.Optional(c.Type(str))
    """Stable id of the course; progress in the browser is kept under it. Default: from the title."""
    title = c.Optional(c.Type(str))
    """The course title. Default: `site_name`."""
    description = c.Type(str, default="")
    provider = c.SubConfig(ProviderConfig)
    outcomes = c.ListOfItems(c.Type(str), default=[])
    """Learning outcomes of the whole course, shown on the home page and the statement."""
    hours = c.Optional(c.Type((int, float)))
    """Estimated study hours for the whole course."""
    free = c.Type(bool, default=False)
    """The course costs learners nothing: the statement and the badges may then call it a free course."""
    locale = Locale()
    """How dates are written (BCP 47, such as `en-GB` for 23 November 2026). Default: `theme.language`."""
    messages = c.Type(dict, default={})
    """Words to show instead of the catalog's, by key: `{quiz.check_answers: Mark my answers}`
    (messages/catalogs/en.yml lists the keys). The language is `theme.language`."""
    pass_mark = Percentage(default=50)
    """Default pass mark of every quiz, in percent from 1 to 100; a quiz file may set its own."""
    badges = BadgeLooks()
    """Badge look per block, keyed by the block's folder name."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder of the quiz files, relative to mkdocs.yml."""
