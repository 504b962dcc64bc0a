"""Same answers from both renderings: a wikitext article, and the plain-text article the
wikitext reader renders it to (read back by the plain-text reader), give the same document
layout and the same claims. Articles: tests/data/wikitext (provenance in its MANIFEST.tsv)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.model import Claim
from fogofwar.read import read_bytes, read_path

DATA = Path(__file__).parent / "data" / "wikitext"
ARTICLES = sorted(DATA.glob("*.wikitext"))


def _comparable(claim: Claim, cited: set[str]) -> dict[str, Any]:
    """A claim without what only the wikitext has: document id, source offsets, citations and
    (for the ids in ``cited``) the date a citation may have given."""
    d = claim.to_dict()
    for ev in d["evidence"]:
        for key in ("document", "source_start", "source_end", "citations"):
            ev.pop(key, None)
    if claim.id in cited:
        d.pop("said_on")
    return d


def test_the_corpus_articles_are_here() -> None:
    manifest = (DATA / "MANIFEST.tsv").read_text("utf-8")
    assert len(ARTICLES) >= 4
    for path in ARTICLES:
        assert path.name in manifest


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_wikitext_and_its_plain_text_give_the_same_claims(path: Path, nlp: Any) -> None:
    wiki = read_path(path)
    assert wiki.format == "wikitext"
    plain = read_bytes(wiki.text.encode("utf-8"), origin=path.stem + ".txt")
    assert plain.format == "plaintext-article"
    assert (plain.title, plain.infobox, plain.sections) == (wiki.title, wiki.infobox, wiki.sections)
    wiki_event, wiki_claims = extract_document(wiki, nlp)
    plain_event, plain_claims = extract_document(plain, nlp)
    assert wiki_claims, "the article states figures"
    cited = {c.id for c in wiki_claims if any(e.citations for e in c.evidence)}
    assert [_comparable(c, cited) for c in wiki_claims] == [
        _comparable(c, cited) for c in plain_claims
    ]
    assert wiki_event.to_dict() | {"document": None} == plain_event.to_dict() | {"document": None}
    assert all(not e.citations for c in plain_claims for e in c.evidence)


_MARKUP = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref|</?[a-z]+[\s>/]|''|\{\||\|\}|&[a-z]+;")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_the_rendering_keeps_no_markup(path: Path) -> None:
    doc = read_path(path)
    assert [m.group(0) for m in _MARKUP.finditer(doc.text)] == []
    keys = {e.key for e in doc.infobox}
    assert {"Conflict", "Date", "Place", "Combatant1", "Combatant2", "Casualties1"} <= keys
    assert not any("\n" in e.value for e in doc.infobox)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_the_source_map_points_at_the_wikitext_it_renders(path: Path) -> None:
    """Every stretch copied from the wikitext maps to exactly those characters; every other
    stretch maps to markup inside the article."""
    source = path.read_text("utf-8")
    doc = read_path(path)
    covered = 0
    for span in doc.source_map:
        rendered = doc.text[span.start : span.end]
        assert 0 <= span.source_start <= span.source_end <= len(source)
        if span.copied:
            assert source[span.source_start : span.source_end] == rendered
        covered += span.end - span.start
    assert covered == len(doc.text)
