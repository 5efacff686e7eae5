"""Times the badge PNG and the statement PDF in headless Chromium; sizes the statement's code.

    python bench/badges.py

Prints the median of 5 runs of each (after one cold run, whose time includes loading jsPDF and
the fonts), and the raw and gzipped bytes the statement adds when the learner asks for it, as a
build publishes them (tests/fixtures/badges/badgesite.py serves a built site's assets).
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "badges"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import badgesite  # noqa: E402
from chromium import launch  # noqa: E402
from static_server import serve  # noqa: E402

RUNS = 5
STATEMENT_FILES = [
    "js/badges/statement-pdf.js",
    "vendor/jspdf/jspdf.umd.min.js",
    "vendor/noto-sans/NotoSans-Regular-LGC.ttf",
    "vendor/noto-sans/NotoSans-Bold-LGC.ttf",
    "vendor/noto-sans/coverage.json",
]
BADGE_FILES = [
    "js/badges/actions.js",
    "js/badges/badge-image.js",
    "js/badges/credential.js",
    "js/badges/eligibility.js",
    "js/badges/png-itxt.js",
    "js/achievements/progress-file.js",
    "js/badges/script-text.js",
    "js/badges/signing.js",
    "js/badges/svg-bake.js",
]

TIME_JS = """async ([what, name]) => {
  const h = window.harness;
  h.setName(name);
  for (const [i, b] of h.courseData.blocks.entries()) h.pass(b.id, 70 + i * 10, `2026-11-2${i + 1}T10:00:00.000Z`);
  const block = h.courseData.blocks[0];
  const t0 = performance.now();
  if (what === "png") {
    await h.actions.makeBadge({ courseData: h.courseData, block, record: h.record,
      svgUrl: h.svgUrlFor(block), credentialUrl: h.credentialUrlFor(block) });
  } else {
    await h.actions.makeStatement({ courseData: h.courseData, record: h.record, name, svgUrlFor: h.svgUrlFor });
  }
  return performance.now() - t0;
}"""


def sizes(assets: Path, files: list[str]) -> tuple[int, int]:
    """Raw and gzipped bytes of `files` as the build publishes them under `assets`."""
    missing = [f for f in files if not (assets / f).is_file()]
    if missing:
        raise SystemExit(f"not published (renamed? update this list): {', '.join(missing)}")
    raw = sum((assets / f).stat().st_size for f in files)
    zipped = sum(len(gzip.compress((assets / f).read_bytes(), 9)) for f in files)
    return raw, zipped


def timings(runs: int = RUNS) -> dict[tuple[str, str], tuple[float, list[float]]]:
    """{(png|pdf, learner name): (cold ms, warm runs in ms)}, measured in one browser."""
    from playwright.sync_api import sync_playwright

    found: dict[tuple[str, str], tuple[float, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = badgesite.build_site(Path(tmp) / "site")
        with serve(site) as base, sync_playwright() as p:
            url = base + "/"
            browser = launch(p)
            try:
                for what, name in (("png", "Zoë Ελένη"), ("pdf", "Zoë Ελένη"), ("pdf", "Layla ليلى 山田")):
                    page = browser.new_page()
                    page.goto(url + "harness.html")
                    page.wait_for_selector("html[data-ready=true]")
                    cold = page.evaluate(TIME_JS, [what, name])
                    found[what, name] = cold, [page.evaluate(TIME_JS, [what, name]) for _ in range(runs)]
                    page.close()
            finally:
                browser.close()
    return found


def main() -> None:
    for (what, name), (cold, warm) in timings().items():
        print(
            f"{what} ({name}): cold {cold:.0f} ms, median of {RUNS} warm {statistics.median(warm):.0f} ms "
            f"(runs: {', '.join(f'{t:.0f}' for t in warm)})"
        )
    with tempfile.TemporaryDirectory() as tmp:
        assets = badgesite.build_site(Path(tmp) / "site") / "assets"
        for label, files in (
            ("statement code + fonts (loaded on request)", STATEMENT_FILES),
            ("badge modules (loaded with the buttons)", BADGE_FILES),
        ):
            raw, zipped = sizes(assets, files)
            print(f"{label}: {raw:,} bytes raw, {zipped:,} gzipped (as published)")


if __name__ == "__main__":
    main()
