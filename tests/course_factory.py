"""Write small courses into a temporary folder, as an author would; build them with site_build.build."""

from __future__ import annotations

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


def make_course(
    root: Path,
    blocks: tuple[str, ...] = ("first-block", "second-block"),
    *,
    plugin_options: dict | None = None,
    config: dict | None = None,
) -> Course:
    course = Course(root)
    course.write_page("index.md", "# Test course\n\nWelcome.\n\n<!-- course:overview -->\n")
    for block in blocks:
        course.write_page(f"{block}/index.md", LESSON.format(title=block.replace("-", " ").title()))
        course.write_page(f"{block}/more.md", LESSON.format(title="More on " + block))
        course.write_quiz(block, QUIZ_OK)
    options = {
        "title": "Test course",
        "provider": {"name": "Test provider"},
        "hours": 2,
        "outcomes": ["Do a thing."],
        **(plugin_options or {}),
    }
    mkdocs_config = {
        "site_name": "Test course",
        # A public address, as a course to publish has: without one the build warns (badges would
        # name no address), which fails every `--strict` build. At the root, where `serve` serves it.
        "site_url": "https://courses.example/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "features": ["navigation.instant"]},
        "plugins": ["search", {"course": options}],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", {"toc": {"permalink": True}}],
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs_config, sort_keys=False), encoding="utf-8")
    return course
