"""Figures in words with a hundreds group after the scale, or a scale after "hundred"
(extract/quantities.py): "four thousand two hundred", "two hundred thousand"."""

from __future__ import annotations

import pytest

from fogofwar.extract.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Four thousand two hundred were confirmed to be civilians.", 4200),
        ("some four thousand two hundred and fifty men", 4250),
        ("two hundred thousand refugees", 200_000),
        ("five hundred thousand and ten", 500_010),
        ("two thousand and five men", 2005),
        ("seven hundred pikemen", 700),
    ],
)
def test_figure_in_words_with_several_scales(text: str, value: int) -> None:
    first = find_quantities(text)[0]
    assert (first.low, first.high) == (value, value)
