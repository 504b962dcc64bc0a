"""A process killed mid-ingest leaves every document whole or absent, and the ledger readable."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from ledger_helpers import claims_per_document, ingest_process, write_extraction

from fogofwar.ledger import Ledger, counts, ingest
from fogofwar.ledger.synthetic import extraction

DOCS, CLAIMS = 400, 150


def test_crash_kill_mid_ingest_leaves_whole_documents(db_url: str, tmp_path: Path) -> None:
    Ledger(db_url).close()  # migrate first, so the kill lands in document writes
    proc = ingest_process(db_url, write_extraction(tmp_path / "x.json", 0, DOCS, CLAIMS))
    with Ledger(db_url) as watcher:
        deadline = time.monotonic() + 120
        while counts(watcher)["documents"] < 5 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else b""
            time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Ledger(db_url) as ledger:
        stored = claims_per_document(ledger)
        assert 5 <= len(stored) < DOCS, "the kill must land mid-way"
        assert set(stored.values()) == {CLAIMS}, "a document is whole or absent"
        assert counts(ledger)["events"] == len(stored)
        results = ingest(ledger, extraction(0, DOCS, CLAIMS))
        assert sum(r.status == "unchanged" for r in results) == len(stored)
        assert counts(ledger) == {
            "documents": DOCS,
            "events": DOCS,
            "claims": DOCS * CLAIMS,
            "current_claims": DOCS * CLAIMS,
        }
