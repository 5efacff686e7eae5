"""The badge files a site publishes for each block: its artwork and its credential template."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..course.model import Block, CourseSettings
from ..course.urls import badge_url, credential_url
from .artwork import badge_svg
from .credential import credential_template
from .images import image_data_uri


@dataclass(frozen=True)
class BadgeLook:
    """What an author may set for a block's badge in mkdocs.yml."""

    colour: str | None = None
    image: Path | None = None
    image_shown: str = ""  # the image's path as the author wrote it, for messages


def badge_documents(
    settings: CourseSettings, blocks: list[Block], looks: dict[str, BadgeLook], site_url: str
) -> list[tuple[str, str]]:
    """(URI in the site, content) of every block's badge SVG and credential template.

    Raises CourseError for an author's colour or image that a badge cannot use."""
    documents = []
    for block in blocks:
        look = looks.get(block.id, BadgeLook())
        option = f"badges.{block.id}.image"
        artwork = image_data_uri(look.image, look.image_shown, option) if look.image else None
        svg = badge_svg(settings.title, block.title, block.number, look.colour, artwork, settings.messages)
        credential = credential_template(
            course_id=settings.id,
            course_title=settings.title,
            block_id=block.id,
            block_title=block.title,
            block_number=block.number,
            block_url=block.url,
            pass_mark=block.pass_mark(settings),
            provider_name=settings.provider.name.strip() or settings.title,
            provider_url=settings.provider.url or None,
            site_url=site_url or None,
            image_url=badge_url(block),
            outcomes=settings.outcomes,
            block_outcomes=block.outcomes,
            hours=settings.hours,
            free=settings.free,
            messages=settings.messages,
        )
        documents += [
            (badge_url(block), svg),
            (credential_url(block), json.dumps(credential, ensure_ascii=False, indent=2)),
        ]
    return documents
