"""One course, two engines: mkdocs.yml may list the course's Python-Markdown extension
(`mkdocs_course.markdown`, for engines that run no MkDocs plugins, such as Zensical) beside the
plugin. Under MkDocs the plugin does the whole job, so the extension gives way to it and nothing
is rendered twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..markdown import EXTENSION_NAME

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def leave_pages_to_the_plugin(config: MkDocsConfig) -> None:
    """Take the course's extension out of this build's Markdown extensions and their options."""
    ours = [name for name in config.markdown_extensions if _is_ours(name)]
    for name in ours:
        config.markdown_extensions.remove(name)
        config.mdx_configs.pop(name, None)


def _is_ours(name: object) -> bool:
    return isinstance(name, str) and (name == EXTENSION_NAME or name.startswith(f"{EXTENSION_NAME}:"))
