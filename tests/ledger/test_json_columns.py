"""JSON columns read through orjson (``ledger.store.json_loads``) give back exactly what was
stored, including what orjson alone reads differently."""

from __future__ import annotations

import math
from dataclasses import replace

from fogofwar.ledger import Ledger, event_claims, ingest
from fogofwar.ledger.store import json_loads
from fogofwar.model import Extraction


def test_json_loads_keeps_long_integers_and_nan() -> None:
    big = 123456789012345678901234567890  # orjson alone reads it as a float
    got = json_loads(f'{{"n": {big}, "x": NaN, "s": "é"}}'.encode())
    assert got["n"] == big and isinstance(got["n"], int) and math.isnan(got["x"])
    assert json_loads('[1, 2.5, "a", null]') == [1, 2.5, "a", None]
    for edge in (2**64, -(2**63) - 1, 2**63 - 1):  # orjson alone floats the first two
        got = json_loads(f"[{edge}]")[0]
        assert got == edge and isinstance(got, int)


def test_claim_with_a_large_figure_reads_back_exactly(db_url: str, anefis: Extraction) -> None:
    big = 2_000_000_000  # about the largest figure an INTEGER column holds on both backends
    first = anefis.claims[0]
    huge = replace(first, value=replace(first.value, low=big, high=big))
    extraction = replace(anefis, claims=(huge, *anefis.claims[1:]))
    with Ledger(db_url) as ledger:
        ingest(ledger, extraction)
        stored = event_claims(ledger, [huge.event])[huge.event]
    match = [c for c in stored if c.id == huge.id]
    assert match and match[0].value.low == big and isinstance(match[0].value.low, int)


def test_stamp_grows_with_every_stored_document(db_url: str, anefis: Extraction) -> None:
    from fogofwar.ledger.served import stamp
    from fogofwar.ledger.synthetic import document

    stamps = []
    with Ledger(db_url) as ledger:
        for extraction in (anefis, document(1, 5), document(2, 5), anefis):  # the last: unchanged
            ingest(ledger, extraction)
            with ledger.read() as conn:
                stamps.append(stamp(conn))
    assert stamps[0] < stamps[1] < stamps[2] == stamps[3]
