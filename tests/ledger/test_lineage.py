"""Revision lineages keyed on what a document is (page id, else title), never where it came from."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, update

from fogofwar.ledger import Ledger, counts, ingest, list_events, revision_changes
from fogofwar.ledger import schema as t
from fogofwar.ledger.synthetic import document
from fogofwar.model import Extraction

ROOT = Path(__file__).resolve().parents[2]


def _as(x: Extraction, *, origin: str | None = None, **changes: object) -> Extraction:
    """The extraction with its document's origin and fields changed (new text: new id)."""
    doc = x.documents[0]
    text = doc.text + "".join(f"\n{k}={v}" for k, v in sorted(changes.items()))
    new = dataclasses.replace(
        doc,
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        origin=origin or doc.origin,
        **changes,  # type: ignore[arg-type]
    )
    events = tuple(dataclasses.replace(e, document=new.id) for e in x.events)
    claims = tuple(
        dataclasses.replace(
            c, evidence=tuple(dataclasses.replace(v, document=new.id) for v in c.evidence)
        )
        for c in x.claims
    )
    return Extraction((new,), events, claims)


def _current_titles(ledger: Ledger) -> list[str]:
    return sorted(e.title for e in list_events(ledger))


def test_lineage_two_documents_from_stdin_both_stay(db_url: str) -> None:
    a, b = _as(document(1, 5), origin="<stdin>"), _as(document(2, 5), origin="<stdin>")
    with Ledger(db_url) as ledger:
        [ra] = ingest(ledger, a)
        [rb] = ingest(ledger, b)
        assert (ra.status, rb.status) == ("added", "added")
        assert _current_titles(ledger) == ["Battle of syn 1", "Battle of syn 2"]
        assert counts(ledger)["current_claims"] == 10


def test_lineage_same_file_name_in_two_folders_both_stay(db_url: str) -> None:
    a, b = _as(document(1, 5), origin="article.txt"), _as(document(2, 5), origin="article.txt")
    with Ledger(db_url) as ledger:
        ingest(ledger, a)
        assert ingest(ledger, b)[0].status == "added"
        assert _current_titles(ledger) == ["Battle of syn 1", "Battle of syn 2"]


def test_lineage_same_title_any_case_or_underscores_is_a_revision(db_url: str) -> None:
    first = _as(document(1, 5), origin="a.txt")
    second = _as(document(1, 5), origin="b.txt", title="battle_of_SYN  1")
    with Ledger(db_url) as ledger:
        ingest(ledger, first)
        [r] = ingest(ledger, second)
        assert (r.status, r.revision_no, r.current) == ("revision", 2, True)
        assert counts(ledger)["current_claims"] == 5


def test_lineage_page_id_wins_over_title(db_url: str) -> None:
    old = _as(document(1, 5), page_id="123")
    renamed = _as(document(1, 5), page_id="123", title="Siege of syn 1")
    other_page = _as(document(1, 5), page_id="456")  # same title, another page
    with Ledger(db_url) as ledger:
        ingest(ledger, old)
        assert ingest(ledger, renamed)[0].status == "revision"
        assert ingest(ledger, other_page)[0].status == "added"


def test_lineage_reingesting_an_old_revision_keeps_the_newer_current(db_url: str) -> None:
    x, y = _as(document(1, 5), revision="1"), _as(document(1, 6), revision="2")
    with Ledger(db_url) as ledger:
        ingest(ledger, x)
        ingest(ledger, y)
        [again] = ingest(ledger, x)
        assert (again.status, again.current) == ("unchanged", False)
        assert counts(ledger)["current_claims"] == 6


def test_lineage_older_timestamp_stored_but_not_current(db_url: str) -> None:
    newer = _as(document(1, 6), revision_timestamp="2024-05-01T10:00:00Z")
    older = _as(document(1, 5), revision_timestamp="2023-01-01T00:00:00Z")
    newest = _as(document(1, 7), revision_timestamp="2024-05-02T00:00:00+00:00")
    with Ledger(db_url) as ledger:
        ingest(ledger, newer)
        [r] = ingest(ledger, older)
        assert (r.status, r.revision_no, r.current) == ("revision", 2, False)
        assert counts(ledger) == {
            "documents": 2,
            "events": 2,
            "claims": 11,
            "current_claims": 6,
        }
        [r3] = ingest(ledger, newest)
        assert r3.current and counts(ledger)["current_claims"] == 7
        assert [c.revision_no for c in revision_changes(ledger, "syn-1")] == [2, 3]


def test_lineage_migration_5_repairs_origin_keyed_lineages(tmp_path: Path) -> None:
    """A ledger written by fogofwar before migration 5: B, read from stdin after A, was
    stored as A's revision 2 and A's event vanished. Migrating brings A back."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    a, b = _as(document(1, 5), origin="<stdin>"), _as(document(2, 5), origin="<stdin>")
    with Ledger(url) as ledger:
        ingest(ledger, a)
        ingest(ledger, b)
        d = t.documents.c
        with ledger.write() as conn:  # what the old code stored
            a_id, b_id = a.documents[0].id, b.documents[0].id
            conn.execute(update(t.documents).values(lineage_key=None))
            conn.execute(update(t.documents).where(d.id == a_id).values(current=False))
            conn.execute(
                update(t.documents).where(d.id == b_id).values(lineage=a_id, revision_no=2)
            )
            for table in (t.events, t.claims):
                conn.execute(update(table).where(table.c.document == a_id).values(current=False))
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version >= 5))
        assert _current_titles(ledger) == ["Battle of syn 2"]
    with Ledger(url) as ledger:
        assert _current_titles(ledger) == ["Battle of syn 1", "Battle of syn 2"]
        with ledger.read() as conn:
            rows = conn.execute(select(d.lineage, d.revision_no).order_by(d.title)).all()
        assert [tuple(r) for r in rows] == [(a_id, 1), (b_id, 1)]


def _fogofwar(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "fogofwar", *args],
        input=stdin,
        env=env,
        capture_output=True,
        check=False,
    )


def test_lineage_cli_two_articles_through_stdin(db_url: str) -> None:
    """`cat A | fogofwar ingest -` then `cat B | fogofwar ingest -`: both events stay."""
    for path in (ROOT / "tests/data/anefis.txt", ROOT / "benchmarks/dev/battle_of_douma.txt"):
        got = _fogofwar("ingest", "--db", db_url, "-", stdin=path.read_bytes())
        assert got.returncode == 0, got.stderr
        assert got.stdout.decode().startswith("added")
    got = _fogofwar("events", "--db", db_url, "--format", "json")
    titles = sorted(e["title"] for e in json.loads(got.stdout)["events"])
    assert titles == ["Battle of Anéfis (2014)", "Battle of Douma"]
