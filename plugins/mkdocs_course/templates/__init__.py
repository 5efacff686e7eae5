"""The HTML fragments the plugin puts into pages, rendered with Jinja and autoescaped, so author
text never becomes markup.

Each fragment is named `course/<file>` (PREFIX): given a theme's environment, the theme's own
loader is asked first, so a site overrides a fragment with `overrides/course/<file>`, and the
package's file in this folder is the fallback. Without an environment, only the package's files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..errors import CourseError, Location
from ..messages.catalog import Messages, site_messages

TEMPLATES_DIR = Path(__file__).parent
PREFIX = "course"
FRAGMENTS = (
    "quiz.html",
    "quiz-preview.html",
    "overview.html",
    "achievements.html",
    "errors.html",
    "file-notice.html",
    # The learner's way through the course (course/lessons.py).
    "lesson-location.html",
    "block-lessons.html",
    "block-status.html",
    "continue.html",
    # Writing activities and the journal (course/journal.py).
    "writing-activity.html",
    "journal.html",
)


def package_loader() -> jinja2.BaseLoader:
    """The package's fragments, under `course/`."""
    return jinja2.PrefixLoader({PREFIX: jinja2.FileSystemLoader(TEMPLATES_DIR)})


def fragment_environment(theme: jinja2.Environment | None = None) -> jinja2.Environment:
    """An environment for the fragments: the theme's (its filters, globals and translations) with
    the package's files behind the theme's own loader, and autoescape on, whatever the theme says."""
    options: dict[str, Any] = {
        "autoescape": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "undefined": jinja2.StrictUndefined,
    }
    if theme is None:
        return jinja2.Environment(loader=package_loader(), **options)
    loaders = [theme.loader, package_loader()] if theme.loader is not None else [package_loader()]
    return theme.overlay(loader=jinja2.ChoiceLoader(loaders), **options)


def message_in_html(messages: Messages) -> Callable[..., str]:
    """`message(key, **values)` for templates: a value that is markup (a link the template made
    with `{% set %}`) goes where its `{placeholder}` stands, after the sentence around it is escaped;
    other values are text, escaped with it. So a sentence stays whole in the catalog, its link
    wherever the language puts it."""

    def message(key: str, **values: Any) -> str:
        links = {name: value for name, value in values.items() if isinstance(value, Markup)}
        if not links:
            return messages(key, **values)
        slots = {name: f"\x00{name}\x00" for name in links}  # no message or value holds a NUL
        text = escape(messages(key, **{**values, **slots}))
        for name, value in links.items():
            text = text.replace(slots[name], value)
        return Markup(text)

    return message


class Fragments:
    """Renders the fragments by file name, such as `render("overview.html", ...)`."""

    def __init__(
        self,
        theme: jinja2.Environment | None = None,
        *,
        project_dir: Path | None = None,
        messages: Messages | None = None,
    ) -> None:
        self.env = fragment_environment(theme)
        self.project_dir = project_dir  # a site's override is named relative to it in messages
        # `message(key, count=...)` in every fragment: the site's words (messages/catalog.py).
        self.messages = messages or site_messages("en")
        # An overlay shares its theme's globals: a copy of its own keeps `message` off the theme's.
        self.env.globals = {**self.env.globals, "message": message_in_html(self.messages)}

    def _shown(self, filename: str | None, name: str) -> str:
        if filename is None:
            return name
        try:
            return Path(filename).relative_to(self.project_dir).as_posix() if self.project_dir else filename
        except ValueError:
            return filename

    def render(self, name: str, **context: Any) -> str:
        """Raises CourseError when a site's override of the fragment cannot be rendered."""
        shown = f"{PREFIX}/{name}"
        try:
            template = self.env.get_template(shown)
        except jinja2.TemplateSyntaxError as error:
            raise CourseError(
                Location(self._shown(error.filename, shown), error.lineno or 0),
                f"the template is not valid Jinja: {error.message}",
                "Fix the template, or delete it to use the plugin's own.",
            ) from None
        try:
            return template.render(**context)
        except jinja2.TemplateError as error:
            raise CourseError(
                Location(self._shown(template.filename, shown)),
                f"the template cannot be rendered: {error}.",
                f"Use only what the author guide lists for {shown}: {', '.join(sorted(context)) or 'nothing'}.",
            ) from None
