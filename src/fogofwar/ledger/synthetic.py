"""Generated extractions with realistic shapes, for tests and benchmarks (never for analysis).

Distributions loosely follow the corpus: two sides of one to four actors, casualty figures
spread over orders of magnitude, most claims asserted by parties and media, some revised,
corroborated or denied.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

from fogofwar.model import (
    Actor,
    Claim,
    Claimant,
    DateSpan,
    Document,
    Event,
    Evidence,
    Extraction,
    Place,
    Side,
    Subject,
    Value,
)

COUNTRIES = (
    ("Syria", 35.0, 38.0),
    ("Ukraine", 48.5, 35.0),
    ("Mali", 17.0, -1.0),
    ("Iraq", 33.0, 44.0),
    ("Libya", 27.0, 17.0),
    ("Yemen", 15.5, 47.5),
    ("Burkina Faso", 12.3, -1.5),
    ("Azerbaijan", 40.1, 47.6),
)
WARS = (
    "Syrian civil war",
    "Russo-Ukrainian War",
    "Mali War",
    "War in Iraq",
    "Libyan civil war",
    "Yemeni civil war",
    "Jihadist insurgency in Burkina Faso",
    "Second Nagorno-Karabakh War",
)
ACTORS = ("Army", "Rebels", "Militia", "Coalition", "Front", "Brigade", "Movement", "Forces")
MEDIA = ("Reuters", "AFP", "Al Jazeera", "BBC", "SOHR", "UN", "HRW", "local media")
KINDS = (
    ("killed", 50),
    ("injured", 25),
    ("captured", 10),
    ("vehicles_destroyed", 5),
    ("strength", 10),
)
STANCES = (("assert", 80), ("revise", 8), ("corroborate", 8), ("deny", 4))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def document(
    i: int, claims: int = 50, seed: int = 0, prefix: str = "syn", revision: int = 1
) -> Extraction:
    """One synthetic document with one event and ``claims`` claims."""
    rng = random.Random(f"{seed}/{prefix}/{i}")
    c = rng.randrange(len(COUNTRIES))
    country = COUNTRIES[c][0]
    title = f"Battle of {prefix} {i}"
    text = f"= {title} =\nrevision {revision}\n" + "x" * 200
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    event, names = _event(rng, c, i, prefix, doc_id, title)
    out = tuple(_claim(rng, k, event.id, doc_id, names, country) for k in range(claims))
    doc = Document(doc_id, title, f"synthetic/{prefix}/{i}.txt", "plain", text)
    return Extraction((doc,), (event,), out)


def _event(
    rng: random.Random, c: int, i: int, prefix: str, doc_id: str, title: str
) -> tuple[Event, dict[int, list[str]]]:
    """The document's event in country ``c`` and the actor names of its two sides."""
    country, lat, lon = COUNTRIES[c]
    start = date(2012, 1, 1) + timedelta(days=rng.randrange(4000))
    end = start + timedelta(days=rng.choice((0, 0, 0, 1, 3, 10, 40)))
    names = {
        s: [f"{country} {rng.choice(ACTORS)} {s}{k}" for k in range(rng.randint(1, 4))]
        for s in (1, 2)
    }
    event = Event(
        f"{prefix}-{i}",
        doc_id,
        title,
        rng.choice(("battle", "siege", "attack", "offensive")),
        DateSpan(start.isoformat(), end.isoformat(), "day"),
        Place(
            f"Place {i}",
            country,
            None,
            round(lat + rng.uniform(-2, 2), 4),
            round(lon + rng.uniform(-2, 2), 4),
            rng.choice((1, 2, 3, 4)),
        ),
        WARS[c],
        rng.choice(("Side 1 victory", "Side 2 victory", "Inconclusive")),
        tuple(Side(s, tuple(Actor(n) for n in names[s])) for s in (1, 2)),
    )
    return event, names


def _claimant(rng: random.Random, names: dict[int, list[str]], country: str) -> Claimant | None:
    """A party of either side (55%), an outlet (35%), the government (5%) or nobody."""
    r = rng.random()
    if r < 0.55:
        return Claimant(rng.choice(names[rng.choice((1, 2))]), rng.choice((1, 2)), "party")
    if r < 0.9:
        return Claimant(rng.choice(MEDIA), None, "media")
    if r < 0.95:
        return Claimant(f"Government of {country}", None, "government")
    return None


def _claim(
    rng: random.Random, k: int, ev_id: str, doc_id: str, names: dict[int, list[str]], country: str
) -> Claim:
    """The event's ``k``-th claim: a random kind, side, value, claimant and stance."""
    side = rng.choice((1, 2, 2, None))
    civilian = side is None and rng.random() < 0.5
    kind = _pick(rng, KINDS)
    low = max(1, int(rng.lognormvariate(2.5, 1.3)))
    high = low if rng.random() < 0.8 else (None if rng.random() < 0.3 else low * 2)
    who = _claimant(rng, names, country)
    actor = rng.choice(names[side]) if side and rng.random() < 0.2 else None
    return Claim(
        f"{ev_id}/c{k:04d}",
        ev_id,
        kind,
        Subject(side, actor, civilian),
        Value(low, high),
        who,
        _pick(rng, STANCES),  # type: ignore[arg-type]
        None,
        (Evidence(doc_id, "Infobox", 0, 10, f"{low} {kind}"),),
    )


def extraction(
    start: int, stop: int, claims: int = 50, seed: int = 0, prefix: str = "syn"
) -> Extraction:
    """Documents ``start``..``stop-1`` merged into one extraction."""
    parts = [document(i, claims, seed, prefix) for i in range(start, stop)]
    return Extraction(
        tuple(d for p in parts for d in p.documents),
        tuple(e for p in parts for e in p.events),
        tuple(c for p in parts for c in p.claims),
    )
