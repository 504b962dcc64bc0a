"""The single SQLite writer of a dump ingest stores each document in few statements: every
statement costs the writer's process CPU that the workers extract on (issue 9, item 7)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import event

from fogofwar.bulk.units import Outcome, SpanUnit, run_unit
from fogofwar.ledger import Ledger, ingest_document
from fogofwar.read.dumps import stream_spans

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
MULTI = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream.xml.bz2"
INDEX = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream-index.txt.bz2"


def _a_page_with_actors_and_a_war() -> Outcome:
    """A conflict page of the real excerpt, extracted as a dump worker does."""
    for span in stream_spans(MULTI, INDEX):
        for out in run_unit(SpanUnit(str(MULTI), (span,)), str(MULTI)).outcomes:
            assert out.parts is not None, out.error
            events = out.parts[1]
            if any(e.part_of for e in events) and any(s.actors for e in events for s in e.sides):
                return out
    raise AssertionError("the excerpt has a battle with named combatants and a war")


def _statements(ledger: Ledger, out: Outcome, *, answers: bool = True) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        assert out.parts is not None
        made = out.answers if answers else None
        stored = ingest_document(ledger, *out.parts, estimates=out.estimates, answers=made)
        assert stored.status == "added"
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)
    return seen


def test_a_new_dump_document_is_stored_in_few_statements(tmp_path: Path) -> None:
    out = _a_page_with_actors_and_a_war()
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        seen = _statements(ledger, out)
    before_insert = seen[: next(i for i, s in enumerate(seen) if "INSERT INTO documents" in s)]
    reads = [s for s in before_insert if re.search(r"^SELECT .* FROM documents", s)]
    assert len(reads) == 2, reads  # is it stored already; its lineage and current revision
    assert sum("INSERT INTO search_terms" in s for s in seen) == 1, seen  # actors and war
    served = [s for s in seen if "event_rows" in s or "ledger_state" in s]
    assert len(served) == 2, served  # the stored list answers (issue 8), the change stamp
    # with BEGIN; was 13 (3 reads and 2 term inserts), then 11 (2 deletes of nothing: a new
    # event has no earlier estimates or answers)
    assert len(seen) - len(served) <= 10, seen
    assert not any(s.startswith("DELETE") for s in seen), seen


def test_answers_made_by_the_worker_are_only_inserted(tmp_path: Path) -> None:
    """With the worker's answers the writer reads nothing back to make them (issue 9, item
    7: the writer's CPU is the workers'); without them it reads the rows it just wrote."""
    out = _a_page_with_actors_and_a_war()
    assert out.answers, "the worker made the events' answers"
    with Ledger(f"sqlite:///{tmp_path / 'a.sqlite'}") as ledger:
        made_ahead = _statements(ledger, out)
    with Ledger(f"sqlite:///{tmp_path / 'b.sqlite'}") as ledger:
        made_here = _statements(ledger, out, answers=False)
    reads_back = [s for s in made_ahead if s.startswith("SELECT") and "event_estimates" in s]
    assert reads_back == [], reads_back
    assert any(s.startswith("SELECT") and "event_estimates" in s for s in made_here)
    assert len(made_ahead) < len(made_here)


def test_the_worker_sends_the_document_without_what_only_extraction_reads() -> None:
    """The source map and citation marks stay on the worker (the ledger stores neither);
    the citations themselves travel on the claims' evidence."""
    outcomes = [
        out
        for span in stream_spans(MULTI, INDEX)
        for out in run_unit(SpanUnit(str(MULTI), (span,)), str(MULTI)).outcomes
    ]
    parts = [out.parts for out in outcomes if out.parts is not None]
    assert len(parts) == len(outcomes) > 1
    assert all(doc.source_map == () and doc.citations == () for doc, _, _ in parts)
    assert all(doc.text for doc, _, _ in parts)
    assert any(ev.citations for _, _, claims in parts for c in claims for ev in c.evidence)
