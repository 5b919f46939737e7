"""Render a report (the dict from build_report) as JSON, Markdown and CSV text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from reconcile.core.json_text import dump_json, dump_json_chunks

from .hygiene import csv_cell, markdown_cell
from .reference_notes import reference_markdown
from .sections import group_title, group_verdict_words, split_sections
from .text import (
    claim_place,
    claim_source,
    describe_pair,
    format_amount,
    format_interval,
    summary_line,
)

VERDICT_MARK = {"conflict": "❌ conflict", "consistent": "✅ consistent", "single": "• single"}
CSV_COLUMNS = [
    "entity",
    "metric",
    "period",
    "verdict",
    "claim",
    "source",
    "document",
    "line",
    "value",
    "low",
    "high",
    "unit",
    "normalized_low",
    "normalized_high",
    "normalized_unit",
    "reviewed",
    "cluster",
    "repeat_of",
    "conflicts_with",
    "quote",
]


def render_json(report: dict[str, Any]) -> str:
    """The report as JSON (schema: docs/report-schema.md)."""
    return dump_json(report, indent=2) + "\n"


def render_json_chunks(report: dict[str, Any]) -> Iterator[bytes]:
    """render_json's text as UTF-8, in pieces (a large report's text is never whole)."""
    return dump_json_chunks(report)


def _md(text: Any) -> str:
    return markdown_cell(text)


def _claim_interval(claim: dict[str, Any]) -> str:
    if not claim["valid"]:
        return "(invalid)"
    return format_interval(
        claim["normalized_low"], claim["normalized_high"], claim["normalized_unit"]
    )


def render_markdown(report: dict[str, Any]) -> str:
    """A Markdown report for editors and pull requests: conflicts first, singles folded."""
    lines = ["# Reconciliation report", "", summary_line(report["summary"]), ""]
    sections, _ = split_sections(report)
    for section in sections:
        if section.key == "single":
            continue
        lines += [f"## {section.title}", ""]
        if not section.groups:
            lines += ["No conflicting figures.", ""]
        for group in section.groups:
            lines += _markdown_conflict(group)
    lines += _markdown_relations(report)
    lines += _markdown_series(report)
    lines += _markdown_groups(next((s.groups for s in sections if s.key == "single"), []))
    lines += reference_markdown(report)
    lines += _markdown_problems(report)
    return "\n".join(lines)


def _markdown_conflict(group: dict[str, Any]) -> list[str]:
    """One conflicting group: its claims, agreeing clusters and each conflicting pair."""
    lines: list[str] = []
    claims = {c["id"]: c for c in group["claims"]}
    lines += [f"### {_md(group_title(group))} · {group_verdict_words(group)}", ""]
    if group.get("metric_label"):
        lines += [f"_{group['metric_label']}_", ""]
    lines += [
        "| claim | source | stated | normalised | document | quote |",
        "|---|---|---|---|---|---|",
    ]
    for claim in group["claims"]:
        repeat = f" (repeats {claim['repeat_of']})" if claim["repeat_of"] else ""
        if claim.get("derived"):
            repeat += f" (derived: {claim['chain']})"
        lines.append(
            f"| {_md(claim['id'])}{repeat} | {_md(claim_source(claim))} | {_md(claim['value'])} | "
            f"{_md(_claim_interval(claim))} | {_md(claim['document'])}:{claim['line'] or ''} "
            f"| {_md(claim['quote'])} |"
        )
    lines.append("")
    if len(group["clusters"]) > 1:
        agreeing = "; ".join(
            " + ".join(c["sources"]) + f" ({format_amount(c['low'])} - {format_amount(c['high'])})"
            for c in group["clusters"]
        )
        lines += [f"Agreeing clusters: {agreeing}", ""]
    for conflict in group["conflicts"]:
        cause = f"; likely cause: {_md(conflict['cause_text'])}" if conflict["cause_text"] else ""
        lines.append(
            f"- {_md(describe_pair(conflict, claims))}{cause} "
            f"(fingerprint `{conflict['fingerprint']}`)"
        )
    if group["conflicts"]:
        lines.append("")
    return lines


def _markdown_series(report: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    if report["series"]:
        lines += ["## Series across periods (not contradictions)", ""]
        lines += ["| entity | metric | period | value | sources |", "|---|---|---|---|---|"]
        for series in report["series"]:
            for point in series["points"]:
                value = format_interval(point["low"], point["high"], point["unit"])
                if point["rank_of"] is not None:
                    value = f"{value} of {point['rank_of']} (percentile {point['percentile']})"
                lines.append(
                    f"| {_md(series['entity'])} | {_md(series['metric'])} | "
                    f"{_md(point['period'])} | "
                    f"{_md(value)} | {_md(', '.join(point['sources']))} |"
                )
        lines.append("")
    return lines


def _markdown_groups(groups: list[dict[str, Any]]) -> list[str]:
    """Single-source and unreadable groups, folded: nothing to compare, so out of the way."""
    if not groups:
        return []
    lines = ["## Single-source groups", "", "<details>"]
    lines += [f"<summary>{len(groups)} groups with one source or no readable figure</summary>"]
    lines += ["", "| entity | metric | period | verdict | figures |", "|---|---|---|---|---|"]
    for group in groups:
        figures = "; ".join(
            f"{claim_source(c)}: {c['value']} ({claim_place(c)})"
            for c in group["claims"]
            if not c["repeat_of"]
        )
        lines.append(
            f"| {_md(group['entity'])} | {_md(group['metric'])} | {_md(group['period'])} | "
            f"{VERDICT_MARK.get(group['verdict'], group['verdict'])} | {_md(figures)} |"
        )
    return [*lines, "", "</details>", ""]


def _markdown_relations(report: dict[str, Any]) -> list[str]:
    """The arithmetic the texts state: sums and restated equivalents, mismatches first."""
    relations = report.get("relations") or []
    if not relations:
        return []
    lines = ["## Arithmetic stated in the texts", ""]
    lines += ["| check | entity | metric | period | verdict | what was checked |"]
    lines += ["|---|---|---|---|---|---|"]
    for record in sorted(relations, key=lambda r: r["verdict"] != "mismatch"):
        verdict = record["verdict"]
        if record["cause_text"]:
            verdict += f" ({record['cause']})"
        lines.append(
            f"| {record['kind']} | {_md(record['entity'])} | {_md(record['metric'])} | "
            f"{_md(record['period'])} "
            f"| {verdict} | {_md(record['text'])} |"
        )
    return [*lines, ""]


def _markdown_problems(report: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    problems = report["findings"]
    if problems:
        lines += ["## Problems in the claim files", ""]
        for finding in problems:
            where = f"{finding.get('path', '')}:{finding.get('line', '')}".strip(":")
            level = finding.get("level", "error")
            lines.append(f"- {level} `{finding['code']}` {_md(where)}: {_md(finding['message'])}")
        lines.append("")
    return lines


def neutralize_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    return csv_cell(value)


def render_csv(report: dict[str, Any]) -> str:
    """One row per claim with its group's verdict; formula injection neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group in report["groups"]:
        against: dict[str, list[str]] = {}
        for conflict in group["conflicts"]:
            against.setdefault(conflict["claim_a"], []).append(conflict["claim_b"])
            against.setdefault(conflict["claim_b"], []).append(conflict["claim_a"])
        for claim in group["claims"]:
            row = [
                group["entity"],
                group["metric"],
                group["period"],
                group["verdict"],
                claim["id"],
                claim["source"],
                claim["document"],
                claim["line"],
                claim["value"],
                claim["low"],
                claim["high"],
                claim["unit"],
                claim["normalized_low"],
                claim["normalized_high"],
                claim["normalized_unit"],
                claim.get("reviewed", True),
                claim["cluster"],
                claim["repeat_of"],
                " ".join(against.get(claim["id"], [])),
                claim["quote"],
            ]
            writer.writerow([neutralize_cell(v) for v in row])
    return buffer.getvalue()
