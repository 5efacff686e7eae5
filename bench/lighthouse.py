"""Lighthouse performance and layout shift of the course's pages, next to plain mkdocs-material.

    .venv/bin/python bench/lighthouse.py                 # median of 3 runs, desktop and mobile: ~7 minutes
    .venv/bin/python bench/lighthouse.py --runs 1        # one sitting in about 3 minutes
    .venv/bin/python bench/lighthouse.py --runs 1 --pages quiz --presets desktop   # the quiz page alone
    .venv/bin/python bench/lighthouse.py --json          # the medians and every run, as JSON
    .venv/bin/python bench/lighthouse.py --reports /tmp/lh   # keep each Lighthouse report (JSON)

Builds the sample course (mkdocs.yml) and the same content/ with the same theme settings in plain
mkdocs-material (a copy of mkdocs.yml without the `course` plugin, written to a temporary folder),
serves both over loopback HTTP with gzip, and runs Lighthouse's performance category on each page
with its desktop and its mobile preset (mobile simulates a slow 4G network and a CPU 4x slower).
The runs interleave, course page then its plain pair, so that a busy machine weighs on both alike;
each figure is the median of the runs. On a shared 2-core machine mobile scores move by several
points from run to run: compare the two columns of one sitting, never figures of different days.

The plain build has no quiz or achievements page, so each course page is compared with the plain
page nearest to it: a lesson with the same lesson, the quiz and the achievements page with the
block's first page (a page of prose of similar length).

Lighthouse is a Node tool: it is installed with npm, at the pinned version, into
~/.cache/mkdocs-course-bench/lighthouse (never into the repository or the built site) the first
time, and drives Debian's Chromium (/usr/bin/chromium; no browser is ever downloaded).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO / "tests"))

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from static_server import serve_with  # noqa: E402

from site_build import build  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # 13 needs Node 22; Debian's Node is 20
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mkdocs-course-bench" / "lighthouse"
PRESETS = ("desktop", "mobile")
RUN_TIMEOUT = 180  # seconds for one Lighthouse run


@dataclass(frozen=True)
class Pair:
    """A course page and the plain mkdocs-material page it is compared with."""

    name: str
    course: str  # path under the course site
    plain: str  # path under the plain site
    plain_label: str


PAIRS = (
    Pair("lesson", "not-invited/cv-and-application/", "not-invited/cv-and-application/", "the same lesson"),
    Pair("quiz", "not-invited/quiz/", "not-invited/", "the block's first page"),
    Pair("achievements", "achievements/", "not-invited/", "the block's first page"),
)
METRICS = ("performance", "cls", "lcp", "tbt")


# -- serving ------------------------------------------------------------------------------------

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs", ".map"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped as a web server would serve them (the simulated mobile network
    counts the bytes sent, so an uncompressed server would cost the page seconds it never pays)."""

    cache: dict[tuple[str, float], bytes] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        key = (str(path), path.stat().st_mtime)
        body = self.cache.get(key)
        if body is None:
            body = self.cache[key] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: SimpleHTTPRequestHandler copies it to the response and closes it."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, size: int = -1) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


def serve_gzipped(directory: Path) -> contextlib.AbstractContextManager[str]:
    """Serves `directory` on 127.0.0.1 at a free port; yields the base URL, without a final slash."""
    return serve_with(functools.partial(_GzipHandler, directory=str(directory)))


# -- the two sites -----------------------------------------------------------------------------


def plain_config(tree: Path, workdir: Path) -> Path:
    """A copy of `tree`'s mkdocs.yml without the `course` plugin: the same content/, theme, overrides
    and Markdown extensions in plain mkdocs-material."""
    from mkdocs.utils.yaml import get_yaml_loader  # understands mkdocs.yml's !ENV tags

    config = yaml.load((tree / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "course" in p) and p != "course"]
    config["docs_dir"] = str(tree / config.get("docs_dir", "docs"))
    if config.get("theme", {}).get("custom_dir"):
        config["theme"]["custom_dir"] = str(tree / config["theme"]["custom_dir"])
    path = workdir / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def export_ref(ref: str, tree: Path) -> Path:
    """The files of commit `ref` (git archive: the repository is only read)."""
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", ref], capture_output=True, check=False)
    if archive.returncode:
        sys.exit(f"git archive {ref} failed: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


# Builds a site of another tree in a child process whose `mkdocs_course` is that tree's package,
# ahead of the one installed (editable) from this working tree.
BUILD_OTHER_TREE = """
import sys
sys.path.insert(0, sys.argv[1])
import mkdocs_course
assert mkdocs_course.__file__.startswith(sys.argv[1]), mkdocs_course.__file__
from site_build import build
build(sys.argv[2], sys.argv[3], site_url=sys.argv[4])
"""


def build_sites(root: Path, base: str, tmp: Path, ref: str | None) -> None:
    """The course and its plain twin under `root`, served at base/course/ and base/plain/."""
    tree = REPO if ref is None else export_ref(ref, tmp / "tree")
    configs = {"course": tree / "mkdocs.yml", "plain": plain_config(tree, tmp)}
    for site, config in configs.items():
        if ref is None:
            build(config, root / site, site_url=f"{base}/{site}/")
            continue
        env = {**os.environ, "PYTHONPATH": str(REPO / "tests"), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-c", BUILD_OTHER_TREE, str(tree / "plugins"), str(config), str(root / site)]
        subprocess.run([*command, f"{base}/{site}/"], env=env, check=True, cwd=tree)


# -- Lighthouse ---------------------------------------------------------------------------------


def lighthouse_command() -> Path:
    """The pinned Lighthouse CLI, installed with npm into the cache folder the first time."""
    cli = CACHE / "node_modules" / ".bin" / "lighthouse"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION and cli.exists():
        return cli
    if not shutil.which("npm"):
        sys.exit("lighthouse.py needs Node.js and npm (apt-get install nodejs npm) to install Lighthouse.")
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {CACHE} …", file=sys.stderr)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}  # Lighthouse uses the Chromium we name
    subprocess.run(
        ["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--loglevel=error",
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True, env=env, stdout=sys.stderr,
    )  # fmt: skip
    return cli


def run_lighthouse(cli: Path, url: str, preset: str, report: Path) -> dict[str, float] | str:
    """One Lighthouse run of the performance category: the four figures, or why there are none."""
    command = [
        str(cli), url, "--only-categories=performance", "--output=json", f"--output-path={report}", "--quiet",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}", "--max-wait-for-load=60000",
    ]  # fmt: skip
    if preset == "desktop":
        command.append("--preset=desktop")  # mobile is Lighthouse's default
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"no report within {RUN_TIMEOUT} s"
    if done.returncode or not report.is_file():
        return (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        return data["runtimeError"].get("message", "runtime error")
    score = data["categories"]["performance"]["score"]
    if score is None:
        return "no performance score: " + "; ".join(data.get("runWarnings", []))
    audits = data["audits"]
    return {
        "performance": score * 100,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lighthouse": data["lighthouseVersion"],
    }


# -- one sitting --------------------------------------------------------------------------------


def schedule(pairs: list[Pair], presets: list[str]) -> list[tuple[str, str, str]]:
    """(site, path, preset) of one round: each course page next to its plain pair, a plain page
    measured once even when two course pages share it."""
    runs: list[tuple[str, str, str]] = []
    for preset in presets:
        for pair in pairs:
            for item in (("course", pair.course, preset), ("plain", pair.plain, preset)):
                if item not in runs:
                    runs.append(item)
    return runs


def measure(args: argparse.Namespace, pairs: list[Pair], tmp: Path) -> dict:
    cli = lighthouse_command()
    root = tmp / "www"
    results: dict[tuple[str, str, str], list[dict]] = {}
    failures: list[str] = []
    with serve_gzipped(root) as base:
        build_sites(root, base, tmp, args.ref)
        runs = schedule(pairs, args.presets)
        reports = Path(args.reports) if args.reports else tmp / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        if not args.no_warm_up:  # the first Chromium start reads the browser from disk: untimed
            run_lighthouse(cli, f"{base}/plain/", args.presets[0], tmp / "warm-up.json")
        for round_number in range(1, args.runs + 1):
            for site, path, preset in runs:
                name = f"{site}-{path.strip('/').replace('/', '-') or 'home'}-{preset}-{round_number}.json"
                started = time.perf_counter()
                found = run_lighthouse(cli, f"{base}/{site}/{path}", preset, reports / name)
                took = time.perf_counter() - started
                if isinstance(found, str):
                    failures.append(f"{site} /{path} {preset} run {round_number}: {found}")
                    print(f"  {site:6} /{path:36} {preset:7} failed: {found}", file=sys.stderr)
                    continue
                results.setdefault((site, path, preset), []).append(found)
                if not args.quiet:
                    print(
                        f"  run {round_number}: {site:6} /{path:36} {preset:7} performance {found['performance']:3.0f}"
                        f"  CLS {found['cls']:.3f}  LCP {found['lcp']:5.0f} ms  TBT {found['tbt']:4.0f} ms"
                        f"  ({took:.0f} s)",
                        file=sys.stderr,
                    )
    return {"results": results, "failures": failures}


def median_of(runs: list[dict]) -> dict[str, float] | None:
    if not runs:
        return None
    return {metric: statistics.median(run[metric] for run in runs) for metric in METRICS}


def rows_of(pairs: list[Pair], presets: list[str], results: dict) -> list[dict]:
    rows = []
    for pair in pairs:
        for preset in presets:
            course_runs = results.get(("course", pair.course, preset), [])
            plain_runs = results.get(("plain", pair.plain, preset), [])
            course, plain = median_of(course_runs), median_of(plain_runs)
            rows.append(
                {
                    "page": pair.name,
                    "preset": preset,
                    "course_url": pair.course,
                    "plain_url": pair.plain,
                    "course": course,
                    "plain": plain,
                    "course_runs": [{m: run[m] for m in METRICS} for run in course_runs],
                    "plain_runs": [{m: run[m] for m in METRICS} for run in plain_runs],
                    "cls_met": course is not None and course["cls"] <= 0.02,
                    "performance_met": course is not None
                    and plain is not None
                    and round(course["performance"]) >= round(plain["performance"]),
                }
            )
    return rows


def cell(values: dict | None, runs: list[dict], metric: str) -> str:
    if values is None:
        return "–"
    shown = {"performance": "{:.0f}", "cls": "{:.3f}", "lcp": "{:,.0f}", "tbt": "{:,.0f}"}[metric]
    text = shown.format(values[metric])
    if metric == "performance" and len(runs) > 1:
        low, high = min(run[metric] for run in runs), max(run[metric] for run in runs)
        text += f" ({low:.0f}–{high:.0f})"
    return text


def print_table(rows: list[dict], pairs: list[Pair], header: str, failures: list[str]) -> None:
    print(header)
    print()
    print("| page | preset | performance, course / plain | CLS, course / plain | LCP ms, course / plain "
          "| TBT ms, course / plain | CLS ≤ 0.02 | performance ≥ plain |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [
            f"{cell(row['course'], row['course_runs'], m)} / {cell(row['plain'], row['plain_runs'], m)}"
            for m in METRICS
        ]
        verdicts = ["met" if row["cls_met"] else "**not met**", "met" if row["performance_met"] else "**not met**"]
        print(f"| {row['page']} | {row['preset']} | " + " | ".join(cells + verdicts) + " |")
    print()
    print("Pairs (course page / plain mkdocs-material page): " + "; ".join(
        f"{p.name}: /{p.course} / /{p.plain} ({p.plain_label})" for p in pairs
    ))  # fmt: skip
    if any(len(row["course_runs"]) > 1 for row in rows):
        print("Performance shows the median, then the lowest and highest single run in brackets.")
    for failure in failures:
        print(f"Failed run: {failure}")


def chromium_version() -> str:
    try:
        out = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    words = out.split()
    return words[1] if len(words) > 1 else out.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs of each page and preset (medians)")
    parser.add_argument("--pages", nargs="+", choices=[p.name for p in PAIRS], default=[p.name for p in PAIRS])
    parser.add_argument("--presets", nargs="+", choices=PRESETS, default=list(PRESETS))
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument(
        "--ref", metavar="COMMIT", help="measure the course as committed at COMMIT (e.g. HEAD), not the working tree"
    )
    parser.add_argument("--reports", metavar="DIR", help="keep every Lighthouse report (JSON) in DIR")
    parser.add_argument("--no-warm-up", action="store_true", help="skip the untimed first run")
    parser.add_argument("--quiet", action="store_true", help="no line per run on stderr")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    pairs = [p for p in PAIRS if p.name in args.pages]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mkdocs-course-lighthouse-") as tmp_name:
        measured = measure(args, pairs, Path(tmp_name))
    rows = rows_of(pairs, args.presets, measured["results"])
    seconds = time.perf_counter() - started
    versions = {run["lighthouse"] for runs in measured["results"].values() for run in runs}
    header = (
        f"Lighthouse {', '.join(sorted(versions)) or LIGHTHOUSE_VERSION} (performance category), "
        f"{time.strftime('%Y-%m-%d %H:%M')}; {platform.machine()}, {os.cpu_count()} cores, "
        f"Chromium {chromium_version()}; {'commit ' + args.ref if args.ref else 'working tree'}; "
        f"median of {args.runs} run(s), interleaved; {seconds:.0f} s in all"
    )
    if args.json:
        print(json.dumps({"header": header, "rows": rows, "failures": measured["failures"],
                          "seconds": round(seconds, 1), "runs": args.runs}, indent=2))  # fmt: skip
    else:
        print_table(rows, pairs, header, measured["failures"])
    if measured["failures"] and not measured["results"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
