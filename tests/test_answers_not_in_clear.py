"""No file of a built site gives the answers away: no correct option or accepted answer in clear
next to a marker of correctness (search_index.json and the quiz payloads included)."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from site_build import build

TESTS = Path(__file__).parent
PROJECTS = {"fixture": TESTS / "fixtures" / "course", "sample": TESTS.parent}
# Structural markers of correctness (a key, an attribute, a class), not prose such as "accept it".
MARKER = re.compile(
    r"""["'](correct|is_?correct|accept(ed)?|answers?|solution)["']\s*:"""
    r"""|\b(correct|accept(ed)?|answer)\s*[:=]\s*(true|false|\[|["'])"""
    r"""|data-(correct|answer)|\bclass="[^"]*\bcorrect\b""",
    re.IGNORECASE,
)
WINDOW = 200


def _shipped() -> set[bytes]:
    import material

    import mkdocs_course
    from mkdocs_course.assets import WIDGET_MODULES, package_assets, widget_bundle
    from mkdocs_course.minify import minified_file

    roots = [Path(material.__file__).parent / "templates", Path(mkdocs_course.__file__).parent / "assets"]
    shipped = {p.read_bytes() for root in roots for p in root.rglob("*") if p.is_file()}
    # A build publishes the plugin's own JS and CSS minified, and each widget module bundled.
    shipped |= {minified_file(a.path).encode() for a in package_assets() if a.minifiable}
    return shipped | {widget_bundle(path).encode() for path in WIDGET_MODULES}


SHIPPED = _shipped()


def answers(project: Path) -> list[str]:
    """Every correct option text and accepted answer of the project's quizzes, as the author wrote them."""
    found: list[str] = []
    for path in sorted((project / "quizzes").glob("*.yml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            for variant in [question, *question.get("variants", [])]:
                found += [o["text"] for o in variant.get("options", []) if o.get("correct")]
                found += [str(a) for a in variant.get("accept", [])]
    return [" ".join(a.split()) for a in found if len(a.strip()) >= 4]


def readable(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None
    # Read what a person would: HTML entities and JSON escapes decoded, white space collapsed.
    text = html.unescape(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text))
    return " ".join(text.split())


@pytest.mark.parametrize("name", list(PROJECTS))
def test_no_answer_in_clear_next_to_a_marker(name, tmp_path):
    project = PROJECTS[name]
    build(project, tmp_path / "site")
    secrets = answers(project)
    assert secrets, "the quizzes have correct answers to look for"
    # Files copied unchanged from mkdocs-material or from the plugin's package are the same on
    # every site and hold no answers (common words such as "results" occur in their code).
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file() and p.read_bytes() not in SHIPPED]
    assert any(p.name == "search_index.json" for p in files)
    leaks = []
    for path in files:
        text = readable(path)
        if text is None:
            continue
        lowered = text.lower()
        for secret in secrets:
            for match in re.finditer(rf"\b{re.escape(secret.lower())}\b", lowered):
                around = text[max(0, match.start() - WINDOW) : match.end() + WINDOW]
                if MARKER.search(around):
                    leaks.append(f"{path.relative_to(tmp_path)}: {secret!r} near {MARKER.search(around).group()!r}")
    assert leaks == []


def test_quiz_payload_has_only_hashes(tmp_path):
    build(PROJECTS["fixture"], tmp_path / "site")
    page = (tmp_path / "site" / "alpha" / "quiz" / "index.html").read_text(encoding="utf-8")
    payload = json.loads(html.unescape(re.search(r'class="course-quiz__data">(.*?)</', page, re.DOTALL).group(1)))
    for question in payload["questions"]:
        for variant in question["variants"]:
            # The questions' text is in the page's HTML (templates/quiz.html); the data holds no text.
            assert set(variant) == {"key", "feedbackSealed", "explanationSealed", "answerHashes"}
            # Every option's feedback is sealed to one length: none stands out, empty or not.
            assert len({len(sealed) for sealed in variant["feedbackSealed"]}) <= 1
            assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in variant["answerHashes"])
    search = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Which planet do we live on" not in search  # the quiz is left out of search


@pytest.fixture(autouse=True)
def _clean(tmp_path):
    yield
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
