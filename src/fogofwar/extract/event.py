"""The event's own fields read from a document: its id (a slug of the title), its kind (battle,
siege, attack...), its place when only the title names it, part-of and result cells."""

from __future__ import annotations

import re
import unicodedata

from fogofwar.extract.markup import clean_cell
from fogofwar.extract.places import parse_place
from fogofwar.model import Place

_KINDS = (
    "massacre",
    "ambush",
    "siege",
    "offensive",
    "counteroffensive",
    "raid",
    "attack",
    "bombing",
    "clashes",
    "campaign",
    "operation",
    "war",
    "battle",
    "fall",
    "capture",
    "insurgency",
    "uprising",
    "rescue",
    "attacks",
    "wars",
    "skirmish",
)


_TITLE_PLACE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|\d+(?:st|nd|rd|th))\s+)?(?:Battle|Siege|Fall|Capture|"
    r"Liberation|Sack|Storming|Defence|Defense|Bombing|Shelling)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][^()]*?)\s*(?:\(.*\))?$"
)


def place_from_title(title: str) -> Place | None:
    """A title "Battle of Bakhmut" names the place when the infobox does not."""
    m = _TITLE_PLACE.match(title.strip())
    return parse_place(m.group("place")) if m else None


def event_slug(title: str, year: int | None) -> str:
    """A stable, readable event id: ``"Battle of Anéfis (2014)"`` -> ``battle-of-anefis-2014``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "event"
    if year is not None and not re.search(r"\d{3,4}", slug):
        slug = f"{slug}-{year}"
    return slug[:120]


def event_kind(title: str, conflict: str | None) -> str:
    """The kind of event its title names (battle, siege, attack...); "battle" when none."""
    words = re.findall(r"[a-z]+", f"{title} {conflict or ''}".lower())
    for kind in _KINDS:
        if kind in words:
            return {
                "attacks": "attack",
                "wars": "war",
                "counteroffensive": "offensive",
                "fall": "battle",
                "capture": "battle",
                "skirmish": "clashes",
            }.get(kind, kind)
    return "battle"


def part_of(value: str | None) -> str | None:
    text = cell(value)
    if text is None:
        return None
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def cell(value: str | None) -> str | None:
    if value is None:
        return None
    text = clean_cell(value)
    return text or None
