"""Source profiles for the server, recomputed only when the ledger has changed."""

from __future__ import annotations

import threading

from fastapi import FastAPI

from fogofwar.ledger import SourceProfile, served, source_profiles

_lock = threading.Lock()


def profiles(app: FastAPI) -> list[SourceProfile]:
    """Every claimant's profile; cached until the ledger's change stamp changes (any ingest,
    by this server or another process, changes it)."""
    ledger = app.state.ledger
    with ledger.read() as conn:
        stamp = served.stamp(conn)
    with _lock:
        cached = getattr(app.state, "source_profiles", None)
        if cached is not None and cached[0] == stamp:
            return list(cached[1])
    found = source_profiles(ledger, app.state.policy)
    with _lock:
        app.state.source_profiles = (stamp, found)
    return list(found)
