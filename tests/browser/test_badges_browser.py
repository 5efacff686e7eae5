"""Badges, statement and learner record in Debian's Chromium, checked from the downloaded files.

The badge modules run on a small static page (tests/fixtures/badges/harness.html) served from
127.0.0.1 with the plugin's real assets and artwork and credential templates made by
mkdocs_course.badges. Downloads are caught with Playwright's download event.
"""

from __future__ import annotations

import base64
import json
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from cryptography.exceptions import InvalidSignature

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
def badge_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The test site's folder and its URL."""
    site = badgesite.build_site(tmp_path_factory.mktemp("badges") / "site")
    with serve(site) as url:
        yield site, url + "/"


@pytest.fixture(scope="module")
def badge_url(badge_site: tuple[Path, str]) -> str:
    return badge_site[1]


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
    """A badge's credential, read by checks.jws_credential (which checked its JWS and signature)."""
    checks.validate(credential)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["id"] == COURSE["siteUrl"] + "not-invited/"
    assert "Not invited to interview" in achievement["name"] and COURSE["title"] in achievement["name"]
    # Self-issued: the learner's own key is the issuer and the subject; the provider made the achievement.
    learner = credential["issuer"]["id"]
    assert learner.startswith("did:key:z") and credential["credentialSubject"]["id"] == learner
    assert credential["issuer"] == {"id": learner, "type": ["Profile"], "name": name}
    assert achievement["creator"] == {
        "id": COURSE["provider"]["url"],
        "type": ["Profile"],
        "name": COURSE["provider"]["name"],
        "url": COURSE["provider"]["url"],
    }
    assert credential["validFrom"] == "2026-11-21T10:00:00Z"
    assert credential["id"].startswith("urn:uuid:")
    assert "70%" in credential["evidence"][0]["description"]
    assert "50%" in achievement["criteria"]["narrative"]
    assert "self-asserted" in credential["description"] and "not a verified credential" in credential["description"]
    assert "its issuer is the learner" in credential["description"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == name
    assert "proof" not in credential  # VC-JWT: the JWS around the credential is its proof


def test_png_badge_for_a_passed_block_carries_its_credential(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "Zoë Ελένη", BLOCKS[:1])
    png = download(harness, "#download-png")
    width, height = checks.png_size(png)
    assert width >= 600 and height >= 600
    check_credential(checks.png_credential(png), "Zoë Ελένη")
    assert harness.evaluate("harness.last.filename") == "job-rejection-block-1-badge.png"


def test_a_learner_without_a_name_issues_the_badge_as_learner(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, "", BLOCKS[:1])
    credential = checks.png_credential(download(harness, "#download-png"))
    checks.validate(credential)
    assert credential["issuer"]["name"] == "Learner" and credential["issuer"]["id"].startswith("did:key:z")
    assert "identifier" not in credential["credentialSubject"]
    assert harness.evaluate("harness.last.token.split('.').length") == 3


def test_svg_badge_embeds_the_credential_and_sets_the_name_as_text(harness) -> None:  # type: ignore[no-untyped-def]
    pass_blocks(harness, XSS, BLOCKS[:1])
    svg = download(harness, "#download-svg").decode("utf-8")
    check_credential(checks.svg_credential(svg), XSS)
    # The name is escaped text (the credential is base64url in an attribute): no element but the SVG's own.
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg and "<img" not in svg
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("img")]
    assert XSS in ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    png = download(harness, "#download-png")
    assert checks.png_credential(png)["credentialSubject"]["identifier"][0]["identityHash"] == XSS
    assert harness.locator("#learner-name").inner_text() == XSS


def verify(badge: Path, recipient: str) -> tuple[int, dict]:
    """openbadgeslib's openbadges-verifier on a badge file, resolving its issuer's did:key offline
    (the module the console script runs, so that it is this Python's)."""
    command = [sys.executable, "-m", "openbadgeslib.openbadges_verifier", "-i", str(badge), "-r", recipient]
    command += ["-V", "3", "--resolve-did", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, json.loads(done.stdout)


def with_token(png: bytes, token: str) -> bytes:
    """The PNG with its openbadgecredential chunk's text replaced (chunk CRC made right again)."""
    out = [checks.PNG_SIGNATURE]
    for kind, body in checks.png_chunks(png):
        if kind == b"iTXt" and body.startswith(b"openbadgecredential\0"):
            body = b"openbadgecredential\0\0\0\0\0" + token.encode()
        out.append(struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body)))
    return b"".join(out)


def test_an_open_badges_verifier_finds_the_signature_valid_and_the_issuer_self_asserted(  # type: ignore[no-untyped-def]
    harness, tmp_path: Path
) -> None:
    pass_blocks(harness, "Zoë", BLOCKS[:1])
    png = download(harness, "#download-png")
    svg = download(harness, "#download-svg")
    token = checks.png_text(png)
    baked = {"badge.png": (png, checks.jws_credential(token)), "badge.svg": (svg, checks.svg_credential(svg.decode()))}
    assert baked["badge.png"][1]["iss"] != baked["badge.svg"][1]["iss"]  # a new key for every badge
    for filename, (data, credential) in baked.items():
        (tmp_path / filename).write_bytes(data)
        code, report = verify(tmp_path / filename, credential["sub"])
        # Exit status 2: the signature is valid, but a did:key anchors no one (it is the learner's own).
        assert (code, report["valid"], report["trusted"]) == (2, True, False), report
        assert report["proof_format"] == "vc-jwt" and report["issuer_did"] == credential["iss"]
        assert "self-asserted" in report["reason"] and report["issuer"] == "Zoë"
        assert report["achievement"] == credential["credentialSubject"]["achievement"]["name"]

    # One byte of the payload changed (a better score), the signature kept: the verifier refuses it.
    header, payload, signature = token.split(".")
    claimed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    assert claimed.count(b"Scored 70%") == 1
    forged = base64.urlsafe_b64encode(claimed.replace(b"Scored 70%", b"Scored 90%")).rstrip(b"=").decode()
    with pytest.raises(InvalidSignature):
        checks.jws_credential(f"{header}.{forged}.{signature}")
    tampered = tmp_path / "tampered.png"
    tampered.write_bytes(with_token(png, f"{header}.{forged}.{signature}"))
    code, report = verify(tampered, baked["badge.png"][1]["sub"])
    assert (code, report["valid"], report["trusted"]) == (1, False, False), report
    assert report["reason"] == "OB3 verification failed: Invalid signature"


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
    said = " ".join(text.split())
    assert f"has passed every end-of-block quiz of the course {COURSE['title']} Last quiz passed on 23" in said
    assert "completed" not in said and "free" not in said  # passes are all it rests on; cost is the author's to say
    assert "not a formal qualification" in said and "nobody verified" in said
    assert "about 6 hours" in text and COURSE["outcomes"][0] in said


def test_statement_calls_the_course_free_only_when_the_author_does(harness) -> None:  # type: ignore[no-untyped-def]
    harness.evaluate("harness.courseData.free = true")
    said = " ".join(pdf_text(statement(harness, "Sam")[0]).split())
    assert f"has passed every end-of-block quiz of the free course {COURSE['title']}" in said
    assert "completed" not in said


AUTHOR_ART = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">'
    "<style>.ring { stroke: url(#shine) }</style>"
    '<defs><linearGradient id="shine"><stop offset="0" stop-color="#ff0000"/></linearGradient>'
    '<circle id="dot" r="4" fill="#00ff00"/></defs>'
    '<rect width="100" height="100" fill="url(#shine)"/>'
    '<circle class="ring" cx="50" cy="50" r="45" fill="none" stroke-width="2"/>'
    '<use href="#dot" x="50" y="90"/><use xlink:href="#dot" x="10" y="90"/>'
    '<image width="4" height="4" href="data:image/png;base64,'
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>'
    "</svg>"
)
FOREIGN_ART = AUTHOR_ART.replace("</svg>", '<foreignObject width="10" height="10"><p>Hi</p></foreignObject></svg>')
PIXEL_AT = """async ([bytes, x, y]) => {
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: "image/png" }));
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext("2d");
  context.drawImage(bitmap, 0, 0);
  return Array.from(context.getImageData(x, y, 1, 1).data);
}"""


def test_author_svg_the_build_accepts_draws_into_the_png_badge_and_the_statement(harness, badge_site) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_course.badges import badge_svg
    from mkdocs_course.badges.images import image_data_uri

    site, _ = badge_site
    (site / "author-art.svg").write_text(AUTHOR_ART, encoding="utf-8")
    artwork = image_data_uri(site / "author-art.svg", "author-art.svg", "badges.not-invited.image")  # accepted
    (site / "badges" / "author-badge.svg").write_text(badge_svg(COURSE["title"], "Art", 1, None, artwork), "utf-8")
    harness.evaluate("harness.svgUrlFor = () => new URL('badges/author-badge.svg', location.href).href")
    pass_blocks(harness, "Sam")
    png = download(harness, "#download-png")
    assert checks.png_credential(png)["credentialSubject"]["identifier"][0]["identityHash"] == "Sam"
    # The author's red fills the medal above the ribbon: (360, 240) is in the medal of the 900-pixel square.
    red, green, blue, alpha = harness.evaluate(PIXEL_AT, [list(png), 360, 240])
    assert red > 200 and green < 60 and blue < 60 and alpha == 255
    assert pdf_text(download(harness, "#download-statement")).count("Block") >= 3


def test_author_svg_the_build_refuses_would_break_the_download(harness, badge_site) -> None:  # type: ignore[no-untyped-def]
    """Why badges/drawable.py refuses <foreignObject>: this browser will not export what drew it."""
    from mkdocs_course.badges import badge_svg
    from mkdocs_course.badges.drawable import svg_problems

    site, _ = badge_site
    assert any("<foreignObject>" in problem for problem in svg_problems(FOREIGN_ART.encode()))
    artwork = "data:image/svg+xml;base64," + base64.b64encode(FOREIGN_ART.encode()).decode()
    (site / "badges" / "foreign-badge.svg").write_text(badge_svg(COURSE["title"], "Art", 1, None, artwork), "utf-8")
    harness.evaluate("harness.svgUrlFor = () => new URL('badges/foreign-badge.svg', location.href).href")
    pass_blocks(harness, "Sam", BLOCKS[:1])
    harness.click("#download-png")
    harness.wait_for_function("harness.error !== null")
    assert "Tainted canvases may not be exported" in harness.evaluate("harness.error")


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
    drawn = ink.browser_ink(harness, name, round(box["size"] * DPI / 72), "./assets/js/badges/script-text.js")
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
