"""Claims -> estimates: low / best / high with a reason naming each rule of the policy
(DESIGN.md, "Reconciliation"). A pure function of the claims, the policy and, for R2's
alignment, the claims' events: nothing is read or written elsewhere.

- ``policy``: the policy TOML read into a ``Policy``;
- ``align``: which claimants speak for a state that fights or backs a side (R2);
- ``figures``: claimant classes, revisions (R1), actors rolled up into their side (R5);
- ``scope``: totals give best, incidents and running counts give floors (R6);
- ``estimate``: the estimates and their reasons.
"""

from fogofwar.errors import PolicyError
from fogofwar.reconcile.estimate import reconcile, superseded
from fogofwar.reconcile.figures import LABELS, Figure, classify, in_statement_order
from fogofwar.reconcile.policy import CLASSES, Policy, load_policy

__all__ = [
    "CLASSES",
    "LABELS",
    "Figure",
    "Policy",
    "PolicyError",
    "classify",
    "in_statement_order",
    "load_policy",
    "reconcile",
    "superseded",
]
