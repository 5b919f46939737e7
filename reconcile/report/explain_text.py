"""An explanation (report/explain.py) as plain text, wrapped at whole words."""

from __future__ import annotations

from typing import Any

from .sections import group_title
from .text import wrap


def figure_lines(figure: dict[str, Any], width: int, indent: str = "") -> list[str]:
    """A figure's chain: quote, where, reading, steps, interval, reference."""
    lines: list[str] = []

    def add(text: str, deeper: str = "") -> None:
        lines.extend(wrap(text, width, indent + deeper))

    add(f"{figure['label']}: {figure['reading']['value']}")
    if figure.get("source_name") and figure["source_name"] != figure["source"]:
        add(f"source: {figure['source_name']}", "  ")
    if figure.get("quote"):
        add(f'quote: "{figure["quote"]}"', "  ")
    where = f"document {figure['place']}" if figure.get("place") else "no document given"
    if figure.get("claim_file"):
        where += f"; claim file {figure['claim_file']}"
    add(f"where: {where}", "  ")
    reading = figure["reading"]
    if reading["words"]:
        add(
            "read as: " + "; ".join(f"'{w['word']}' {w['read_as']}" for w in reading["words"]), "  "
        )
    add(f"precision: {reading['precision']}", "  ")
    add(f"interval as stated: {reading['stated_interval']}", "  ")
    if reading.get("rank_of"):
        add(f"rank of {reading['rank_of']}: percentile {reading['percentile']}", "  ")
    for field in ("stage", "basis", "published"):
        if figure.get(field):
            add(f"{field}: {figure[field]}", "  ")
    if figure["steps"]:
        for number, step in enumerate(figure["steps"], 1):
            add(f"step {number}: {step['text']}", "  ")
    else:
        add("conversion: none needed (already in the metric's unit)", "  ")
    if figure.get("derived"):
        add(f"derived: {figure['derived']}", "  ")
    add(f"interval compared: {figure['interval']}", "  ")
    for note in figure.get("reference") or []:
        add(f"reference: {note}", "  ")
    if figure.get("note"):
        add(f"note: {figure['note']}", "  ")
    return lines


def _group_lines(group: dict[str, Any], width: int) -> list[str]:
    label = f" ({group['metric_label']})" if group.get("metric_label") else ""
    lines = wrap(f"group: {group_title(group)}{label}: {group['verdict_text']}", width)
    for number, cluster in enumerate(group["clusters"], 1):
        lines += wrap(f"agreeing cluster {number}: {', '.join(cluster['sources'])}", width, "  ")
    return lines


def render_explanation(explanation: dict[str, Any], width: int = 80) -> str:
    """The explanation as text lines for a terminal or a pipe."""
    lines: list[str] = []
    if explanation["kind"] == "relation":
        lines += wrap(f"{explanation['check']} check {explanation['fingerprint']}", width)
        lines += wrap(f"group: {group_title(explanation)}", width)
        lines += wrap(f"{explanation['verdict']}: {explanation['text']}", width)
        if explanation.get("cause_text"):
            lines += wrap(f"likely cause: {explanation['cause_text']}", width)
    elif explanation["kind"] == "claim":
        lines += figure_lines(explanation["figure"], width)
        if explanation.get("repeat_of"):
            lines += wrap("repeats an earlier figure of the same source and document", width)
        lines += _group_lines(explanation["group"], width)
        if explanation["compared_with"]:
            lines.append("compared with:")
        for other in explanation["compared_with"]:
            text = f"{other['label']} {other['value']} ({other['interval']}): {other['outcome']}"
            text += f", {other['why']}"
            if other.get("fingerprint"):
                text += f" [fingerprint {other['fingerprint']}]"
            lines += wrap(text, width, "  - ", "    ")
        for related in explanation["related"]:
            lines += wrap(
                f"related metric {related['metric']}: overlaps {len(related['matches'])} of its "
                "figures",
                width,
            )
        lines += wrap(f"verdict: {explanation['why']}", width)
    else:
        lines += wrap(f"conflict {explanation['fingerprint']} ({explanation['pair_kind']})", width)
        lines += _group_lines(explanation["group"], width)
        for name, side in zip(("lower", "higher"), explanation["sides"], strict=False):
            lines.append(f"{name} figure:")
            lines += figure_lines(side, width, "  ")
        for line in explanation["evidence"]:
            lines += wrap(line, width)
        if explanation["cause_text"]:
            lines += wrap(f"likely cause: {explanation['cause_text']}", width)
    return "\n".join(lines) + "\n"
