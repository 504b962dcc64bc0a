from __future__ import annotations

import dataclasses
import hashlib

import pytest

from fogofwar.ledger import (
    Ledger,
    LedgerError,
    counts,
    event_claims,
    extract,
    ingest,
    revision_changes,
)
from fogofwar.model import Claim, Claimant, Extraction, Subject, Value


def _revised(x: Extraction) -> Extraction:
    """The same article edited: one claim dropped, one added, so a new sha256."""
    doc = x.documents[0]
    text = doc.text + "\nEdited: Le Temoin later reported 120 rebels killed."
    new_id = hashlib.sha256(text.encode()).hexdigest()
    new_doc = dataclasses.replace(doc, id=new_id, text=text)
    events = tuple(dataclasses.replace(e, document=new_id) for e in x.events)
    kept = tuple(c for c in x.claims if c.id != "battle-of-anefis-2014/c15")
    added = Claim(
        "battle-of-anefis-2014/c99",
        "battle-of-anefis-2014",
        "killed",
        Subject(side=2),
        Value(120, 120),
        Claimant("Le Temoin", None, "media"),
    )
    return Extraction((new_doc,), events, (*kept, added))


def test_ingest_stores_document_events_and_claims(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        [result] = ingest(ledger, anefis)
        assert (result.status, result.revision_no, result.events, result.claims) == (
            "added",
            1,
            1,
            22,
        )
        back = extract(ledger)
    assert back.claims == anefis.claims
    assert back.events == anefis.events
    assert back.documents[0].text == anefis.documents[0].text
    assert back.documents[0].infobox == anefis.documents[0].infobox


def test_ingest_same_bytes_changes_nothing(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        before = counts(ledger)
        [again] = ingest(ledger, anefis)
        assert again.status == "unchanged"
        assert (
            counts(ledger)
            == before
            == {"documents": 1, "events": 1, "claims": 22, "current_claims": 22}
        )


def test_ingest_new_revision_kept_beside_and_diffed(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        [rev] = ingest(ledger, _revised(anefis))
        assert (rev.status, rev.revision_no) == ("revision", 2)
        assert counts(ledger) == {"documents": 2, "events": 2, "claims": 44, "current_claims": 22}
        current = {
            c.id for c in event_claims(ledger, ["battle-of-anefis-2014"])["battle-of-anefis-2014"]
        }
        assert "battle-of-anefis-2014/c99" in current
        assert "battle-of-anefis-2014/c15" not in current
        [change] = revision_changes(ledger, "battle-of-anefis-2014")
    assert change.revision_no == 2
    assert change.previous == anefis.documents[0].id
    assert [c.id for c in change.added] == ["battle-of-anefis-2014/c99"]
    assert [c.id for c in change.withdrawn] == ["battle-of-anefis-2014/c15"]


def test_ingest_failure_mid_document_leaves_nothing(db_url: str, anefis: Extraction) -> None:
    absurd = dataclasses.replace(anefis.claims[-1], id="absurd", value=Value(10**30, 10**30))
    bad = Extraction(anefis.documents, anefis.events, (*anefis.claims, absurd))
    with Ledger(db_url) as ledger:
        with pytest.raises(LedgerError, match="cannot store") as err:
            ingest(ledger, bad)
        assert "\n" not in str(err.value)
        assert counts(ledger) == {"documents": 0, "events": 0, "claims": 0, "current_claims": 0}
        assert ingest(ledger, anefis)[0].status == "added"


def test_ingest_rejects_claim_of_unknown_event(anefis: Extraction) -> None:
    stray = dataclasses.replace(anefis.claims[0], event="no-such-event")
    with pytest.raises(LedgerError, match="unknown event 'no-such-event'"):
        ingest(Ledger.memory(), Extraction(anefis.documents, anefis.events, (stray,)))


def test_ingest_rejects_duplicate_claim_ids(anefis: Extraction) -> None:
    twice = Extraction(anefis.documents, anefis.events, (anefis.claims[0], anefis.claims[0]))
    with pytest.raises(LedgerError, match="appears twice"):
        ingest(Ledger.memory(), twice)
