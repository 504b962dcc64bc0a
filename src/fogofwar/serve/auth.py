"""Who may read and write: the write token, the read token, and OAuth tokens issued for ACLED."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass, field

from fastapi import Request

from fogofwar.errors import ReadOnlyServer, Unauthorized

TOKEN_LIFETIME = 24 * 3600
"""Seconds an access token from ``POST /oauth/token`` stays valid (ACLED's: 24 hours)."""


REFRESH_LIFETIME = 14 * 24 * 3600


@dataclass(frozen=True)
class IssuedTokens:
    """Access and refresh tokens handed out by ``POST /oauth/token``: signed with the server's
    secret (``KIND.EXPIRY.NONCE.SIGNATURE``), so every worker process of one server accepts the
    tokens any of them issued, and nothing is kept per token."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def _sign(self, payload: str) -> str:
        return hmac.new(self.secret, payload.encode(), "sha256").hexdigest()

    def _token(self, kind: str, lifetime: int) -> str:
        payload = f"{kind}.{int(time.time()) + lifetime}.{secrets.token_urlsafe(16)}"
        return f"{payload}.{self._sign(payload)}"

    def issue(self) -> tuple[str, str]:
        return self._token("access", TOKEN_LIFETIME), self._token("refresh", REFRESH_LIFETIME)

    def valid(self, token: str, *, kind: str = "access") -> bool:
        payload, _, signature = token.rpartition(".")
        if not hmac.compare_digest(signature.encode(), self._sign(payload).encode()):
            return False
        got_kind, expiry, _nonce = [*payload.split(".", 2), "", ""][:3]
        return got_kind == kind and expiry.isdigit() and int(expiry) >= time.time()


def same(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a presented secret with the configured one."""
    return (
        given is not None
        and expected is not None
        and hmac.compare_digest(given.encode(), expected.encode())
    )


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header, if any."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def require_read(request: Request) -> None:
    """Reads are public unless a read token is set; then it is needed as a bearer token, an
    OAuth token from ``POST /oauth/token``, or UCDP's ``x-ucdp-access-token`` header."""
    settings = request.app.state.settings
    if settings.read_token is None:
        return
    token = bearer(request)
    if (
        same(token, settings.read_token)
        or same(token, settings.token)
        or (token is not None and request.app.state.issued.valid(token))
        or same(request.headers.get("x-ucdp-access-token"), settings.read_token)
    ):
        return
    raise Unauthorized("this server needs a read token: send 'Authorization: Bearer TOKEN'")


async def require_write(request: Request) -> None:
    """Writes need the server's write token as a bearer token; without one the server is
    read-only."""
    settings = request.app.state.settings
    if settings.token is None:
        raise ReadOnlyServer("this server is read-only: start it with --token to accept writes")
    if not same(bearer(request), settings.token):
        raise Unauthorized("writing needs the server's token: send 'Authorization: Bearer TOKEN'")
