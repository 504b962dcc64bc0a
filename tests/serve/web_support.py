"""A real SQLite ledger for the web tests: the worked example and two more articles, read and
extracted through the library, and a real uvicorn server on a free loopback port."""

from __future__ import annotations

import functools
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from fogofwar.extract.pipeline import extract_documents
from fogofwar.ledger import Ledger, ingest
from fogofwar.read import read_path
from fogofwar.reconcile import load_policy

ROOT = Path(__file__).resolve().parents[2]
ANEFIS = ROOT / "tests" / "data" / "anefis.txt"

# Untrusted text: every payload would set window.__xss if it ever ran.
XSS_TITLE = 'Raid on <script>window.__xss = 1</script> Hill <img src=x onerror="window.__xss = 2">'
XSS_ARTICLE = f"""= {XSS_TITLE} =

Infobox
- Conflict: {XSS_TITLE}
- Place: Tessalit, Mali (20.2°N 1.0°E)
- Date: March 3, 2015
- Partof: the Mali War
- Result: <img src=x onerror="window.__xss = 3"> victory
- Combatant1: Northern Front <script>window.__xss = 4</script>
- Combatant2: Southern Guard
- Casualties1: 12 killed (per <img src=x onerror="window.__xss = 5">)
- Casualties2: 3 killed

On March 3, 2015, fighters of the Northern Front attacked the Southern Guard near Tessalit.
<script>window.__xss = 6</script> The Southern Guard stated that twelve Northern Front fighters
were killed <img src=x onerror="window.__xss = 7"> in the raid.
"""

SECOND_ARTICLE = """= Battle of Ber (2015) =

Infobox
- Conflict: Battle of Ber
- Place: Ber, Mali (16.9°N 3.4°W)
- Date: May 20, 2015
- Partof: the Mali War
- Result: Rebel victory
- Combatant1: Northern Front
- Combatant2: Southern Guard
- Casualties1: 5 killed
- Casualties2: 9 killed (per Northern Front)

On May 20, 2015, the Northern Front and the Southern Guard fought at Ber. Reuters reported
that seven Southern Guard fighters were killed.
"""


# A later revision of the second article: side 1's toll changes from 5 to 6.
REVISED_FIGURE = ("- Casualties1: 5 killed", "- Casualties1: 6 killed")


def build_ledger(directory: Path) -> tuple[str, dict[str, str]]:
    """A SQLite ledger holding the three articles (the last one in two revisions); returns its
    URL and event ids by role."""
    (directory / "xss.txt").write_text(XSS_ARTICLE, "utf-8")
    (directory / "ber.txt").write_text(SECOND_ARTICLE, "utf-8")
    (directory / "ber-2.txt").write_text(SECOND_ARTICLE.replace(*REVISED_FIGURE), "utf-8")
    docs = [read_path(p) for p in (ANEFIS, directory / "xss.txt", directory / "ber.txt")]
    revised = read_path(directory / "ber-2.txt")
    extraction = extract_documents(docs)
    url = f"sqlite:///{directory / 'web.sqlite'}"
    with Ledger(url) as ledger:
        ingest(ledger, extraction)
        ingest(ledger, extract_documents([revised]))  # after the first: revision 2
    by_doc = {e.document: e.id for e in extraction.events}
    ids = dict(zip(("anefis", "xss", "ber"), (by_doc[d.id] for d in docs), strict=True))
    return url, ids


@functools.cache
def shared_ledger() -> tuple[str, dict[str, str]]:
    """One such ledger per test process (extraction loads the language model once)."""
    return build_ledger(Path(tempfile.mkdtemp(prefix="fogofwar-web-")))


def web_app(url: str) -> FastAPI:
    """The app the server runs: serve-api's ``create_app`` when present, else a bare one with
    the two state attributes the web router needs."""
    try:
        from fogofwar.serve.app import create_app
    except ImportError:
        create_app = None
    if create_app is not None:
        return create_app(url)
    from fogofwar.serve import web

    app = FastAPI()
    app.state.ledger = Ledger(url)
    app.state.policy = load_policy()
    app.include_router(web.router)
    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], limit: float = 120) -> None:
    """Until the process listens on the loopback port; an error if it exits or never does."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the server exited ({proc.returncode}): {err.strip()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """A real uvicorn server for ``app`` on a free loopback port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
