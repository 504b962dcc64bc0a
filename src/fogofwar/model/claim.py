"""Claims with their claimant, value and evidence; extractions; estimates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fogofwar.model.document import Citation, Document
from fogofwar.model.event import Event
from fogofwar.model.vocab import FORMAT_VERSION, Scope, Stance


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
