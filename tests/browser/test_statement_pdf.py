"""The statement of participation fits one page of the course's paper, and reads in order.

Made on the badge modules' test page (tests/fixtures/badges/harness.html) by pressing its
"Download statement" button, for courses from the sample's size to far past any real one, and
checked with poppler: `pdfinfo` (pages, paper), `pdftotext` with and without `-layout` (the
order of the lines), `pdftotext -bbox-layout` (every word inside the frame, lines top to bottom).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import test_badges_browser

sys.path.insert(0, str(Path(__file__).parent.parent.parent / "plugins"))
from mkdocs_course.badges.text import as_sentence, list_sentence  # noqa: E402

# The badge modules' test page and its site, as the badge tests have them.
badge_site = test_badges_browser.badge_site
badge_url = test_badges_browser.badge_url
harness = test_badges_browser.harness

MM = 72 / 25.4  # points per millimetre
FRAME_MM = 11.5  # the inner line of the frame, from the page's edge
PAPER_POINTS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
LONG_TITLE = (
    "Dealing with job rejection: a practical course on applications, interviews, feedback, resilience "
    "and the long road back to work, with case studies from many sectors"
)
LONG_NAME = " ".join(["Maria-Alexandra Konstantinopoulou-Vanderbilt"] * 7)[:300].strip()
UNBROKEN_NAME = "Zoë" + "x" * 297

CASES = {
    "sample": {},
    "long title": {"title": LONG_TITLE},
    "300-character name": {"name": LONG_NAME},
    "300-character name in one word": {"name": UNBROKEN_NAME},
    "many outcomes": {"outcomes": 20},
    "many blocks with outcomes": {"blocks": 16, "block_outcomes": 3},
    "everything at once": {"title": LONG_TITLE, "name": LONG_NAME, "outcomes": 30, "blocks": 40, "block_outcomes": 3},
}

SETUP_JS = """([course, name]) => {
  const data = harness.courseData;
  if (course.title) data.title = course.title;
  data.locale = course.locale;
  if (course.outcomes !== null) data.outcomes = course.outcomes;
  if (course.blocks) data.blocks = course.blocks;
  const artwork = new URL("badges/not-invited.svg", location.href).href;
  harness.svgUrlFor = () => artwork;
  harness.setName(name);
  data.blocks.forEach((block, i) => {
    const day = String(10 + (i % 14)).padStart(2, "0");
    harness.pass(block.id, 70 + (i % 3) * 10, `2026-11-${day}T10:00:00.000Z`);
  });
}"""


def course_for(case: dict, locale: str) -> dict:
    outcomes = [
        f"outcome {i + 1}: apply what the lessons teach to your own search, step by step"
        for i in range(case.get("outcomes", 0))
    ]
    blocks = None
    if "blocks" in case:
        blocks = [
            {
                "id": f"block-{i + 1}",
                "title": f"Block title {i + 1} about one part of the search",
                "number": i + 1,
                "quizUrl": f"block-{i + 1}/quiz/",
                "outcomes": [f"do thing {j + 1} of block {i + 1}." for j in range(case.get("block_outcomes", 0))],
            }
            for i in range(case["blocks"])
        ]
    return {"title": case.get("title"), "locale": locale, "outcomes": outcomes or None, "blocks": blocks}


def make(page, tmp_path: Path, case: dict, locale: str) -> tuple[Path, dict]:  # type: ignore[no-untyped-def]
    page.evaluate(SETUP_JS, [course_for(case, locale), case.get("name", "Zoë Ångström-Müller")])
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download statement").click()
    assert page.evaluate("harness.error") is None
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(Path(caught.value.path()).read_bytes())
    return pdf, page.evaluate("harness.courseData")


def poppler(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


def in_order(text: str, markers: list[str]) -> None:
    """Each marker is found after the one before it (so the text comes out in this order)."""
    at = 0
    for marker in markers:
        found = text.find(marker, at)
        assert found >= 0, f"{marker!r} not found after position {at}"
        at = found + len(marker)


def reading_order(course: dict, name: str) -> list[str]:
    """What the page shows, top to bottom: the markers the extracted text must keep in order."""
    markers = [course["provider"]["name"], "Statement of participation", "This is to record that", name[:12]]
    markers += [
        "has passed every end-of-block quiz",
        course["title"].split()[0],
        "Last quiz passed on",
        "Blocks passed",
    ]
    markers += ["Block 1:", "Block 2:"]
    if course["outcomes"]:
        markers += ["Learning outcomes", "After studying this course"]
    return markers + ["This statement is not a formal qualification"]


def words_and_lines(pdf: Path) -> tuple[tuple[float, float], list[tuple[float, float, float, float]], list[float]]:
    """Page size, every word's box and every line's top, in the order pdftotext reads them."""
    html = poppler("pdftotext", "-bbox-layout", str(pdf), "-")
    width, height = map(float, re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html).groups())
    number = r'"([\d.]+)"'
    words = [
        tuple(map(float, m))
        for m in re.findall(rf"<word xMin={number} yMin={number} xMax={number} yMax={number}", html)
    ]
    lines = [float(m) for m in re.findall(rf"<line xMin=[^ ]+ yMin={number}", html)]
    return (width, height), words, lines


@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_statement_is_one_page_of_the_locale_paper_and_reads_in_order(
    harness, tmp_path: Path, case: str, locale: str
) -> None:  # type: ignore[no-untyped-def]
    pdf, course = make(harness, tmp_path, CASES[case], locale)
    info = poppler("pdfinfo", str(pdf))
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    paper = "letter" if locale == "en-US" else "a4"
    size = tuple(map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()))
    assert size == pytest.approx(PAPER_POINTS[paper], abs=0.5)
    assert harness.evaluate("harness.last.paper.format") == paper

    (width, height), words, lines = words_and_lines(pdf)
    inside = FRAME_MM * MM
    outside = [w for w in words if w[0] < inside or w[1] < inside or w[2] > width - inside or w[3] > height - inside]
    assert words and not outside, f"{len(outside)} words outside the frame, e.g. {outside[:3]}"
    # pdftotext reads the lines top to bottom (a line may share its top with the one before it).
    assert all(later >= earlier - 1 for earlier, later in zip(lines, lines[1:], strict=False)), lines

    name = CASES[case].get("name", "Zoë Ångström-Müller")
    markers = reading_order(course, name)
    for text in (poppler("pdftotext", str(pdf), "-"), poppler("pdftotext", "-layout", str(pdf), "-")):
        in_order(text, markers)
    plain = " ".join(poppler("pdftotext", str(pdf), "-").split())
    if case != "everything at once":  # that one lists what fits and says how many more
        assert course["title"] in plain
        assert name.replace(" ", "") in plain.replace(" ", "")  # a name in one word breaks across lines
        for block in course["blocks"]:
            assert re.search(rf"Block {block['number']}: {block['title']}\b", plain), block["title"]
        for outcome in course["outcomes"]:
            assert outcome in plain
    else:
        assert re.search(r"\u2026 and \d+ more blocks, each with its badge\.", plain), plain[-600:]


def test_block_outcomes_are_listed_under_their_block(harness, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf, course = make(harness, tmp_path, {"blocks": 3, "block_outcomes": 2}, "en-GB")
    for text in (poppler("pdftotext", str(pdf), "-"), poppler("pdftotext", "-layout", str(pdf), "-")):
        in_order(
            text, [marker for block in course["blocks"] for marker in [f"Block {block['number']}:", *block["outcomes"]]]
        )


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en-GB", "a4"),
        ("en-US", "letter"),
        ("en", "letter"),  # no region: its likeliest, the US (as Intl formats its dates)
        ("en-CA", "letter"),
        ("fr-CA", "letter"),
        ("es-MX", "letter"),
        ("fil-PH", "letter"),
        ("en-PH", "letter"),
        ("es-CL", "letter"),
        ("es-CO", "letter"),
        ("es-PR", "letter"),
        ("es", "a4"),
        ("pt-BR", "a4"),
        ("de-DE", "a4"),
        ("en-AU", "a4"),
        ("en-IN", "a4"),
        ("fr", "a4"),
        ("ja", "a4"),
        ("not a locale", "a4"),  # falls back to the page's language, en-GB
    ],
)
def test_paper_follows_cldr_by_region(harness, locale: str, paper: str) -> None:  # type: ignore[no-untyped-def]
    found = harness.evaluate(
        "async (locale) => (await import('./assets/js/badges/statement-pdf.js')).paperFor(locale).format", locale
    )
    assert found == paper


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en-GB", "23 November 2026"),
        ("en-US", "November 23, 2026"),
        ("de-DE", "23. November 2026"),
        (None, "23 November 2026"),
    ],
)
def test_dates_follow_the_course_locale(harness, locale: str | None, shown: str) -> None:  # type: ignore[no-untyped-def]
    found = harness.evaluate(
        "async (locale) => (await import('./assets/js/dates.js'))"
        ".formatDate(new Date('2026-11-23T10:00:00Z'), locale || undefined)",
        locale,
    )
    assert found == shown


PHRASES = [
    ["a", "b", "c"],
    ["a.", "b.", "c."],
    ["a!", "b?", "c!"],
    ["a?", "b", "c?"],
    ["a;", "b,", "c:"],
    ["Say \u201cyes.\u201d", "then go"],
    ["a\u2026", "b"],
    ["  ", "only."],
    [],
]


def test_the_browser_joins_text_as_the_build_does(harness) -> None:  # type: ignore[no-untyped-def]
    found = harness.evaluate(
        """async (lists) => {
          const { asSentence, listSentence } = await import('./assets/js/badges/sentences.js');
          return lists.map((phrases) => [listSentence(phrases), phrases.map(asSentence)]);
        }""",
        PHRASES,
    )
    assert found == [[list_sentence(phrases), [as_sentence(p) for p in phrases]] for phrases in PHRASES]
    for joined, _ in found:
        assert not re.search(r"[.!?;:,][ \t]*[.!?;:,]", joined), joined
