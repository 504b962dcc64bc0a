"""What the server derives per event (estimates, ACLED rows, GED rows) and per filter (totals).

With the policy the ledger stores estimates under (the default; ``fogofwar.ledger.derived``)
they are read from the ledger, and so are the list rows (``fogofwar.ledger.served``): a page is
one indexed read of stored JSON, no reconciling or encoding per request. With another policy
the server reconciles. Totals per filter, the ledger's counts and rows made here are kept
while the ledger's change stamp (``served.stamp``, which every write that changes what is
served adds one to, from this server or another process) is unchanged."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection

from fogofwar.export import api_rows
from fogofwar.export.common import Bundle, bundles
from fogofwar.ledger import EventFilter, Ledger, counts, derived, event_claims, served
from fogofwar.ledger.search import Hit, Key, count, stored_page
from fogofwar.model import Estimate, Event
from fogofwar.reconcile import Policy, reconcile
from fogofwar.serve.responses import Encoded, fragment, raw

RowMaker = Callable[[Bundle, Hit], dict[str, Any]]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class RowPage:
    """A page of stored answers, how many match in all, and the last one's key if more follow."""

    rows: list[Encoded]
    total: int
    next_key: Key | None


class Lru(MutableMapping[K, V]):
    """At most ``size`` items, the least recently used going first; thread-safe."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[K, V] = OrderedDict()

    def __getitem__(self, key: K) -> V:
        with self._lock:
            self._items.move_to_end(key)
            return self._items[key]

    def __setitem__(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __delitem__(self, key: K) -> None:
        with self._lock:
            del self._items[key]

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def __iter__(self) -> Iterator[K]:
        with self._lock:
            return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)


class KnownHits(Lru[int, Hit]):
    """Events read by row (``ledger.search.event_page``'s ``known``). A row's event never
    changes, so nothing goes stale."""


class Derived:
    """Per-event results for one ledger and policy: stored ones, else reconciled and cached."""

    def __init__(self, ledger: Ledger, policy: Policy, size: int = 50_000) -> None:
        self.ledger, self.policy, self.size = ledger, policy, size
        self.hits = KnownHits()
        self._bodies: Lru[int, Encoded] = Lru()
        self._lock = threading.Lock()
        self._stamp: int | None = None
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def _stored(self, event_ids: Sequence[str]) -> dict[str, derived.Derived]:
        with self.ledger.read() as conn:
            return derived.stored(conn, event_ids, self.policy)

    def _fresh(self, conn: Connection | None = None) -> int:
        """The ledger's change stamp; a changed one empties the cache."""
        if conn is None:
            with self.ledger.read() as own:
                stamp = served.stamp(own)
        else:
            stamp = served.stamp(conn)
        with self._lock:
            if stamp != self._stamp:
                self._items.clear()
                self._stamp = stamp
        return stamp

    def counts(self) -> dict[str, int]:
        """``ledger.counts`` (rows per table), counted once while the ledger is unchanged."""
        self._fresh()
        found = self._get("counts")
        if found is None:
            found = counts(self.ledger)
            self._put("counts", found)
        return dict(found)

    def stored_page(
        self, kind: served.Kind, flt: EventFilter, limit: int, after: Key | None, offset: int
    ) -> RowPage | None:
        """The page's stored answers of this kind in one read, with the total (counted once
        per filter while the ledger is unchanged); None when a row on it has no answer stored
        with this policy (then the caller makes them)."""
        digest = derived.policy_digest(self.policy)
        with self.ledger.read() as conn:
            stamp = self._fresh(conn)
            rows = stored_page(conn, flt, kind, limit, after, offset)
            if any(r.json is None or r.policy != digest for r in rows):
                return None
            whole = after is None and offset == 0 and len(rows) <= limit  # every match
            total = len(rows) if whole else self._get(("total", flt, stamp))
            if total is None:
                total = count(conn, flt)
                self._put(("total", flt, stamp), total)
        more, rows = len(rows) > limit, rows[:limit]
        last = (rows[-1].key, rows[-1].pk) if more and rows else None
        return RowPage([raw(str(r.json)) for r in rows], int(total), last)

    def _get(self, key: Hashable) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def _put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def stored_estimates(self, event_id: str) -> Encoded | None:
        """The stored estimates of the current event with this id as their JSON list, None if
        not stored (no such event, or made under another policy)."""
        with self.ledger.read() as conn:
            found = derived.stored_estimates_json(conn, event_id, self.policy)
        return None if found is None else raw(found)

    def event_body(self, hit: Hit) -> Encoded:
        """The hit's ``Event.to_dict()``, encoded once per event row."""
        found = self._bodies.get(hit.pk)
        if found is None:
            found = self._bodies[hit.pk] = fragment(hit.event.to_dict())
        return found

    def estimates(self, event: Event) -> list[Estimate]:
        """The event's estimates from its current claims."""
        got = self._stored([event.id]).get(event.id)
        if got is not None:
            return list(got.estimates)
        self._fresh()
        key = ("estimates", event.id, event.document)
        found = self._get(key)
        if found is None:
            claims = event_claims(self.ledger, [event.id])[event.id]
            found = reconcile(claims, self.policy, events=[event])
            self._put(key, found)
        return list(found)

    def _rows(self, kind: str, hits: Sequence[Hit], make: RowMaker) -> dict[Hashable, Any]:
        """Each hit's row by its cache key (hits without a row, e.g. no longer current, are
        left out)."""
        self._fresh()
        keys = [(kind, h.event.id, h.event.document, h.pk) for h in hits]
        got = {k: found for k in keys if (found := self._get(k)) is not None}
        missing = [h for h, k in zip(hits, keys, strict=True) if k not in got]
        if missing:
            for h, row in self._made(missing, make):
                key = (kind, h.event.id, h.event.document, h.pk)
                got[key] = row
                self._put(key, row)
        return {k: got[k] for k in keys if k in got}  # in the hits' order

    def rows(self, kind: str, hits: Sequence[Hit], make: RowMaker) -> list[dict[str, Any]]:
        """One row per hit made by ``make`` from the event's bundle: from its stored summary, or
        reconciled here under another policy; rows are kept while the ledger is unchanged."""
        return [dict(row) for row in self._rows(kind, hits, make).values()]

    def encoded_rows(self, kind: str, hits: Sequence[Hit], make: RowMaker) -> list[Encoded]:
        """``rows``, each encoded once while the ledger is unchanged."""
        out = []
        for key, row in self._rows(kind, hits, make).items():
            done = ("encoded", key)
            found = self._get(done)
            if found is None:
                found = fragment(row)
                self._put(done, found)
            out.append(found)
        return out

    def _made(self, hits: Sequence[Hit], make: RowMaker) -> Iterator[tuple[Hit, dict[str, Any]]]:
        with self.ledger.read() as conn:
            have = derived.summaries(conn, [h.event.id for h in hits], self.policy)
        if all(h.event.id in have for h in hits):
            for h in hits:
                yield h, make(_bundle(h.event, have[h.event.id]), h)
            return
        flt = EventFilter(ids=tuple(h.event.id for h in hits))
        by_id = {b.event.id: b for b in bundles(self.ledger, flt, self.policy)}
        for h in hits:
            if h.event.id in by_id:
                yield h, make(by_id[h.event.id], h)


def _bundle(event: Event, stored: derived.Summary) -> api_rows.StoredBundle:
    return api_rows.summary_bundle(event, stored.sides, stored.claimants, stored.fatalities)
