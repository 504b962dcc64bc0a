"""The serve command: the HTTP API, the ACLED- and UCDP-compatible endpoints and the web page."""

from __future__ import annotations

import argparse
import os
import sys

from fogofwar.cli.common import add_db_option, add_policy_option, guard
from fogofwar.errors import UsageError

EPILOG = """\
examples:
  fogofwar serve                          the default ledger on http://127.0.0.1:8000/ (read-only)
  fogofwar serve --db ledger.sqlite --port 8080
  FOGOFWAR_TOKEN=s3cret fogofwar serve    accept POST /api/documents with 'Bearer s3cret'
  fogofwar serve --read-token R           reads need R too (bearer, ACLED OAuth, UCDP header)
  fogofwar serve --workers 2              two server processes (one per CPU core)

then open http://127.0.0.1:8000/ (the page), /docs (the API, offline), /openapi.json
"""


def write_token(args: argparse.Namespace) -> str | None:
    """``--token``, else ``$FOGOFWAR_TOKEN``; None: the server is read-only."""
    return args.token or os.environ.get("FOGOFWAR_TOKEN") or None


@guard
def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the ledger over HTTP: the JSON API under /api/, ACLED-compatible /api/acled/read,
    UCDP-compatible /api/gedevents/VERSION, the web page at /. Read-only unless a token is set."""
    import uvicorn

    from fogofwar.reconcile import load_policy
    from fogofwar.serve import DEFAULT_MAX_BODY, create_app
    from fogofwar.serve.app import WORKER_CONFIG, worker_config

    token = write_token(args)
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is not a TCP port (1-65535)")
    if not 1 <= args.workers <= 64:
        raise UsageError(f"--workers {args.workers}: give 1 to 64 processes")
    app = create_app(
        args.db,
        token=token,
        read_token=args.read_token or None,
        max_body=args.max_body or DEFAULT_MAX_BODY,
        policy=load_policy(args.policy),
    )
    mode = "read-write (token set)" if token else "read-only"
    workers = f", {args.workers} worker processes" if args.workers > 1 else ""
    print(
        f"fogofwar: serving {app.state.ledger.url.split('://')[0]} ledger {mode}{workers} on "
        f"http://{args.host}:{args.port}/ (API docs: /docs; Ctrl-C stops)",
        file=sys.stderr,
    )
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
        return 0
    app.state.ledger.close()  # opened (and migrated) once here; each worker opens its own
    os.environ[WORKER_CONFIG] = worker_config(
        args.db, token=token, read_token=args.read_token or None,
        max_body=args.max_body or DEFAULT_MAX_BODY, policy=args.policy,
    )  # fmt: skip
    uvicorn.run(
        "fogofwar.serve.app:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the serve subcommand; it sets ``handler``: args -> exit status."""
    p = subparsers.add_parser(
        "serve",
        help="serve the ledger: JSON API, ACLED/UCDP-compatible endpoints, web page",
        description=cmd_serve.__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    p.add_argument("--port", type=int, default=8000, help="TCP port (default: %(default)s)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes sharing the port (default: %(default)s); more serve concurrent "
        "clients in parallel, about one per CPU core",
    )
    p.add_argument(
        "--token",
        metavar="T",
        help="bearer token that allows writes (POST /api/documents); default $FOGOFWAR_TOKEN; "
        "without one the server is read-only",
    )
    p.add_argument(
        "--read-token",
        metavar="R",
        help="make reads need R: as a bearer token, as the password of POST /oauth/token "
        "(ACLED clients) or in the x-ucdp-access-token header (UCDP clients)",
    )
    p.add_argument(
        "--max-body",
        type=int,
        metavar="BYTES",
        help="largest article accepted by POST /api/documents (default: 2 MiB)",
    )
    p.add_argument(
        "--log-level",
        default="warning",
        choices=("critical", "error", "warning", "info", "debug"),
        help="server log level (default: %(default)s; info logs every request)",
    )
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_serve)
