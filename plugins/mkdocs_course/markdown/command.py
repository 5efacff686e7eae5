"""`mkdocs-course assets`: make a course's docs folder ready for engines that run no MkDocs plugin
(Zensical): the files the plugin would publish (markdown/publish.py), and each block's quiz page and
the achievements page where the course has none, with their markers. Safe to run again: it writes
only what is missing or changed, and never an author's page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import CourseError, CourseErrors
from .project import CONFIG_FILE, load_project
from .publish import published_files, write_files, write_missing_pages


def add_assets_command(commands: Any) -> None:
    assets = commands.add_parser(
        "assets",
        help="write the course's published files and pages into the docs folder, for engines without plugins",
        description=(
            "Write into the docs folder what the course plugin publishes (browser modules, styles, badges, "
            "credential templates) and the quiz and achievements pages a course lacks, so that an engine "
            "running no MkDocs plugins (Zensical, with the mkdocs_course.markdown extension) builds the course."
        ),
    )
    assets.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path(CONFIG_FILE),
        help="the course's mkdocs.yml (default: ./mkdocs.yml)",
    )


def run_assets_command(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config_file.resolve())
        pages = write_missing_pages(project, [block.id for block in project.blocks])
        written = write_files(project, published_files(project))
    except (CourseError, CourseErrors) as error:
        print(f"mkdocs-course: {error}", file=sys.stderr)
        return 1
    for path in pages:
        print(f"Wrote {path}: list it in `nav:` (a quiz page at the end of its block's section).")
    print(f"Wrote {len(written)} published files into {project.docs_shown}/ ({len(pages)} new pages).")
    return 0
