"""Plain-text pieces every report format shares: amounts, intervals, gaps, the summary line."""

from __future__ import annotations

import textwrap
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
    if ratio is None and conflict["gap"] >= 9:
        # No ratio (a figure of zero): the higher's lower end over the lower's upper end.
        return f"x{1 + conflict['gap']:,.0f} or more"
    gap = conflict["gap"]
    return f"{gap:.1%} apart" if gap < 0.01 else f"{gap:.0%} apart"


def summary_line(summary: dict[str, Any]) -> str:
    """One line: how many claims, groups, conflicts, explained differences, and problems."""
    explained = sum(summary.get(key, 0) for key in _EXPLAINED_COUNTS)
    drafts = summary.get("unreviewed", 0)
    return (
        f"{summary['claims']} claims ({summary['valid_claims']} valid, {summary['repeats']} "
        f"repeats{f', {drafts} unreviewed drafts' if drafts else ''}) in {summary['groups']} "
        f"groups: {summary['conflict']} conflict, {explained} explained differences, "
        f"{summary['consistent']} consistent, {summary['single']} single, "
        f"{summary['invalid']} invalid; "
        f"{summary['conflict_pairs']} conflicting pairs; {summary['errors']} errors, "
        f"{summary['warnings']} warnings"
    )


_EXPLAINED_COUNTS = ("definition_difference", "stage_difference", "revision", "within_rounding")


def describe_step(step: dict[str, Any]) -> str:
    """One conversion step in words: the rate or factor and its source."""
    if step["step"] == "exchange-rate":
        years = step["rate_years"]
        span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]} mean"
        carried = ", carried forward" if step.get("carried_forward") else ""
        return (
            f"{step['from']}->{step['to']} at {step['rate']:.4g} {step['rate_unit']} "
            f"({span}{carried}; {step['source']})"
        )
    if step["step"] == "redenomination":
        return f"{step['rule']} ({step['source']})"
    if step["step"] == "deflate":
        return f"{step['from']} -> {step['to']}: {step['rule']}"
    return f"{step['from']}->{step['to']} x{step['factor']:.6g} ({step.get('source', '')})"


KIND_NOUNS = {
    "stage-difference": "different budget stages",
    "revision": "a later revision",
    "definition-difference": "different definitions",
}


def describe_pair(conflict: dict[str, Any], claims: dict[str, dict[str, Any]]) -> str:
    """ "AzerNEWS (doc:63) US$2.46 billion vs SIPRI (doc:63) $1.473 billion: 67% apart, ..."."""
    from reconcile.compare.causes import claim_label

    a, b = claims.get(conflict["claim_a"]), claims.get(conflict["claim_b"])
    side_a = f"{claim_label(a)} {a['value']}" if a else conflict["source_a"]
    side_b = f"{claim_label(b)} {b['value']}" if b else conflict["source_b"]
    kind = conflict.get("kind") or "contradiction"
    if kind == "contradiction":
        text = f"{side_b} vs {side_a}: {describe_gap(conflict)}, severity {conflict['severity']}"
    else:
        text = f"{side_b} and {side_a}: {KIND_NOUNS.get(kind, kind)}, {describe_gap(conflict)}"
    if conflict.get("stated_gap") is not None:
        stated = conflict["stated_gap"]
        text += (
            f" (stated figures {stated:.1%} apart)"
            if stated < 0.01
            else (f" (stated figures {stated:.0%} apart)")
        )
    return text


def claim_interval(claim: dict[str, Any]) -> str:
    """A claim's normalised interval, or why there is none."""
    if not claim["valid"]:
        return "(not readable)"
    return format_interval(
        claim["normalized_low"], claim["normalized_high"], claim["normalized_unit"]
    )


def claim_source(claim: dict[str, Any]) -> str:
    """A claim's source, marked when the claim is an unreviewed draft (drafted from an article)."""
    source: str = claim["source"]
    # "unreviewed", not "draft": a budget stage is called draft too
    return f"{source} (unreviewed)" if claim.get("reviewed") is False else source


def claim_place(claim: dict[str, Any]) -> str:
    """Where a claim was read: document:line, else its claim file:line."""
    place = claim.get("document") or claim.get("file") or ""
    line = claim.get("line") if claim.get("document") else claim.get("file_line")
    return f"{place}:{line}" if place and line else str(place)


def wrap(text: str, width: int, indent: str = "", hang: str | None = None) -> list[str]:
    """Whole-word wrapping: a word longer than the line stays whole on its own line.

    `hang` indents the lines after the first (default: `indent` and two spaces).
    """
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  " if hang is None else hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]
