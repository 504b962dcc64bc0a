"""Reconciliation rules on small synthetic claims: scope (R6), alignment (R2), actors rolled up
into their side and revisions across actor levels (R1, R5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.model import (
    Actor,
    Claim,
    Claimant,
    Estimate,
    Event,
    Evidence,
    Place,
    Side,
    Subject,
    Value,
)
from fogofwar.reconcile import PolicyError, load_policy, reconcile, superseded

EV = "battle-of-somewhere"


def claim(
    cid: str,
    low: int,
    high: int | None = -1,
    *,
    side: int | None = 2,
    who: str | None = "AFP",
    who_side: int | None = None,
    who_kind: str = "media",
    scope: str = "total",
    stance: str = "assert",
    actor: str | None = None,
    said_on: str | None = None,
    at: int = 0,
    civilian: bool = False,
    kind: str = "killed",
) -> Claim:
    return Claim(
        cid,
        EV,
        kind,
        Subject(side, actor, civilian),
        Value(low, low if high == -1 else high),
        Claimant(who, who_side, who_kind) if who else None,
        stance,  # type: ignore[arg-type]
        said_on,
        (Evidence("doc", "Aftermath", at, at + 5, "text"),),
        scope,  # type: ignore[arg-type]
    )


def side_estimate(ests: list[Estimate], side: int | None = 2, kind: str = "killed") -> Estimate:
    [e] = [e for e in ests if (e.side, e.actor, e.kind) == (side, None, kind)]
    return e


def event(country: str, side1: list[str], side2: list[str]) -> Event:
    return Event(
        EV,
        "doc",
        "Battle of Somewhere",
        "battle",
        None,
        Place("Somewhere", country),
        None,
        None,
        (
            Side(1, tuple(Actor(a) for a in side1)),
            Side(2, tuple(Actor(a) for a in side2)),
        ),
    )


# -- R6 scope ------------------------------------------------------------------------------------


def test_reconcile_scope_single_incident_never_beats_a_total() -> None:
    """One strike's 2 killed is no estimate of a battle whose total is 606 (it used to be best)."""
    ests = reconcile(
        [
            claim("strike", 2, scope="incident", who="Reuters", at=900),
            claim("total", 606, who="UN", who_kind="intergovernmental", at=100),
        ]
    )
    est = side_estimate(ests)
    assert (est.low, est.best, est.high) == (606, 606, 606)
    assert est.basis[0] == "total"
    assert "R6 scope: best comes from the event's totals" in est.reason


def test_reconcile_scope_incidents_sum_to_best_only_without_a_total() -> None:
    ests = reconcile(
        [
            claim("a", 5, scope="incident", said_on="2020-05-01", at=10),
            claim("a-again", 5, scope="incident", said_on="2020-05-01", who="BBC", at=20),
            claim("b", 7, scope="incident", said_on="2020-05-02", at=30),
            claim("boast", 90, scope="incident", who="Army", who_side=1, who_kind="party", at=40),
        ]
    )
    est = side_estimate(ests)
    assert est.best == 12  # 5 + 7: the same day's report counted once, the partisan 90 aside
    assert est.low == 12
    assert est.high == 102  # what the incidents come to at most, as claimed
    assert "R6 scope: no event total, so best 12 is the floor" in est.reason
    assert "2 distinct incidents" in est.reason and "partisan figures aside" in est.reason


def test_reconcile_scope_latest_running_count_is_a_floor() -> None:
    ests = reconcile(
        [
            claim("early", 40, scope="cumulative", said_on="2020-05-01", at=10),
            claim("later", 75, scope="cumulative", said_on="2020-06-01", at=20),
            claim("total", 60, who="UN", who_kind="intergovernmental", at=5),
            claim("other", 900, scope="other", at=30),
        ]
    )
    est = side_estimate(ests)
    assert est.best == 60 and est.high == 75  # the other event's 900 never counts
    assert "latest running count is AFP 75" in est.reason
    assert "about other events left out" in est.reason
    only_running = side_estimate(reconcile([claim("early", 40, scope="cumulative", at=1)]))
    assert only_running.best == 40 and "no event total" in only_running.reason


def test_reconcile_scope_strength_incidents_do_not_add_up() -> None:
    ests = reconcile(
        [
            claim("a", 300, scope="incident", kind="strength", at=1),
            claim("b", 500, scope="incident", kind="strength", said_on="2020-01-02", at=2),
        ]
    )
    assert side_estimate(ests, kind="strength").best == 500


# -- R2 alignment ---------------------------------------------------------------------------------


def test_reconcile_aligned_national_media_are_partisan() -> None:
    """A country's newspaper about the losses of the rebels its government's side fights."""
    claims = [
        claim("paper", 111, who="Chadian newspaper La Voix", at=10),
        claim("wire", 37, who="Reuters", at=20),
    ]
    ev = event("Chad", ["Chadian Army", "pro-government militias"], ["Liberation Front"])
    est = side_estimate(reconcile(claims, events=[ev]))
    assert est.best == 37 and est.high == 111
    assert "R2 aligned: Chadian newspaper La Voix speaks for Chad, which is behind side 1" in (
        est.reason
    )
    assert "R2 partisan: Chadian newspaper La Voix 111" in est.reason
    unaligned = side_estimate(reconcile(claims))  # without the event nothing tells
    assert unaligned.best == 37 and "R2 aligned" not in unaligned.reason


def test_reconcile_aligned_through_pro_government_side_of_the_home_country() -> None:
    claims = [
        claim("paper", 50, who="Nigerien media Le Sahel", at=10),
        claim("own", 6, who="Liberation Front", who_side=2, who_kind="party", at=20),
        claim("govt", 3, side=1, who="government sources", who_side=1, who_kind="government"),
    ]
    ev = event("Niger", ["Loyalists"], ["Liberation Front"])
    est = side_estimate(reconcile(claims, events=[ev]))
    assert est.best == 6 and "which is behind side 1 (Loyalists)" in est.reason
    # the same outlet about a battle in another country is independent there
    abroad = side_estimate(reconcile(claims, events=[event("Mali", ["Loyalists"], ["X"])]))
    assert abroad.best == 6 and "R2 aligned" not in abroad.reason


def test_reconcile_aligned_rule_ignores_rebels_named_after_the_country() -> None:
    claims = [claim("paper", 50, side=1, who="Syrian newspaper Al-Watan", at=10)]
    ev = event("Syria", ["Free Syrian Army"], ["Syrian Arab Army"])
    est = side_estimate(reconcile(claims, events=[ev]), side=1)
    assert (est.best, est.high) == (None, 50)  # aligned with side 2 only: partisan here
    assert "behind side 2 (Syrian Arab Army)" in est.reason


# -- actors roll up into their side; revisions across actor levels --------------------------------


def test_reconcile_actor_figures_roll_up_into_one_side_estimate() -> None:
    claims = [
        claim("a", 10, actor="Front A", who="AFP", at=1),
        claim("b", 5, actor="Front B", who="AFP", at=2),
        claim("c", 12, who="BBC", at=3),
    ]
    ests = reconcile(claims)
    side = side_estimate(ests)
    assert (side.low, side.best, side.high) == (12, 12, 15)
    assert "AFP 15 (10 Front A + 5 Front B)" in side.reason
    assert {e.actor for e in ests if e.actor} == {"Front A", "Front B"}  # detail
    assert len([e for e in ests if e.actor is None]) == 1


def test_reconcile_revision_replaces_earlier_figure_across_actor_levels() -> None:
    """The revised side figure (in the infobox, before the prose) replaces the officials'
    earlier actor-level 35+: one state speaks with one voice."""
    claims = [
        claim("revised", 61, who="Ukraine", who_side=2, who_kind="government", stance="revise"),
        claim("first", 35, None, actor="Ukraine", who="Ukrainian officials", who_side=2,
              who_kind="government", at=900),
    ]  # fmt: skip
    est = side_estimate(reconcile(claims))
    assert (est.low, est.best) == (61, 61)
    assert "R1 revision: Ukraine's revised statement 61 replaces Ukrainian officials'" in est.reason
    assert superseded(claims) == {"first": "revised"}


def test_reconcile_breakdown_is_checked_in_one_pass_per_side() -> None:
    claims = [claim("t", 20, who="AFP", at=1)] + [
        claim(f"p{i}", 1, actor=f"Group {i}", who="AFP", at=2 + i) for i in range(30)
    ]
    est = side_estimate(reconcile(claims))
    assert est.best == 20
    assert "is 30, more than its total 20: FLAGGED" in est.reason


def test_reconcile_aligned_with_the_side_a_state_backs() -> None:
    claims = [claim("tv", 200, who="Rwandan state television", at=1), claim("ngo", 40, at=2)]
    ev = event("Democratic Republic of the Congo", ["Rwandan-backed militia"], ["Congolese Army"])
    est = side_estimate(reconcile(claims, events=[ev]))
    assert est.best == 40 and "which is behind side 1 (Rwandan-backed militia)" in est.reason


def test_reconcile_bad_alignment_pattern_is_one_line_error(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "src/fogofwar/data/policy.toml").read_text("utf-8")
    path = tmp_path / "p.toml"
    path.write_text(text.replace("backed = ['backed',", "backed = ['(backed',"))
    with pytest.raises(PolicyError, match=r"rules\.aligned\.backed is not a list of patterns"):
        load_policy(path)
