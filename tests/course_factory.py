"""Write small courses into a temporary folder and build them with MkDocs, as an author would."""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

QUIZ_OK = """\
questions:
  - id: pick-one
    type: single
    prompt: Which **one**?
    options:
      - text: This one
        correct: true
        feedback: Yes, because it is.
      - text: That one
  - id: pick-some
    type: multiple
    prompt: Which ones?
    options:
      - text: First
        correct: true
      - text: Second
      - text: Third
        correct: true
  - id: yes-or-no
    type: true_false
    prompt: Is it so?
    answer: true
    explanation: It is so.
  - id: say-it
    type: text
    prompt: Say the word.
    accept: ["feedback", "Feed back"]
    review: index.md#the-point
"""

LESSON = """\
# {title}

## The point

Some lesson text for {title}.
"""


@dataclass
class Course:
    root: Path
    blocks: dict[str, str] = field(default_factory=dict)  # folder -> quiz YAML (None: no quiz file)

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write_quiz(self, block: str, text: str) -> Path:
        path = self.root / "quizzes" / f"{block}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_page(self, src: str, text: str) -> Path:
        path = self.root / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path


def make_course(root: Path, blocks: tuple[str, ...] = ("first-block", "second-block"), *,
                plugin_options: dict | None = None, config: dict | None = None) -> Course:
    course = Course(root)
    course.write_page("index.md", "# Test course\n\nWelcome.\n\n<!-- course:overview -->\n")
    for block in blocks:
        course.write_page(f"{block}/index.md", LESSON.format(title=block.replace("-", " ").title()))
        course.write_page(f"{block}/more.md", LESSON.format(title="More on " + block))
        course.write_quiz(block, QUIZ_OK)
    options = {"title": "Test course", "provider": {"name": "Test provider"}, "hours": 2,
               "outcomes": ["Do a thing."], **(plugin_options or {})}
    mkdocs_config = {
        "site_name": "Test course",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "features": ["navigation.instant"]},
        "plugins": ["search", {"course": options}],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", {"toc": {"permalink": True}}],
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs_config, sort_keys=False), encoding="utf-8")
    return course


@dataclass
class BuildResult:
    ok: bool
    error: str  # the message MkDocs stops with, if it stops
    warnings: list[str]


def build(course: Course, *, strict: bool = True) -> BuildResult:
    """Build in-process, as `mkdocs build [--strict]` does, and collect what the author would read."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(course.root / "mkdocs.yml"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
            error = ""
        except (Abort, MkDocsException) as exc:
            error = str(exc)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    warnings = [record.getMessage() for record in records if record.levelno == logging.WARNING]
    logged_errors = [record.getMessage() for record in records if record.levelno >= logging.ERROR]
    if error:
        error = "\n".join([*logged_errors, error])
    return BuildResult(ok=not error, error=error, warnings=warnings)
