"""The terminal report: conflicts first, whole words at 80 columns, plain when piped, TSV."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from reconcile.__main__ import main
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.terminal_report import fit_widths, render_report_table
from reconcile.report.text import summary_line
from reconcile.report.tsv import TSV_COLUMNS, render_tsv

ROOT = Path(__file__).resolve().parents[1]
BOX = re.compile("[│┃┌┐└┘╭╮╰╯━]")


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    return build_report(reconcile_claims([ROOT / "claims"]))


def render(report: dict[str, Any], terminal: bool, show_all: bool = False) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    console = Console(file=out, width=80, force_terminal=terminal, color_system=None)
    errors = Console(file=err, width=80, color_system=None)
    render_report_table(report, console=console, errors=errors, show_all=show_all)
    return out.getvalue(), err.getvalue()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_every_conflict_in_whole_words_at_80_columns(
    seed_report: dict[str, Any], terminal: bool
) -> None:
    text, _ = render(seed_report, terminal)
    assert max(len(line) for line in text.splitlines()) <= 80
    flat = _flat(text)
    conflicts = [g for g in seed_report["groups"] if g["verdict"] == "conflict"]
    assert conflicts
    for group in conflicts:
        claims = {c["id"]: c for c in group["claims"]}
        for conflict in group["conflicts"]:
            a, b = claims[conflict["claim_a"]], claims[conflict["claim_b"]]
            # The pair's note names both sources with their documents and values ...
            for claim in (a, b):
                assert f"{claim['source']} ({claim['document']}:{claim['line']})" in flat
                assert _flat(claim["value"]) in flat
            # ... and the whole cause sentence, every word intact.
            assert _flat(conflict["cause_text"]) in flat
    for word in ("military_expenditure", "active_personnel", "AzerNEWS"):
        assert word in text, word


def test_conflicts_come_first_and_singles_are_left_out(seed_report: dict[str, Any]) -> None:
    text, _ = render(seed_report, terminal=False)
    lines = text.splitlines()
    assert lines[0].startswith(f"{seed_report['summary']['claims']} claims")
    assert text.index("Conflicts (2)") < text.index("Consistent groups") < text.index("Series")
    assert f"{seed_report['summary']['single']} single-source or unreadable groups left out" in text
    assert "Single-source groups" not in text
    assert _flat(text).endswith(_flat(summary_line(seed_report["summary"])))
    shown, _ = render(seed_report, terminal=False, show_all=True)
    assert "Single-source groups" in shown and "left out" not in shown


def test_piped_output_has_no_box_table(seed_report: dict[str, Any]) -> None:
    text, _ = render(seed_report, terminal=False)
    assert not BOX.search(text)
    assert "document" not in text.split("\n", 8)[-1][:20]  # no header row
    fancy, _ = render(seed_report, terminal=True)
    assert "document" in fancy  # the table's column header


def test_findings_go_to_the_error_stream(seed_report: dict[str, Any]) -> None:
    out, err = render(seed_report, terminal=False)
    assert "rate-carried-forward" in err
    assert "rate-carried-forward" not in out


def test_widths_keep_every_word_whole() -> None:
    rows = [["AzerNEWS", "US$2.46 billion", "001_e4fee655deeefa93.txt:63"]]
    widths = fit_widths(("source", "stated", "document"), rows, 60)
    assert widths is not None
    assert widths[2] >= len("001_e4fee655deeefa93.txt:63") and widths[0] >= len("AzerNEWS")
    assert sum(widths) + 9 <= 60
    assert fit_widths(("source", "stated", "document"), rows, 40) is None


def test_tsv_lists_conflicts_first(seed_report: dict[str, Any]) -> None:
    lines = render_tsv(seed_report, show_all=False).splitlines()
    assert lines[0].split("\t") == list(TSV_COLUMNS)
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == len(TSV_COLUMNS) for row in rows)
    assert rows[0][0] == "conflicts"
    assert {row[4] for row in rows} == {"conflict", "consistent"}
    assert any("likely cause: different budget stages" in row[-1] for row in rows)


def test_tsv_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "tests/data/golden/claims", "--format", "tsv", "--all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("section\tentity\t")
    assert "\tsingle\t" in out


def test_a_group_lists_its_contradictions_and_counts_most_explained_pairs(
    seed_report: dict[str, Any],
) -> None:
    group = next(g for g in seed_report["groups"] if g["verdict"] == "conflict")
    contradiction = next(c for c in group["conflicts"] if c["kind"] == "contradiction")
    explained = [
        {**contradiction, "kind": "stage-difference", "cause_text": f"explained pair {n}"}
        for n in range(5)
    ]
    report = {**seed_report, "groups": [{**group, "conflicts": [*explained, contradiction]}]}
    text, _ = render(report, terminal=False)
    flat = _flat(text)
    assert _flat(contradiction["cause_text"]) in flat  # every contradiction, listed first
    assert flat.index(_flat(contradiction["cause_text"])) < flat.index("explained pair 0")
    assert "explained pair 2" in flat and "explained pair 3" not in flat
    assert "and 2 more explained pairs (2 stage difference)" in flat
    everything, _ = render(report, terminal=False, show_all=True)
    assert "explained pair 4" in _flat(everything)
