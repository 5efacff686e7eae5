"""Credentials on a built course, as a learner gets them from the achievements page: the badge PNG
(square, its title legible at the size the page shows it), the notice on a badge made before a
name is entered, and the one-page statement on the course locale's paper with each block's own
outcomes. Passes are written to localStorage first (the record the quiz writes); the quiz itself
is tested elsewhere."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.request import urlopen

import pytest
from helpers import answer_alpha, block_card, check_answers, result, seed_record, serious_problems
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).parent.parent / "fixtures" / "badges"))
import checks  # noqa: E402

PASSES = {
    "alpha": {"bestScore": 100, "passed": True, "passedAt": "2026-11-21T10:00:00.000Z", "attempts": 1},
    "beta": {"bestScore": 50, "passed": True, "passedAt": "2026-11-23T10:00:00.000Z", "attempts": 2},
}
ALPHA_OUTCOMES = ["Name the capital of France.", "Say what colour the sky is on a clear day!"]


def with_outcomes_and_locale(locale: str):  # type: ignore[no-untyped-def]
    def edit(project: Path) -> None:
        page = project / "content" / "alpha" / "index.md"
        items = "".join(f"  - {outcome}\n" for outcome in ALPHA_OUTCOMES)
        page.write_text(f"---\noutcomes:\n{items}---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("      id: fixture\n", f"      id: fixture\n      locale: {locale}\n"), "utf-8")

    return edit


@pytest.fixture(scope="module")
def uk_site(build_site) -> str:  # type: ignore[no-untyped-def]
    return build_site("credentials-uk", edit=with_outcomes_and_locale("en-GB"))


@pytest.fixture(scope="module")
def us_site(build_site) -> str:  # type: ignore[no-untyped-def]
    return build_site("credentials-us", edit=with_outcomes_and_locale("en-US"))


def download(page: Page, control) -> bytes:  # type: ignore[no-untyped-def]
    with page.expect_download() as caught:
        control.click()
    return Path(caught.value.path()).read_bytes()


def test_a_badge_made_before_a_name_says_where_to_add_one(learner: Page, uk_site: str) -> None:
    page = learner
    seed_record(page, uk_site, {"alpha": PASSES["alpha"]})
    page.goto(uk_site + "achievements/")
    alpha = block_card(page, "Alpha")
    # Keyboard only: the download, then the notice's link to the name field.
    button = alpha.get_by_role("button", name="Download badge")
    button.focus()
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    png = Path(caught.value.path()).read_bytes()
    assert checks.png_size(png) == (900, 900)
    credential = checks.png_credential(png)
    assert "identifier" not in credential["credentialSubject"] and credential["issuer"]["name"] == "Learner"
    notice = alpha.get_by_text("This badge has no name on it.")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("field on this page, then download the badge again.")
    # (The focused button's own focus colours are material's, checked by the page-wide sweeps.)
    page.evaluate("document.activeElement.blur()")
    # The fixture has one (light) palette: dark is checked on the sample course, whose palette has both.
    assert serious_problems(page) == []
    link = alpha.get_by_role("link", name="Name to print on your statement")
    link.focus()
    page.keyboard.press("Enter")
    field = page.get_by_label("Name to print on your statement")
    expect(field).to_be_focused()
    page.keyboard.type("Zoë Ångström")
    # Named now: the next badge carries the name, and the notice is gone.
    credential = checks.png_credential(download(page, alpha.get_by_role("button", name="Download badge")))
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Zoë Ångström"
    expect(alpha.get_by_text("This badge has no name on it.")).to_have_count(0)


def test_a_badge_from_the_quiz_page_without_a_name_points_to_the_achievements_page(learner: Page, uk_site: str) -> None:
    page = learner
    page.goto(uk_site + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    offer = result(page).locator(".course-quiz__next")
    png = download(page, offer.get_by_role("button", name="Download badge"))
    assert "identifier" not in checks.png_credential(png)["credentialSubject"]
    expect(offer.get_by_text("This badge has no name on it.")).to_contain_text("field on the achievements page")
    offer.get_by_role("link", name="Name to print on your statement").click()
    expect(page).to_have_url(re.compile(r"/achievements/#course-statement-heading$"))
    expect(page.get_by_label("Name to print on your statement")).to_be_visible()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_the_badge_title_is_legible_at_the_size_shown(learner: Page, uk_site: str, width: int, height: int) -> None:
    page = learner
    page.set_viewport_size({"width": width, "height": height})
    seed_record(page, uk_site, {"alpha": PASSES["alpha"]})
    page.goto(uk_site + "achievements/")
    image = block_card(page, "Alpha").get_by_role("img", name="Badge earned: Alpha")
    expect(image).to_be_visible()
    shown = image.evaluate("img => img.getBoundingClientRect().width")
    svg = ET.fromstring(urlopen(image.evaluate("img => img.src")).read())  # noqa: S310 (the local test server)
    texts = list(svg.iter("{http://www.w3.org/2000/svg}text"))
    title = texts[-1]
    assert "".join(title.itertext()).startswith("Alpha")
    assert int(title.get("font-size")) * shown / 600 >= 12, shown


def pdf_facts(pdf: bytes, tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return info, " ".join(text.split())


@pytest.mark.parametrize(
    ("locale", "paper", "date"), [("en-GB", "A4", "23 November 2026"), ("en-US", "letter", "November 23, 2026")]
)
def test_the_statement_is_one_page_of_the_course_locale_paper_with_block_outcomes(  # type: ignore[no-untyped-def]
    learner: Page, request, tmp_path: Path, locale: str, paper: str, date: str
) -> None:
    page = learner
    site = request.getfixturevalue("uk_site" if locale == "en-GB" else "us_site")
    seed_record(page, site, PASSES, name="Zoë Ångström")
    page.goto(site + "achievements/")
    statement = page.get_by_role("region", name="Statement of participation")
    pdf = download(page, statement.get_by_role("button", name="Download statement"))
    info, text = pdf_facts(pdf, tmp_path)
    assert re.search(r"^Pages:\s+1$", info, re.M) and f"({paper})" in info, info
    assert f"Last quiz passed on {date}" in text
    at = text.index("Block 1: Alpha")
    assert at < text.index(ALPHA_OUTCOMES[0]) < text.index(ALPHA_OUTCOMES[1]) < text.index("Block 2: Beta")
