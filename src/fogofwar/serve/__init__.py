"""Serving the ledger over HTTP: JSON API, ACLED- and UCDP-compatible endpoints, web page."""

from fogofwar.serve.app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
