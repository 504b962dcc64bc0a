"""Revision history of an event's figures: when each appeared, changed and disappeared.

A *figure* is what one claim is about: its kind, subject (side, actor, civilians), scope and
claimant. Across the revisions of a page (a lineage: same wiki page id, else same title) each
figure's value is followed from revision to revision, ordered by revision timestamp when every
revision has one, else in the order they were stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from fogofwar.errors import LedgerError
from fogofwar.ledger import schema as t
from fogofwar.ledger.store import Ledger

Change = Literal["appeared", "changed", "removed", "reappeared"]
FigureKey = tuple[str, int | None, str | None, bool, str | None, str | None]
"""``(kind, side, actor, civilian, scope, claimant)``."""


@dataclass(frozen=True)
class RevisionRef:
    """One stored revision of a page: its wiki ids where the source had them."""

    document: str
    revision_no: int
    revision: str | None
    page_id: str | None
    timestamp: str | None
    editor: str | None

    def label(self) -> str:
        """``rev 1042, 2014-08-02, by Editor`` (what the source says of the revision)."""
        parts = [f"rev {self.revision}" if self.revision else f"revision {self.revision_no}"]
        if self.timestamp:
            parts.append(self.timestamp[:10])
        if self.editor:
            parts.append(f"by {self.editor}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "revision_no": self.revision_no,
            "revision": self.revision,
            "page_id": self.page_id,
            "timestamp": self.timestamp,
            "editor": self.editor,
        }


@dataclass(frozen=True)
class FigureStep:
    """A figure's value from one revision on (None: the revision no longer states it)."""

    revision: RevisionRef
    change: Change
    value: str | None


@dataclass(frozen=True)
class FigureHistory:
    """The changes of one figure of an event across the revisions of one page."""

    kind: str
    side: int | None
    actor: str | None
    civilian: bool
    scope: str | None
    claimant: str | None
    steps: tuple[FigureStep, ...]

    def label(self) -> str:
        """``killed side 2 (MNLA) per Reuters``."""
        who = "civilians" if self.civilian else f"side {self.side}" if self.side else "unknown"
        text = f"{self.kind} {who}" + (f" ({self.actor})" if self.actor else "")
        if self.scope and self.scope != "total":
            text += f" [{self.scope}]"
        return text + (f" per {self.claimant}" if self.claimant else "")

    def line(self) -> str:
        """``killed side 2: 37 (rev 1001, 2014-07-14) -> 111 (rev 1042, ...) -> removed (...)``."""
        steps = " -> ".join(
            f"{s.value if s.value is not None else 'removed'} ({s.revision.label()})"
            for s in self.steps
        )
        return f"{self.label()}: {steps}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": {"side": self.side, "actor": self.actor, "civilian": self.civilian},
            "scope": self.scope,
            "claimant": self.claimant,
            "label": self.label(),
            "steps": [
                {"change": s.change, "value": s.value, **s.revision.to_dict()} for s in self.steps
            ],
        }


@dataclass(frozen=True)
class EventHistory:
    """Every revision that held the event and the history of each of its figures."""

    event: str
    revisions: tuple[RevisionRef, ...]
    figures: tuple[FigureHistory, ...]

    def changed(self) -> list[FigureHistory]:
        """The figures whose value is not the same from first revision to last."""
        return [f for f in self.figures if len(f.steps) > 1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "revisions": [r.to_dict() for r in self.revisions],
            "figures": [f.to_dict() for f in self.figures],
        }


def held_revisions(ledger: Ledger, page_ids: Iterable[str]) -> set[tuple[str, str]]:
    """``(page_id, revision)`` of the stored documents of these wiki pages (for resuming)."""
    d = t.documents.c
    wanted = sorted(set(page_ids))
    out: set[tuple[str, str]] = set()
    with ledger.read() as conn:
        for start in range(0, len(wanted), 500):
            rows = conn.execute(
                select(d.page_id, d.revision).where(d.page_id.in_(wanted[start : start + 500]))
            )
            out.update((str(p), str(r or "")) for p, r in rows)
    return out


def _value(low: int | None, high: int | None, words: str | None) -> str:
    if low is None and high is None:
        return words or "?"
    if low == high or high is None:
        number = str(low)
    elif low is None:
        number = f"up to {high}"
    else:
        number = f"{low}–{high}"
    if words and not words.replace(",", "").strip().isdigit():
        return f"{words} ({number})" if words.strip() != number else number
    return number


def _ordered(revs: list[RevisionRef]) -> list[RevisionRef]:
    if revs and all(r.timestamp for r in revs):
        return sorted(revs, key=lambda r: (r.timestamp or "", r.revision_no))
    return sorted(revs, key=lambda r: r.revision_no)


def _lineages(ledger: Ledger, event_id: str) -> dict[str, list[RevisionRef]]:
    d = t.documents.c
    with ledger.read() as conn:
        docs = select(t.events.c.document).where(t.events.c.id == event_id)
        lineages = select(d.lineage).where(d.id.in_(docs)).distinct()
        rows = conn.execute(
            select(d.lineage, d.id, d.revision_no, d.revision, d.page_id)
            .add_columns(d.revision_timestamp, d.editor)
            .where(d.lineage.in_(lineages))
        ).all()
    out: dict[str, list[RevisionRef]] = defaultdict(list)
    for lineage, *ref in rows:
        out[lineage].append(RevisionRef(*ref))
    return {k: _ordered(v) for k, v in out.items()}


def _figures(ledger: Ledger, event_id: str, docs: Sequence[str]) -> dict[str, dict[FigureKey, str]]:
    """Per document: each figure of the event and its value (values of one figure joined)."""
    c = t.claims.c
    found: dict[str, dict[FigureKey, set[str]]] = defaultdict(lambda: defaultdict(set))
    with ledger.read() as conn:
        rows = conn.execute(
            select(c.document, c.kind, c.side, c.actor, c.civilian, c.scope, c.claimant)
            .add_columns(c.low, c.high, c.words)
            .where(c.event == event_id, c.document.in_(list(docs)))
            .where((c.low.is_not(None)) | (c.high.is_not(None)))
            .order_by(c.document, c.seq)
        )
        for doc, kind, side, actor, civ, scope, claimant, low, high, words in rows:
            key: FigureKey = (kind, side, actor, bool(civ), scope, claimant)
            found[doc][key].add(_value(low, high, words))
    return {doc: {k: " / ".join(sorted(v)) for k, v in figs.items()} for doc, figs in found.items()}


def _steps(
    revs: list[RevisionRef], values: dict[str, dict[FigureKey, str]]
) -> dict[FigureKey, list[FigureStep]]:
    steps: dict[FigureKey, list[FigureStep]] = defaultdict(list)
    for rev in revs:
        now = values.get(rev.document, {})
        for key, history in steps.items():
            last = history[-1].value
            if key not in now and last is not None:
                history.append(FigureStep(rev, "removed", None))
        for key, value in now.items():
            history = steps[key]
            if not history:
                history.append(FigureStep(rev, "appeared", value))
            elif history[-1].value is None:
                history.append(FigureStep(rev, "reappeared", value))
            elif history[-1].value != value:
                history.append(FigureStep(rev, "changed", value))
    return steps


def event_history(ledger: Ledger, event_id: str) -> EventHistory:
    """The history of every figure of an event across the stored revisions of its pages."""
    lineages = _lineages(ledger, event_id)
    if not lineages:
        raise LedgerError(f"unknown event {event_id!r} (see `fogofwar events`)")
    revisions: list[RevisionRef] = []
    figures: list[FigureHistory] = []
    for revs in lineages.values():
        values = _figures(ledger, event_id, [r.document for r in revs])
        for key, steps in _steps(revs, values).items():
            figures.append(FigureHistory(*key, steps=tuple(steps)))
        revisions.extend(revs)
    figures.sort(key=lambda f: (f.kind, f.civilian, f.side or 0, f.actor or "", f.claimant or ""))
    return EventHistory(event_id, tuple(revisions), tuple(figures))
