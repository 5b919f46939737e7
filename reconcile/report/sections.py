"""The order every report shows groups in: conflicts, explained differences, agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Verdicts a group can have (docs/report-schema.md); an unknown one is shown as it is,
# with the explained differences.
CONFLICT = "conflict"
EXPLAINED = ("stage-difference", "revision", "definition-difference", "within-rounding")
AGREEING = ("consistent",)
LEFT_OUT = ("single", "invalid")

VERDICT_WORDS = {
    "conflict": "conflict",
    "stage-difference": "budget stages differ",
    "revision": "revised later",
    "definition-difference": "defined differently",
    "within-rounding": "agree within rounding",
    "consistent": "consistent",
    "single": "one source",
    "invalid": "not readable",
}
KIND_WORDS = {
    "contradiction": "conflicts with",
    "stage-difference": "is another budget stage than",
    "revision": "revises",
    "definition-difference": "measures something else than",
}


@dataclass(slots=True)
class Section:
    """One part of a report: a title, what it means, and its groups in order."""

    key: str
    title: str
    meaning: str
    groups: list[dict[str, Any]] = field(default_factory=list)


def split_sections(report: dict[str, Any], show_all: bool = True) -> tuple[list[Section], int]:
    """The report's groups in sections, conflicts first; and how many were left out."""
    sections = {
        "conflicts": Section(
            "conflicts", "Conflicts", "figures for the same thing that cannot both be right"
        ),
        "explained": Section(
            "explained",
            "Explained differences",
            "figures that differ for a stated reason: budget stage, revision, definition, rounding",
        ),
        "consistent": Section("consistent", "Consistent groups", "sources that agree"),
        "single": Section(
            "single", "Single-source groups", "one source only: nothing to compare with"
        ),
    }
    left_out = 0
    for group in report["groups"]:
        verdict = group["verdict"]
        if verdict == CONFLICT:
            sections["conflicts"].groups.append(group)
        elif verdict in AGREEING:
            sections["consistent"].groups.append(group)
        elif verdict in LEFT_OUT:
            if show_all:
                sections["single"].groups.append(group)
            else:
                left_out += 1
        else:
            sections["explained"].groups.append(group)
    return [s for s in sections.values() if s.groups or s.key == "conflicts"], left_out


def group_verdict_words(group: dict[str, Any]) -> str:
    """A group's verdict in words, with the gap between its stated figures when the agreement
    holds only by rounding ("agree within rounding (stated figures 20% apart)")."""
    words = verdict_words(group["verdict"])
    gap = group.get("stated_gap")
    if group["verdict"] in ("within-rounding", "revision") and gap is not None:
        words += f" (stated figures {gap:.0%} apart)"
    return words


def verdict_words(verdict: str) -> str:
    """A group's verdict in words ("budget stages differ"); unknown verdicts as they are."""
    return VERDICT_WORDS.get(verdict, verdict)


def group_anchor(group: dict[str, Any]) -> str:
    """A stable id for a group: entity, metric and period, safe in a URL fragment."""
    text = f"{group['entity']}-{group['metric']}-{group['period']}".lower()
    return "g-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text)


def group_title(group: dict[str, Any]) -> str:
    """ "AZE · military_expenditure · 2009"."""
    return f"{group['entity']} · {group['metric']} · {group['period']}"
