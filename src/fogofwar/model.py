"""The data model of fogofwar: documents, events, claims and estimates (DESIGN.md, "Data model").

Plain frozen dataclasses with ``to_dict`` / ``from_dict`` that give the JSON field names of the
extraction format. Nothing else lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FORMAT_VERSION = "1.0"

NUMERIC_KINDS: tuple[str, ...] = (
    "killed",
    "injured",
    "captured",
    "missing",
    "displaced",
    "killed_or_injured",
    "strength",
    "vehicles_destroyed",
    "vehicles_captured",
    "vehicles_lost",
    "equipment_destroyed",
)
PROPOSITION_KINDS: tuple[str, ...] = ("presence", "start", "end", "outcome", "control", "abuse")
STANCES: tuple[str, ...] = ("assert", "revise", "corroborate", "deny")
SCOPES: tuple[str, ...] = ("total", "incident", "cumulative", "other")
CLAIMANT_KINDS: tuple[str, ...] = (
    "party",
    "government",
    "media",
    "intergovernmental",
    "ngo",
    "person",
    "unknown",
)

Stance = Literal["assert", "revise", "corroborate", "deny"]
Scope = Literal["total", "incident", "cumulative", "other"]
Precision = Literal["day", "week", "month", "year"]


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


@dataclass(frozen=True)
class DateSpan:
    start: str | None
    end: str | None
    precision: Precision | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateSpan | None:
        if d is None:
            return None
        return cls(d.get("start"), d.get("end"), d.get("precision"))


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None  # UCDP where_prec 1-7

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(
            d["name"],
            d.get("country"),
            d.get("admin1"),
            d.get("lat"),
            d.get("lon"),
            d.get("precision"),
        )


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Commander:
    name: str
    fate: Literal["killed", "captured"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "fate": self.fate}


@dataclass(frozen=True)
class Side:
    side: int
    actors: tuple[Actor, ...] = ()
    commanders: tuple[Commander, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "actors": [a.to_dict() for a in self.actors],
            "commanders": [c.to_dict() for c in self.commanders],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Side:
        return cls(
            side=d["side"],
            actors=tuple(Actor(a["name"], tuple(a.get("aliases", []))) for a in d["actors"]),
            commanders=tuple(Commander(c["name"], c.get("fate")) for c in d["commanders"]),
        )


@dataclass(frozen=True)
class RelatedEvent:
    title: str
    date: str | None = None
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "date": self.date, "place": self.place}


@dataclass(frozen=True)
class Event:
    id: str
    document: str
    title: str
    kind: str
    date: DateSpan | None
    place: Place | None
    part_of: str | None
    result: str | None
    sides: tuple[Side, ...] = ()
    related: tuple[RelatedEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "title": self.title,
            "kind": self.kind,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "part_of": self.part_of,
            "result": self.result,
            "sides": [s.to_dict() for s in self.sides],
            "related": [r.to_dict() for r in self.related],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            document=d["document"],
            title=d["title"],
            kind=d["kind"],
            date=DateSpan.from_dict(d.get("date")),
            place=Place.from_dict(d.get("place")),
            part_of=d.get("part_of"),
            result=d.get("result"),
            sides=tuple(Side.from_dict(s) for s in d.get("sides", [])),
            related=tuple(
                RelatedEvent(r["title"], r.get("date"), r.get("place"))
                for r in d.get("related", [])
            ),
        )


@dataclass(frozen=True)
class Subject:
    """Whose losses (or whose proposition): an infobox side number, an actor, civilians."""

    side: int | None = None
    actor: str | None = None
    civilian: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"side": self.side, "actor": self.actor, "civilian": self.civilian}


@dataclass(frozen=True)
class Value:
    """A claimed quantity as an interval; ``high`` None means open-ended.

    For proposition claims (presence, outcome...) ``words`` holds the stated proposition and
    ``truth`` whether the claimant affirms (True) or negates (False) it.
    """

    low: int | None = None
    high: int | None = None
    words: str | None = None
    approx: bool = False
    truth: bool | None = None
    what: str | None = None  # for equipment and vehicles: what was lost

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "low": self.low,
            "high": self.high,
            "words": self.words,
            "approx": self.approx,
        }
        if self.truth is not None:
            d["truth"] = self.truth
        if self.what is not None:
            d["what"] = self.what
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Value:
        return cls(
            d.get("low"),
            d.get("high"),
            d.get("words"),
            bool(d.get("approx")),
            d.get("truth"),
            d.get("what"),
        )


@dataclass(frozen=True)
class Claimant:
    name: str
    side: int | None = None
    kind: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "side": self.side, "kind": self.kind}


@dataclass(frozen=True)
class Evidence:
    """Where a claim is stated: ``start``/``end`` into the document's (rendered) text; for a
    rendered source also ``source_start``/``source_end`` into its markup, and the citations the
    encyclopedia gives for that sentence or infobox item."""

    document: str
    section: str
    start: int
    end: int
    text: str
    source_start: int | None = None
    source_end: int | None = None
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "document": self.document,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        if self.source_start is not None:
            d["source_start"] = self.source_start
            d["source_end"] = self.source_end
        if self.citations:
            d["citations"] = [c.to_dict() for c in self.citations]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            d["document"],
            d["section"],
            d["start"],
            d["end"],
            d["text"],
            d.get("source_start"),
            d.get("source_end"),
            tuple(Citation.from_dict(c) for c in d.get("citations", [])),
        )


@dataclass(frozen=True)
class Claim:
    id: str
    event: str
    kind: str
    subject: Subject
    value: Value
    claimant: Claimant | None
    stance: Stance = "assert"
    said_on: str | None = None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    scope: Scope = "total"  # DESIGN.md, "Data model": which figure of the event this is

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "kind": self.kind,
            "subject": self.subject.to_dict(),
            "value": self.value.to_dict(),
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "stance": self.stance,
            "said_on": self.said_on,
            "scope": self.scope,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    def columns(self) -> dict[str, Any]:
        """The claim flattened into table columns (ledger rows, Parquet)."""
        who = self.claimant
        return {
            "kind": self.kind,
            "side": self.subject.side,
            "actor": self.subject.actor,
            "civilian": self.subject.civilian,
            "low": self.value.low,
            "high": self.value.high,
            "words": self.value.words,
            "claimant": who.name if who else None,
            "claimant_side": who.side if who else None,
            "claimant_kind": who.kind if who else None,
            "stance": self.stance,
            "said_on": self.said_on,
            "scope": self.scope,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        s = d["subject"]
        c = d.get("claimant")
        return cls(
            id=d["id"],
            event=d["event"],
            kind=d["kind"],
            subject=Subject(s.get("side"), s.get("actor"), bool(s.get("civilian"))),
            value=Value.from_dict(d["value"]),
            claimant=Claimant(c["name"], c.get("side"), c.get("kind", "unknown")) if c else None,
            stance=d.get("stance", "assert"),
            said_on=d.get("said_on"),
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", [])),
            scope=d.get("scope", "total"),
        )


@dataclass(frozen=True)
class Extraction:
    """What extraction yields for a batch of documents: the extraction JSON format."""

    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        docs = []
        for doc in self.documents:
            d = doc.to_dict()
            if not include_text:
                d.pop("text")
            docs.append(d)
        return {
            "fogofwar": FORMAT_VERSION,
            "documents": docs,
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        return cls(
            documents=tuple(Document.from_dict(x) for x in d.get("documents", [])),
            events=tuple(Event.from_dict(x) for x in d.get("events", [])),
            claims=tuple(Claim.from_dict(x) for x in d.get("claims", [])),
        )


@dataclass(frozen=True)
class Estimate:
    event: str
    side: int | None
    actor: str | None
    civilian: bool
    kind: str
    low: int | None
    best: int | None
    high: int | None
    basis: tuple[str, ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "side": self.side,
            "actor": self.actor,
            "civilian": self.civilian,
            "kind": self.kind,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "basis": list(self.basis),
            "reason": self.reason,
        }
