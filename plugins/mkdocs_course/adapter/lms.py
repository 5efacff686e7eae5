"""LMS mode (`mkdocs-course package`, lms/): the format named by `MKDOCS_COURSE_LMS`, and the launch
page the LMS opens. Without it the site is as it always is, with no LMS code in it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..lms import ENVIRONMENT_VARIABLE, LAUNCH_PAGE, LmsFormatError, checked_format
from ..lms.launch import launch_data, launch_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .state import CourseBuild


def format_from_environment() -> str:
    """The package format this build is for, or "" for a plain site."""
    try:
        return checked_format(os.environ.get(ENVIRONMENT_VARIABLE))
    except LmsFormatError as error:
        raise PluginError(str(error)) from None


def add_launch_page(build: CourseBuild, files: Files, config: MkDocsConfig, lms_format: str) -> None:
    """In LMS mode, the page the LMS launches (lms.html at the site root)."""
    if not lms_format:
        return
    language = str(config.theme.get("language") or "en")
    data = launch_data(lms_format, build.settings, build.blocks, language=language, site_url=config.site_url or "")
    files.append(File.generated(config, LAUNCH_PAGE, content=launch_page(data)))
