"""Helpers of the server's tests: ledgers with the worked example or synthetic events, and the
app on a real uvicorn server on loopback."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from fogofwar.ledger import Ledger, ingest, synthetic
from fogofwar.model import Extraction

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
EXAMPLE_EVENT = "battle-of-anefis-2014"


def example_extraction() -> Extraction:
    """The worked example's extraction (one event, its claims, the article text)."""
    return Extraction.from_dict(json.loads((DATA / "anefis.extraction.json").read_text("utf-8")))


def fill(url: str) -> str:
    """Ingest the worked example into the ledger at ``url``; returns the url."""
    with Ledger(url) as ledger:
        ingest(ledger, example_extraction())
    return url


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """The app on a real uvicorn server on a free loopback port; yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        time.sleep(0.02)
    else:
        raise RuntimeError("uvicorn did not start")
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def fill_synthetic(url: str, n: int) -> str:
    """Add ``n`` synthetic events (fogofwar.ledger.synthetic) to the ledger at ``url``."""
    with Ledger(url) as ledger:
        ingest(ledger, synthetic.extraction(0, n, claims=12))
    return url
