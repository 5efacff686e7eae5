"""Badges, statement and learner record in Debian's Chromium, checked from the downloaded files.

The badge modules run on a small static page (tests/fixtures/badges/harness.html) served from
127.0.0.1 with the plugin's real assets and artwork and credential templates made by
mkdocs_course.badges. Downloads are caught with Playwright's download event.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "fixtures" / "badges"))
import badgesite  # noqa: E402
import checks  # noqa: E402
import ink  # noqa: E402
from static_server import serve  # noqa: E402

COURSE = badgesite.COURSE
BLOCKS = COURSE["blocks"]
XSS = "<img src=x onerror=alert(1)>"
DPI = 150


@pytest.fixture(scope="module")
def badge_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = badgesite.build_site(tmp_path_factory.mktemp("badges") / "site")
    with serve(site) as url:
        yield url + "/"


@pytest.fixture()
def harness(browser, badge_url: str):  # type: ignore[no-untyped-def]
    """The test page, ready; page.dialogs and page.errors collect what must never happen."""
    context = browser.new_context(accept_downloads=True, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.requests = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(badge_url + "harness.html")
    page.wait_for_selector("html[data-ready=true]")
    yield page
    assert page.dialogs == [] and page.errors == []
    context.close()


def pass_blocks(page, name: str, blocks=BLOCKS) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("n => harness.setName(n)", name)
    for i, block in enumerate(blocks):
        page.evaluate(
            "([id, s, d]) => harness.pass(id, s, d)", [block["id"], 70 + i * 10, f"2026-11-2{i + 1}T10:00:00.000Z"]
        )


def download(page, button: str) -> bytes:  # type: ignore[no-untyped-def]
    with page.expect_download() as caught:
        page.click(button)
    path = caught.value.path()
    assert page.evaluate("harness.error") is None
    return Path(path).read_bytes()


def check_credential(credential: dict, name: str) -> None:
    checks.validate(credential)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["id"] == COURSE["siteUrl"] + "not-invited/"
    assert "Not invited to interview" in achievement["name"] and COURSE["title"] in achievement["name"]
    assert credential["issuer"]["name"] == COURSE["provider"]["name"]
    assert credential["validFrom"] == "2026-11-21T10:00:00Z"
    assert credential["id"].startswith("urn:uuid:")
    assert "70%" in credential["evidence"][0]["description"]
    assert "50%" in achievement["criteria"]["narrative"]
    assert "self-asserted" in credential["description"] and "not a verified credential" in credential["description"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == name
    assert "proof" not in credential


def test_png_badge_for_a_passed_block_carries_its_credential(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Zoë Ελένη", BLOCKS[:1])
    png = download(harness, "#download-png")
    width, height = checks.png_size(png)
    assert width >= 600 and height >= 600
    check_credential(checks.png_credential(png), "Zoë Ελένη")
    assert harness.evaluate("harness.last.filename") == "job-rejection-block-1-badge.png"


def test_svg_badge_embeds_the_credential_and_sets_the_name_as_text(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, XSS, BLOCKS[:1])
    svg = download(harness, "#download-svg").decode("utf-8")
    check_credential(checks.svg_credential(svg), XSS)
    # Outside the credential's CDATA the name is escaped text: no element but the SVG's own.
    outside = svg.split("<![CDATA[")[0] + svg.split("]]>", 1)[1]
    assert "&lt;img src=x onerror=alert(1)&gt;" in outside and "<img" not in outside
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("img")]
    assert XSS in ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    png = download(harness, "#download-png")
    assert checks.png_credential(png)["credentialSubject"]["identifier"][0]["identityHash"] == XSS
    assert harness.locator("#learner-name").inner_text() == XSS


def test_no_badge_for_a_block_not_passed(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Sam", BLOCKS[1:2])
    harness.click("#download-png")
    harness.wait_for_function("harness.error !== null")
    assert "not passed" in harness.evaluate("harness.error")


def test_no_statement_until_every_block_is_passed(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Sam", BLOCKS[:2])
    harness.click("#download-statement")
    harness.wait_for_function("harness.error !== null")
    assert "every block" in harness.evaluate("harness.error")
    assert not any("jspdf" in url or "statement-pdf" in url for url in harness.requests)


def statement(page, name: str) -> tuple[bytes, dict]:  # type: ignore[no-untyped-def]
    pass_blocks(page, name)
    pdf = download(page, "#download-statement")
    return pdf, page.evaluate("harness.last.boxes")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


@pytest.mark.parametrize("name", ["Zoë Ångström-Müller", "Ελένη Παπαδοπούλου", "Мария Иванова", XSS])
def test_statement_text_names_course_learner_and_blocks(harness, name: str) -> None:  # type: ignore[no-untyped-def]
    pdf, boxes = statement(harness, name)
    text = pdf_text(pdf)
    assert COURSE["title"] in text and "Statement of participation" in text and COURSE["provider"]["name"] in text
    assert name in text and boxes["name"]["image"] is False
    for block in BLOCKS:
        assert block["title"] in text
    for score in ("70%", "80%", "90%"):
        assert score in text
    assert "23 November 2026" in text  # completed: the last pass
    assert "not a formal qualification" in text and "nobody verified" in text
    assert "about 6 hours" in text and COURSE["outcomes"][0] in text


@pytest.mark.parametrize(
    ("name", "real_text"),
    [
        ("ليلى حسن", None),
        ("Layla ליאור כהן", "Layla"),
        ("प्रिया शर्मा", None),
        ("王小明", None),
        ("山田 花子", None),
        ("Zoë 山田", "Zoë"),
    ],
)
def test_statement_shows_names_in_other_scripts(harness, name: str, real_text: str | None) -> None:  # type: ignore[no-untyped-def]
    pdf, boxes = statement(harness, name)
    box = boxes["name"]
    assert box["image"] is True and box["page"] == 1
    in_pdf = ink.dark_pixels(ink.render_gray(pdf, DPI), box, DPI)
    drawn = ink.browser_ink(harness, name, round(26 * DPI / 72), "./assets/js/badges/script-text.js")
    assert drawn > 150, "the browser drew no glyphs: is the font for this script installed?"
    assert 0.6 < in_pdf / drawn < 1.6, (in_pdf, drawn)
    text = pdf_text(pdf)
    assert COURSE["title"] in text
    if real_text:
        assert real_text in text


def test_statement_code_and_fonts_load_only_when_asked(harness, badge_url: str) -> None:  # type: ignore[no-untyped-def]
    heavy = ("statement-pdf.js", "jspdf", "noto-sans")
    harness.goto(badge_url + "other.html")
    harness.wait_for_selector("html[data-ready=true]")
    harness.goto(badge_url + "harness.html")
    harness.wait_for_selector("html[data-ready=true]")
    pass_blocks(harness, "Sam", BLOCKS[:1])
    download(harness, "#download-png")
    assert not [url for url in harness.requests if any(h in url for h in heavy)]
    statement(harness, "Sam")
    loaded = [url for url in harness.requests if any(h in url for h in heavy)]
    assert len(loaded) == 5, loaded  # the module, jsPDF, two fonts and their coverage


def test_save_and_restore_progress_merges_without_losing_a_pass(harness, badge_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Sam", BLOCKS[:2])
    saved = json.loads(download(harness, "#save-progress"))
    assert saved["format"] == "mkdocs-course-record" and saved["courseId"] == COURSE["courseId"]
    assert saved["record"]["blocks"]["not-invited"]["passed"] is True
    # This browser has passed block 3 only, with block 1 failed at 30%.
    harness.reload()
    harness.wait_for_selector("html[data-ready=true]")
    harness.evaluate("""() => { harness.pass('moving-on', 90, '2026-11-25T10:00:00.000Z');
        harness.record.blocks['not-invited'] = {bestScore: 30, passed: false, attempts: 3}; }""")
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(saved), encoding="utf-8")
    harness.set_input_files("#restore-progress", str(file))
    harness.wait_for_function("document.getElementById('message').textContent.startsWith('Progress restored')")
    blocks = harness.evaluate("harness.record.blocks")
    assert blocks["moving-on"]["passed"] is True  # kept
    assert blocks["not-invited"] == {
        "bestScore": 70,
        "passed": True,
        "attempts": 3,
        "passedAt": "2026-11-21T10:00:00.000Z",
    }
    assert blocks["after-interview"]["passed"] is True
    assert harness.evaluate("harness.record.name") == "Sam"  # the browser had none: the file's is used


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"hello": "world"}', "not a progress record"),
        ("not json at all", "not a progress record"),
        (
            '{"format": "mkdocs-course-record", "version": 1, "courseId": "other", "courseTitle": "Baking", '
            '"record": {"blocks": {}}}',
            "for \u201cBaking\u201d",
        ),
        (
            '{"format": "mkdocs-course-record", "version": 1, "courseId": "job-rejection", '
            '"record": {"version": 7, "blocks": {}}}',
            "does not know",
        ),
        ("[" * 100_000, "not a progress record"),
        ("x" * (5 * 1024 * 1024), "5.0 MB"),
    ],
)
def test_restore_refuses_what_is_not_a_record(harness, tmp_path: Path, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Sam", BLOCKS[:1])
    file = tmp_path / "file.json"
    file.write_text(content, encoding="utf-8")
    harness.set_input_files("#restore-progress", str(file))
    harness.wait_for_function("harness.error !== null")
    assert message in harness.locator("#message").inner_text()
    assert harness.evaluate("harness.record.blocks['not-invited'].passed") is True


def test_restore_sets_a_damaged_block_aside_and_keeps_the_pass(harness, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Sam", BLOCKS[:1])
    file = tmp_path / "file.json"
    damaged = {"not-invited": {"passed": "yes"}, "after-interview": {"passed": True, "bestScore": 90, "passedAt": 1}}
    file.write_text(
        json.dumps(
            {
                "format": "mkdocs-course-record",
                "version": 1,
                "courseId": "job-rejection",
                "record": {"version": 1, "blocks": damaged},
            }
        ),
        encoding="utf-8",
    )
    harness.set_input_files("#restore-progress", str(file))
    harness.wait_for_function("document.getElementById('message').textContent.startsWith('Progress restored')")
    assert "2 parts set aside" in harness.locator("#message").inner_text()
    record = harness.evaluate("harness.record")
    assert record["blocks"]["not-invited"]["passed"] is True
    assert record["blocks"].get("after-interview", {}).get("passed") is not True
    assert sorted(part["block"] for part in record["setAside"]) == ["after-interview", "not-invited"]
