"""Every bounding word of ``data/lexicon/quantity_words.toml`` bounds a figure as its section
says (REFERENCES.md, "Values"): the words are data, read through ``lexicon.word_set``."""

from __future__ import annotations

import pytest

from fogofwar.extract import lexicon
from fogofwar.extract.quantities import find_quantities

_EXPECTED = {
    "at_least": (50, None),
    "more_than": (51, None),
    "up_to": (0, 50),
    "fewer_than": (0, 49),
    "about": (50, 50),
}


@pytest.mark.parametrize(
    ("section", "word"),
    sorted((s, w) for s in _EXPECTED for w in lexicon.word_set("quantity_words", s)),
)
def test_each_bounding_word_bounds_as_its_section_says(section: str, word: str) -> None:
    text = f"The army said {word} 50 soldiers were killed."
    found = [(q.low, q.high) for q in find_quantities(text)]
    assert found == [_EXPECTED[section]]
    if section == "about":
        assert find_quantities(text)[0].approx
