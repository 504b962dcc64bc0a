"""Two ingest processes writing one ledger at once lose nothing and duplicate nothing."""

from __future__ import annotations

from pathlib import Path

from ledger_helpers import claims_per_document, ingest_process, write_extraction

from fogofwar.ledger import Ledger, counts

DOCS, CLAIMS = 300, 60


def test_concurrency_two_ingest_processes_lose_nothing(db_url: str, tmp_path: Path) -> None:
    a = write_extraction(tmp_path / "a.json", 0, DOCS, CLAIMS)
    b = write_extraction(tmp_path / "b.json", DOCS // 2, DOCS * 3 // 2, CLAIMS)  # half shared
    procs = [ingest_process(db_url, a, quiet=False), ingest_process(db_url, b, quiet=False)]
    outs = []
    for p in procs:  # both start on a fresh, unmigrated ledger
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
        outs.append(out.decode())
    n = DOCS * 3 // 2
    added = sum(o.count("\nadded ") + o.startswith("added ") for o in outs)
    unchanged = sum(o.count("\nunchanged ") + o.startswith("unchanged ") for o in outs)
    assert (added, unchanged) == (n, DOCS // 2)  # every shared document stored exactly once
    with Ledger(db_url) as ledger:
        assert counts(ledger) == {
            "documents": n,
            "events": n,
            "claims": n * CLAIMS,
            "current_claims": n * CLAIMS,
        }
        assert set(claims_per_document(ledger).values()) == {CLAIMS}
