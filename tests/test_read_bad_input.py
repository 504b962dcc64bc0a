"""Bad input through the library: each gets one ``InputError`` naming the input and the problem,
or a correct partial result; never another exception, and a batch loses none of its good files."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from samples import GARBAGE_LINES, PNG, PROSE_ONLY

from fogofwar.errors import BinaryInput, EmptyInput, EncodingError, InputError, InputTooLarge
from fogofwar.extract import extract_document, extract_paths
from fogofwar.model import NUMERIC_KINDS
from fogofwar.read import read_bytes, read_path

GARBAGE_INFOBOX = GARBAGE_LINES + (
    "- Strength1: 99999999999999999999 men\n\nThe battle happened.\n"
)
BAD: dict[str, tuple[bytes, type[InputError], str]] = {
    "empty": (b"", EmptyInput, "empty"),
    "blank": (b"  \n\n\t \n", EmptyInput, "empty"),
    "png": (PNG, BinaryInput, "binary"),
    "nuls": (b"= Title =\n\x00\x00\x00\x00 some text", BinaryInput, "binary"),
    "latin1": (
        "= Bataille =\n\nLes soldats français ont été tués.\n".encode("latin-1"),
        EncodingError,
        "UTF-8",
    ),
}


def _assert_one_line(err: InputError, origin: str, problem: str) -> None:
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"{origin}: ")
    assert problem in message
    assert err.origin == origin


@pytest.mark.parametrize("name", sorted(BAD))
def test_read_bad_input_bytes_raise_one_line_error(name: str) -> None:
    data, error, problem = BAD[name]
    with pytest.raises(error) as info:
        read_bytes(data, origin=f"{name}.txt")
    _assert_one_line(info.value, f"{name}.txt", problem)


@pytest.mark.parametrize("name", sorted(BAD))
def test_read_bad_input_files_raise_one_line_error(name: str, tmp_path: Path) -> None:
    data, error, problem = BAD[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read_path(path)
    _assert_one_line(info.value, str(path), problem)


def test_read_bad_input_latin1_names_the_offending_byte() -> None:
    with pytest.raises(EncodingError, match=r"0xe7"):
        read_bytes("= T =\n\nfran\u00e7ais\n".encode("latin-1"), origin="x.txt")


def test_read_bad_input_huge_file_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse): refused from its size, before reading
    with pytest.raises(InputTooLarge) as info:
        read_path(path)
    _assert_one_line(info.value, str(path), "MiB")


def test_read_bad_input_max_bytes_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(PROSE_ONLY, encoding="utf-8")
    with pytest.raises(InputTooLarge):
        read_path(path, max_bytes=20)
    assert read_path(path, max_bytes=10_000).title == "Battle of Nowhere"


def test_read_bad_input_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        read_path(tmp_path / "nope.txt")
    _assert_one_line(missing.value, str(tmp_path / "nope.txt"), "no such file")
    with pytest.raises(InputError) as directory:
        read_path(tmp_path)
    _assert_one_line(directory.value, str(tmp_path), "directory")


def test_read_bad_input_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(PNG)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    with pytest.raises(BinaryInput) as info:
        read_path("-")
    _assert_one_line(info.value, "<stdin>", "binary")


def test_read_bad_input_bom_and_crlf_are_fine() -> None:
    data = "\ufeff= Battle of Nowhere =\r\n\r\nSome prose.\r\n".encode()
    doc = read_bytes(data, origin="bom.txt")
    assert doc.title == "Battle of Nowhere"
    assert "\r" not in doc.text


def test_read_bad_input_prose_without_infobox_is_a_partial_result(nlp: Any) -> None:
    doc = read_bytes(PROSE_ONLY.encode("utf-8"), origin="prose.txt")
    assert doc.infobox == ()
    event, claims = extract_document(doc, nlp)
    assert event.title == "Battle of Nowhere"
    assert event.sides == ()
    figures = [c for c in claims if c.kind in NUMERIC_KINDS]
    assert all(ev.section != "infobox" for c in claims for ev in c.evidence)
    assert sorted((c.kind, c.value.low, c.value.high) for c in figures) == [
        ("injured", 30, 30),
        ("killed", 12, 12),
    ]
    assert all(c.claimant is not None and "army" in c.claimant.name.lower() for c in figures)


def test_read_bad_input_garbage_infobox_is_read(nlp: Any) -> None:
    doc = read_bytes(GARBAGE_INFOBOX.encode("utf-8"), origin="garbage.txt")
    assert doc.infobox_value("Date") == "99/99/9999"
    event, _ = extract_document(doc, nlp)
    assert event.date is None


def test_read_bad_input_garbage_infobox_gives_no_absurd_values(nlp: Any) -> None:
    doc = read_bytes(GARBAGE_INFOBOX.encode("utf-8"), origin="garbage.txt")
    _, claims = extract_document(doc, nlp)
    # "10^999" is no count: no figure may be read out of it (neither 10 nor 999)
    assert [
        (c.kind, c.value.low, c.evidence[0].text) for c in claims if c.kind in NUMERIC_KINDS
    ] == []


def test_read_bad_input_batch_keeps_good_files(tmp_path: Path, nlp: Any) -> None:
    paths = []
    for name, (data, _, _) in sorted(BAD.items()):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        paths.append(str(path))
    good = tmp_path / "prose.txt"
    good.write_text(PROSE_ONLY, encoding="utf-8")
    paths.insert(2, str(good))
    extraction, errors = extract_paths(paths, workers=1)
    assert [d.origin for d in extraction.documents] == [str(good)]
    assert len(extraction.events) == 1
    assert {c.kind for c in extraction.claims} >= {"killed", "injured"}
    assert len(errors) == len(BAD)
    for origin, error in zip([p for p in paths if p != str(good)], errors, strict=True):
        assert error.startswith(f"{origin}: ")
        assert "\n" not in error
