"""`mkdocs-course package --format scorm12|scorm2004|cmi5 [-f mkdocs.yml] [-o FILE.zip] [--strict]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import FORMAT_NAMES, FORMATS, LmsFormatError
from .package import PackageError, package_course

UPLOAD_HINT = {
    "scorm12": "Upload it as a SCORM package (Moodle: Add an activity > SCORM package; Canvas: Import Course Content).",
    "scorm2004": "Upload it as a SCORM package (Moodle's SCORM 2004 support is partial: prefer SCORM 1.2 there).",
    "cmi5": "Upload it where your LMS takes cmi5 (Moodle: the cmi5 launch link plugin).",
}


def add_package_command(commands: Any) -> None:
    """The `package` subcommand, on the `mkdocs-course` parser's subparsers."""
    package = commands.add_parser(
        "package",
        help="build the course as an LMS package (SCORM 1.2, SCORM 2004 or cmi5)",
        description=(
            "Build the course as a zip to upload to a learning management system. "
            "The LMS then records each learner's quiz results, score and pass (see docs/lms.md)."
        ),
    )
    package.add_argument("--format", required=True, choices=FORMATS, help="the package's standard")
    package.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the course's mkdocs.yml (default: ./mkdocs.yml)",
    )
    package.add_argument(
        "-o", "--output", type=Path, help="the zip to write (default: dist/<course id>-<format>.zip beside mkdocs.yml)"
    )
    package.add_argument(
        "--strict", action="store_true", help="stop on any warning of the build, as `mkdocs build --strict`"
    )


def run_package_command(args: argparse.Namespace) -> int:
    try:
        made = package_course(args.config_file, args.format, args.output, strict=args.strict)
    except (PackageError, LmsFormatError) as error:
        print(f"mkdocs-course: {error}", file=sys.stderr)
        return 1
    print(
        f"Wrote {made.path}: {FORMAT_NAMES[made.format]} package of '{made.title}', {made.files} files, "
        f"mastery score {made.mastery_score:g}%.\n{UPLOAD_HINT[made.format]}"
    )
    return 0
