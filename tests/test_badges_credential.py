"""Credential templates: an OpenBadgeCredential per block, complete once the browser fills it."""

from __future__ import annotations

import copy
import sys
import uuid
from pathlib import Path

import jsonschema
import pytest

from mkdocs_course.badges import SELF_ASSERTED, achievement_id, credential_template

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "badges"))
import checks  # noqa: E402

BASE = dict(
    course_id="job-rejection",
    course_title="Dealing with job rejection",
    block_id="not-invited",
    block_title="Not invited to interview",
    block_number=1,
    block_url="not-invited/",
    pass_mark=50,
    provider_name="Open Careers Collective",
)


LEARNER = "did:key:zDnaeWjTmFB3QUVPxpuvrA2PAcxTWHmh5cobBdEJVzpULfEB4"


def filled(template: dict) -> dict:
    """What credential.js adds in the browser (tests/browser checks the real thing, signed)."""
    credential = copy.deepcopy(template)
    credential["id"] = uuid.uuid4().urn
    credential["issuer"] = {"id": LEARNER, "type": ["Profile"], "name": "Zoë"}
    credential["validFrom"] = "2026-11-21T10:00:00Z"
    credential["credentialSubject"] = {
        "id": LEARNER,
        "type": ["AchievementSubject"],
        "achievement": template["credentialSubject"]["achievement"],
        "identifier": [{"type": "IdentityObject", "identityHash": "Zoë", "identityType": "name", "hashed": False}],
    }
    credential["evidence"] = [{"type": ["Evidence"], "name": "Quiz score", "description": "Scored 83%"}]
    return credential


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://courses.example.org/job/", "https://courses.example.org/job/not-invited/"),
        ("https://courses.example.org/job", "https://courses.example.org/job/not-invited/"),
        ("https://courses.example.org/", "https://courses.example.org/not-invited/"),
    ],
)
def test_achievement_id_is_the_block_url_on_site_url(site_url: str, expected: str) -> None:
    template = credential_template(**BASE, site_url=site_url)
    assert template["credentialSubject"]["achievement"]["id"] == expected


def test_without_site_url_the_id_is_a_stable_urn_per_course_and_block() -> None:
    one = achievement_id(None, "not-invited/", "job-rejection", "not-invited")
    assert one.startswith("urn:uuid:") and uuid.UUID(one[9:]).version == 5
    assert one == achievement_id("", "x/", "job-rejection", "not-invited")
    assert one != achievement_id(None, "not-invited/", "job-rejection", "other")
    assert one != achievement_id(None, "not-invited/", "other-course", "not-invited")
    template = credential_template(**BASE)
    assert template["credentialSubject"]["achievement"]["id"] == one
    assert template["issuer"]["id"].startswith("urn:uuid:")
    assert "image" not in template["credentialSubject"]["achievement"]


def test_template_has_issuer_criteria_and_the_self_asserted_statement() -> None:
    template = credential_template(
        **BASE,
        provider_url="https://careers.example.org/",
        site_url="https://c.example.org/",
        image_url="badges/not-invited.svg",
        outcomes=["ask for feedback"],
        hours=6,
    )
    assert template["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert template["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert template["issuer"] == {
        "id": "https://careers.example.org/",
        "type": ["Profile"],
        "name": "Open Careers Collective",
        "url": "https://careers.example.org/",
    }
    achievement = template["credentialSubject"]["achievement"]
    # The provider made the achievement; the browser makes the learner's key the credential's issuer.
    assert achievement["creator"] == template["issuer"]
    assert "50%" in achievement["criteria"]["narrative"]
    assert SELF_ASSERTED in template["description"] and SELF_ASSERTED in achievement["description"]
    assert "not a verified credential" in template["description"]
    assert "its issuer is the learner, not the course provider" in SELF_ASSERTED
    assert "signature shows only that it has not been changed" in SELF_ASSERTED
    assert "ask for feedback" in achievement["description"] and "6 hours" in achievement["description"]
    assert achievement["image"] == {
        "id": "https://c.example.org/badges/not-invited.svg",
        "type": "Image",
        "caption": "Badge for block 1: Not invited to interview",
    }
    assert "Dealing with job rejection" in template["name"] and "Not invited" in template["name"]
    # Learner-specific fields are the browser's.
    for field in ("id", "validFrom", "evidence"):
        assert field not in template
    assert "proof" not in template


def test_the_description_says_what_was_passed_and_calls_the_course_free_only_when_the_author_does() -> None:
    plain = credential_template(**BASE)["description"]
    assert plain.startswith(
        "Awarded for passing the quiz of block 1, \u201cNot invited to interview\u201d, of the course "
        "\u201cDealing with job rejection\u201d from Open Careers Collective."
    )
    assert "free" not in plain
    free = credential_template(**BASE, free=True)
    assert "of the free course \u201cDealing with job rejection\u201d" in free["description"]
    assert free["credentialSubject"]["achievement"]["description"] == free["description"]


@pytest.mark.parametrize("title", ["Tom & Jerry", "<b>bold</b>", "Ελληνικά"])
def test_titles_are_kept_as_plain_text(title: str) -> None:
    template = credential_template(**{**BASE, "block_title": title, "course_title": title})
    assert title in template["name"]


@pytest.mark.parametrize(("field", "value"), [("provider_name", " "), ("pass_mark", 101), ("pass_mark", -1)])
def test_bad_settings_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValueError):
        credential_template(**{**BASE, field: value})


@pytest.mark.parametrize("site_url", [None, "https://c.example.org/"])
def test_filled_template_meets_the_open_badges_3_schema(site_url: str | None) -> None:
    checks.validate(filled(credential_template(**BASE, site_url=site_url, image_url="badges/b.svg")))


@pytest.mark.parametrize(
    "breakage",
    [
        lambda c: c.pop("validFrom"),
        lambda c: c.pop("issuer"),
        lambda c: c.pop("name"),
        lambda c: c.pop("id"),
        lambda c: c["@context"].pop(),
        lambda c: c["type"].remove("OpenBadgeCredential"),
        lambda c: c["issuer"].pop("type"),
        lambda c: c["credentialSubject"]["achievement"].pop("criteria"),
        lambda c: c["credentialSubject"]["achievement"].pop("description"),
        lambda c: c["credentialSubject"]["achievement"]["criteria"].pop("narrative"),
        lambda c: c["credentialSubject"].pop("type"),
        lambda c: c.__setitem__("validFrom", "21 November 2026"),
    ],
)
def test_the_schema_catches_a_missing_required_field(breakage) -> None:  # type: ignore[no-untyped-def]
    credential = filled(credential_template(**BASE))
    breakage(credential)
    with pytest.raises(jsonschema.ValidationError):
        checks.validate(credential)


def test_a_course_in_another_language_writes_its_credential_in_that_language() -> None:
    from mkdocs_course.messages.catalog import check_overrides, site_messages

    words = {
        "credential.summary": "مُنحت لاجتياز اختبار الوحدة {number}، «{block}»، من الدورة «{course}».",
        "credential.achievement_name": "{course}: الوحدة {number}، {block}",
        "credential.narrative": "أحرز {pass_mark} على الأقل في اختبار الوحدة {number}.",
    }
    messages = site_messages("ar", "ar", check_overrides(words))
    template = credential_template(**BASE, messages=messages)
    achievement = template["credentialSubject"]["achievement"]
    assert achievement["name"] == "Dealing with job rejection: الوحدة 1، Not invited to interview"
    assert template["description"].startswith("مُنحت لاجتياز اختبار الوحدة 1، «Not invited to interview»")
    assert achievement["criteria"]["narrative"].startswith("أحرز 50") and "%" in achievement["criteria"]["narrative"]
    checks.validate(filled(template))
