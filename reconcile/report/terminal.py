"""Terminal output with rich: plain when not a TTY or when NO_COLOR is set."""

from __future__ import annotations

import os
import sys
from typing import Any

from .hygiene import terminal_safe
from .reference_notes import reference_notes
from .text import describe_gap, format_interval, summary_line


def make_console(file: Any = None) -> Any:
    """A rich Console that respects NO_COLOR and plain pipes."""
    from rich.console import Console

    stream = file or sys.stdout
    plain = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(
        file=stream,
        no_color=plain,
        highlight=False,
        color_system=None if plain else "auto",
        width=None if stream.isatty() else int(os.environ.get("COLUMNS") or 160),
    )


def render_parse_table(records: list[dict[str, Any]], file: Any = None) -> None:
    """One row per parsed figure: interval, unit, qualifier, normalised value, findings."""
    from rich.markup import escape
    from rich.table import Table

    records = terminal_safe(records)  # data never reaches the terminal as control codes
    console = make_console(file)
    table = Table(title="Figures as read", show_lines=False)
    for column in ("text", "ok", "interval", "qualifier", "normalised", "steps", "findings"):
        table.add_column(column, overflow="fold")
    for record in records:
        normalized = record.get("normalized") or {}
        interval = format_interval(record.get("low"), record.get("high"), record.get("unit"))
        if record.get("rank_of"):
            interval = f"rank {int(record['amount'])} of {record['rank_of']}"
            interval += f" (percentile {record['percentile']})"
        steps = "; ".join(_describe_step(s) for s in normalized.get("steps", []))
        findings = "; ".join(f"{f['code']}: {f['message']}" for f in record["findings"])
        table.add_row(
            escape(record["text"]),
            "[green]yes[/]" if record["ok"] else "[red]no[/]",
            interval if record["ok"] else "-",
            escape(record.get("qualifier") or ""),
            format_interval(normalized.get("low"), normalized.get("high"), normalized.get("unit"))
            if normalized
            else "-",
            escape(steps),
            escape(findings),
        )
    console.print(table)


def _describe_step(step: dict[str, Any]) -> str:
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


VERDICT_STYLE = {
    "conflict": "bold red",
    "consistent": "green",
    "single": "dim",
    "invalid": "yellow",
}


def render_report_table(report: dict[str, Any], file: Any = None) -> None:
    """The report for people: one block per group, each claim with source and intervals."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    report = terminal_safe(report)  # data never reaches the terminal as control codes
    console = make_console(file)
    table = Table(title="Reconciliation", show_lines=False, expand=False)
    for column in ("entity", "metric", "period", "verdict", "source", "stated", "normalised"):
        table.add_column(
            column, overflow="fold", min_width=len(column) if column != "verdict" else 10
        )
    table.add_column("notes", overflow="fold", max_width=60)
    for group in report["groups"]:
        style = VERDICT_STYLE.get(group["verdict"], "")
        conflicts_of = _conflict_notes(group)
        for position, claim in enumerate(group["claims"]):
            first = position == 0
            notes = _claim_notes(claim, conflicts_of)
            normalised = (
                format_interval(
                    claim["normalized_low"], claim["normalized_high"], claim["normalized_unit"]
                )
                if claim["valid"]
                else "-"
            )
            # Text objects are not parsed for markup: faster, and nothing needs escaping.
            table.add_row(
                Text(group["entity"] if first else ""),
                Text(group["metric"] if first else ""),
                Text(group["period"] if first else ""),
                Text(group["verdict"] if first else "", style=style),
                Text(claim["source"]),
                Text(claim["value"]),
                Text(normalised),
                Text("; ".join(notes)),
                end_section=position == len(group["claims"]) - 1,
            )
    console.print(table)
    if report.get("relations"):
        console.print(_relations_table(report["relations"]))
    if report["series"]:
        console.print(_series_table(report["series"]))
    for finding in report["findings"]:
        where = f"{finding.get('path', '')}:{finding.get('line', '')}".strip(":")
        level = finding.get("level", "error")
        colour = "red" if level == "error" else "yellow"
        console.print(
            f"[{colour}]{level}[/] {escape(where)}: {finding['code']}: {escape(finding['message'])}"
        )
    console.print(escape(summary_line(report["summary"])))
    if "reference" in report:
        console.print(escape(reference_summary_line(report["reference"])))


def reference_summary_line(reference: dict[str, Any]) -> str:
    """The summary line of a --reference comparison."""
    return (
        f"reference {', '.join(reference['releases']) or reference['folder']}: "
        f"{reference['checked']} claims checked, {reference['agrees']} agree, "
        f"{reference['contradicts']} contradict; {reference['related']} related-metric, "
        f"{reference['context']} previous-period notes"
    )


def _conflict_notes(group: dict[str, Any]) -> dict[str, list[str]]:
    """For each claim id, a note per conflict it is the higher side of."""
    conflicts_of: dict[str, list[str]] = {}
    for conflict in group["conflicts"]:
        cause = f" ({conflict['cause']})" if conflict["cause"] else ""
        note = f"conflicts with {conflict['source_a']}: {describe_gap(conflict)}{cause}"
        conflicts_of.setdefault(conflict["claim_b"], []).append(note)
    return conflicts_of


def _claim_notes(claim: dict[str, Any], conflicts_of: dict[str, list[str]]) -> list[str]:
    notes = list(conflicts_of.get(claim["id"], []))
    if claim["repeat_of"]:
        notes.append(f"repeats {claim['repeat_of']}")
    if claim["percentile"] is not None:
        notes.append(f"percentile {claim['percentile']}")
    if not claim["valid"]:
        notes.append("invalid: see problems below")
    if claim.get("derived"):
        notes.append(f"derived: {claim['chain']}")
    notes += reference_notes(claim)
    return notes


def _series_table(all_series: list[dict[str, Any]]) -> Any:
    """The same entity and metric across periods, one section per series."""
    from rich.markup import escape
    from rich.table import Table

    series = Table(title="Series across periods (not contradictions)")
    for column in ("entity", "metric", "period", "value", "sources"):
        series.add_column(column, overflow="fold")
    for line in all_series:
        for number, point in enumerate(line["points"]):
            value = format_interval(point["low"], point["high"], point["unit"])
            if point["rank_of"] is not None:
                value = f"{value} of {point['rank_of']} (percentile {point['percentile']})"
            series.add_row(
                escape(line["entity"]) if number == 0 else "",
                escape(line["metric"]) if number == 0 else "",
                escape(point["period"]),
                escape(value),
                escape(", ".join(point["sources"])),
                end_section=number == len(line["points"]) - 1,
            )
    return series


def _relations_table(relations: list[dict[str, Any]]) -> Any:
    """Sums and restated equivalents the texts state, mismatches first."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Arithmetic stated in the texts")
    for column in ("check", "entity", "metric", "period", "verdict", "what was checked"):
        table.add_column(column, overflow="fold")
    for record in sorted(relations, key=lambda r: r["verdict"] != "mismatch"):
        verdict = record["verdict"] + (f" ({record['cause']})" if record["cause"] else "")
        style = "bold red" if record["verdict"] == "mismatch" else "green"
        table.add_row(
            Text(record["kind"]),
            Text(record["entity"]),
            Text(record["metric"]),
            Text(record["period"]),
            Text(verdict, style=style),
            Text(record["text"]),
        )
    return table
