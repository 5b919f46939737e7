"""The report in a terminal: conflicts first, readable at 80 columns, plain text when piped.

Every cell and note wraps at spaces, never inside a word: column widths are chosen so that
each column is at least as wide as its longest word (rich would otherwise fold words), and a
layout that cannot fit falls back to one figure per paragraph.
"""

from __future__ import annotations

import sys
from typing import Any

from reconcile.compare.causes import claim_label

from .hygiene import terminal_safe
from .reference_notes import reference_notes
from .sections import Section, group_title, group_verdict_words, split_sections
from .terminal import make_console
from .text import (
    claim_interval,
    claim_place,
    claim_source,
    describe_pair,
    format_interval,
    summary_line,
    wrap,
)

VERDICT_STYLE = {
    "conflict": "bold red",
    "consistent": "green",
    "within-rounding": "cyan",
    "single": "dim",
    "invalid": "yellow",
}
EXPLAINED_STYLE = "magenta"
CLAIM_HEADERS = ("source", "stated", "normalised", "document")


def render_report_table(
    report: dict[str, Any], console: Any = None, errors: Any = None, show_all: bool = False
) -> None:
    """Print the report: summary, sections in order, series, arithmetic, summary again.

    Findings go to `errors` (stderr by default). A console that is not a terminal gets plain
    text without box tables.
    """
    report = terminal_safe(report)  # data never reaches the terminal as control codes
    console = console or make_console()
    errors = errors or make_console(sys.stderr)
    sections, left_out = split_sections(report, show_all)
    fancy = bool(console.is_terminal)
    width = max(int(console.width), 40)
    lines = [piece for line in _head(report, left_out) for piece in wrap(line, width)]
    _print_plain(console, lines)
    for section in sections:
        _print_section(console, section, fancy, width, show_all)
    _print_series(console, report.get("series") or [], fancy, width)
    _print_relations(console, report.get("relations") or [], width)
    _print_findings(errors, report.get("findings") or [])
    # At the bottom the summary comes last, where a reader of a long output looks.
    tail = [piece for line in _head(report, left_out)[::-1] for piece in wrap(line, width)]
    _print_plain(console, ["", *tail])


def _head(report: dict[str, Any], left_out: int) -> list[str]:
    lines = [summary_line(report["summary"])]
    if left_out:
        lines.append(f"{left_out} single-source or unreadable groups left out (--all shows them)")
    if "reference" in report:
        lines.append(reference_summary_line(report["reference"]))
    return lines


def reference_summary_line(reference: dict[str, Any]) -> str:
    """The summary line of a --reference comparison."""
    return (
        f"reference {', '.join(reference['releases']) or reference['folder']}: "
        f"{reference['checked']} claims checked, {reference['agrees']} agree, "
        f"{reference['contradicts']} contradict; {reference['related']} related-metric, "
        f"{reference['context']} previous-period notes"
    )


def _print_plain(console: Any, lines: list[str]) -> None:
    """Print lines already wrapped (soft_wrap: rich must not wrap them again)."""
    from rich.text import Text

    for line in lines:
        console.print(Text(line), soft_wrap=True)


def _style(verdict: str) -> str:
    return VERDICT_STYLE.get(verdict, EXPLAINED_STYLE)


def _print_section(
    console: Any, section: Section, fancy: bool, width: int, show_all: bool = False
) -> None:
    from rich.text import Text

    title = f"{section.title} ({len(section.groups)}): {section.meaning}"
    if fancy:
        console.rule(Text(title, style="bold"), characters="─")
    else:
        _print_plain(console, ["", *wrap(f"== {title} ==", width)])
    if not section.groups:
        _print_plain(console, ["No conflicting figures."])
    for group in section.groups:
        _print_group(console, group, fancy, width, show_all)


SHOWN_EXPLAINED = 3  # explained pairs listed per group before the rest are counted


def group_notes(group: dict[str, Any], show_all: bool = False) -> list[str]:
    """The group's contradictions with their causes, then its explained differences (the
    first few, the rest counted unless `show_all`), then per-claim notes, in words."""
    claims = {c["id"]: c for c in group["claims"]}
    notes = []
    conflicts = group["conflicts"]
    contradictions = [c for c in conflicts if c.get("kind", "contradiction") == "contradiction"]
    explained = [c for c in conflicts if c.get("kind", "contradiction") != "contradiction"]
    shown = explained if show_all else explained[:SHOWN_EXPLAINED]
    for conflict in contradictions + shown:
        note = describe_pair(conflict, claims)
        if conflict["cause_text"]:
            note += f"; likely cause: {conflict['cause_text']}"
        notes.append(note)
    if len(shown) < len(explained):
        counts: dict[str, int] = {}
        for conflict in explained[len(shown) :]:
            counts[conflict["kind"]] = counts.get(conflict["kind"], 0) + 1
        kinds = ", ".join(f"{n} {k.replace('-', ' ')}" for k, n in sorted(counts.items()))
        notes.append(
            f"and {len(explained) - len(shown)} more explained pairs ({kinds}): --all lists "
            "them, as do the JSON, Markdown and HTML reports"
        )
    for claim in group["claims"]:
        extra = claim_notes(claim)
        if extra:
            notes.append(f"{claim_label(claim)}: {'; '.join(extra)}")
    return notes


def claim_notes(claim: dict[str, Any]) -> list[str]:
    """What else to know about one figure: repeats, percentile, derivation, reference."""
    notes = []
    if claim["repeat_of"]:
        notes.append("repeats an earlier figure of the same source and document")
    if claim["percentile"] is not None:
        notes.append(f"percentile {claim['percentile']}")
    if not claim["valid"]:
        notes.append("could not be read: see the problems on stderr")
    if claim.get("derived"):
        notes.append(f"derived: {claim['chain']}")
    return notes + reference_notes(claim)


def _claim_rows(group: dict[str, Any]) -> list[list[str]]:
    return [
        [claim_source(claim), claim["value"], claim_interval(claim), claim_place(claim)]
        for claim in group["claims"]
    ]


def _print_group(
    console: Any, group: dict[str, Any], fancy: bool, width: int, show_all: bool = False
) -> None:
    from rich.text import Text

    heading = Text(group_title(group) + " · ")
    heading.append(group_verdict_words(group), style=_style(group["verdict"]))
    label = f" ({group['metric_label']})" if group.get("metric_label") else ""
    heading.append(label, style="dim")
    console.print()
    if fancy:
        console.print(heading)
    else:
        _print_plain(console, wrap(heading.plain, width))
    rows = _claim_rows(group)
    table = fit_table(CLAIM_HEADERS, rows, width) if fancy else None
    if table is not None:
        console.print(table)
    else:
        for row in rows:
            source, value, normalised, place = row
            _print_plain(console, wrap(f"{source}: {value} = {normalised}; {place}", width, "  "))
    for note in group_notes(group, show_all):
        _print_plain(console, wrap(note, width, "  - ", "    "))


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def fit_widths(headers: tuple[str, ...], rows: list[list[str]], available: int) -> list[int] | None:
    """Column widths that fit `available` with no word cut, or None when none can."""
    columns = list(zip(headers, *rows, strict=False))
    need = [max(_longest_word(cell) for cell in column) for column in columns]
    natural = [max(len(cell) for cell in column) for column in columns]
    room = available - 3 * len(columns)  # padding and separators
    if sum(need) > room:
        return None
    widths = list(need)
    spare = room - sum(widths)
    wants = [n - w for n, w in zip(natural, widths, strict=True)]
    while spare > 0 and any(wants):
        total = sum(wants)
        gave = 0
        for i, want in enumerate(wants):
            extra = min(want, max(1, spare * want // total)) if want else 0
            extra = min(extra, spare - gave)
            widths[i] += extra
            wants[i] -= extra
            gave += extra
        spare -= gave
        if gave == 0:
            break
    return widths


def fit_table(headers: tuple[str, ...], rows: list[list[str]], width: int) -> Any:
    """A rich table whose columns fit `width` with whole words, or None."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    widths = fit_widths(headers, rows, width)
    if widths is None:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for header, column_width in zip(headers, widths, strict=True):
        table.add_column(header, width=column_width, overflow="ellipsis")
    for row in rows:
        # Text objects are not parsed for markup: nothing in a quote or value needs escaping.
        table.add_row(*(Text(cell) for cell in row))
    return table


def series_rows(all_series: list[dict[str, Any]]) -> list[list[str]]:
    """One row per point of each series: what, period, value, sources."""
    rows = []
    for line in all_series:
        for point in line["points"]:
            value = format_interval(point["low"], point["high"], point["unit"])
            if point["rank_of"] is not None:
                value = f"{value} of {point['rank_of']} (percentile {point['percentile']})"
            what = f"{line['entity']} {line['metric']}"
            rows.append([what, point["period"], value, ", ".join(point["sources"])])
    return rows


def _print_series(console: Any, all_series: list[dict[str, Any]], fancy: bool, width: int) -> None:
    from rich.text import Text

    if not all_series:
        return
    title = f"Series across periods ({len(all_series)}): not contradictions"
    if fancy:
        console.rule(Text(title, style="bold"), characters="─")
    else:
        _print_plain(console, ["", *wrap(f"== {title} ==", width)])
    rows = series_rows(all_series)
    table = fit_table(("series", "period", "value", "sources"), rows, width) if fancy else None
    if table is not None:
        console.print(table)
        return
    for what, period, value, sources in rows:
        _print_plain(console, wrap(f"{what} {period}: {value} ({sources})", width, "  "))


def _print_relations(console: Any, relations: list[dict[str, Any]], width: int) -> None:
    if not relations:
        return
    lines = ["", f"== Arithmetic stated in the texts ({len(relations)}) =="]
    for record in sorted(relations, key=lambda r: r["verdict"] != "mismatch"):
        verdict = record["verdict"] + (f" ({record['cause']})" if record["cause"] else "")
        what = f"{record['entity']} {record['metric']} {record['period']}"
        lines += wrap(f"{record['kind']} {what}: {verdict}; {record['text']}", width, "  ")
    _print_plain(console, lines)


def _print_findings(errors: Any, findings: list[dict[str, Any]]) -> None:
    from rich.text import Text

    for finding in findings:
        where = f"{finding.get('path', '')}:{finding.get('line', '')}".strip(":")
        level = finding.get("level", "error")
        line = Text(level, style="red" if level == "error" else "yellow")
        line.append(f" {where}: {finding['code']}: {finding['message']}")
        errors.print(line, soft_wrap=True)
