"""Open Badges 3.0 credential templates: everything about a block's badge known at build time.

The browser (assets/js/badges/credential.js) fills in what only it knows: ``id``
(a urn:uuid), ``validFrom`` (the date passed), the learner's name in ``credentialSubject`` and
the score as ``evidence``, and makes the credential self-issued: a new key pair made for the badge
(signing.js) names the learner as ``issuer`` and subject (a ``did:key``) and signs the credential
as VC-JWT. The template's ``issuer`` is the course provider, which the browser keeps as the
achievement's ``creator``. A static site holds no signing key of its own (one shipped in its
JavaScript would let anyone mint badges in the provider's name) and no per-learner URL, so the
signature shows only that the badge is unchanged since the learner's browser made it; the
description says that it is self-asserted.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin

from .text import as_sentence, list_sentence

__all__ = [
    "OB3_CONTEXT",
    "SELF_ASSERTED",
    "VC2_CONTEXT",
    "achievement_id",
    "credential_template",
]

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
SELF_ASSERTED = (
    "This is a self-asserted record, made and signed in the learner's own browser: its issuer is the "
    "learner, not the course provider, and its signature shows only that it has not been changed since. "
    "It is not a verified credential: nobody checked who took the quiz, and it is not a formal "
    "qualification or credit."
)
# Fixed namespace, so the same course and block always get the same URN when site_url is unset.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/mkdocs-course/")


def _absolute(site_url: str | None, path: str) -> str | None:
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, path.lstrip("/"))


def _urn(*parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).urn


def achievement_id(site_url: str | None, block_url: str, course_id: str, block_id: str) -> str:
    """The block's page on site_url, or a stable urn:uuid from course and block id without one."""
    return _absolute(site_url, block_url) or _urn("achievement", course_id, block_id)


def credential_template(
    *,
    course_id: str,
    course_title: str,
    block_id: str,
    block_title: str,
    block_number: int,
    block_url: str,
    pass_mark: float,
    provider_name: str,
    provider_url: str | None = None,
    site_url: str | None = None,
    image_url: str | None = None,
    block_description: str | None = None,
    outcomes: Sequence[str] = (),
    block_outcomes: Sequence[str] = (),
    hours: float | None = None,
    free: bool = False,
) -> dict[str, Any]:
    """The OpenBadgeCredential for one block, less the learner-specific fields (and its issuer: the
    provider here, the learner's key once the browser fills and signs it).

    ``block_url`` and ``image_url`` are relative to the site root (as in the course data);
    they become absolute on ``site_url``. ``image_url`` is left out without ``site_url``, since
    an Open Badges image id must be an absolute URI. ``free``: the author says the course costs
    nothing (the `free` option); only then does the description call it a free course.
    ``block_outcomes``, the block's own (its first page's ``outcomes:``), describe the badge in
    place of the course's ``outcomes`` and are listed in its criteria.
    """
    # The caller's mistakes, never an author's: the plugin falls back to the course title (never
    # blank) for the provider, and pass marks are checked where the author writes them.
    if not provider_name.strip():
        raise ValueError("provider_name must name the course provider (the achievement's creator)")
    if not 0 <= pass_mark <= 100:
        raise ValueError(f"pass_mark must be a percentage from 0 to 100, not {pass_mark!r}")

    issuer_id = provider_url or _absolute(site_url, "") or _urn("issuer", course_id)
    issuer: dict[str, Any] = {"id": issuer_id, "type": ["Profile"], "name": provider_name}
    if provider_url:
        issuer["url"] = provider_url

    summary = as_sentence(block_description or "") or (
        f"Awarded for passing the quiz of block {block_number}, \u201c{block_title}\u201d, "
        f"of the {'free ' if free else ''}course \u201c{course_title}\u201d from {provider_name}."
    )
    if hours:
        summary += f" The whole course takes about {hours:g} hours of study."
    description = f"{summary} {SELF_ASSERTED}"
    if block_outcomes:
        description += " Learning outcomes of this block: " + list_sentence(block_outcomes)
    elif outcomes:
        description += " Learning outcomes of the course: " + list_sentence(outcomes)

    narrative = (
        f"Score at least {pass_mark:g}% in the end-of-block quiz of block {block_number}, "
        f"\u201c{block_title}\u201d. The quiz is marked in the learner's browser; no one checks "
        "who answered it."
    )
    if block_outcomes:
        # Markdown, as Open Badges 3.0 allows in a narrative: what passing the block stands for.
        items = "\n".join(f"- {outcome.strip()}" for outcome in block_outcomes if outcome.strip())
        narrative += f"\n\nAfter this block, the learner should be able to:\n\n{items}"
    achievement: dict[str, Any] = {
        "id": achievement_id(site_url, block_url, course_id, block_id),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": f"{course_title}: block {block_number}, {block_title}",
        "description": description,
        "criteria": {"narrative": narrative},
        "creator": issuer,
        "tag": [course_title, f"block {block_number}"],
    }
    absolute_image = _absolute(site_url, image_url) if image_url else None
    if absolute_image:
        achievement["image"] = {
            "id": absolute_image,
            "type": "Image",
            "caption": f"Badge for block {block_number}: {block_title}",
        }

    return {
        "@context": [VC2_CONTEXT, OB3_CONTEXT],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "name": f"{block_title} (block {block_number} of {course_title})",
        "description": description,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": achievement,
        },
    }
