"""Helpers for the process-level ledger tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from fogofwar.ledger import Ledger, schema
from fogofwar.ledger.synthetic import extraction

ROOT = Path(__file__).resolve().parents[2]


def write_extraction(path: Path, start: int, stop: int, claims: int) -> Path:
    """A synthetic extraction JSON of documents start..stop-1."""
    path.write_text(json.dumps(extraction(start, stop, claims).to_dict(include_text=True)))
    return path


def ingest_process(db_url: str, *files: Path, quiet: bool = True) -> subprocess.Popen[bytes]:
    """``fogofwar ingest`` in a separate Python process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fogofwar",
            "ingest",
            *(["-q"] if quiet else []),
            "--db",
            db_url,
            *map(str, files),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def claims_per_document(ledger: Ledger) -> dict[str, int]:
    """Stored claims of every stored document (0 for a document without any)."""
    d, c = schema.documents, schema.claims
    q = (
        select(d.c.title, func.count(c.c.pk))
        .select_from(d.outerjoin(c, c.c.document == d.c.id))
        .group_by(d.c.title)
    )
    with ledger.read() as conn:
        return {str(title): int(n) for title, n in conn.execute(q)}
