"""Documents as the readers produce them: text, sections, infobox lines, source map, citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A named stretch of a document; ``start``/``end`` are character offsets into its text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class InfoboxEntry:
    """One ``- Key: Value`` line; ``start`` is the offset of the value in the document text."""

    key: str
    value: str
    start: int


@dataclass(frozen=True)
class SourceSpan:
    """Where a stretch ``[start, end)`` of a rendered text came from in its source (wikitext):
    ``[source_start, source_end)``, character for character if ``copied``, else as a whole (text
    a template or entity produced)."""

    start: int
    end: int
    source_start: int
    source_end: int
    copied: bool = False


@dataclass(frozen=True)
class Citation:
    """A source an encyclopedia cites (a ``<ref>``, ``{{cite ...}}``, ``{{sfn}}``): not a claimant.
    ``date`` is ISO (YYYY, YYYY-MM or YYYY-MM-DD) when it could be read, else None."""

    publisher: str | None = None
    work: str | None = None
    author: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    name: str | None = None  # the ref's name="..." if it has one

    def label(self) -> str:
        """One line for people: who published it, the title, the date."""
        who = self.work or self.publisher or self.author or "source"
        parts = [who, f"“{self.title}”" if self.title else None, self.date, self.url]
        return ", ".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "work": self.work,
            "author": self.author,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "name": self.name,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        return cls(
            d.get("publisher"),
            d.get("work"),
            d.get("author"),
            d.get("date"),
            d.get("title"),
            d.get("url"),
            d.get("name"),
        )


@dataclass(frozen=True)
class CitationMark:
    """A citation placed at offset ``at`` of a document's rendered text (right after the words it
    supports); ``source_start``/``source_end`` is the markup that placed it."""

    at: int
    citation: Citation
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Document:
    """One input text as read: its identity (sha256 of the bytes), title and parsed layout."""

    id: str
    title: str
    origin: str
    format: str
    text: str
    sections: tuple[Section, ...] = ()
    infobox: tuple[InfoboxEntry, ...] = ()
    language: str = "en"
    revision: str | None = None  # the source's revision id (a wiki revision id), if it has one
    page_id: str | None = None  # the source's stable page id (a wiki page id): the lineage key
    revision_timestamp: str | None = None  # ISO 8601, when that revision was made
    editor: str | None = None  # who made that revision, where the source says
    # Rendered sources (wikitext): where each stretch of ``text`` came from, and the citations
    # placed in it. Kept in memory for the extraction step; not part of ``to_dict``.
    source_map: tuple[SourceSpan, ...] = field(default=(), compare=False, repr=False)
    citations: tuple[CitationMark, ...] = field(default=(), compare=False, repr=False)

    def infobox_value(self, key: str) -> str | None:
        """The first infobox value whose key matches ``key`` case-insensitively."""
        wanted = key.lower()
        for entry in self.infobox:
            if entry.key.lower() == wanted:
                return entry.value
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "origin": self.origin,
            "format": self.format,
            "language": self.language,
            "revision": self.revision,
            "page_id": self.page_id,
            "revision_timestamp": self.revision_timestamp,
            "editor": self.editor,
            "sections": [{"name": s.name, "start": s.start, "end": s.end} for s in self.sections],
            "infobox": [{"key": e.key, "value": e.value, "start": e.start} for e in self.infobox],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            id=d["id"],
            title=d["title"],
            origin=d["origin"],
            format=d["format"],
            text=d.get("text", ""),
            sections=tuple(Section(s["name"], s["start"], s["end"]) for s in d.get("sections", [])),
            infobox=tuple(
                InfoboxEntry(e["key"], e["value"], e["start"]) for e in d.get("infobox", [])
            ),
            language=d.get("language", "en"),
            revision=d.get("revision"),
            page_id=d.get("page_id"),
            revision_timestamp=d.get("revision_timestamp"),
            editor=d.get("editor"),
        )
