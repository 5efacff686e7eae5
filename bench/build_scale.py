"""How the `course` plugin's build cost grows with the size of a course.

Usage: python bench/build_scale.py [--pages 30 300 1000] [--runs 3]

Generates courses of N lesson pages (15 pages a block, so 300 pages make 20 blocks, each with a quiz
of 8 questions of all four types) in three variants with the same `nav:`:

- "with": the plugin, which adds each block's quiz page and the achievements page;
- "stand-ins": no plugin; those pages written by hand as plain Markdown pages, listed in `nav:`
  where the plugin puts them (a quiz page holds its questions' text, the home page lists the
  blocks): the same site as an author would write it without the plugin, so "with" against it
  is the plugin's own cost;
- "without": plain mkdocs-material, no plugin and no added pages.

Each is built in this process (tests/site_build.py), alternating, and timed in CPU time of the
process (steadier than wall clock on a shared machine); medians of the rounds are printed.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from site_build import build  # noqa: E402

PAGES_PER_BLOCK = 15
VARIANTS = ("with", "stand-ins", "without")
WORDS = (
    "application interview feedback employer candidate vacancy skills network rejection strategy "
    "experience evidence example reflect improve practise prepare follow listen"
).split()


def paragraph(seed: int, words: int = 80) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def quiz(block: int) -> dict:
    questions = []
    for q in range(8):
        kind = ("single", "multiple", "true_false", "text")[q % 4]
        question = {
            "id": f"q{q}",
            "type": kind,
            "prompt": f"Question {q} of block {block}: {paragraph(q, 15)}",
            "explanation": paragraph(q + 1, 20),
            "review": f"page-{q % PAGES_PER_BLOCK:02d}.md#section-1",
        }
        if kind in ("single", "multiple"):
            question["options"] = [
                {
                    "text": f"Option {o}: {paragraph(o, 8)}",
                    "correct": o == 1 or (kind == "multiple" and o == 3),
                    "feedback": paragraph(o + 2, 12),
                }
                for o in range(4)
            ]
        elif kind == "true_false":
            question["answer"] = q % 2 == 0
        else:
            question["accept"] = ["feedback", "asking for feedback"]
        questions.append(question)
    return {"title": f"Quiz {block}", "pass_mark": 60, "questions": questions}


def quiz_stand_in(block: int) -> str:
    """The quiz page as an author would write it by hand: the same text, no answers marked."""
    data = quiz(block)
    parts = [f"# {data['title']}", f"Pass mark {data['pass_mark']}%."]
    for number, question in enumerate(data["questions"], start=1):
        parts.append(f"**{number}.** {question['prompt']}")
        options = question.get("options") or (
            [{"text": "True"}, {"text": "False"}] if question["type"] == "true_false" else []
        )
        if options:
            parts.append(
                "\n".join(f"- {o['text']}" + (f" *{o['feedback']}*" if o.get("feedback") else "") for o in options)
            )
        parts.append(f"{question['explanation']} [Review]({question['review']})")
    return "\n\n".join(parts) + "\n"


def achievements_stand_in(blocks: int) -> str:
    lines = ["# Achievements", "", "Your progress is kept only in this browser, on this device.", ""]
    for block in range(blocks):
        lines += [
            f"## Block {block + 1}: Block {block}",
            "",
            f"Quiz: [Quiz {block}](block-{block:02d}/quiz.md) (pass mark 60%)",
            "",
            "Not passed yet.",
            "",
        ]
    lines += ["## Your progress file", "", "Save your progress to a file and restore it in another browser.", ""]
    return "\n".join(lines)


def make_course(root: Path, pages: int, variant: str) -> Path:
    """Writes the generated course in `variant` (one of VARIANTS) under `root`; returns its mkdocs.yml."""
    assert variant in VARIANTS, variant
    docs = root / "docs"
    blocks = max(1, pages // PAGES_PER_BLOCK)
    docs.mkdir(parents=True)
    home = "# Generated course\n\n<!-- course:overview -->\n"
    if variant == "stand-ins":
        home += (
            "\n"
            + "\n".join(
                f"{b + 1}. [Block {b}](block-{b:02d}/page-00.md): [Quiz {b}](block-{b:02d}/quiz.md)"
                for b in range(blocks)
            )
            + "\n\n[Your achievements](achievements.md)\n"
        )
    (docs / "index.md").write_text(home)
    nav: list = [{"Home": "index.md"}]
    sections: list[list[str]] = [[] for _ in range(blocks)]
    for page in range(pages):
        block = page % blocks
        folder = docs / f"block-{block:02d}"
        folder.mkdir(exist_ok=True)
        body = "\n\n".join(
            f"## Section {s} {{#section-{s}}}\n\n{paragraph(page + s)}\n\n{paragraph(page * s + 1)}"
            for s in range(1, 4)
        )
        name = f"page-{page // blocks:02d}.md"
        (folder / name).write_text(f"# Page {page}\n\n{body}\n")
        sections[block].append(f"block-{block:02d}/{name}")
    (root / "quizzes").mkdir()
    for block in range(blocks):
        (root / "quizzes" / f"block-{block:02d}.yml").write_text(yaml.safe_dump(quiz(block), sort_keys=False))
        if variant == "stand-ins":  # where the plugin puts it: last in its block's section
            (docs / f"block-{block:02d}" / "quiz.md").write_text(quiz_stand_in(block))
            sections[block].append(f"block-{block:02d}/quiz.md")
        nav.append({f"Block {block}": sections[block]})
    if variant == "stand-ins":  # where the plugin puts it: last in the navigation
        (docs / "achievements.md").write_text(achievements_stand_in(blocks))
        nav.append({"Achievements": "achievements.md"})
    plugins: list = ["search"]
    if variant == "with":
        plugins.append({"course": {"title": "Generated course", "hours": 10}})
    config = {
        "site_name": "Generated course",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "nav": nav,
        "plugins": plugins,
        "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return root / "mkdocs.yml"


def cpu_build(config: Path, site: Path) -> float:
    """CPU seconds of one in-process build into a fresh `site` (removing the old one is not timed)."""
    shutil.rmtree(site, ignore_errors=True)
    gc.collect()
    return build(config, site).cpu_seconds


def cpu_medians(configs: dict[str, Path], runs: int, site: Path) -> dict:
    """{variant: median CPU seconds}, and `rounds`: {variant: each round's seconds}. Builds alternate,
    starting from a different variant each round, so that machine noise falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in configs}
    names = list(configs)
    for round_ in range(runs):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            times[name].append(cpu_build(configs[name], site / name))
    return {**{name: statistics.median(values) for name, values in times.items()}, "rounds": times}


def warm_up(tmp: Path) -> None:
    """One untimed build of each variant, so that imports and caches of the first build count for none."""
    for variant in VARIANTS:
        cpu_build(make_course(tmp / f"warm-up-{variant}", PAGES_PER_BLOCK * 2, variant), tmp / "warm-up-site")


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[30, 300, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"Build CPU time by course size, median of {args.runs} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')})"
    )
    print(
        "| pages | blocks | with plugin (s) | hand-written stand-ins (s) | plain material (s) "
        "| plugin's own cost | vs plain | ms/page with plugin |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        warm_up(tmp)
        for pages in args.pages:
            configs = {v: make_course(tmp / f"{pages}-{v}", pages, v) for v in VARIANTS}
            t = cpu_medians(configs, args.runs, tmp / "site")
            blocks = max(1, pages // PAGES_PER_BLOCK)
            print(
                f"| {pages} | {blocks} | {t['with']:.2f} | {t['stand-ins']:.2f} | {t['without']:.2f} | "
                f"{(t['with'] / t['stand-ins'] - 1) * 100:+.1f}% | {(t['with'] / t['without'] - 1) * 100:+.1f}% | "
                f"{t['with'] / pages * 1000:.1f} |"
            )


if __name__ == "__main__":
    main()
