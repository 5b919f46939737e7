"""A self-contained HTML report (works offline) with a picture of each conflict."""

from __future__ import annotations

import math
from typing import Any

from .hygiene import html_text
from .text import describe_gap, format_amount, format_interval, summary_line

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}.conflict{color:#b00020;font-weight:bold}
.consistent{color:#1b7f3b}.single{color:#777}.quote{font-style:italic;color:#555}
svg text{font-size:12px;font-family:system-ui,sans-serif}
"""
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def _e(text: Any) -> str:
    return html_text(text)


def conflict_picture(group: dict[str, Any]) -> str:
    """An SVG of the group's intervals on one axis, coloured by agreeing cluster."""
    claims = [c for c in group["claims"] if c["valid"] and not c["repeat_of"]]
    if not claims:
        return ""
    highs = [c["normalized_high"] for c in claims if c["normalized_high"] is not None]
    lows = [c["normalized_low"] for c in claims]
    top = max(highs + lows)
    bottom = min(lows)
    left, width, row = 200, 520, 22
    # Figures orders of magnitude apart (a scale slip) are drawn on a log axis.
    logarithmic = bottom > 0 and top / bottom > 50
    if logarithmic:
        lo_axis, hi_axis = math.log10(bottom) - 0.1, math.log10(top) + 0.1
    else:
        span = (top - bottom) or abs(top) or 1.0
        lo_axis, hi_axis = bottom - 0.05 * span, top + 0.05 * span
        if bottom >= 0:
            lo_axis = max(lo_axis, 0.0)

    def x(value: float | None) -> float:
        if value is None or math.isinf(value):
            return left + width
        if logarithmic:
            value = math.log10(max(value, 10**lo_axis))
        return left + (value - lo_axis) / (hi_axis - lo_axis) * width

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 140}" '
        f'height="{row * len(claims) + 30}" role="img" aria-label="intervals">'
    ]
    for i, claim in enumerate(claims):
        y = 10 + i * row
        colour = _COLOURS[(claim["cluster"] or 0) % len(_COLOURS)]
        x1, x2 = x(claim["normalized_low"]), x(claim["normalized_high"])
        parts.append(f'<text x="0" y="{y + 12}">{_e(claim["source"])}</text>')
        parts.append(
            f'<rect x="{x1:.1f}" y="{y + 3}" width="{max(x2 - x1, 3):.1f}" '
            f'height="12" fill="{colour}"><title>{_e(claim["value"])}</title></rect>'
        )
        parts.append(f'<text x="{x2 + 6:.1f}" y="{y + 12}">{_e(claim["value"])}</text>')
    axis_y = 10 + len(claims) * row
    parts.append(
        f'<line x1="{left}" x2="{left + width}" y1="{axis_y}" y2="{axis_y}" stroke="#999"/>'
    )
    for tick in (lo_axis, (lo_axis + hi_axis) / 2, hi_axis):
        value = 10**tick if logarithmic else tick
        parts.append(
            f'<text x="{x(value) - 20:.1f}" y="{axis_y + 15}">{_e(format_amount(value))}</text>'
        )
    if logarithmic:
        parts.append(f'<text x="{left + width + 45}" y="{axis_y + 15}">(log scale)</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML page with inline CSS and SVG (no external files)."""
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Reconciliation report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Reconciliation report</h1>",
        f"<p>{_e(summary_line(report['summary']))}</p>",
    ]
    conflicts = [g for g in report["groups"] if g["verdict"] == "conflict"]
    out.append("<h2>Conflicts</h2>")
    if not conflicts:
        out.append("<p>No conflicting figures.</p>")
    for group in conflicts:
        out.append(
            f"<h3>{_e(group['entity'])} · {_e(group['metric'])} · {_e(group['period'])}</h3>"
        )
        out.append(conflict_picture(group))
        out.append("<ul>")
        for conflict in group["conflicts"]:
            out.append(
                f"<li><b>{_e(conflict['source_b'])}</b> vs <b>{_e(conflict['source_a'])}"
                f"</b>: {_e(describe_gap(conflict))}, severity {_e(conflict['severity'])}; "
                f"likely cause: {_e(conflict['cause_text'] or 'none inferred')}</li>"
            )
        out.append("</ul>")
    out += _relations_section(report)
    out.append(
        "<h2>All groups</h2><table><tr><th>entity</th><th>metric</th><th>period</th>"
        "<th>verdict</th><th>source</th><th>stated</th><th>normalised</th>"
        "<th>quote</th></tr>"
    )
    for group in report["groups"]:
        for claim in group["claims"]:
            normalised = (
                format_interval(
                    claim["normalized_low"], claim["normalized_high"], claim["normalized_unit"]
                )
                if claim["valid"]
                else "-"
            )
            out.append(
                f"<tr><td>{_e(group['entity'])}</td><td>{_e(group['metric'])}</td>"
                f"<td>{_e(group['period'])}</td><td class='{_e(group['verdict'])}'>"
                f"{_e(group['verdict'])}</td><td>{_e(claim['source'])}</td>"
                f"<td>{_e(claim['value'])}{_derived_note(claim)}</td><td>{_e(normalised)}</td>"
                f"<td class='quote'>{_e(claim['quote'])} ({_e(claim['document'])}:"
                f"{_e(claim['line'])})</td></tr>"
            )
    out.append("</table></body></html>\n")
    return "\n".join(out)


def _derived_note(claim: dict[str, Any]) -> str:
    if not claim.get("derived"):
        return ""
    return f"<br><small>derived: {_e(claim['chain'])}</small>"


def _relations_section(report: dict[str, Any]) -> list[str]:
    """The arithmetic the texts state, mismatches first."""
    relations = report.get("relations") or []
    if not relations:
        return []
    out = [
        "<h2>Arithmetic stated in the texts</h2><table><tr><th>check</th><th>entity</th>"
        "<th>metric</th><th>period</th><th>verdict</th><th>what was checked</th></tr>"
    ]
    for record in sorted(relations, key=lambda r: r["verdict"] != "mismatch"):
        css = "conflict" if record["verdict"] == "mismatch" else "consistent"
        cause = f" ({record['cause']})" if record["cause"] else ""
        out.append(
            f"<tr><td>{_e(record['kind'])}</td><td>{_e(record['entity'])}</td>"
            f"<td>{_e(record['metric'])}</td><td>{_e(record['period'])}</td>"
            f"<td class='{css}'>{_e(record['verdict'] + cause)}</td>"
            f"<td>{_e(record['text'])}</td></tr>"
        )
    out.append("</table>")
    return out
