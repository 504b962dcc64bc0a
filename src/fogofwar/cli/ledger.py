"""Ledger commands: ingest, estimates, sources, events, show, export. Thin over the library."""

from __future__ import annotations

import argparse

from fogofwar.cli import export, ingest, read


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ledger subcommands (ingest, read commands, export) in the order --help lists."""
    ingest.register(subparsers)
    read.register(subparsers)
    export.register(subparsers)
