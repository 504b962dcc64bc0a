from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from fogofwar.model import Claim, Claimant, Estimate, Event, Extraction, Subject, Value
from fogofwar.reconcile import PolicyError, classify, load_policy, reconcile, superseded

DATA = Path(__file__).parent / "data"
EV = "battle-of-anefis-2014"


@pytest.fixture
def claims() -> list[Claim]:
    x = Extraction.from_dict(json.loads((DATA / "anefis.extraction.json").read_text("utf-8")))
    return list(x.claims)


def _find(ests: list[Estimate], side: int | None, kind: str, actor: str | None = None) -> Estimate:
    [e] = [e for e in ests if (e.side, e.kind, e.actor) == (side, kind, actor)]
    return e


def test_reconcile_default_policy_names_every_rule_it_applies(claims: list[Claim]) -> None:
    ests = reconcile(claims)
    killed2 = _find(ests, 2, "killed")
    assert (killed2.low, killed2.best, killed2.high) == (4, 37, 111)
    assert "R3 best" in killed2.reason and "corroborated by Reuters" in killed2.reason
    assert "R4 range: low 4 is the lowest credible figure" in killed2.reason
    assert "R5 breakdown: Le Temoin's breakdown" in killed2.reason
    assert "adds up to its total 111" in killed2.reason


def test_reconcile_worked_example_side2_killed_never_from_a_partisan_total(
    anefis_result: tuple[Event, list[Claim]],
) -> None:
    """The real extractor's claims with their event: Malian media and officials speak for the
    state behind side 1's pro-government militias, so their 111 is partisan; best comes from
    the Reuters-corroborated 37 or the MNLA's own admitted 4."""
    event, claims = anefis_result
    killed2 = _find(reconcile(claims, events=[event]), 2, "killed")
    assert killed2.best is not None and 4 <= killed2.best <= 37
    by_id = {c.id: c for c in claims}
    source = by_id[killed2.basis[0]]
    assert source.claimant is not None
    corroborated = any(
        by_id[i].claimant
        and by_id[i].claimant.name == "Reuters"  # type: ignore[union-attr]
        and (by_id[i].value.low, by_id[i].value.high) == (killed2.best, killed2.best)
        for i in killed2.basis
    )
    assert corroborated or source.claimant.side == 2  # Reuters' figure or the MNLA's own
    assert "R2 aligned: Malian newspaper Le Temoin speaks for Mali" in killed2.reason
    assert "R2 partisan: " in killed2.reason and "Le Temoin 111" in killed2.reason
    assert "R3 best" in killed2.reason and "corroborated by Reuters" in killed2.reason


def test_reconcile_revision_replaces_earlier_statement(claims: list[Claim]) -> None:
    killed1 = _find(reconcile(claims), 1, "killed")
    assert (
        "R1 revision: MNLA's revised statement 'several dozen' (24-99) replaces its earlier 35"
        in killed1.reason
    )
    assert f"{EV}/c01" not in killed1.basis
    assert f"{EV}/c01 withdrawn" in killed1.reason
    injured2 = _find(reconcile(claims), 2, "injured")
    assert (injured2.low, injured2.best, injured2.high) == (10, 10, 999)


def test_reconcile_partisan_claims_set_high_never_best(claims: list[Claim]) -> None:
    killed1 = _find(reconcile(claims), 1, "killed")
    assert (killed1.low, killed1.best, killed1.high) == (None, None, 99)
    assert "R2 partisan" in killed1.reason and "may set high but not best" in killed1.reason


def test_reconcile_prefers_corroborated_independent_figures(claims: list[Claim]) -> None:
    mnla = _find(reconcile(claims), 2, "killed", "MNLA")
    assert (mnla.low, mnla.best, mnla.high) == (37, 37, 37)
    assert re.search(r"Malijet 37 \[independent, corroborated by [^\]]*Reuters", mnla.reason)
    side = _find(reconcile(claims), 2, "killed")  # the actor's figures roll up into the side
    assert re.search(
        r"Malijet 37 \(37 MNLA\) \[independent, corroborated by [^\]]*Reuters", side.reason
    )


def test_reconcile_no_claim_gives_no_estimate(claims: list[Claim]) -> None:
    ests = reconcile(claims)
    assert not [e for e in ests if e.civilian]  # nobody claimed civilian losses
    assert not [e for e in ests if e.kind == "presence"]
    assert reconcile([]) == []


def test_reconcile_flags_breakdown_that_does_not_add_up(claims: list[Claim]) -> None:
    inflated = [
        dataclasses.replace(c, value=Value(90, 90)) if c.id == f"{EV}/c16" else c for c in claims
    ]
    killed2 = _find(reconcile(inflated), 2, "killed")
    assert "FLAGGED, does not add up" in killed2.reason


def test_reconcile_policy_file_overrides_rules(claims: list[Claim], tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "src/fogofwar/data/policy.toml").read_text("utf-8")
    text = text.replace('among_equals = "lowest"', 'among_equals = "highest"')
    text = text.replace("prefer_corroborated = true", "prefer_corroborated = false")
    path = tmp_path / "policy.toml"
    path.write_text(text)
    injured2 = _find(reconcile(claims, load_policy(path)), 2, "injured")
    assert injured2.best == 126
    assert "the highest of the most reliable figures" in injured2.reason


def test_reconcile_denial_is_not_a_figure() -> None:
    said = Claim("a", "e", "killed", Subject(side=2), Value(30, 30), Claimant("AFP", None, "media"))
    denied = Claim(
        "b",
        "e",
        "killed",
        Subject(side=2),
        Value(30, 30),
        Claimant("Army", 2, "party"),
        stance="deny",
    )
    [est] = reconcile([said, denied])
    assert est.best == 30 and "denied by Army" in est.reason
    assert est.basis == ("a",)


def test_reconcile_classify_claimants() -> None:
    pol = load_policy()
    own = Claim("a", "e", "killed", Subject(side=1), Value(1, 1), Claimant("X", 1, "party"))
    assert classify(own, pol) == "own_admitted"
    assert classify(dataclasses.replace(own, subject=Subject(side=2)), pol) == "partisan"
    assert classify(dataclasses.replace(own, claimant=None), pol) == "unattributed"
    assert (
        classify(dataclasses.replace(own, claimant=Claimant("UN", None, "intergovernmental")), pol)
        == "independent"
    )


@pytest.mark.parametrize(
    "content, words",
    [
        ("not toml [", "not valid TOML"),
        ("[rules]\n", "missing or malformed policy entry"),
    ],
)
def test_reconcile_bad_policy_is_one_line_error(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(content)
    with pytest.raises(PolicyError, match=words) as err:
        load_policy(path)
    assert "\n" not in str(err.value)


def test_reconcile_unknown_class_in_policy_is_rejected(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "src/fogofwar/data/policy.toml").read_text("utf-8")
    path = tmp_path / "p.toml"
    path.write_text(text.replace('["unaligned", "unattributed"]', '["bloggers"]'))
    with pytest.raises(PolicyError, match="unknown claimant class 'bloggers'"):
        load_policy(path)


def test_reconcile_superseded_maps_withdrawn_to_revision(claims: list[Claim]) -> None:
    assert superseded(claims) == {
        f"{EV}/c01": f"{EV}/c10",
        f"{EV}/c07": f"{EV}/c08",
        f"{EV}/c20": f"{EV}/c21",
    }
