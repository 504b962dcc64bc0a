"""Two ingest processes writing one ledger at once lose nothing and duplicate nothing."""

from __future__ import annotations

from pathlib import Path

from ledger_helpers import claims_per_document, ingest_process, write_extraction

from fogofwar.ledger import Ledger, counts

CLAIMS = 40


def test_concurrency_two_ingest_processes_lose_nothing(db_url: str, tmp_path: Path) -> None:
    a = write_extraction(tmp_path / "a.json", 0, 120, CLAIMS)
    b = write_extraction(tmp_path / "b.json", 60, 180, CLAIMS)  # 60 documents in both
    procs = [ingest_process(db_url, a), ingest_process(db_url, b)]  # both open a fresh ledger
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    with Ledger(db_url) as ledger:
        assert counts(ledger) == {"documents": 180, "events": 180, "claims": 180 * CLAIMS,
                                  "current_claims": 180 * CLAIMS}
        assert set(claims_per_document(ledger).values()) == {CLAIMS}
