"""Vendored browser files: licences present, README hashes and versions true, font coverage exact."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

VENDOR = Path(__file__).parent.parent / "plugins" / "mkdocs_course" / "assets" / "vendor"
README = (VENDOR / "README.md").read_text(encoding="utf-8")
ROWS = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", README, re.M)


def test_readme_lists_every_vendored_file() -> None:
    listed = {path for path, _ in ROWS}
    present = {
        str(p.relative_to(VENDOR))
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name not in {"README.md", "LICENSE", "OFL.txt"}
    }
    assert listed == present


@pytest.mark.parametrize(("path", "digest"), ROWS)
def test_readme_sha256_matches(path: str, digest: str) -> None:
    assert hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("folder", "licence", "words"),
    [
        ("jspdf", "LICENSE", "MIT"),
        ("noto-sans", "OFL.txt", "SIL OPEN FONT LICENSE"),
    ],
)
def test_each_folder_has_its_licence(folder: str, licence: str, words: str) -> None:
    assert words.lower() in (VENDOR / folder / licence).read_text(encoding="utf-8").lower()


def test_jspdf_is_the_version_the_readme_names() -> None:
    head = (VENDOR / "jspdf" / "jspdf.umd.min.js").read_text(encoding="utf-8")[:400]
    assert "Version 4.2.1" in head and "| 4.2.1 |" in README


def test_coverage_is_exactly_what_both_fonts_map() -> None:
    from fontTools.ttLib import TTFont

    ranges = json.loads((VENDOR / "noto-sans" / "coverage.json").read_text(encoding="utf-8"))["ranges"]
    listed = {cp for start, end in ranges for cp in range(start, end + 1)}
    maps = [set(TTFont(VENDOR / "noto-sans" / f"NotoSans-{w}-LGC.ttf").getBestCmap()) for w in ("Regular", "Bold")]
    assert listed == maps[0] & maps[1]
    for ch in "AzÀÿŁőΑωΆЖжЁё€–—“”•·":
        assert ord(ch) in listed, ch
    for ch in "لשक中あ":
        assert ord(ch) not in listed, ch
