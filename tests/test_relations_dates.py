"""Restatements converted on another date, and scale slips of the Indian scale words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.reconciliation import build_report, reconcile_claims

DATA = Path(__file__).parent / "data" / "relations" / "dates"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return build_report(reconcile_claims([DATA]))


def _check(report: dict[str, Any], claim: str) -> dict[str, Any]:
    return next(r for r in report["relations"] if r["claim"] == claim)


def _pair(report: dict[str, Any], first: str, second: str) -> dict[str, Any]:
    return next(
        c
        for g in report["groups"]
        for c in g["conflicts"]
        if {c["claim_a"], c["claim_b"]} == {first, second}
    )


@pytest.mark.parametrize(
    ("claim", "cause"),
    [
        # Written a year after its period, lower by about what the hryvnia fell: that day's rate.
        ("adopted-usd", "conversion-date"),
        # The same gap the other way: the hryvnia did not rise, so no date explains it.
        ("wrong-usd", "stated-equivalent"),
        # The same gap, written within the period's own year: no later rate explains it.
        ("early-usd", "stated-equivalent"),
    ],
)
def test_a_restatement_written_later_is_dated_only_the_way_the_currency_moved(
    report: dict[str, Any], claim: str, cause: str
) -> None:
    check = _check(report, claim)
    assert (check["verdict"], check["cause"]) == ("mismatch", cause)
    later = "the currencies moved that way by 2022, when the text was written"
    assert (later in check["text"]) == (cause == "conversion-date")


def test_two_restatements_converted_at_different_rates_are_a_conversion_date_pair(
    report: dict[str, Any],
) -> None:
    # The originals are a draft and the adopted budget 0.7 % apart; the restatements are 25 %
    # apart because one was converted after the hryvnia fell: not a budget-stage difference.
    pair = _pair(report, "draft-usd", "adopted-usd")
    assert (pair["kind"], pair["cause"]) == ("contradiction", "conversion-date")
    # Without the restatements, the stages stay the cause (the draft against the adopted one).
    assert _pair(report, "draft-usd", "adopted")["cause"] == "budget-stage"


def test_a_figure_against_its_own_restatement_at_its_days_rate_is_explained(
    report: dict[str, Any],
) -> None:
    pair = _pair(report, "adopted", "adopted-usd")
    assert (pair["kind"], pair["cause"]) == ("definition-difference", "conversion-date")
    # Unexplained, the restatement stays a contradiction.
    pair = _pair(report, "early", "early-usd")
    assert (pair["kind"], pair["cause"]) == ("contradiction", "stated-equivalent")


def test_lakh_crore_written_for_crore_is_a_scale_slip(report: dict[str, Any]) -> None:
    pair = _pair(report, "outlay", "misprint")
    assert (pair["cause"], pair["cause_detail"]) == ("scale", "100,000")
    assert pair["cause_text"] == (
        "the figure from Crore Paper (lakh.txt:2) is about 100,000 times the one from Lakh "
        "Paper (lakh.txt:1): a lakh or crore slip"
    )
