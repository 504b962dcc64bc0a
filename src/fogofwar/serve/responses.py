"""JSON answers encoded once, with orjson.

The hot read endpoints keep their response models in the OpenAPI schema (``response_model=``)
but answer a ``FastJSON`` built from what the ledger gave: FastAPI then neither validates nor
re-encodes it. Parts that never change (an event row's body, a stored estimate list, an ACLED
or GED row) are encoded once and embedded as ``orjson.Fragment``."""

from __future__ import annotations

import json
from typing import Any

import orjson
from starlette.responses import Response

OPTIONS = orjson.OPT_NON_STR_KEYS


class Encoded:
    """A part encoded already, embedded as it is in the answers that hold it."""

    __slots__ = ("json",)

    def __init__(self, json: bytes) -> None:
        self.json = json


def _embed(value: Any) -> Any:
    if isinstance(value, Encoded):
        return orjson.Fragment(value.json)
    raise TypeError(type(value).__name__)


def _decoded(value: Any) -> Any:
    if isinstance(value, Encoded):
        return json.loads(value.json)
    raise TypeError(type(value).__name__)


def encode(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON (integers beyond 64 bits through the standard library)."""
    try:
        return orjson.dumps(value, default=_embed, option=OPTIONS)
    except orjson.JSONEncodeError:
        text = json.dumps(value, default=_decoded, ensure_ascii=False, separators=(",", ":"))
        return text.encode()


def decoded(part: Encoded) -> Any:
    """An encoded part as Python values again."""
    return orjson.loads(part.json)


def fragment(value: Any) -> Encoded:
    """``value`` encoded now, to embed in later answers as it is."""
    return Encoded(encode(value))


def raw(text: str | bytes) -> Encoded:
    """JSON text read from the ledger, embedded as it is (it was written as JSON)."""
    return Encoded(text.encode() if isinstance(text, str) else text)


class FastJSON(Response):
    """``application/json`` encoded with ``encode``."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return encode(content)
