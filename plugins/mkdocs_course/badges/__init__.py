"""Badge artwork (SVG) and Open Badges 3.0 credential templates; no MkDocs imports here."""

from __future__ import annotations

from .artwork import DEFAULT_PALETTE, BadgeColourError, badge_svg, default_colour, is_colour, normalise_colour
from .credential import SELF_ASSERTED, achievement_id, credential_template

__all__ = [
    "DEFAULT_PALETTE",
    "SELF_ASSERTED",
    "BadgeColourError",
    "achievement_id",
    "badge_svg",
    "credential_template",
    "default_colour",
    "is_colour",
    "normalise_colour",
]
