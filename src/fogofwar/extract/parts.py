"""Parts of the sentence before's figure: "33 people lost their lives. 28 of them were rebels and
five were militiamen" -- the figures that open a sentence with "N of them", or with a bare figure
"be" tells what its people were ("4,200 were confirmed to be civilians"), and those listed after
them, count what the earlier figure counted."""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract.losses import Loss, window_after
from fogofwar.extract.predicates import told_by_be
from fogofwar.extract.quantities import Quantity
from fogofwar.model import Claim

_PART_OF_EARLIER = re.compile(
    r"\s+of\s+(?:them|those|these|the\s+(?:dead|victims|killed|wounded|casualties))\s+"
    r"(?:were|was)\b",
    re.IGNORECASE,
)
_OPENING_PART = re.compile(r"^(?:(?:Of\s+these|Among\s+them|In\s+all|Overall),?\s*)?$", re.I)


def carry_parts(
    text: str,
    quantities: list[Quantity],
    losses: list[Loss | None],
    earlier: list[Claim],
    parsed: Any = None,
) -> None:
    """ "33 people lost their lives. 28 of them were rebels and five were militiamen": parts
    of the sentence before's figure ("N of them", and the figures listed after it) count what
    it counted. A figure with its own loss word keeps it."""
    if not earlier:
        return
    main = earlier[0]
    carrying = False
    for i, q in enumerate(quantities):
        found = losses[i]
        own = found is not None and found.kind != "strength"
        if not carrying:
            carrying = (
                i == 0
                and not own
                and _OPENING_PART.match(text[: q.start]) is not None
                and (
                    _PART_OF_EARLIER.match(text[q.end :]) is not None
                    or (parsed is not None and told_by_be(parsed, q.start, q.end))
                )
            )
        elif own or not re.fullmatch(
            r"[^;.:]*?(?:,|\band\b|\bwhile\b)[^;.:]*", text[quantities[i - 1].end : q.start]
        ):
            carrying = False
        if carrying:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            phrase = window_after(text, q.end, stop)
            losses[i] = Loss(main.kind, phrase, main.value.what, -1, -1, breakdown=True)
