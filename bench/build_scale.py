"""How the `course` plugin's build cost grows with the size of a course.

Usage: python bench/build_scale.py [--pages 30 300 1000] [--runs 3]
Generates courses of N lesson pages (15 pages a block, so 300 pages make 20 blocks, each with a quiz
of 8 questions of all four types), builds each with and without the plugin (same content, same
theme), and prints the median build times and the overhead.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PAGES_PER_BLOCK = 15
WORDS = ("application interview feedback employer candidate vacancy skills network rejection strategy "
         "experience evidence example reflect improve practise prepare follow listen").split()


def paragraph(seed: int, words: int = 80) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def quiz_yaml(block: int) -> str:
    questions = []
    for q in range(8):
        kind = ("single", "multiple", "true_false", "text")[q % 4]
        question = {"id": f"q{q}", "type": kind, "prompt": f"Question {q} of block {block}: {paragraph(q, 15)}",
                    "explanation": paragraph(q + 1, 20), "review": f"page-{q % PAGES_PER_BLOCK:02d}.md#section-1"}
        if kind in ("single", "multiple"):
            question["options"] = [{"text": f"Option {o}: {paragraph(o, 8)}", "correct": o == 1 or (kind == "multiple" and o == 3),
                                    "feedback": paragraph(o + 2, 12)} for o in range(4)]
        elif kind == "true_false":
            question["answer"] = q % 2 == 0
        else:
            question["accept"] = ["feedback", "asking for feedback"]
        questions.append(question)
    return yaml.safe_dump({"title": f"Quiz {block}", "pass_mark": 60, "questions": questions}, sort_keys=False)


def make_course(root: Path, pages: int, with_plugin: bool, stand_ins: bool = False) -> Path:
    """A generated course; `stand_ins` (without the plugin only) adds a plain page where the plugin
    would add each quiz page and the achievements page, to tell the cost of extra pages from the
    cost of the plugin's code."""
    docs = root / "docs"
    blocks = max(1, pages // PAGES_PER_BLOCK)
    (docs).mkdir(parents=True)
    (docs / "index.md").write_text("# Generated course\n\n<!-- course:overview -->\n")
    (root / "quizzes").mkdir()
    for page in range(pages):
        block = page % blocks
        folder = docs / f"block-{block:02d}"
        folder.mkdir(exist_ok=True)
        body = "\n\n".join(f"## Section {s} {{#section-{s}}}\n\n{paragraph(page + s)}\n\n{paragraph(page * s + 1)}"
                           for s in range(1, 4))
        (folder / f"page-{page // blocks:02d}.md").write_text(f"# Page {page}\n\n{body}\n")
    for block in range(blocks):
        (root / "quizzes" / f"block-{block:02d}.yml").write_text(quiz_yaml(block))
        if stand_ins and not with_plugin:  # sorts after page-NN.md, so last in its block, like the quiz
            (docs / f"block-{block:02d}" / "quiz.md").write_text(f"# Quiz {block}\n\n{paragraph(block)}\n")
    if stand_ins and not with_plugin:
        (docs / "achievements.md").write_text("# Achievements\n\nYour progress.\n")
    plugins: list = ["search"]
    if with_plugin:
        plugins.append({"course": {"title": "Generated course", "hours": 10}})
    config = {"site_name": "Generated course", "docs_dir": "docs", "theme": {"name": "material", "font": False},
              "plugins": plugins, "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return root / "mkdocs.yml"


def time_build(config: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], check=True,
                   cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[30, 300, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Build time by course size, median of {args.runs} ({platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')})")
    print(f"| pages | blocks | with plugin (s) | without (s) | overhead | ms/page with plugin |")
    print(f"|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            configs = {flag: make_course(Path(tmp) / f"{pages}-{flag}", pages, flag) for flag in (True, False)}
            times: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(args.runs):
                for flag, config in configs.items():
                    times[flag].append(time_build(config))
            with_, without = statistics.median(times[True]), statistics.median(times[False])
            blocks = max(1, pages // PAGES_PER_BLOCK)
            print(f"| {pages} | {blocks} | {with_:.2f} | {without:.2f} | {(with_ / without - 1) * 100:+.1f}% | "
                  f"{with_ / pages * 1000:.1f} |")


if __name__ == "__main__":
    main()
