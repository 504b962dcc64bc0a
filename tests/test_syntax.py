"""What a figure counts, read off the dependency parse (extract/syntax.py)."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract.syntax import loss_by_syntax


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "what"),
    [
        ("The clashes around the building left 11 militia fighters killed.", "11", "killed", None),
        ("It reported the killing of 40 militants.", "40", "killed", None),
        ("The deaths of dozens of rebels were reported.", "dozens", "killed", None),
        ("Eight were missing after the strike.", "Eight", "missing", None),
        ("Air defences shot down two helicopters.", "two", "vehicles_destroyed", "helicopters"),
        ("The army killed 150 soldiers and 3 civilians.", "3", "killed", None),
        ("They lost 19 fighters in the assault.", "19", "killed", None),
    ],
)
def test_syntax_loss_of_a_figure(
    nlp: Any, sentence: str, figure: str, kind: str, what: str | None
) -> None:
    at = sentence.index(figure)
    loss = loss_by_syntax(nlp(sentence), at, at + len(figure))
    assert loss is not None
    assert (loss.kind, loss.what) == (kind, what)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("About 300 rebel fighters crossed into the town.", "300"),
        ("The 150 attackers killed the guards.", "150"),
        ("The town lies 40 kilometres away.", "40"),
    ],
)
def test_syntax_no_loss_where_no_loss_predicate_governs(
    nlp: Any, sentence: str, figure: str
) -> None:
    at = sentence.index(figure)
    assert loss_by_syntax(nlp(sentence), at, at + len(figure)) is None


def test_syntax_parts_named_after_including_share_the_verb(nlp: Any) -> None:
    sentence = "Foreign fighters were killed as well, including 30 Lebanese and six Palestinians."
    parsed = nlp(sentence)
    for figure in ("30", "six"):
        at = sentence.index(figure)
        loss = loss_by_syntax(parsed, at, at + len(figure))
        assert loss is not None and loss.kind == "killed"
