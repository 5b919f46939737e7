"""The seed claims in claims/: the reconciliations DESIGN.md expects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.figures.grammar import parse_value


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return build_report(reconcile_claims([Path(__file__).resolve().parents[1] / "claims"]))


def group(report: dict[str, Any], entity: str, metric: str, period: str) -> dict[str, Any]:
    return next(
        g
        for g in report["groups"]
        if (g["entity"], g["metric"], g["period"]) == (entity, metric, period)
    )


def test_seed_claims_are_all_valid(report: dict[str, Any]) -> None:
    assert report["summary"]["claims"] > 100
    assert report["summary"]["errors"] == 0, report["findings"]


def test_2009_military_expenditure_conflict(report: dict[str, Any]) -> None:
    g = group(report, "AZE", "military_expenditure", "2009")
    assert g["verdict"] == "conflict"
    pairs = {(c["source_a"], c["source_b"]) for c in g["conflicts"]}
    assert ("SIPRI", "AzerNEWS") in pairs
    assert ("SIPRI", "IISS") not in pairs and ("IISS", "SIPRI") not in pairs
    clusters = [set(c["sources"]) for c in g["clusters"]]
    assert {"SIPRI", "IISS"} in clusters and {"AzerNEWS"} in clusters
    values = {c["source"]: c["value"] for c in g["claims"]}
    assert values["AzerNEWS"] == "US$2.46 billion"
    assert "1.473" in values["SIPRI"] and "1.5" in values["IISS"]


def test_israel_2016_arms_sales_agree(report: dict[str, Any]) -> None:
    g = group(report, "ISR-AZE", "arms_sales", "2016")
    assert g["verdict"] == "consistent"
    assert sorted(c["value"] for c in g["claims"]) == ["$4.85 billion", "nearly $5 billion"]


def test_2025_budget_in_dollars(report: dict[str, Any]) -> None:
    g = group(report, "AZE", "defence_budget", "2025")
    [claim] = [c for c in g["claims"] if c["value"] == "8.1 billion manat"]
    middle = (claim["normalized_low"] + claim["normalized_high"]) / 2
    assert middle == pytest.approx(4.76e9, rel=0.002)
    assert claim["steps"][0]["rate"] == pytest.approx(1.7)


def test_global_firepower_ranks_are_a_series_not_a_conflict(report: dict[str, Any]) -> None:
    assert group(report, "AZE", "gfp_rank", "2017")["verdict"] == "single"
    assert group(report, "AZE", "gfp_rank", "2020")["verdict"] == "single"
    [series] = [s for s in report["series"] if (s["entity"], s["metric"]) == ("AZE", "gfp_rank")]
    percentiles = {p["period"]: p["percentile"] for p in series["points"]}
    assert percentiles == {"2017": 46.5, "2020": 46.4}


# Every figure string written in the five seed documents, as the claims record it, with what it
# must read as. Built by hand from ../shared/seeds (file: line).
SEED_FIGURES = [
    ("approximately 1.4 billion manat", "AZN", 1.26e9, 1.54e9),  # 000:5
    ("nearly 20 countries", "count", 18, 20),  # 000:5
    ("8.1 billion manat", "AZN", 8.05e9, 8.15e9),  # 000:7
    ("23 percent", "percent", 22.5, 23.5),  # 000:7
    ("approximately 20 countries", "count", 18, 22),  # 000:15
    ("126,000", "count", 125500, 126500),  # 001 infobox active
    ("3,000,000", "count", 2.5e6, 3.5e6),  # 001 infobox available
    ("330,000", "count", 325000, 335000),  # 001 infobox reserve
    ("122", "count", 121.5, 122.5),  # 001 infobox deployed
    ("$2.267 billion (2020)", "USD", 2.2665e9, 2.2675e9),  # 001 infobox amount
    ("5%", "percent", 4.5, 5.5),  # 001 infobox percent_GDP
    ("US$2.46 & nbsp;billion", "USD", 2.455e9, 2.465e9),  # 001:63
    ("only $1.473 & nbsp;billion", "USD", 1.4725e9, 1.4735e9),  # 001:63
    ("$1.5 & nbsp;billion", "USD", 1.45e9, 1.55e9),  # 001:63
    ("around $300 & nbsp;million", "USD", 2.7e8, 3.3e8),  # 001:66
    ("59th among 127 countries", "rank", 59, 59),  # 001:72
    ("85,000", "count", 84500, 85500),  # 001:123
    ("14–15", "count", 14, 15),  # 001:146
    ("12–13", "count", 12, 13),  # 001:146
    ("at least 2", "count", 2, float("inf")),  # 001:150
    ("about 2,200", "count", 1980, 2420),  # 001:176
    ("$4.85 billion", "USD", 4.845e9, 4.855e9),  # 001:243
    ("23rd", "rank", 23, 23),  # 002:11
    ("$22,7bn", "USD", 22.65e9, 22.75e9),  # 002:11
    ("64th among 138 countries", "rank", 64, 64),  # 002:13
    ("about 60 countries", "count", 54, 66),  # 002:15
    ("more than 30 countries", "count", 30, float("inf")),  # 002:15
    ("three branches", "count", 2.5, 3.5),  # 002:17
    ("three car manufacturing facilities", "count", 2.5, 3.5),  # 003:6
    ("second-largest importer", "rank", 2, 2),  # 004:29
    ("69 percent", "percent", 68.5, 69.5),  # 004:29
    ("nearly $5 billion", "USD", 4.5e9, 5e9),  # 004:31
    ("one of the world’s top eight arms exporters", "rank", 1, 8),  # 004:29
    ("over one million tons", "tonne", 1e6, float("inf")),  # 004:41
]


@pytest.mark.parametrize(("text", "unit", "low", "high"), SEED_FIGURES)
def test_seed_figure_strings(text: str, unit: str, low: float, high: float) -> None:
    value = parse_value(text)
    assert value.ok
    assert (value.unit, value.low, value.high) == (unit, pytest.approx(low), pytest.approx(high))


def test_seed_figures_occur_in_the_seeds(shared_seeds: Path) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in shared_seeds.iterdir())
    import json

    wikitext = json.loads((shared_seeds / "001_e4fee655deeefa93.txt").read_text())[1]
    text += wikitext
    missing = [t for t, *_ in SEED_FIGURES if t.split(" (")[0] not in text]
    assert missing == []
