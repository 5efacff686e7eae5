"""The PNG reader the browser tests rely on, checked against chunks made here by the PNG spec."""

from __future__ import annotations

import json
import struct
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "badges"))
import checks  # noqa: E402


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def tiny_png(*extra: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0\0")
    return checks.PNG_SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + b"".join(extra) + chunk(b"IEND", b"")


def itxt(keyword: str, text: str, flag: int = 0, language: bytes = b"") -> bytes:
    return chunk(b"iTXt", keyword.encode("latin-1") + b"\0" + bytes([flag, 0]) + language + b"\0\0" + text.encode())


def test_reads_a_baked_credential() -> None:
    png = tiny_png(itxt("openbadgecredential", json.dumps({"name": "Zoë ✓"})))
    assert checks.png_credential(png) == {"name": "Zoë ✓"}
    assert checks.png_size(png) == (1, 1)


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ((), "expected one"),
        ((itxt("openbadges", "{}"),), "expected one"),
        ((itxt("openbadgecredential", "{}", flag=1),), None),
        ((itxt("openbadgecredential", "{}", language=b"en"),), None),
        ((itxt("openbadgecredential", "{}"), itxt("openbadgecredential", "{}")), "expected one"),
    ],
)
def test_refuses_badly_baked_files(extra: tuple[bytes, ...], problem: str | None) -> None:
    with pytest.raises(AssertionError, match=problem):
        checks.png_credential(tiny_png(*extra))


def test_refuses_a_bad_crc() -> None:
    png = bytearray(tiny_png(itxt("openbadgecredential", "{}")))
    png[-20] ^= 0xFF
    with pytest.raises(AssertionError):
        checks.png_chunks(bytes(png))
