"""Claims from synthetic infobox casualty and strength lines: kinds, sides, values and the
attribution markers that scope them ("(per X)", "Per X:", a trailing "(According to X)")."""

from __future__ import annotations

from fogofwar.extract.actors import build_side_index, parse_sides
from fogofwar.extract.infobox import civilian_line, infobox_claims
from fogofwar.model import Claim, Document
from fogofwar.read import read_bytes

Row = tuple[str, int | None, int | None, str | None, str | None]


def _document(lines: list[tuple[str, str]]) -> Document:
    text = (
        "= Battle of Testville =\n\nInfobox\n- Conflict: Battle of Testville\n"
        "- Date: March 3, 2015\n- Place: Testville\n"
        "- Combatant1: Army of Freedonia\n- Combatant2: Sylvanian Liberation Front\n"
        + "".join(f"- {key}: {value}\n" for key, value in lines)
        + "\nThe fighting lasted a day.\n"
    )
    return read_bytes(text.encode("utf-8"), origin="testville.txt")


def _claims(*lines: tuple[str, str]) -> tuple[Document, list[Claim]]:
    doc = _document(list(lines))
    sides = parse_sides(doc)
    index = build_side_index(doc, sides, civilian_line(doc, len(sides)))
    return doc, infobox_claims(doc, index)


def _rows(claims: list[Claim]) -> list[Row]:
    return [
        (
            c.kind,
            c.subject.side,
            c.value.low,
            c.value.words,
            c.claimant.name if c.claimant else None,
        )
        for c in claims
    ]


def test_infobox_per_item_scoping_covers_items_since_previous_marker() -> None:
    _, claims = _claims(
        (
            "Casualties2",
            "111 dead, hundreds injured, 17 prisoners (per loyalists), 4 killed, 10 injured "
            "(per the Front), 37 killed (per Freedonia)",
        )
    )
    assert _rows(claims) == [
        ("killed", 2, 111, None, "loyalists"),
        ("injured", 2, 200, "hundreds", "loyalists"),
        ("captured", 2, 17, None, "loyalists"),
        ("killed", 2, 4, None, "Front"),
        ("injured", 2, 10, None, "Front"),
        ("killed", 2, 37, None, "Freedonia"),
    ]


def test_infobox_header_governs_what_follows() -> None:
    _, claims = _claims(("Casualties1", "Per Sylvanian Liberation Front: 12 killed, 30 wounded"))
    assert _rows(claims) == [
        ("killed", 1, 12, None, "Sylvanian Liberation Front"),
        ("injured", 1, 30, None, "Sylvanian Liberation Front"),
    ]
    assert all(c.claimant is not None and c.claimant.side == 2 for c in claims)


def test_infobox_second_header_takes_over() -> None:
    _, claims = _claims(("Casualties1", "Per the government: 12 killed; Per the Front: 40 killed"))
    assert [(c.value.low, c.claimant.name if c.claimant else None) for c in claims] == [
        (12, "government"),
        (40, "Front"),
    ]


def test_infobox_trailing_according_to_governs_what_precedes() -> None:
    _, claims = _claims(("Casualties1", "20 killed, 45 wounded (According to the rebels)"))
    assert _rows(claims) == [
        ("killed", 1, 20, None, "rebels"),
        ("injured", 1, 45, None, "rebels"),
    ]


def test_infobox_claim_and_acc_markers() -> None:
    _, first = _claims(("Casualties1", "8 killed (SOHR claim)"))
    _, second = _claims(("Casualties1", "8 killed (acc. SOHR)"))
    assert _rows(first) == _rows(second) == [("killed", 1, 8, None, "SOHR")]


def test_infobox_unattributed_figures_have_no_claimant() -> None:
    _, claims = _claims(("Casualties1", "20 killed, 3 missing"), ("Casualties2", "40 killed"))
    assert _rows(claims) == [
        ("killed", 1, 20, None, None),
        ("missing", 1, 3, None, None),
        ("killed", 2, 40, None, None),
    ]


def test_infobox_third_casualties_line_is_civilians_on_side_3() -> None:
    _, claims = _claims(
        ("Casualties1", "20 killed"),
        ("Casualties2", "40 killed"),
        ("Casualties3", "15 civilians killed, 300 displaced"),
    )
    civilians = [c for c in claims if c.subject.side == 3]
    assert [(c.kind, c.value.low) for c in civilians] == [("killed", 15), ("displaced", 300)]
    assert all(c.subject.civilian for c in civilians)
    assert not any(c.subject.civilian for c in claims if c.subject.side in (1, 2))


def test_infobox_strength_lines() -> None:
    _, claims = _claims(("Strength1", "2,000 troops"), ("Strength2", "500+"))
    assert [(c.kind, c.subject.side, c.value.low, c.value.high) for c in claims] == [
        ("strength", 1, 2000, 2000),
        ("strength", 2, 500, None),
    ]


def test_infobox_vehicles_and_combined_kinds() -> None:
    _, claims = _claims(
        ("Casualties1", "3 tanks destroyed, 2 helicopters shot down"),
        ("Casualties2", "9,500 killed and wounded"),
    )
    assert [(c.kind, c.value.low, c.value.what) for c in claims] == [
        ("vehicles_destroyed", 3, "tanks"),
        ("vehicles_destroyed", 2, "helicopters"),
        ("killed_or_injured", 9500, None),
    ]


def test_infobox_evidence_points_into_the_document() -> None:
    doc, claims = _claims(("Casualties1", "35 killed, 5 prisoners (per the Front)"))
    assert claims
    for claim in claims:
        (ev,) = claim.evidence
        assert ev.section == "infobox"
        assert ev.document == doc.id
        assert doc.text[ev.start : ev.end] == ev.text
        assert claim.value.low is not None and str(claim.value.low) in ev.text


def test_infobox_no_figure_in_unknown_cell() -> None:
    assert _claims(("Casualties1", "Unknown"), ("Casualties2", "None"))[1] == []


def test_infobox_garbage_gives_no_absurd_figures() -> None:
    _, claims = _claims(
        ("Casualties1", "((per per 10^999 killed"), ("Strength1", "99999999999999999999 men")
    )
    assert [(c.kind, c.value.low) for c in claims] == []


def test_infobox_every_strength_item_is_a_claim_materiel_with_what() -> None:
    _, claims = _claims(("Strength1", "40 commandos, 2,500 soldiers, 12 helicopters, 4 tanks"))
    assert [(c.kind, c.value.low, c.value.what) for c in claims] == [
        ("strength", 40, None),
        ("strength", 2500, None),
        ("strength", 12, "helicopters"),
        ("strength", 4, "tanks"),
    ]


def test_infobox_model_numbers_are_not_counts() -> None:
    _, claims = _claims(
        ("Strength1", "2 Dassault Mirage 2000 fighter jets"),
        ("Casualties1", "8 Leopard 2 tanks destroyed"),
    )
    assert [(c.kind, c.value.low) for c in claims] == [
        ("strength", 2),
        ("vehicles_destroyed", 8),
    ]


def test_infobox_breakdown_in_parentheses_keeps_its_kind_and_claimant() -> None:
    _, claims = _claims(
        (
            "Casualties2",
            "60 killed, 90 wounded (per Freedonia), 210 killed (including 80 Sylvanian "
            "Liberation Front fighters), 400 wounded (per the Front)",
        )
    )
    assert _rows(claims) == [
        ("killed", 2, 60, None, "Freedonia"),
        ("injured", 2, 90, None, "Freedonia"),
        ("killed", 2, 210, None, "Front"),
        ("killed", 2, 80, None, "Front"),
        ("injured", 2, 400, None, "Front"),
    ]
    assert claims[3].subject.actor == "Sylvanian Liberation Front"


def test_infobox_kindless_item_takes_the_kind_before_it() -> None:
    _, claims = _claims(
        ("Casualties1", "35 killed; Dozens (per the Front)"), ("Casualties2", "300")
    )
    assert [(c.kind, c.subject.side, c.value.low, c.value.words) for c in claims] == [
        ("killed", 1, 35, None),
        ("killed", 1, 24, "dozens"),
        ("killed_or_injured", 2, 300, None),
    ]


def test_infobox_released_people_are_no_losses() -> None:
    assert _claims(("Casualties3", "4 hostages freed"))[1] == []


def test_infobox_parenthesis_covers_the_line_across_semicolons() -> None:
    _, claims = _claims(("Strength2", "20,000–25,000; 40,000 (October, per the Front)"))
    assert [(c.value.low, c.claimant.name if c.claimant else None) for c in claims] == [
        (20000, "Front"),
        (40000, "Front"),
    ]


def test_infobox_under_a_header_a_parenthesis_covers_its_own_item() -> None:
    _, claims = _claims(("Casualties1", "Per Freedonia:; 12 killed; 30 wounded (per the Front)"))
    assert [(c.value.low, c.claimant.name if c.claimant else None) for c in claims] == [
        (12, "Freedonia"),
        (30, "Front"),
    ]
