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

Every word is the course's language: the `credential` area of the messages (messages/catalog.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin

from ..messages.catalog import Messages, site_messages
from ..messages.numbers import percent_text
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
# In English; a course in another language says it in its own (`credential.self_asserted`).
SELF_ASSERTED = site_messages("en")("credential.self_asserted")
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
    messages: Messages | None = None,
) -> dict[str, Any]:
    """The OpenBadgeCredential for one block, less the learner-specific fields (and its issuer: the
    provider here, the learner's key once the browser fills and signs it).

    ``block_url`` and ``image_url`` are relative to the site root (as in the course data);
    they become absolute on ``site_url``. ``image_url`` is left out without ``site_url``, since
    an Open Badges image id must be an absolute URI. ``free``: the author says the course costs
    nothing (the `free` option); only then does the description call it a free course.
    ``block_outcomes``, the block's own (its first page's ``outcomes:``), describe the badge in
    place of the course's ``outcomes`` and are listed in its criteria. ``messages``: the course's
    words (English when not given).
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

    message = messages or site_messages("en")
    titles = {"number": block_number, "block": block_title, "course": course_title}
    summary = as_sentence(block_description or "") or message(
        "credential.summary_free" if free else "credential.summary", **titles, provider=provider_name
    )
    parts = [summary]
    if hours:
        parts.append(message("credential.hours", count=hours))
    parts.append(message("credential.self_asserted"))
    if block_outcomes:
        parts.append(message("credential.block_outcomes", outcomes=list_sentence(block_outcomes)))
    elif outcomes:
        parts.append(message("credential.course_outcomes", outcomes=list_sentence(outcomes)))
    description = " ".join(parts)

    pass_mark_text = percent_text(message.locale, pass_mark)
    narrative = message("credential.narrative", pass_mark=pass_mark_text, number=block_number, block=block_title)
    if block_outcomes:
        # Markdown, as Open Badges 3.0 allows in a narrative: what passing the block stands for.
        items = "\n".join(f"- {outcome.strip()}" for outcome in block_outcomes if outcome.strip())
        narrative += f"\n\n{message('credential.narrative_outcomes')}\n\n{items}"
    achievement: dict[str, Any] = {
        "id": achievement_id(site_url, block_url, course_id, block_id),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": message("credential.achievement_name", **titles),
        "description": description,
        "criteria": {"narrative": narrative},
        "creator": issuer,
        "tag": [course_title, message("credential.block_tag", number=block_number)],
    }
    absolute_image = _absolute(site_url, image_url) if image_url else None
    if absolute_image:
        achievement["image"] = {
            "id": absolute_image,
            "type": "Image",
            "caption": message("credential.image_caption", **titles),
        }

    return {
        "@context": [VC2_CONTEXT, OB3_CONTEXT],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "name": message("credential.name", **titles),
        "description": description,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": achievement,
        },
    }
