"""The HTML report as text: structure, everything the Markdown report has, escaping."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.html import render_html
from reconcile.report.html_chart import Axis, nice_ticks
from reconcile.report.sections import group_anchor

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], str]:
    report = build_report(reconcile_claims([ROOT / "claims"]))
    return report, render_html(report)


def test_page_is_responsive_and_ordered(seed: tuple[dict[str, Any], str]) -> None:
    _, page = seed
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in page
    order = [page.index(f"<section id='{key}'") for key in ("conflicts", "consistent", "single")]
    assert order == sorted(order)
    assert page.index("data-group") > page.index("<nav")
    # The filter form is hidden until the script shows it (the page reads without scripts).
    assert "<form id='filters' class='filters' hidden" in page


def test_every_group_has_an_anchor_and_conflicts_are_in_the_contents(
    seed: tuple[dict[str, Any], str],
) -> None:
    report, page = seed
    for group in report["groups"]:
        assert f"id='{group_anchor(group)}'" in page
    for group in (g for g in report["groups"] if g["verdict"] == "conflict"):
        assert page.count(f"href='#{group_anchor(group)}'") == 2  # contents and heading


def test_everything_the_markdown_report_has(seed: tuple[dict[str, Any], str]) -> None:
    report, page = seed
    for group in report["groups"]:
        for conflict in group["conflicts"]:
            assert f"<code>{conflict['fingerprint']}</code>" in page
        for claim in group["claims"]:
            assert f"{claim['document']}:{claim['line']}" in page
    assert "Agreeing clusters: IISS + SIPRI" in page
    for series in report["series"]:
        assert f"{series['entity']} · {series['metric']}" in page
    for finding in report["findings"]:
        assert html.escape(finding["message"]) in page


def test_rows_that_agree_are_not_labelled_conflict(seed: tuple[dict[str, Any], str]) -> None:
    _, page = seed
    rows = re.findall(r"<tr data-row=.*?</tr>", page, flags=re.S)
    assert rows
    cells = [re.sub(r"<details>.*?</details>", "", row, flags=re.S) for row in rows]
    assert not [c for c in cells if ">conflict<" in c]
    assert "cluster 1, agrees with SIPRI" in page


def test_quotes_are_escaped(tmp_path: Path) -> None:
    golden = ROOT / "tests" / "data" / "golden" / "claims"
    for name in ("metrics.yaml", "sources.yaml"):
        (tmp_path / name).write_text((golden / name).read_text(encoding="utf-8"))
    (tmp_path / "doc.yaml").write_text(
        "document: {id: d, file: d.txt, kind: news}\n"
        "claims:\n"
        "  - {id: a, entity: AZE, metric: defence_budget, period: '2025', "
        "value: $8.1 billion, source: Herald, quote: '<script>alert(1)</script>'}\n",
        encoding="utf-8",
    )
    page = render_html(build_report(reconcile_claims([tmp_path])))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0.0, 150_000.0, [0.0, 50_000.0, 100_000.0, 150_000.0]),
        (1.45e9, 2.465e9, [1.0e9, 1.5e9, 2.0e9, 2.5e9]),
        (3.0, 7.0, [3.0, 4.0, 5.0, 6.0, 7.0]),
    ],
)
def test_axis_ticks_are_round(low: float, high: float, expected: list[float]) -> None:
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_figures_orders_of_magnitude_apart_get_a_log_axis() -> None:
    axis = Axis([44_500.0, 45.5e6])
    assert axis.logarithmic and axis.ticks == [1e4, 1e5, 1e6, 1e7, 1e8]
    assert axis.percent(1e6) == pytest.approx(50.0)


@pytest.mark.parametrize(
    ("period", "year"),
    [("2020", 2020.0), ("1992-1994", 1992.0), ("2024-H2", 2024.5), ("2024-Q2", 2024.25)],
)
def test_series_points_are_placed_by_year(period: str, year: float) -> None:
    from reconcile.report.html_chart import _period_year

    assert _period_year(period) == year
