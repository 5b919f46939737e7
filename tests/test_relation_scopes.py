"""A figure stated without one of its parts, checked against the total with the part added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.ci.check import compare_with_baseline
from reconcile.compare.reconciliation import build_report, reconcile_claims

DATA = Path(__file__).parent / "data" / "relations" / "scopes"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return build_report(reconcile_claims([DATA]))


def _checks(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["claim"]: r for r in report["relations"] if r["kind"] == "excluding"}


def test_a_figure_without_its_pensions_plus_the_pensions_is_the_total(
    report: dict[str, Any],
) -> None:
    check = _checks(report)["total"]
    assert (check["verdict"], check["cause"], check["others"]) == (
        "agrees",
        None,
        ["without", "pensions"],
    )
    assert check["text"] == (
        "parts 8.3 billion manat (excluding pensions) + 1.2 billion manat against the total "
        "9.5 billion manat: adds up"
    )


def test_the_part_may_come_from_another_document_and_a_shortfall_is_a_ci_item(
    report: dict[str, Any],
) -> None:
    check = _checks(report)["total-2023"]
    assert (check["verdict"], check["cause"]) == ("mismatch", "sum-mismatch")
    assert check["others"] == ["without-2023", "pensions-2023"]
    assert check["text"].endswith("the parts add up to less than the total (400 mn AZN short)")
    items = compare_with_baseline(report, {})
    assert [i.state for i in items if i.conflicts[0].get("kind") == "excluding"] == ["new"]


def test_a_part_no_related_metric_names_is_not_checked(report: dict[str, Any]) -> None:
    assert set(_checks(report)) == {"total", "total-2023"}
    assert not any("without-grants" in r["others"] for r in report["relations"])
