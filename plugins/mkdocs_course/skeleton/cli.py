"""The `mkdocs-course` command: `mkdocs-course new PATH` starts a course; `mkdocs-course package`
builds it as an LMS package (lms/command.py); `mkdocs-course assets` readies it for engines without
plugins (markdown/command.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..lms.command import add_package_command, run_package_command
from ..markdown.command import add_assets_command, run_assets_command
from . import NotEmpty, new_course

NEXT_STEPS = """\
Wrote a new course in {path}. Next:

  cd {path}
  mkdocs serve                  # then open http://127.0.0.1:8000/ and edit content/ and quizzes/

To publish it, build it with the address it will live at and copy the site/ folder to any web host:

  SITE_URL=https://example.org/my-course/ mkdocs build --strict
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mkdocs-course", description="Tools for courses built with the mkdocs-course plugin."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser(
        "new",
        help="write a small, complete course to start from",
        description="Write a small, complete course (one block, a lesson and a quiz) into PATH.",
    )
    new.add_argument("path", metavar="PATH", type=Path, help="a new or empty folder")
    add_package_command(commands)
    add_assets_command(commands)
    args = parser.parse_args(argv)
    if args.command == "package":
        return run_package_command(args)
    if args.command == "assets":
        return run_assets_command(args)

    try:
        new_course(args.path)
    except NotEmpty:
        print(
            f"mkdocs-course: {args.path} is not an empty folder, so nothing was written. "
            "Name a new folder (it is created), or empty this one first.",
            file=sys.stderr,
        )
        return 1
    print(NEXT_STEPS.format(path=args.path))
    return 0
