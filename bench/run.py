"""Every benchmark of the course site, in one sitting, printed as one Markdown table.

    python bench/run.py                  # about 11 minutes on 2 cores
    python bench/run.py --quick          # 1 round of each build, no 1000-page course: a few minutes
    python bench/run.py --runs 3 --pages 30 300 1000

These are scripts, not tests: pytest never collects bench/ (testpaths = tests), so CI does not
time them. Every site is built in this process as `mkdocs build` does (tests/site_build.py).
Paste the output into BENCHMARKS.md.

Rows:
- build cost of the sample course (mkdocs.yml), with the plugin and without it (same theme);
- build cost of generated courses (bench/build_scale.py: 15 pages a block, a quiz of 8 questions
  each) in CPU time of this process, median of the rounds, the builds alternating: with the plugin
  against the same site whose added pages (each quiz page, the achievements page) are written by
  hand as plain Markdown pages in `nav:` (the plugin's own cost, the 10% target at 300 pages), and
  against plain mkdocs-material (no plugin, no added pages);
- Python function calls of the 300-page builds (cProfile): the same on every run;
- bytes a lesson, quiz and achievements page load as the built site serves them (every response,
  measured in Chromium, gzipped at level 9 as a server would) beyond what a page of the same
  course built without the plugin loads in plain mkdocs-material; the course code and data on a
  lesson page and the quiz code on a quiz page (bench/course_asset_sizes.py);
- time in headless Chromium to mark a quiz attempt, make a badge PNG and the statement PDF.

Not in this run: Lighthouse's performance score and layout shift of the lesson, quiz and
achievements pages next to plain mkdocs-material (`bench/lighthouse.py`, which needs Node and npm,
about 3 minutes a round), and the README's screenshots (`bench/screenshots.py`).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO / "tests"))

import badges  # noqa: E402
import build_scale  # noqa: E402
import build_time  # noqa: E402
import course_asset_sizes as sizes  # noqa: E402
from chromium import CHROMIUM, launch  # noqa: E402
from static_server import serve  # noqa: E402

from site_build import build  # noqa: E402

TARGETS = {"overhead": 0.10, "lesson": sizes.BUDGET["lesson"], "quiz": sizes.BUDGET["quiz"]}
SAMPLE_LESSON, SAMPLE_QUIZ = "not-invited/cv-and-application/", "not-invited/quiz/"


# -- build cost ---------------------------------------------------------------------------------


def spread(rounds: dict[str, list[float]], over: str, base: str) -> tuple[float, float]:
    """The lowest and highest ratio of `over` to `base` in a single round, to show how much the machine moved."""
    ratios = [a / b - 1 for a, b in zip(rounds[over], rounds[base], strict=True)]
    return min(ratios), max(ratios)


def sample_build(runs: int, tmp: Path) -> dict:
    configs = {"with": REPO / "mkdocs.yml", "without": build_time.config_without_plugin(tmp)}
    for config in configs.values():  # warm-up, untimed
        build_scale.cpu_build(config, tmp / "site" / "warm-up")
    return build_scale.cpu_medians(configs, runs, tmp / "site")


def scale_configs(pages: int, tmp: Path) -> dict[str, Path]:
    return {v: build_scale.make_course(tmp / f"{pages}-{v}", pages, v) for v in build_scale.VARIANTS}


def call_counts(configs: dict[str, Path], tmp: Path) -> dict[str, int]:
    """Python function calls of one build of each config (cProfile), in this process after the
    timed builds: the same count on every run and every machine."""
    counts = {}
    for name, config in configs.items():
        site = tmp / "calls-site"
        shutil.rmtree(site, ignore_errors=True)
        gc.collect()
        profile = cProfile.Profile()
        profile.runcall(build, config, site)
        counts[name] = pstats.Stats(profile).total_calls
    return counts


def pct(ratio: float) -> str:
    return f"{ratio * 100:+.1f}%"


def scale_rows(pages: int, t: dict) -> list[tuple[str, str, str, str]]:
    blocks = max(1, pages // build_scale.PAGES_PER_BLOCK)
    own, plain = t["with"] / t["stand-ins"] - 1, t["with"] / t["without"] - 1
    own_lo, own_hi = spread(t["rounds"], "with", "stand-ins")
    plain_lo, plain_hi = spread(t["rounds"], "with", "without")
    target = "≤ +10%" if pages == 300 else ""
    rounds = len(t["rounds"]["with"])
    many = rounds > 1
    return [
        (
            f"Build, {pages} pages in {blocks} blocks, {blocks} quizzes of 8: the plugin's own cost "
            f"(vs the same site, quiz and achievements pages written by hand)",
            f"{t['with']:.2f} s with, {t['stand-ins']:.2f} s hand-written: {pct(own)}"
            + (f" (single rounds {pct(own_lo)} to {pct(own_hi)})" if many else "")
            + f"; {t['with'] / pages * 1000:.1f} ms/page",
            target,
            verdict(own <= TARGETS["overhead"]) if target else "",
        ),
        (
            f"Build, {pages} pages: vs plain mkdocs-material (no plugin, no added pages)",
            f"{t['with']:.2f} s with, {t['without']:.2f} s plain: {pct(plain)}"
            + (f" (single rounds {pct(plain_lo)} to {pct(plain_hi)})" if many else ""),
            "",
            "",
        ),
    ]


# -- bytes --------------------------------------------------------------------------------------


def gz_total(files: dict[str, bytes]) -> tuple[int, int]:
    return sum(len(b) for b in files.values()), sum(sizes.gz(b) for b in files.values())


def page_weights(tmp: Path, mark_runs: int) -> dict[str, object]:
    """Bytes of the sample course as built and served, against the same course in plain material."""
    from playwright.sync_api import sync_playwright

    root = tmp / "www"
    with serve(root) as base, sync_playwright() as p:
        build(REPO / "mkdocs.yml", root / "course", site_url=f"{base}/course/")
        build(build_time.config_without_plugin(tmp), root / "plain", site_url=f"{base}/plain/")
        browser = launch(p)
        try:
            pages = {
                "lesson": sizes.page_responses(browser, f"{base}/course/{SAMPLE_LESSON}"),
                "quiz": sizes.page_responses(browser, f"{base}/course/{SAMPLE_QUIZ}"),
                "achievements": sizes.page_responses(browser, f"{base}/course/achievements/"),
            }
            plain = sizes.page_responses(browser, f"{base}/plain/{SAMPLE_LESSON}")
            timing = mark_times(browser, f"{base}/course/{SAMPLE_QUIZ}", mark_runs)
        finally:
            browser.close()
    plain_raw, plain_gz = gz_total(plain)
    added = {}
    for name, files in pages.items():
        raw, gz = gz_total(files)
        added[name] = (raw - plain_raw, gz - plain_gz)
    return {
        "added": added,
        "mark_ms": timing,
        "lesson_code": sizes.course_code_and_data(pages["lesson"], SAMPLE_LESSON),
        "quiz_code": sizes.quiz_code(pages["quiz"], pages["lesson"]),
    }


# -- browser timings ----------------------------------------------------------------------------

MARK_JS = """async () => {
  const form = document.querySelector(".course-quiz__form");
  for (const fs of form.querySelectorAll("fieldset")) {
    const choice = fs.querySelector("input[type=radio], input[type=checkbox]");
    if (choice) choice.checked = true;
    else fs.querySelector("input[type=text]").value = "an answer";
  }
  form.dispatchEvent(new Event("input", { bubbles: true }));
  const t0 = performance.now();
  form.querySelector("button[type=submit]").click();
  await new Promise((done) => {
    const look = () => (document.querySelector(".course-quiz__result h2") ? done() : requestAnimationFrame(look));
    look();
  });
  return performance.now() - t0;
}"""


def mark_times(browser, url: str, runs: int = 7) -> list[float]:
    """Click 'Check answers' on a fully answered sample quiz until the score shows, in a fresh page each run."""
    found = []
    context = browser.new_context()
    for _ in range(runs):
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector(".course-quiz__form fieldset")
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector(".course-quiz__form fieldset")
        found.append(page.evaluate(MARK_JS))
        page.close()
    context.close()
    return found


# -- the table ----------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (medians)")
    parser.add_argument("--pages", type=int, nargs="+", default=[30, 300, 1000])
    parser.add_argument(
        "--quick", action="store_true", help="one round of each build, no 1000-page course, fewer browser runs"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
        args.pages = [n for n in args.pages if n < 1000]
    sample_runs = args.runs if args.quick else max(args.runs, 5)
    browser_runs = 2 if args.quick else badges.RUNS
    started = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []
    per_page = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        build_scale.warm_up(tmp)
        sample = sample_build(sample_runs, tmp)
        rows.append(
            (
                "Build, sample course (25 pages + 5 added)",
                f"{sample['with']:.2f} s with, {sample['without']:.2f} s without: "
                f"{pct(sample['with'] / sample['without'] - 1)}",
                "",
                "",
            )
        )
        for pages in args.pages:
            configs = scale_configs(pages, tmp)
            t = build_scale.cpu_medians(configs, args.runs, tmp / "site")
            per_page[pages] = t["with"] / pages * 1000
            rows += scale_rows(pages, t)
            if pages == 300:
                calls = call_counts(configs, tmp)
                own, plain = calls["with"] / calls["stand-ins"] - 1, calls["with"] / calls["without"] - 1
                rows.append(
                    (
                        "Build, 300 pages: Python function calls (cProfile; within 0.1% from run to run)",
                        f"{calls['with'] / 1e6:.2f} M with, {calls['stand-ins'] / 1e6:.2f} M hand-written, "
                        f"{calls['without'] / 1e6:.2f} M plain: plugin's own {pct(own)}, vs plain {pct(plain)}",
                        "≤ +10%",
                        verdict(own <= TARGETS["overhead"]),
                    )
                )
            shutil.rmtree(tmp / "site", ignore_errors=True)
        weights = page_weights(tmp, mark_runs=3 if args.quick else 7)
        # Everything the page fetches beyond plain material's, search index and sitemap included:
        # context for the budgets below, which count the course's own code and data.
        for name in ("lesson", "quiz", "achievements"):
            raw, gz = weights["added"][name]
            rows.append(
                (
                    f"Bytes added to the {name} page (vs the plain material lesson page)",
                    f"{raw:,} B raw, {gz:,} B gz",
                    "",
                    "",
                )
            )
        lesson_code = sum(weights["lesson_code"].values())
        rows.append(
            (
                "Course code and data on a lesson page, as published (of the bytes above)",
                f"{lesson_code:,} B gz",
                "≤ 3 KiB gz",
                verdict(lesson_code <= TARGETS["lesson"]),
            )
        )
        quiz_code = sum(weights["quiz_code"].values())
        rows.append(
            (
                "Quiz code on a quiz page, as published (course files beyond a lesson page's)",
                f"{quiz_code:,} B gz",
                "≤ 8 KiB gz",
                verdict(quiz_code <= TARGETS["quiz"]),
            )
        )
        marks = weights["mark_ms"]
        rows.append(
            (
                "Mark a quiz attempt (sample quiz, 8 questions)",
                f"{statistics.median(marks):.0f} ms (median of {len(marks)})",
                "",
                "",
            )
        )
        for (what, name), (cold, warm) in badges.timings(browser_runs).items():
            label = "Make a badge PNG" if what == "png" else f"Make the statement PDF ({name})"
            rows.append(
                (label, f"{statistics.median(warm):.0f} ms warm (median of {len(warm)}), {cold:.0f} ms cold", "", "")
            )
    print(
        f"Benchmarks of mkdocs-course, {time.strftime('%Y-%m-%d %H:%M')}; {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"Chromium {chromium_version()}; builds in CPU time, medians of {args.runs} round(s) "
        f"({sample_runs} for the sample){'; --quick' if args.quick else ''}"
    )
    print()
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    if len(per_page) > 1:
        sizes_ = sorted(per_page)
        print(
            f"CPU ms per page with the plugin: {', '.join(f'{n} pages {per_page[n]:.1f}' for n in sizes_)} "
            "(flat means linear growth)"
        )
    for label, files in (
        ("Course code and data on a lesson page", weights["lesson_code"]),
        ("Quiz code on a quiz page", weights["quiz_code"]),
    ):
        print(f"{label} (B gz): " + ", ".join(f"{path} {size:,}" for path, size in sorted(files.items())))
    print(f"({time.perf_counter() - started:.0f} s in all)")


def chromium_version() -> str:
    try:
        out = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    return out.split()[1] if len(out.split()) > 1 else out.strip()


if __name__ == "__main__":
    main()
