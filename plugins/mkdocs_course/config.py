"""The `course` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ProviderConfig(base.Config):
    name = c.Type(str, default="")
    """Who offers the course; printed on badges and the statement of participation."""
    url = c.Type(str, default="")


class BadgeConfig(base.Config):
    colour = c.Optional(c.Type(str))
    """Background colour of the block's badge, `#rgb` or `#rrggbb`. Default: one of a set palette."""
    image = c.Optional(c.File(exists=True))
    """The author's own artwork for the badge (PNG, JPEG, GIF, WebP or SVG), relative to mkdocs.yml."""


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
    pass_mark = c.Type((int, float), default=50)
    """Default pass mark of every quiz, in percent; a quiz file may set its own."""
    badges = c.DictOfItems(c.SubConfig(BadgeConfig), default={})
    """Badge look per block, keyed by the block's folder name."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder of the quiz files, relative to mkdocs.yml."""
