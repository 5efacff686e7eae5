"""Site-wide checks that keep a course private and save it from quiet mistakes: fonts from no other
origin, pages MkDocs can read, and the Markdown extensions the pages use."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..course.checks import ExtensionCheck, encoding_problem
from ..errors import CourseErrors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .state import CourseBuild

log = get_plugin_logger(__name__)


def keep_fonts_private(config: MkDocsConfig) -> None:
    """A theme with a web font by default (mkdocs-material asks Google Fonts for Roboto on every
    page, telling Google which course each learner reads) gets the system font stack, unless
    mkdocs.yml names a font: then the author chose it."""
    theme = config.theme
    if "font" not in theme or theme["font"] is False or _author_set_font(config):
        return
    theme["font"] = False
    log.info(
        "Using the system fonts, so pages ask no other site for anything. To use a web font, set it "
        "under `theme.font` in mkdocs.yml (such as `font: {text: Roboto}`); material's `privacy` plugin "
        "can then serve it from the site itself."
    )


def _author_set_font(config: MkDocsConfig) -> bool:
    # The validated theme has merged the theme's own defaults in; only what mkdocs.yml said tells
    # the author's choice. Without that record (a future MkDocs), leave the theme as it is.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        written = getattr(config, "user_configs", None)
    if written is None:
        return True
    return any(isinstance(each.get("theme"), dict) and "font" in each["theme"] for each in written)


def check_pages(build: CourseBuild, files: Files, config: MkDocsConfig) -> None:
    """Stop at a page that is not UTF-8 (MkDocs would stop with a traceback, and `serve` hang);
    warn, once per extension, at the first page that uses Markdown an unlisted extension renders."""
    extensions = ExtensionCheck(config.markdown_extensions)
    not_utf8 = []
    for file in files.documentation_pages():
        if file.generated_by is not None:  # another plugin's page: not the author's to fix
            continue
        shown = f"{build.docs_shown}/{file.src_uri}"
        data = file.content_bytes
        problem = encoding_problem(data, shown)
        if problem is not None:
            not_utf8.append(problem)
            continue
        extensions.page(data.decode("utf-8-sig"), shown)
    if not_utf8:
        raise PluginError(str(CourseErrors(not_utf8)))
    for warning in extensions.warnings():
        log.warning(warning)
