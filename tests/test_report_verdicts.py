"""Verdicts beyond conflict / consistent / single: shown apart from conflicts, in every format.

The explained kinds (budget stage, revision, definition, rounding) come after the conflicts
and before the consistent groups; a verdict this version does not know is shown as it is.
"""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from rich.console import Console

from reconcile.report.formats import render_markdown
from reconcile.report.html import render_html
from reconcile.report.sections import split_sections
from reconcile.report.terminal_report import render_report_table
from reconcile.report.tsv import render_tsv
from tests.regenerate_golden import golden_report


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """The golden report with its 2009 conflict turned into a stage difference."""
    out = copy.deepcopy(golden_report())
    group = next(g for g in out["groups"] if g["metric"] == "military_expenditure")
    group["verdict"] = "stage-difference"
    for conflict in group["conflicts"]:
        conflict["kind"] = "stage-difference"
        conflict["stated_gap"] = 0.67
    single = next(g for g in out["groups"] if g["verdict"] == "single")
    single["verdict"] = "some-new-verdict"
    return out


def test_sections_put_explained_after_conflicts(report: dict[str, Any]) -> None:
    sections, _ = split_sections(report, show_all=False)
    keys = [s.key for s in sections]
    assert keys == ["conflicts", "explained", "consistent"]
    explained = next(s for s in sections if s.key == "explained")
    assert {g["verdict"] for g in explained.groups} == {"stage-difference", "some-new-verdict"}


def test_terminal_shows_the_kind_and_stated_gap(report: dict[str, Any]) -> None:
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None)
    render_report_table(report, console=console, errors=Console(file=io.StringIO()))
    text = " ".join(out.getvalue().split())
    assert text.index("Conflicts (1)") < text.index("Explained differences (2)")
    assert text.index("Explained differences") < text.index("Consistent groups")
    assert "AZE · military_expenditure · 2009 · budget stages differ" in text
    assert "different budget stages, 67% apart (stated figures 67% apart)" in text
    assert "some-new-verdict" in text


def test_markdown_html_and_tsv_show_explained_groups_apart(report: dict[str, Any]) -> None:
    markdown = render_markdown(report)
    assert markdown.index("## Conflicts") < markdown.index("## Explained differences")
    assert "### AZE · military_expenditure · 2009 · budget stages differ" in markdown
    page = render_html(report)
    assert page.index("<section id='conflicts'") < page.index("<section id='explained'")
    assert "data-verdict='stage-difference'" in page
    assert "<span class='verdict v-explained'>budget stages differ</span>" in page
    rows = [line.split("\t") for line in render_tsv(report).splitlines()[1:]]
    assert {row[4] for row in rows if row[0] == "explained"} == {
        "stage-difference",
        "some-new-verdict",
    }
