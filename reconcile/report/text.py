"""Plain-text pieces every report format shares: amounts, intervals, gaps, the summary line."""

from __future__ import annotations

from typing import Any

from reconcile.figures.numbers import format_amount


def format_interval(low: float | None, high: float | None, unit: str | None) -> str:
    """ "[1.45e9, 1.55e9] USD" in readable form: "1.45 bn - 1.55 bn USD"."""
    if low is None and high is None:
        return "-"
    if unit == "rank":
        return f"rank {format_amount(low)}" + ("" if low == high else f"-{format_amount(high)}")
    if low == high:
        return f"{format_amount(low)} {unit or ''}".strip()
    return f"{format_amount(low)} - {format_amount(high)} {unit or ''}".strip()


def describe_gap(conflict: dict[str, Any]) -> str:
    """ "67% apart" for close figures, "x1,000" for figures orders of magnitude apart."""
    ratio = conflict.get("ratio")
    if ratio is not None and ratio >= 10:
        return f"x{ratio:,.0f}"
    return f"{conflict['gap']:.0%} apart"


def summary_line(summary: dict[str, Any]) -> str:
    """One line: how many claims, groups, conflicts, and problems."""
    return (
        f"{summary['claims']} claims ({summary['valid_claims']} valid, {summary['repeats']} "
        f"repeats) in {summary['groups']} groups: {summary['conflict']} conflict, "
        f"{summary['consistent']} consistent, {summary['single']} single, "
        f"{summary['invalid']} invalid; "
        f"{summary['conflict_pairs']} conflicting pairs; {summary['errors']} errors, "
        f"{summary['warnings']} warnings"
    )
