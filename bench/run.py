"""Every benchmark of the course site, in one sitting, printed as one Markdown table.

    python bench/run.py                  # about 11 minutes on 2 cores
    python bench/run.py --runs 3 --pages 30 300 1000

These are scripts, not tests: pytest never collects bench/ (testpaths = tests), so CI does not
time them. Medians of several runs; the builds alternate with and without the plugin so that
machine noise falls on both alike. Paste the output into BENCHMARKS.md.

Rows:
- build time of the sample course (mkdocs.yml), with the plugin and without it (same theme);
- build time of generated courses (bench/build_scale.py: 15 pages a block, a quiz of 8 questions
  each), with the plugin, without it, and without it but with a plain stand-in page wherever the
  plugin adds one (each quiz and the achievements page): with - stand-ins is what the plugin's code
  costs, stand-ins - without is what its extra pages cost in mkdocs-material's templates;
- bytes a lesson, quiz and achievements page load (every response, measured in Chromium through
  request events, gzipped at level 9 as a server would) beyond what a page of the same course
  built without the plugin loads in plain mkdocs-material;
- time in headless Chromium to mark a quiz attempt, make a badge PNG and the statement PDF.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
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

import badges  # noqa: E402
import build_scale  # noqa: E402
import build_time  # noqa: E402
from chromium import CHROMIUM, launch  # noqa: E402
from static_server import serve  # noqa: E402

KIB = 1024
TARGETS = {"overhead": 0.10, "lesson": 3 * KIB, "quiz": 8 * KIB}


def build(config: Path, site_dir: Path, site_url: str) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    loaded = load_config(config_file=str(config), site_dir=str(site_dir), site_url=site_url)
    try:
        mkdocs_build(loaded)
    finally:
        loaded.plugins.on_shutdown()


def median_times(configs: dict[str, Path], runs: int, site: Path) -> dict:
    """Median build time of each config, and `spread`: the lowest and highest with/without ratio
    of a single round (one build of each, back to back), to show how much the machine moved."""
    times: dict[str, list[float]] = {name: [] for name in configs}
    for _ in range(runs):
        for name, config in configs.items():
            times[name].append(build_time.time_build(config, site))
    medians = {name: statistics.median(values) for name, values in times.items()}
    rounds = [w / wo - 1 for w, wo in zip(times["with"], times["without"])]
    return {**medians, "spread": (min(rounds), max(rounds))}


# -- build time ---------------------------------------------------------------------------------

def sample_build(runs: int, tmp: Path) -> dict:
    configs = {"with": REPO / "mkdocs.yml", "without": build_time.config_without_plugin(tmp)}
    return median_times(configs, runs, tmp / "site")


def scale_configs(pages: int, tmp: Path) -> dict[str, Path]:
    return {
        "with": build_scale.make_course(tmp / f"{pages}-with", pages, True),
        "without": build_scale.make_course(tmp / f"{pages}-without", pages, False),
        "stand-ins": build_scale.make_course(tmp / f"{pages}-stand-ins", pages, False, stand_ins=True),
    }


def scale_builds(pages: int, runs: int, tmp: Path) -> dict:
    return median_times(scale_configs(pages, tmp), runs, tmp / "site")


# Python function calls a build makes (cProfile): the same on every run and on every machine, so
# it shows the plugin's cost where wall-clock times on a shared machine move by ±20%.
COUNT_CALLS = """
import cProfile, os, pstats, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
profile = cProfile.Profile()
profile.runcall(build, config)
print(pstats.Stats(profile).total_calls)
"""


def call_counts(pages: int, tmp: Path) -> dict[str, int]:
    counts = {}
    for name, config in scale_configs(pages, tmp / "calls").items():
        done = subprocess.run([sys.executable, "-c", COUNT_CALLS, str(config), str(tmp / "calls-site")],
                              check=True, capture_output=True, text=True, cwd=config.parent)
        counts[name] = int(done.stdout.split()[-1])
    return counts


# -- bytes --------------------------------------------------------------------------------------

def page_bytes(browser, url: str) -> dict[str, tuple[int, int]]:
    """{path: (raw, gzipped)} of every response the page loads, its widgets up and the network idle."""
    loaded: dict[str, tuple[int, int]] = {}
    page = browser.new_page()

    def record(response) -> None:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            return
        path = response.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        loaded[path.split("/", 1)[1] if "/" in path else path] = len(body), len(gzip.compress(body, 9))

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # late dynamic imports
    page.close()
    return loaded


def total(files: dict[str, tuple[int, int]]) -> tuple[int, int]:
    return sum(raw for raw, _ in files.values()), sum(z for _, z in files.values())


def page_weights(tmp: Path) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    root = tmp / "www"
    with serve(root) as base, sync_playwright() as p:
        build(REPO / "mkdocs.yml", root / "course", f"{base}/course/")
        build(build_time.config_without_plugin(tmp), root / "plain", f"{base}/plain/")
        browser = launch(p)
        try:
            lesson = "not-invited/cv-and-application/"
            pages = {
                "lesson": page_bytes(browser, f"{base}/course/{lesson}"),
                "quiz": page_bytes(browser, f"{base}/course/not-invited/quiz/"),
                "achievements": page_bytes(browser, f"{base}/course/achievements/"),
            }
            plain = page_bytes(browser, f"{base}/plain/{lesson}")
            timing = mark_times(browser, f"{base}/course/not-invited/quiz/")
        finally:
            browser.close()
    plain_raw, plain_gz = total(plain)
    added = {}
    for name, files in pages.items():
        raw, gz = total(files)
        added[name] = (raw - plain_raw, gz - plain_gz)
    quiz_code = {f: s for f, s in pages["quiz"].items() if "assets/course/" in f and f not in pages["lesson"]}
    lesson_code = {f: s for f, s in pages["lesson"].items() if "assets/course/" in f}
    return {"added": added, "quiz_code": total(quiz_code), "lesson_code": total(lesson_code), "quiz_files": sorted(quiz_code),
            "lesson_files": sorted(f for f in pages["lesson"] if f not in plain), "mark_ms": timing}


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
    args = parser.parse_args()
    started = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = sample_build(max(args.runs, 5), tmp)
        rows.append(("Build, sample course (25 pages + 5 added)",
                     f"{sample['with']:.2f} s with, {sample['without']:.2f} s without: "
                     f"{(sample['with'] / sample['without'] - 1) * 100:+.0f}%", "", ""))
        per_page = {}
        for pages in args.pages:
            t = scale_builds(pages, args.runs, tmp)
            blocks = max(1, pages // build_scale.PAGES_PER_BLOCK)
            over = t["with"] / t["without"] - 1
            extra, code = t["stand-ins"] / t["without"] - 1, t["with"] / t["stand-ins"] - 1
            per_page[pages] = t["with"] / pages * 1000
            target = "≤ +10%" if pages == 300 else ""
            rows.append((f"Build, {pages} pages in {blocks} blocks, {blocks} quizzes of 8",
                         f"{t['with']:.2f} s with, {t['without']:.2f} s without: {over * 100:+.1f}% "
                         f"(single rounds {t['spread'][0] * 100:+.0f}% to {t['spread'][1] * 100:+.0f}%; "
                         f"extra pages {extra * 100:+.1f}%, plugin code {code * 100:+.1f}%); "
                         f"{per_page[pages]:.1f} ms/page", target, verdict(over <= TARGETS["overhead"]) if target else ""))
        if 300 in args.pages:
            calls = call_counts(300, tmp)
            over, extra = calls["with"] / calls["without"] - 1, calls["stand-ins"] / calls["without"] - 1
            rows.append(("Build, 300 pages: Python function calls (cProfile; the same on every run)",
                         f"{calls['with'] / 1e6:.2f} M with, {calls['without'] / 1e6:.2f} M without: {over * 100:+.1f}% "
                         f"(extra pages {extra * 100:+.1f}%, plugin code {(calls['with'] / calls['stand-ins'] - 1) * 100:+.1f}%)",
                         "≤ +10%", verdict(over <= TARGETS["overhead"])))
        weights = page_weights(tmp)
        for name in ("lesson", "quiz", "achievements"):
            raw, gz = weights["added"][name]
            target = "≤ 3 KiB gz" if name == "lesson" else ""
            rows.append((f"Bytes added to the {name} page (vs the plain material lesson page)",
                         f"{raw:,} B raw, {gz:,} B gz", target, verdict(gz <= TARGETS["lesson"]) if target else ""))
        raw, gz = weights["lesson_code"]
        rows.append(("Course code on a lesson page (of the bytes above)",
                     f"{raw:,} B raw, {gz:,} B gz", "≤ 3 KiB gz", verdict(gz <= TARGETS["lesson"])))
        raw, gz = weights["quiz_code"]
        rows.append(("Quiz code on a quiz page (course files beyond a lesson page's)",
                     f"{raw:,} B raw, {gz:,} B gz", "≤ 8 KiB gz", verdict(gz <= TARGETS["quiz"])))
        marks = weights["mark_ms"]
        rows.append(("Mark a quiz attempt (sample quiz, 8 questions)",
                     f"{statistics.median(marks):.0f} ms (median of {len(marks)})", "", ""))
        for (what, name), (cold, warm) in badges.timings().items():
            label = "Make a badge PNG" if what == "png" else f"Make the statement PDF ({name})"
            rows.append((label, f"{statistics.median(warm):.0f} ms warm (median of {len(warm)}), "
                                f"{cold:.0f} ms cold", "", ""))
    print(f"Benchmarks of mkdocs-course, {time.strftime('%Y-%m-%d %H:%M')}; {platform.machine()}, "
          f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, "
          f"Chromium {chromium_version()}; {args.runs} builds of each kind ({max(args.runs, 5)} for the sample)")
    print()
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    if len(per_page) > 1:
        sizes = sorted(per_page)
        print(f"ms per page with the plugin: {', '.join(f'{n} pages {per_page[n]:.1f}' for n in sizes)} "
              "(flat means linear growth)")
    print(f"Course files on a lesson page: {', '.join(weights['lesson_files'])}")
    print(f"Quiz code files: {', '.join(weights['quiz_files'])}")
    print(f"({time.perf_counter() - started:.0f} s in all)")


def chromium_version() -> str:
    try:
        out = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    return out.split()[1] if len(out.split()) > 1 else out.strip()


if __name__ == "__main__":
    main()
