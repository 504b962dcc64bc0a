"""Reader for the plain-text article shape: ``= Title =``, an ``Infobox`` of ``- Key: Value`` lines,
prose with ``== Section ==`` headings (the shape of ``shared/examples`` and ``shared/corpus``)."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from fogofwar.errors import BinaryInput, EmptyInput, EncodingError, InputError, InputTooLarge
from fogofwar.model import Document, InfoboxEntry, Section

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
"""Largest input accepted by default; real articles are well under 1 MB."""

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^(?P<level>={2,6})\s*(?P<name>.*?)\s*(?P=level)\s*$")
_INFOBOX_LINE = re.compile(r"^\s*-\s*(?P<key>[A-Za-z][\w ]{0,40}?)\s*:\s?(?P<value>.*)$")


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article from a file path, or from standard input when ``path`` is ``-``."""
    origin = str(path)
    if origin == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return read_bytes(data, origin="<stdin>", max_bytes=max_bytes)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, not an article file", origin=origin)
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(
                f"file is {size / 2**20:.1f} MiB, above the {max_bytes / 2**20:.1f} MiB limit "
                "(raise it with --max-bytes)",
                origin=origin,
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", origin=origin) from None
    except PermissionError:
        raise InputError("permission denied", origin=origin) from None
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", origin=origin) from None
    return read_bytes(data, origin=origin, max_bytes=max_bytes)


def read_bytes(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and parse one article; raise an :class:`InputError` naming the problem."""
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"input is above the {max_bytes / 2**20:.1f} MiB limit (raise it with --max-bytes)",
            origin=origin,
        )
    if not data.strip():
        raise EmptyInput("file is empty", origin=origin)
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise BinaryInput("file is binary, not text", origin=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})", origin=origin
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_text(text, origin=origin, digest=hashlib.sha256(data).hexdigest())


def _control_ratio(chunk: bytes) -> float:
    bad = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(len(chunk), 1)


def parse_text(text: str, origin: str, digest: str | None = None) -> Document:
    """Split article text into title, infobox entries and sections (with character offsets)."""
    if digest is None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title: str | None = None
    infobox: list[InfoboxEntry] = []
    sections: list[Section] = []
    in_infobox = False
    current_name = "lead"
    current_start: int | None = None
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if title is None and not infobox and current_start is None:
            m = _TITLE.match(stripped)
            if m:
                title = m.group("title")
                continue
        if stripped.lower() in ("infobox", "{{infobox}}") and not infobox:
            in_infobox = True
            continue
        if in_infobox:
            m = _INFOBOX_LINE.match(line)
            if m:
                infobox.append(
                    InfoboxEntry(
                        m.group("key").strip(),
                        m.group("value").strip(),
                        line_start + m.start("value"),
                    )
                )
                continue
            if not stripped:
                continue
            in_infobox = False
        heading = _HEADING.match(stripped)
        if heading:
            if current_start is not None:
                sections.append(Section(current_name, current_start, line_start))
            current_name = heading.group("name") or "untitled"
            current_start = offset
            continue
        if current_start is None and stripped:
            current_start = line_start
    if current_start is not None:
        sections.append(Section(current_name, current_start, len(text)))
    if title is None:
        title = _title_fallback(infobox, sections, text, origin)
    return Document(
        id=digest,
        title=title,
        origin=origin,
        format="plaintext-article",
        text=text,
        sections=tuple(s for s in sections if text[s.start : s.end].strip()),
        infobox=tuple(infobox),
    )


def _title_fallback(
    infobox: list[InfoboxEntry], sections: list[Section], text: str, origin: str
) -> str:
    for entry in infobox:
        if entry.key.lower() == "conflict" and entry.value:
            return entry.value
    if origin not in ("<stdin>", "-"):
        return Path(origin).stem.replace("_", " ").strip() or "untitled"
    first = text.strip().split("\n", 1)[0]
    return first[:80] or "untitled"
