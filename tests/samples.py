"""Small synthetic inputs shared by tests: bad input for the reader and the CLI; a battle with
two invented parties whose prose the side and speaker tests vary."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.model import Claim
from fogofwar.read import read_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
PROSE_ONLY = (
    "= Battle of Nowhere =\n\n"
    "On March 3, 2015, rebels attacked the town of Nowhere.\n\n"
    "== Aftermath ==\n"
    "The army said that 12 soldiers were killed and 30 were wounded.\n"
)
GARBAGE_LINES = (
    "= Battle of Garbage =\n\nInfobox\n- Conflict: Battle of Garbage\n- Date: 99/99/9999\n"
    "- Combatant1: ((per per\n- Casualties1: ((per per 10^999 killed\n"
    "- Casualties2: 10^999 killed (per ((\n"
)


def quarry_hill_claims(
    nlp: Any, body: str, side1: str = "Northland", side2: str = "Zentari Front"
) -> list[Claim]:
    """The claims of a battle between ``side1`` (Northland) and ``side2`` (the Zentari Front)
    whose ``== Battle ==`` section is ``body``."""
    text = (
        "= Battle of Quarry Hill =\n\nInfobox\n- Date: 3–9 May 2015\n"
        f"- Combatant1: {side1}\n- Combatant2: {side2}\n\n"
        f"The battle was fought in May 2015.\n\n== Battle ==\n{body}\n"
    )
    return extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]


def one_claim(claims: list[Claim], kind: str, low: int) -> Claim:
    """The one claim of ``kind`` whose value starts at ``low`` (fails if none or several)."""
    found = [c for c in claims if c.kind == kind and c.value.low == low]
    assert len(found) == 1, [(c.kind, c.value.low, c.subject.side, c.claimant) for c in claims]
    return found[0]
