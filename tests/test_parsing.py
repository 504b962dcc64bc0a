"""Named entities on demand (extract/parsing.py): the kept sentences are parsed without the
entity recogniser, which runs batched where a speaker is read and on demand elsewhere; every
annotation the extraction reads is the full pipeline's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import spacy

from fogofwar.extract import parsing
from fogofwar.extract.parsing import entities_pending, entity_type, parse_sentences
from fogofwar.extract.speakers import has_speaker_verb

SOURCES = Path(__file__).resolve().parents[1] / "src" / "fogofwar"
SENTENCES = [
    "A senior officer, Colonel Ahmed Mansour, said that 40 fighters were killed.",
    "The army lost 12 soldiers near the bridge.",
    "According to Reuters, 300 civilians fled the town of Kidal.",
    "He said the rebels had captured 15 vehicles.",
    "Amnesty International reported that John Smith was among the 7 dead.",
]


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, str(t.head.i), t.lemma_, entity_type(t), t.ent_iob_)
        for t in doc
    ]


def test_parsed_sentences_carry_the_full_pipelines_annotations(nlp: Any) -> None:
    full = [_annotations(doc) for doc in nlp.pipe(SENTENCES)]
    for predicate in (has_speaker_verb, lambda doc: False, lambda doc: True):
        docs = list(parse_sentences(nlp, SENTENCES, predicate))
        assert [_annotations(doc) for doc in docs] == full


def test_entities_are_pending_only_where_no_speaker_is_read(nlp: Any) -> None:
    docs = list(parse_sentences(nlp, SENTENCES, has_speaker_verb))
    pending = [entities_pending(doc) for doc in docs]
    assert pending == [False, True, True, False, False]
    entity_type(docs[1][0])
    assert not entities_pending(docs[1])


def test_entities_of_a_pending_doc_are_computed_on_first_read(nlp: Any) -> None:
    (doc,) = parse_sentences(nlp, [SENTENCES[4]], lambda doc: False)
    assert entities_pending(doc)
    people = [t.text for t in doc if entity_type(t) == "PERSON"]
    assert people == ["John", "Smith"]
    assert not entities_pending(doc)


def test_a_pipeline_without_a_recogniser_is_run_as_it_is() -> None:
    blank = spacy.blank("en")
    (doc,) = parse_sentences(blank, ["Twelve soldiers were killed."], has_speaker_verb)
    assert [t.text for t in doc] == ["Twelve", "soldiers", "were", "killed", "."]
    assert not entities_pending(doc)
    assert entity_type(doc[0]) == ""


def test_the_sources_read_entities_only_through_entity_type() -> None:
    direct = re.compile(r"\.ent_type_?\b|\.ent_iob_?\b|\.ents\b|\.ent_kb_id")
    offenders = [
        f"{path.relative_to(SOURCES)}:{n}"
        for path in sorted(SOURCES.rglob("*.py"))
        if path.name != "parsing.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == [], "read entities through parsing.entity_type: " + ", ".join(offenders)


def test_sentences_beyond_one_batch_keep_their_order_and_entities(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "BATCH", 2)
    full = [_annotations(doc) for doc in nlp.pipe(SENTENCES)]
    docs = list(parse_sentences(nlp, SENTENCES, has_speaker_verb))
    assert [_annotations(doc) for doc in docs] == full
