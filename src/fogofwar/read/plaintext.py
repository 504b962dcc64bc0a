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

# Both read a stripped line. No "\s*" around the name: with it a line of "== " and a long run
# of spaces backtracks in cubic time; the name is stripped by the code instead.
_TITLE = re.compile(r"^=(?P<inner>.*)=$")
_HEADING = re.compile(r"^(?P<level>={2,6})(?P<name>.*?)(?P=level)$")
_INFOBOX_LINE = re.compile(r"^\s*-\s*(?P<key>[A-Za-z][\w ]{0,40}?)\s*:\s?(?P<value>.*)$")


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article from a file path, or from standard input when ``path`` is ``-``."""
    data, origin = load_bytes(path, max_bytes)
    return read_bytes(data, origin=origin, max_bytes=max_bytes)


def load_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of a file (or of standard input for ``-``) and the origin to name it by."""
    origin = str(path)
    if origin == "-":
        return sys.stdin.buffer.read(max_bytes + 1), "<stdin>"
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
    return data, origin


def read_bytes(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and parse one article; raise an :class:`InputError` naming the problem."""
    text = decode_bytes(data, origin, max_bytes)
    return parse_text(text, origin=origin, digest=hashlib.sha256(data).hexdigest())


def decode_bytes(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of an input (UTF-8, newlines as ``\\n``); an :class:`InputError` if it is too
    large, empty, binary or not UTF-8."""
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
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(chunk: bytes) -> float:
    bad = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(len(chunk), 1)


def parse_text(text: str, origin: str, digest: str | None = None) -> Document:
    """Split article text into title, infobox entries and sections (with character offsets).

    The infobox is the first block of ``- Key: Value`` lines after the title, whatever the line
    heading it says ("Infobox", "Military conflict", nothing at all); that heading line is not
    prose.
    """
    if digest is None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = text.split("\n")
    title, title_line = _find_title(lines)
    block = _infobox_block(lines, title_line + 1)
    infobox: list[InfoboxEntry] = []
    sections: list[Section] = []
    current_name = "lead"
    current_start: int | None = None
    offset = 0
    for number, line in enumerate(lines):
        line_start, offset = offset, offset + len(line) + 1
        if number == title_line:
            continue
        if block is not None and block[0] <= number < block[1]:
            m = _INFOBOX_LINE.match(line)
            if m:
                key, value = m.group("key").strip(), m.group("value").strip()
                infobox.append(InfoboxEntry(key, value, line_start + m.start("value")))
            continue
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading:
            if current_start is not None:
                sections.append(Section(current_name, current_start, line_start))
            current_name = heading.group("name").strip() or "untitled"
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


def _find_title(lines: list[str]) -> tuple[str | None, int]:
    """The ``= Title =`` line if it is the first non-blank line, and its number (else -1)."""
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        title = _title_of(line.strip())
        return (title, number) if title is not None else (None, -1)
    return None, -1


def _title_of(line: str) -> str | None:
    """The title of a stripped ``= Title =`` line, else None: the text between the outer "="
    signs, stripped, that must not start with "=" (one space is kept before a leading "=", or
    when only spaces are left, as the former pattern read it). Linear in the length of the line."""
    m = _TITLE.match(line)
    if m is None:
        return None
    inner = m.group("inner")
    lead = len(inner) - len(inner.lstrip())
    if lead < len(inner) and inner[lead] != "=":
        first = lead
    elif lead > 0:
        first = lead - 1
    else:
        return None
    return inner[first] + inner[first + 1 :].rstrip()


def _infobox_block(lines: list[str], first: int) -> tuple[int, int] | None:
    """Line numbers [start, end) of the infobox: its heading line, if any, and the first run of
    ``- Key: Value`` lines (blank lines allowed inside) before any prose or section heading."""
    number = first
    while number < len(lines) and not lines[number].strip():
        number += 1
    start = number
    if number < len(lines) and _is_infobox_heading(lines[number]):
        number += 1
    while number < len(lines) and not lines[number].strip():
        number += 1
    if number >= len(lines) or not _INFOBOX_LINE.match(lines[number]):
        return None
    end = number
    while end < len(lines) and (_INFOBOX_LINE.match(lines[end]) or not lines[end].strip()):
        end += 1
    while end > number and not lines[end - 1].strip():
        end -= 1
    return start, end


def _is_infobox_heading(line: str) -> bool:
    """A short line of its own above the infobox ("Infobox", "Military conflict",
    "{{Infobox military conflict"): no sentence, no section heading, no key-value line."""
    stripped = line.strip()
    return (
        len(stripped) <= 60
        and not _HEADING.match(stripped)
        and not _INFOBOX_LINE.match(line)
        and not re.search(r"[.!?]\s*$", stripped)
        and len(stripped.split()) <= 6
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


def starts_like_article(text: str) -> bool:
    """Whether the first non-blank line is a ``= Title =`` line (the plain-text shape)."""
    head = text.lstrip()[:2000].split("\n", 1)[0].strip()
    return _title_of(head) is not None
