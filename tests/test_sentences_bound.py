"""Overlong sentences are cut into bounded pieces before parsing (issue "Speed stays ahead and
becomes linear"): every later stage sees sentences of at most ``MAX_SENTENCE_CHARS``."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.extract.sentences import MAX_SENTENCE_CHARS, Sentence, bounded_pieces, sentences
from fogofwar.model import Document
from fogofwar.read import read_bytes

FILLER = (
    "The column moved along the river road towards the northern district of the town, "
    "where the defenders had dug in around the old grain elevator and the railway yards"
)


def _document(body: str, title: str = "Battle of Testville") -> Document:
    return read_bytes(f"= {title} =\n\n{body}\n".encode(), origin="<test>")


def _long_sentence(items: int = 60) -> str:
    """One sentence far above the bound: clauses joined by ", ", no full stop inside."""
    return ", ".join(f"{FILLER} {i}" for i in range(items)) + "."


def _check_cover(doc: Document, pieces: list[Sentence], original_start: int, original: str) -> None:
    """Pieces are in order, point into the document text, and with the gaps between them give
    back the original sentence; the gaps are whitespace only."""
    assert pieces
    assert pieces[0].start == original_start
    rebuilt = ""
    position = original_start
    for piece in pieces:
        assert doc.text[piece.start : piece.end] == piece.text
        gap = doc.text[position : piece.start]
        assert gap.strip() == ""
        rebuilt += gap + piece.text
        position = piece.end
    assert rebuilt == original
    assert position == original_start + len(original)


def test_overlong_sentence_is_split_into_bounded_pieces() -> None:
    original = _long_sentence()
    assert len(original) > 5 * MAX_SENTENCE_CHARS
    doc = _document(original)
    pieces = list(sentences(doc))
    assert len(pieces) > 5
    assert all(0 < len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.paragraph == pieces[0].paragraph for p in pieces)
    _check_cover(doc, pieces, doc.text.index(original), original)


def test_split_prefers_semicolons_then_commas() -> None:
    clause = "x" * (MAX_SENTENCE_CHARS // 6)
    # "; " and later ", " both inside the bound: the piece ends at the last "; "
    text = "; ".join([clause] * 4) + ", " + ", ".join([clause] * 10)
    first = next(iter(bounded_pieces(text)))[1]
    assert first == "; ".join([clause] * 3) + ";"
    # no "; ": the last ", " inside the bound
    text = ", ".join([clause] * 20)
    pieces = list(bounded_pieces(text))
    assert all(p.endswith(",") for _, p in pieces[:-1])
    assert all(len(p) <= MAX_SENTENCE_CHARS for _, p in pieces)


def test_split_without_punctuation_falls_back_to_spaces_then_the_bound() -> None:
    words = " ".join(["word"] * 1000)
    pieces = list(bounded_pieces(words))
    assert all(0 < len(p) <= MAX_SENTENCE_CHARS for _, p in pieces)
    assert all(not p.startswith(" ") and not p.endswith(" ") for _, p in pieces)
    assert all(p.split() == ["word"] * len(p.split()) for _, p in pieces)  # no word cut
    blob = "x" * (3 * MAX_SENTENCE_CHARS + 7)
    pieces = list(bounded_pieces(blob))
    assert [len(p) for _, p in pieces] == [MAX_SENTENCE_CHARS] * 3 + [7]
    assert "".join(p for _, p in pieces) == blob


def test_pieces_cover_the_text_with_offsets() -> None:
    texts = (
        _long_sentence(12),
        "a;  b, c   " * 300 + "end",
        "; ".join(["3 killed"] * 500),
        "x" * 50 + " " + "y" * 5000,
        "short sentence",
    )
    for text, bound in [(t, b) for t in texts for b in (MAX_SENTENCE_CHARS, 40, 7)]:
        text = text.strip()
        rebuilt, position = "", 0
        for offset, piece in bounded_pieces(text, bound):
            assert text[offset : offset + len(piece)] == piece
            assert 0 < len(piece) <= bound
            assert text[position:offset].strip() == ""
            rebuilt += text[position:offset] + piece
            position = offset + len(piece)
        assert rebuilt == text


def test_normal_sentences_are_not_cut() -> None:
    body = (
        "Rebels attacked the town on 3 May. At least 12 soldiers were killed, according to the "
        "army; the rebels said 40 soldiers died."
    )
    doc = _document(body)
    texts = [s.text for s in sentences(doc)]
    assert texts == [
        "Rebels attacked the town on 3 May.",
        "At least 12 soldiers were killed, according to the army; the rebels said 40 soldiers "
        "died.",
    ]


def test_sentences_after_an_overlong_one_keep_their_offsets() -> None:
    original = _long_sentence(20)
    body = f"Fighting began on 1 June. {original} Later 7 civilians were wounded."
    doc = _document(body)
    found = list(sentences(doc))
    assert found[0].text == "Fighting began on 1 June."
    assert found[-1].text == "Later 7 civilians were wounded."
    assert doc.text[found[-1].start : found[-1].end] == found[-1].text
    _check_cover(doc, found[1:-1], doc.text.index(original), original)


def test_figure_near_a_split_point_is_still_extracted(nlp: Any) -> None:
    head = ", ".join(f"{FILLER} {i}" for i in range(3))
    assert len(head) < MAX_SENTENCE_CHARS
    figure = "and 57 soldiers were killed in the shelling"
    # the figure's clause ends right before the first "; ", close to the bound
    pad = MAX_SENTENCE_CHARS - len(head) - len(figure) - 4
    first = f"{head}, {'x' * max(pad, 1)} {figure}"
    assert len(first) < MAX_SENTENCE_CHARS
    original = first + "; " + ", ".join(f"{FILLER} {i}" for i in range(3, 12)) + "."
    doc = _document(original)
    pieces = list(sentences(doc))
    assert len(pieces) > 1
    assert pieces[0].text.endswith("shelling;")
    assert any("57 soldiers" in p.text for p in pieces)
    _event, claims = extract_document(doc, nlp)
    killed = [c for c in claims if c.kind == "killed" and c.value.low == 57]
    assert killed, [(c.kind, c.value) for c in claims]
    evidence = killed[0].evidence[0]
    assert doc.text[evidence.start : evidence.end] == evidence.text
    assert "57" in evidence.text


def test_every_figure_of_a_long_pasted_list_is_read(nlp: Any) -> None:
    items = "; ".join(f"{n} killed in village {n}" for n in range(1, 201))
    doc = _document(f"Casualties reported by the army: {items}.")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences(doc))
    _event, claims = extract_document(doc, nlp)
    values = {c.value.low for c in claims if c.kind == "killed"}
    assert set(range(1, 201)) <= values
    for claim in claims:
        for e in claim.evidence:
            assert doc.text[e.start : e.end] == e.text
