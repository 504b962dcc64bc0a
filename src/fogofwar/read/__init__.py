"""Readers: turn input bytes into a :class:`~fogofwar.model.Document` (one module per format).

``input_format`` picks the reader: ``text`` (the plain-text article shape), ``wikitext``
(MediaWiki markup), or ``auto``: wikitext for the ``.wikitext``/``.wiki``/``.mediawiki``
extensions and for content that starts with a template, bold or a link (or is dense with links,
refs and templates), else plain text.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from fogofwar.errors import InputFormatError
from fogofwar.model import Document
from fogofwar.read import plaintext
from fogofwar.read.plaintext import DEFAULT_MAX_BYTES, decode_bytes, load_bytes, parse_text
from fogofwar.read.wikitext import EXTENSIONS, looks_like_wikitext, read_wikitext

INPUT_FORMATS = ("auto", "text", "wikitext")


def detect_format(text: str, origin: str) -> str:
    """``wikitext`` or ``text`` for an input, by its file extension, then by its content."""
    if Path(origin).suffix.lower() in EXTENSIONS:
        return "wikitext"
    if plaintext.starts_like_article(text):
        return "text"
    return "wikitext" if looks_like_wikitext(text) else "text"


def read_bytes(
    data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES, input_format: str = "auto"
) -> Document:
    """Decode and read one article in the given (or detected) format."""
    if input_format not in INPUT_FORMATS:
        raise InputFormatError(
            f"unknown input format {input_format!r} (choose one of {', '.join(INPUT_FORMATS)})"
        )
    text = decode_bytes(data, origin, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    fmt = detect_format(text, origin) if input_format == "auto" else input_format
    if fmt == "text":
        return parse_text(text, origin=origin, digest=digest)
    return replace(read_wikitext(text, origin=origin), id=digest)


def read_path(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, input_format: str = "auto"
) -> Document:
    """Read one article from a file path, or from standard input when ``path`` is ``-``."""
    data, origin = load_bytes(path, max_bytes)
    return read_bytes(data, origin=origin, max_bytes=max_bytes, input_format=input_format)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_FORMATS",
    "detect_format",
    "read_bytes",
    "read_path",
    "read_wikitext",
]
