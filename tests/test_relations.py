"""Stated arithmetic (issue 11): equivalents, growth rates, shares and sums."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.ci.check import compare_with_baseline
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.core.intervals import (
    add_intervals,
    divide_intervals,
    multiply_intervals,
    subtract_intervals,
)
from reconcile.normalize.validation import validate

DATA = Path(__file__).parent / "data" / "relations"
# Figures, not denormals: below 1e-6 a quotient can overflow where no figure would.
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(
    lambda x: x == 0 or abs(x) > 1e-6
)


def _interval(draw: Any) -> tuple[float, float]:
    a, b = draw(finite), draw(finite)
    return (min(a, b), max(a, b))


@st.composite
def intervals(draw: Any) -> tuple[float, float]:
    return _interval(draw)


OPERATIONS = [
    (add_intervals, lambda x, y: x + y),
    (subtract_intervals, lambda x, y: x - y),
    (multiply_intervals, lambda x, y: x * y),
    (divide_intervals, lambda x, y: x / y),
]


@pytest.mark.parametrize(("operation", "exact"), OPERATIONS, ids=lambda f: f.__name__)
@settings(max_examples=300, deadline=None)
@given(a=intervals(), b=intervals(), u=st.floats(0, 1), v=st.floats(0, 1))
def test_the_derived_interval_contains_every_exact_result(
    operation: Any, exact: Any, a: tuple[float, float], b: tuple[float, float], u: float, v: float
) -> None:
    low, high = operation(*a, *b)
    if np.isnan(low):  # only a division by an interval containing zero is unbounded
        assert operation is divide_intervals and b[0] <= 0 <= b[1]
        return
    # A point drawn inside both intervals, and the four corners (where the extremes of a
    # product or quotient lie: a random point alone seldom lands on them).
    inside = (
        min(max(a[0] + u * (a[1] - a[0]), a[0]), a[1]),
        min(max(b[0] + v * (b[1] - b[0]), b[0]), b[1]),
    )
    for x, y in [inside, *((p, q) for p in a for q in b)]:
        if operation is divide_intervals and y == 0:
            continue
        result = exact(x, y)
        # Float rounding of the inputs themselves, not of the interval logic.
        slack = 1e-9 * max(1.0, abs(result), abs(x), abs(y))
        assert low - slack <= result <= high + slack


def _report(path: Path) -> dict[str, Any]:
    return build_report(reconcile_claims([path]))


def _relation(report: dict[str, Any], claim: str) -> dict[str, Any]:
    return next(r for r in report["relations"] if r["claim"] == claim)


def test_parts_that_fall_short_of_their_total_are_a_sum_mismatch() -> None:
    record = _relation(_report(DATA / "good"), "total")
    assert (record["kind"], record["verdict"], record["cause"]) == (
        "sum",
        "mismatch",
        "sum-mismatch",
    )
    assert record["text"] == (
        "parts 6.1 billion manat + 2.9 billion manat against the total 9.2 billion manat: "
        "the parts add up to less than the total (200 mn AZN short)"
    )


@pytest.mark.parametrize(
    ("claim", "verdict", "cause"),
    [
        ("amd-usd", "agrees", None),  # matches the 2020 average rate
        ("slip-usd", "mismatch", "scale"),  # a thousand times too small
        ("dated-usd", "mismatch", "conversion-date"),  # the 2014 rate, before devaluation
        ("own-usd", "agrees", None),  # the text's own rate, 2.0 AZN/USD
    ],
)
def test_stated_equivalents(claim: str, verdict: str, cause: str | None) -> None:
    record = _relation(_report(DATA / "good"), claim)
    assert (record["verdict"], record["cause"]) == (verdict, cause)


def test_a_round_original_is_not_a_wildcard_for_its_restatement() -> None:
    # "1 billion manat" is [0.5, 1.5] billion, but $1.28 billion is held to its own precision.
    record = _relation(_report(DATA / "good"), "dated-usd")
    assert "it matches the 2014 average rate" in record["text"]


def test_a_growth_rate_implies_the_base_year_figure_with_its_chain() -> None:
    report = _report(DATA / "good")
    group = next(g for g in report["groups"] if g["period"] == "2018")
    derived = next(c for c in group["claims"] if c["derived"] == "growth")
    assert derived["chain"] == ("6.6 billion manat (later) ÷ (1 + 10 percent [5, 15]) (growth)")
    assert group["verdict"] == "conflict"
    assert group["conflicts"][0]["cause"] == "implied-by-growth"


def test_a_relation_mismatch_is_a_ci_item_with_its_own_fingerprint() -> None:
    report = _report(DATA / "good")
    items = compare_with_baseline(report, {})
    sums = [i for i in items if i.conflicts[0].get("kind") == "sum"]
    assert len(sums) == 1 and sums[0].state == "new"
    pair_prints = {c["fingerprint"] for g in report["groups"] for c in g["conflicts"]}
    assert sums[0].fingerprint not in pair_prints
    assert {c["id"] for c in sums[0].claims} == {"army", "security", "total"}


def test_bad_relations_are_findings_with_file_and_line() -> None:
    result = validate([DATA / "bad"])
    messages = sorted(
        f"{Path(f['path']).name}:{f['line']}: {f['code']}: {f['message']}"
        for f in result["findings"]
    )
    assert messages == [
        "relations.yaml:10: bad-relation: change_from needs change_of: "
        "the claim whose figure changed",
        "relations.yaml:5: bad-relation: part_of refers to unknown claim 'nowhere'; "
        "give the id of another claim",
        "relations.yaml:6: bad-relation: equivalent_of refers to itself; "
        "give the id of another claim",
        "relations.yaml:7: relation-cycle: part_of forms a cycle through claim 'c'; "
        "one of the claims must be the original",
        "relations.yaml:9: bad-rate: rate 'two manat a dollar' is not readable; "
        'write the rate as "2.7 GEL/USD" (2.7 lari for one US dollar)',
    ]


def test_the_seed_relations() -> None:
    report = _report(Path("claims"))
    sums = {r["claim"]: r["verdict"] for r in report["relations"] if r["kind"] == "sum"}
    # 37 + 15 + 4 + 50 = 106 aircraft, 15 + 20 = 35 helicopters, 14 + 16 + 120 = 150 troops.
    assert sums == {"seed-001-025": "agrees", "seed-001-026": "agrees", "seed-001-076": "agrees"}
    groups = {(g["entity"], g["metric"], g["period"]): g for g in report["groups"]}
    budget_2024 = groups[("AZE", "defence_budget", "2024")]["claims"][0]
    assert budget_2024["derived"] == "growth"
    assert budget_2024["low"] == pytest.approx(8.05e9 / 1.235)
    assert budget_2024["high"] == pytest.approx(8.15e9 / 1.225)
    assert "÷ (1 + 23 percent [22.5, 23.5])" in budget_2024["chain"]
    personnel = groups[("AZE", "active_personnel", "2020")]
    assert personnel["verdict"] == "conflict"
    implied = next(c for c in personnel["claims"] if c["derived"] == "share")
    assert implied["value"] == "implied by 1,000 being 3%"
    assert personnel["conflicts"][0]["cause"] == "implied-by-share"
