"""`python3 -m mkdocs_course.skeleton new PATH`, the same as `mkdocs-course new PATH`."""

import sys

from .cli import main

if __name__ == "__main__":  # not when a test imports every module
    sys.exit(main())
