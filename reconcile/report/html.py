"""A self-contained HTML report (works offline): conflicts first, filterable, responsive.

One file with inline CSS, a small inline script (filter and search; the page is complete
without it) and pictures drawn as HTML bars and inline SVG (report/html_chart.py).
"""

from __future__ import annotations

from typing import Any

from .explain import explain_claim, explain_conflict
from .explain_text import render_explanation
from .html_assets import SCRIPT, STYLE
from .html_chart import group_chart, series_chart
from .hygiene import html_text
from .sections import (
    EXPLAINED,
    Section,
    group_anchor,
    group_title,
    group_verdict_words,
    split_sections,
    verdict_words,
)
from .terminal_report import claim_notes, reference_summary_line, series_rows
from .text import (
    claim_interval,
    claim_place,
    claim_source,
    describe_pair,
    format_amount,
    summary_line,
)

UNWRAPPED = 10**6  # explain chains are wrapped by the browser, not by textwrap


def _e(text: Any) -> str:
    return html_text(text)


def _verdict_class(verdict: str) -> str:
    known = ("conflict", "consistent", "single", "invalid", "within-rounding")
    return f"v-{verdict}" if verdict in known else "v-explained"


def _search_text(group: dict[str, Any]) -> str:
    parts = [group["entity"], group["metric"], group["period"], group.get("metric_label") or ""]
    for claim in group["claims"]:
        parts += [claim["source"], claim["value"], claim_place(claim), claim.get("quote") or ""]
    return " ".join(str(p) for p in parts).lower()


def _group_attributes(group: dict[str, Any]) -> str:
    sources = "|".join(sorted({c["source"] for c in group["claims"]}))
    return (
        f"id='{group_anchor(group)}' data-group data-verdict='{_e(group['verdict'])}' "
        f"data-entity='{_e(group['entity'])}' data-metric='{_e(group['metric'])}' "
        f"data-sources='{_e(sources)}' data-text='{_e(_search_text(group))}'"
    )


def _chain(explanation: dict[str, Any], summary: str) -> str:
    text = render_explanation(explanation, width=UNWRAPPED)
    return f"<details><summary>{_e(summary)}</summary><pre class='chain'>{_e(text)}</pre></details>"


def _cluster_note(group: dict[str, Any], claim: dict[str, Any]) -> str:
    if claim["repeat_of"]:
        return "repeats an earlier figure"
    if claim["cluster"] is None:
        return "not compared"
    cluster = next((c for c in group["clusters"] if claim["id"] in c["claims"]), None)
    others = [s for s in (cluster["sources"] if cluster else []) if s != claim["source"]]
    label = f"cluster {claim['cluster'] + 1}"
    return f"{label}, agrees with {', '.join(others)}" if others else label


def _claim_row(group: dict[str, Any], claim: dict[str, Any]) -> str:
    notes = claim_notes(claim)
    note = f"<br><small>{_e('; '.join(notes))}</small>" if notes else ""
    text = " ".join([claim["source"], claim["value"], claim_place(claim), claim.get("quote") or ""])
    chain = _chain(explain_claim(group, claim), "how this figure was read and compared")
    return (
        f"<tr data-row='{_e(text.lower())}'><td data-label='source'>"
        f"<b>{_e(claim_source(claim))}</b>"
        f"</td><td data-label='stated'>{_e(claim['value'])}{note}</td>"
        f"<td data-label='normalised'>{_e(claim_interval(claim))}</td>"
        f"<td data-label='document' class='doc'>{_e(claim_place(claim))}</td>"
        f"<td data-label='cluster'>{_e(_cluster_note(group, claim))}</td>"
        f"<td data-label='quote' class='quote'>{_e(claim.get('quote'))}{chain}</td></tr>"
    )


def _group_article(group: dict[str, Any]) -> list[str]:
    claims = {c["id"]: c for c in group["claims"]}
    anchor = group_anchor(group)
    out = [
        f"<article {_group_attributes(group)}>",
        f"<h3><a href='#{anchor}'>{_e(group_title(group))}</a> "
        f"<span class='verdict {_verdict_class(group['verdict'])}'>"
        f"{_e(group_verdict_words(group))}</span></h3>",
    ]
    if group.get("metric_label"):
        out.append(f"<p class='label'>{_e(group['metric_label'])}</p>")
    out.append(group_chart(group))
    out.append(
        "<table class='claims'><thead><tr><th>source</th><th>stated</th><th>normalised</th>"
        "<th>document</th><th>cluster</th><th>quote</th></tr></thead><tbody>"
    )
    out += [_claim_row(group, claim) for claim in group["claims"]]
    out.append("</tbody></table>")
    if len(group["clusters"]) > 1:
        agreeing = "; ".join(
            " + ".join(c["sources"]) + f" ({format_amount(c['low'])} - {format_amount(c['high'])})"
            for c in group["clusters"]
        )
        out.append(f"<p>Agreeing clusters: {_e(agreeing)}</p>")
    if group["conflicts"]:
        out.append("<ul class='pairs'>")
        for conflict in group["conflicts"]:
            cause = f"; likely cause: {conflict['cause_text']}" if conflict["cause_text"] else ""
            chain = _chain(explain_conflict(group, conflict), "explain this pair")
            out.append(
                f"<li>{_e(describe_pair(conflict, claims) + cause)} (fingerprint "
                f"<code>{_e(conflict['fingerprint'])}</code>){chain}</li>"
            )
        out.append("</ul>")
    out.append("</article>")
    return out


def _single_rows(section: Section) -> list[str]:
    out = [
        "<details class='fold'><summary>"
        f"{len(section.groups)} groups with one source or no readable figure</summary>",
        "<table class='claims'><thead><tr><th>group</th><th>source</th><th>stated</th>"
        "<th>normalised</th><th>document</th><th>quote</th></tr></thead>",
    ]
    for group in section.groups:
        out.append(f"<tbody {_group_attributes(group)}>")
        for claim in group["claims"]:
            text = " ".join([claim["source"], claim["value"], claim.get("quote") or ""])
            chain = _chain(explain_claim(group, claim), "how this figure was read")
            out.append(
                f"<tr data-row='{_e(text.lower())}'><td data-label='group'>"
                f"{_e(group_title(group))} ({_e(verdict_words(group['verdict']))})</td>"
                f"<td data-label='source'><b>{_e(claim_source(claim))}</b></td>"
                f"<td data-label='stated'>{_e(claim['value'])}</td>"
                f"<td data-label='normalised'>{_e(claim_interval(claim))}</td>"
                f"<td data-label='document' class='doc'>{_e(claim_place(claim))}</td>"
                f"<td data-label='quote' class='quote'>{_e(claim.get('quote'))}{chain}</td></tr>"
            )
        out.append("</tbody>")
    return [*out, "</table></details>"]


def _section(section: Section) -> list[str]:
    out = [
        f"<section id='{section.key}' data-section><h2>{_e(section.title)} "
        f"({len(section.groups)})</h2><p>{_e(section.meaning)}.</p>"
    ]
    if not section.groups:
        out.append("<p>No conflicting figures.</p>")
    out.append("<p class='none' hidden>No group here matches the filter.</p>")
    if section.key == "single":
        out += _single_rows(section)
    else:
        for group in section.groups:
            out += _group_article(group)
    return [*out, "</section>"]


def _options(name: str, label: str, values: list[str]) -> str:
    options = "".join(f"<option value='{_e(v)}'>{_e(v)}</option>" for v in values)
    return (
        f"<label>{_e(label)}<select name='{name}'><option value=''>all</option>"
        f"{options}</select></label>"
    )


def _filters(report: dict[str, Any]) -> str:
    groups = report["groups"]
    sources = sorted({c["source"] for g in groups for c in g["claims"]})
    return (
        "<form id='filters' class='filters' hidden role='search'>"
        + _options("verdict", "verdict", sorted({g["verdict"] for g in groups}))
        + _options("entity", "entity", sorted({g["entity"] for g in groups}))
        + _options("metric", "metric", sorted({g["metric"] for g in groups}))
        + _options("source", "source", sources)
        + "<label>search<input type='search' name='q' placeholder='source, figure, quote'>"
        "</label><output id='shown'></output></form>"
    )


def _header(report: dict[str, Any], sections: list[Section]) -> list[str]:
    summary = report["summary"]
    counts = [("conflict", "conflicts")] + [(v, v) for v in EXPLAINED]
    counts += [("consistent", "consistent"), ("single", "single-source"), ("invalid", "invalid")]
    verdicts = [g["verdict"] for g in report["groups"]]
    items = "".join(
        f"<li class='{_verdict_class(key)}'>{verdicts.count(key)} {_e(label)}</li>"
        for key, label in counts
        if verdicts.count(key) or key == "conflict"
    )
    toc = []
    for section in sections:
        toc.append(f"<li><a href='#{section.key}'>{_e(section.title)}</a> ({len(section.groups)})")
        if section.key == "conflicts" and section.groups:
            toc.append(
                "<ul>"
                + "".join(
                    f"<li><a href='#{group_anchor(g)}'>{_e(group_title(g))}</a></li>"
                    for g in section.groups
                )
                + "</ul>"
            )
        toc.append("</li>")
    for key, title, present in (
        ("series", "Series across periods", report["series"]),
        ("arithmetic", "Arithmetic stated in the texts", report.get("relations")),
        ("problems", "Problems in the claim files", report["findings"]),
    ):
        if present:
            toc.append(f"<li><a href='#{key}'>{title}</a> ({len(present)})</li>")
    lines = [
        "<header><h1>Reconciliation report</h1>",
        f"<p>{_e(summary_line(summary))}</p><ul class='counts'>{items}</ul>",
        f"<nav aria-label='contents'><ul>{''.join(toc)}</ul></nav>",
    ]
    if "reference" in report:
        lines.append(f"<p>{_e(reference_summary_line(report['reference']))}</p>")
    return [*lines, _filters(report), "</header>"]


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML page with inline CSS, script and pictures."""
    sections, _ = split_sections(report)
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Reconciliation report</title>",
        f"<style>{STYLE}</style></head><body>",
        *_header(report, sections),
        "<main>",
    ]
    for section in sections:
        out += _section(section)
    out += _series_section(report)
    out += _relations_section(report)
    out += _problems_section(report)
    out.append(f"</main><script>{SCRIPT}</script></body></html>\n")
    return "\n".join(out)


def _series_section(report: dict[str, Any]) -> list[str]:
    if not report["series"]:
        return []
    out = [
        "<section id='series'><h2>Series across periods</h2><p>The same entity and metric "
        "in different periods: a series, never a contradiction.</p>"
    ]
    for series in report["series"]:
        out.append(f"<h3>{_e(series['entity'])} · {_e(series['metric'])}</h3>")
        out.append(series_chart(series))
        rows = series_rows([series])
        out.append(
            "<table class='compact'><thead><tr><th>period</th><th>value</th>"
            "<th>sources</th></tr></thead><tbody>"
        )
        out += [
            f"<tr><td data-label='period'>{_e(period)}</td><td data-label='value'>{_e(value)}"
            f"</td><td data-label='sources'>{_e(sources)}</td></tr>"
            for _, period, value, sources in rows
        ]
        out.append("</tbody></table>")
    return [*out, "</section>"]


def _relations_section(report: dict[str, Any]) -> list[str]:
    """The arithmetic the texts state, mismatches first."""
    relations = report.get("relations") or []
    if not relations:
        return []
    out = [
        "<section id='arithmetic'><h2>Arithmetic stated in the texts</h2><table class='claims'>"
        "<thead><tr><th>check</th><th>group</th><th>verdict</th><th>what was checked</th></tr>"
        "</thead><tbody>"
    ]
    for record in sorted(relations, key=lambda r: r["verdict"] != "mismatch"):
        css = "v-conflict" if record["verdict"] == "mismatch" else "v-consistent"
        cause = f" ({record['cause']})" if record["cause"] else ""
        out.append(
            f"<tr><td data-label='check'>{_e(record['kind'])}</td><td data-label='group'>"
            f"{_e(group_title(record))}</td><td data-label='verdict'><span class='verdict "
            f"{css}'>{_e(record['verdict'])}</span>{_e(cause)}</td>"
            f"<td data-label='what was checked'>{_e(record['text'])}</td></tr>"
        )
    return [*out, "</tbody></table></section>"]


def _problems_section(report: dict[str, Any]) -> list[str]:
    findings = report["findings"]
    if not findings:
        return []
    out = ["<section id='problems'><h2>Problems in the claim files</h2><ul>"]
    for finding in findings:
        where = f"{finding.get('path', '')}:{finding.get('line', '')}".strip(":")
        level = finding.get("level", "error")
        out.append(
            f"<li>{_e(level)} <code>{_e(finding['code'])}</code> {_e(where)}: "
            f"{_e(finding['message'])}</li>"
        )
    return [*out, "</ul></section>"]
