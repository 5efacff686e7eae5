"""CPU time of building the sample course with and without the `course` plugin.

Usage: python bench/build_time.py [--runs 5]
Builds each in this process (tests/site_build.py), alternating the two so that machine noise falls
on both alike, after one untimed build of each, and prints the median CPU time of the process
during each build (steadier than wall clock on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import cpu_build  # noqa: E402


def config_without_plugin(workdir: Path) -> Path:
    from mkdocs.utils.yaml import get_yaml_loader  # understands mkdocs.yml's !ENV tags

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "course" in p) and p != "course"]
    config["docs_dir"] = str(REPO / "content")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    path = workdir / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        configs = {"with course plugin": REPO / "mkdocs.yml", "without (search only)": config_without_plugin(workdir)}
        times: dict[str, list[float]] = {name: [] for name in configs}
        for config in configs.values():  # warm-up: imports and caches of a first build
            cpu_build(config, workdir / "site")
        for _ in range(args.runs):
            for name, config in configs.items():
                times[name].append(cpu_build(config, workdir / "site"))
    print(
        f"mkdocs build of the sample course, CPU time, median of {args.runs} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')})"
    )
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"  {name:24} {median:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times[name])})")
    base = medians["without (search only)"]
    print(
        f"  plugin overhead          {medians['with course plugin'] - base:+6.2f} s  "
        f"({(medians['with course plugin'] / base - 1) * 100:+.0f}%)"
    )


if __name__ == "__main__":
    main()
