"""Short notes on reference figures for terminal and Markdown reports.

'SIPRI 2025: 1,472.9 m USD (agrees)'. Present only when the report was made with --reference,
so reports without it are unchanged.
"""

from __future__ import annotations

from typing import Any

from .text import format_amount

RELATION_TEXT = {
    "related": "related metric {metric}",
    "previous-period": "previous period {period}, not compared",
}


def format_reference_amount(amount: float, unit: str | None) -> str:
    """'1,472.9 m USD', '5.24%', '163.7 USD'."""
    if unit == "percent":
        return f"{amount:.2f}%"
    if abs(amount) >= 1e6 and unit not in (None, "count"):
        return f"{amount / 1e6:,.1f} m {unit}"
    return f"{format_amount(amount)} {unit or ''}".strip()


def describe_reference(record: dict[str, Any]) -> str:
    """One comparison as a short note."""
    reference = record["reference"]
    label = reference["release"] or reference["source"] or "reference"
    relation = RELATION_TEXT.get(record["relation"])
    if record["relation"] == "related" and record["verdict"] == "context":
        relation = "related metric {metric}, previous period {period}, not compared"
    where = f" ({relation.format(**reference)})" if relation else ""
    figure = format_reference_amount(reference["amount"], reference["unit"])
    gap = record["gap"]
    size = f" {gap:+.0%}" if gap is not None and record["verdict"] != "agrees" else ""
    if record["verdict"] == "context":
        verdict = f"this figure{size}" if size else "context"
    else:
        verdict = f"{record['verdict']}{':' if size else ''}{size}"
    flags = f", {reference['flags']}" if reference.get("flags") else ""
    cell = f" [{reference['sheet']}!{reference['cell']}]" if reference.get("cell") else ""
    return f"{label}{where}: {figure} ({verdict}{flags}){cell}"


def reference_notes(claim: dict[str, Any]) -> list[str]:
    """The notes for one claim's reference comparisons (none without --reference)."""
    return [describe_reference(record) for record in claim.get("reference", [])]


def reference_markdown(report: dict[str, Any]) -> list[str]:
    """A 'Reference figures' section: every claim that has a reference comparison."""
    if "reference" not in report:
        return []
    summary = report["reference"]
    lines = [
        "## Reference figures",
        "",
        f"Compared with {', '.join(summary['releases']) or 'the reference'} "
        f"({summary['folder']}): {summary['checked']} claims checked, {summary['agrees']} "
        f"agree, {summary['contradicts']} contradict; {summary['related']} related-metric and "
        f"{summary['context']} previous-period notes.",
        "",
        "| entity | metric | period | source | stated | reference |",
        "|---|---|---|---|---|---|",
    ]
    for group in report["groups"]:
        for claim in group["claims"]:
            for note in reference_notes(claim):
                lines.append(
                    f"| {group['entity']} | {group['metric']} | {group['period']} | "
                    f"{claim['source']} | {_md(claim['value'])} | {_md(note)} |"
                )
    return [*lines, ""]


def _md(text: Any) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")
