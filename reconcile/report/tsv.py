"""The report as tab-separated values: one row per figure, conflicts first."""

from __future__ import annotations

from typing import Any

from .hygiene import terminal_text
from .sections import split_sections
from .text import claim_place, claim_source, describe_pair

TSV_COLUMNS = (
    "section",
    "entity",
    "metric",
    "period",
    "verdict",
    "claim",
    "source",
    "document",
    "stated",
    "normalized_low",
    "normalized_high",
    "normalized_unit",
    "notes",
)


def _cell(value: Any) -> str:
    """A TSV cell: tabs and line breaks inside a value become spaces."""
    return " ".join(terminal_text(value).splitlines())  # TSV is read in terminals too


def render_tsv(report: dict[str, Any], show_all: bool = True) -> str:
    """A header row, then one row per claim in the report's section order."""
    sections, _ = split_sections(report, show_all)
    lines = ["\t".join(TSV_COLUMNS)]
    for section in sections:
        for group in section.groups:
            claims = {c["id"]: c for c in group["claims"]}
            notes: dict[str, list[str]] = {}
            for conflict in group["conflicts"]:
                text = describe_pair(conflict, claims)
                if conflict["cause_text"]:
                    text += f"; likely cause: {conflict['cause_text']}"
                notes.setdefault(conflict["claim_b"], []).append(text)
            for claim in group["claims"]:
                row = [
                    section.key,
                    group["entity"],
                    group["metric"],
                    group["period"],
                    group["verdict"],
                    claim["id"],
                    claim_source(claim),
                    claim_place(claim),
                    claim["value"],
                    claim["normalized_low"],
                    claim["normalized_high"],
                    claim["normalized_unit"],
                    " | ".join(notes.get(claim["id"], [])),
                ]
                lines.append("\t".join(_cell(v) for v in row))
    return "\n".join(lines) + "\n"
