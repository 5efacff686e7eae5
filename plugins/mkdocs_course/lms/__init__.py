"""LMS packages of a course: SCORM 1.2, SCORM 2004 4th edition and cmi5 (docs/lms.md).

`mkdocs-course package` (package.py) builds the site with LMS mode on: the environment variable
`MKDOCS_COURSE_LMS` names the format, and the plugin then publishes the LMS runtime and the launch
page (launch.py), which holds the course in a frame and reports to the LMS. The packager writes the
manifest (manifest.py) and zips the site. Nothing here imports MkDocs: the build runs as
`python -m mkdocs build`, as an author would run it.
"""

from __future__ import annotations

FORMATS = ("scorm12", "scorm2004", "cmi5")
FORMAT_NAMES = {"scorm12": "SCORM 1.2", "scorm2004": "SCORM 2004 4th edition", "cmi5": "cmi5"}
ENVIRONMENT_VARIABLE = "MKDOCS_COURSE_LMS"
# The LMS launches this page; it holds the course's pages in a frame for the whole session.
LAUNCH_PAGE = "lms.html"
# The runtime's entry module (assets/js/lms/, published only in LMS mode: assets.py).
RUNTIME_ENTRY = "assets/course/js/lms/runtime.js"


class LmsFormatError(ValueError):
    """`MKDOCS_COURSE_LMS` or `--format` names no format this plugin packages."""

    def __init__(self, value: str) -> None:
        super().__init__(
            f"{ENVIRONMENT_VARIABLE}={value!r} names no LMS package format. "
            f"Use one of: {', '.join(FORMATS)} (or leave it unset for a plain site)."
        )


def checked_format(value: str | None) -> str:
    """The format named by `value`, "" for none (a plain site); raises LmsFormatError."""
    value = (value or "").strip()
    if value and value not in FORMATS:
        raise LmsFormatError(value)
    return value
