"""Tests for `report --reference`: each claim against the authority's own figure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reconcile.__main__ import main
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.compare.reference import add_reference_to_report, match_reference
from reconcile.datasets.imports import import_dataset

from .test_datasets_sipri import SIPRI_FILE, build_workbook


@pytest.fixture
def small_reference(tmp_path: Path) -> Path:
    """The small SIPRI-layout workbook imported as a reference folder (AZE 2009: 1,183.9 m)."""
    import_dataset("sipri", build_workbook(tmp_path / "sipri.xlsx"), tmp_path / "ref")
    return tmp_path / "ref"


@pytest.fixture(scope="module")
def sipri_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real 2025 release imported once (skips without ../shared)."""
    if not SIPRI_FILE.is_file():
        pytest.skip(f"{SIPRI_FILE} not found: the reference files live in ../shared")
    out = tmp_path_factory.mktemp("sipri") / "sipri-2025"
    import_dataset("sipri", SIPRI_FILE, out)
    return out


def _verdicts(report: dict[str, Any], entity: str, metric: str, period: str) -> dict[str, Any]:
    group = next(
        g
        for g in report["groups"]
        if (g["entity"], g["metric"], g["period"]) == (entity, metric, period)
    )
    return {
        c["source"]: [(r["relation"], r["verdict"]) for r in c["reference"]]
        for c in group["claims"]
    }


def test_seeds_against_sipri_2025(sipri_2025: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SIPRI's own 2009 figure agrees with the $1.473 bn Wikipedia cites and not with AzerNEWS."""
    assert main(["report", "claims", "--reference", str(sipri_2025), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert _verdicts(report, "AZE", "military_expenditure", "2009") == {
        "IISS": [("same", "agrees")],
        "SIPRI": [("same", "agrees")],
        "AzerNEWS": [("same", "contradicts")],
    }
    group = next(g for g in report["groups"] if g["metric"] == "military_expenditure")
    azernews = next(c for c in group["claims"] if c["source"] == "AzerNEWS")
    reference = azernews["reference"][0]["reference"]
    assert (reference["release"], reference["sheet"], reference["cell"]) == (
        "SIPRI 2025",
        "Current US$",
        "BK154",
    )
    assert reference["value"] == "1,472.9 million USD"
    assert reference["document"] == "SIPRI-Milex-data-1949-2024_2.xlsx"
    assert azernews["reference"][0]["gap"] == pytest.approx(2.46 / 1.47291 - 1, abs=1e-3)
    # The 2025 manat budget: beside SIPRI's 2024 local-currency figure, never a verdict.
    budget = _verdicts(report, "AZE", "defence_budget", "2025")
    assert budget == {"Seed000Publisher": [("related", "context")]}
    assert report["reference"]["contradicts"] == 1


def test_seed_terminal_notes(sipri_2025: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The terminal shows 'SIPRI 2025: 1,472.9 m USD (agrees)' style notes."""
    assert main(["report", "claims", "--reference", str(sipri_2025), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert (
        "| AZE | military_expenditure | 2009 | AzerNEWS | US$2.46 billion | SIPRI 2025: "
        "1,472.9 m USD (contradicts: +67%) [Current US$!BK154] |"
    ) in out
    assert (
        "| AZE | defence_budget | 2025 | Seed000Publisher | 8.1 billion manat | SIPRI 2025 "
        "(related metric military_expenditure, previous period 2024, not compared): "
        "6,421.1 m AZN (this figure +26%) [Local currency calendar years!CA155] |"
    ) in out


def test_strict_fails_on_a_contradiction(small_reference: Path) -> None:
    """--strict exits 1 when a claim contradicts the reference."""
    assert main(["report", "claims", "--reference", str(small_reference), "--strict"]) == 1


def test_small_reference_verdicts(small_reference: Path) -> None:
    """Against the small workbook (1,183.9 m for 2009), every 2009 claim contradicts."""
    reconciliation = reconcile_claims([Path("claims")])
    report = build_report(reconciliation)
    add_reference_to_report(report, reconciliation, small_reference)
    assert _verdicts(report, "AZE", "military_expenditure", "2009") == {
        "IISS": [("same", "contradicts")],
        "SIPRI": [("same", "contradicts")],
        "AzerNEWS": [("same", "contradicts")],
    }


def test_without_reference_nothing_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """A report without --reference has no reference keys (golden files stay byte-identical)."""
    assert main(["report", "claims", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "reference" not in report
    assert all("reference" not in c for g in report["groups"] for c in g["claims"])


def _claims(**columns: Any) -> pd.DataFrame:
    base = {
        "id": ["c1"],
        "entity": ["AZE"],
        "metric": ["military_expenditure"],
        "period": ["2009"],
        "valid": [True],
        "unit": ["USD"],
        "basis": [None],
        "normalized_unit": ["USD"],
    }
    base.update({k: [v] for k, v in columns.items()})
    return pd.DataFrame(base)


def _reference() -> pd.DataFrame:
    rows = [
        ("r1", "current", 1472.9e6, "USD", "current-usd"),
        ("r2", "constant-2023", 1568.8e6, "USD", "constant-usd"),
        ("r3", "current", 1183.9e6, "AZN", "local-currency-calendar-year"),
    ]
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "entity": "AZE",
            "metric": "military_expenditure",
            "period": "2009",
            "basis": [r[1] for r in rows],
            "amount": [r[2] for r in rows],
            "amount_low": [r[2] - 5e4 for r in rows],
            "amount_high": [r[2] + 5e4 for r in rows],
            "amount_unit": [r[3] for r in rows],
            "series": [r[4] for r in rows],
            "source": "SIPRI",
        }
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ({"low": 1.4725e9, "high": 1.4735e9, "amount": 1.473e9}, ("r1", "agrees")),
        ({"low": 2.455e9, "high": 2.465e9, "amount": 2.46e9}, ("r1", "contradicts")),
        (
            {"low": 1.5e9, "high": 1.6e9, "amount": 1.55e9, "basis": "constant-2023"},
            ("r2", "agrees"),
        ),
        (
            {"unit": "AZN", "low": 1.18e9, "high": 1.19e9, "amount": 1.185e9},
            ("r3", "agrees"),
        ),
        ({"period": "2010", "low": 1.4e9, "high": 1.5e9, "amount": 1.45e9}, ("r1", "context")),
    ],
)
def test_match_reference_picks_unit_basis_and_period(
    claim: dict[str, Any], expected: tuple[str, str]
) -> None:
    """Same unit and basis; the stated currency before USD; another year is only context."""
    from reconcile.claims.catalogue import Metric

    claim.setdefault(
        "normalized_low", claim["low"] if claim.get("unit", "USD") == "USD" else 1.47e9
    )
    claim.setdefault(
        "normalized_high", claim["high"] if claim.get("unit", "USD") == "USD" else 1.48e9
    )
    metrics = {"military_expenditure": Metric("military_expenditure", "x", "money", "USD")}
    reference = _reference()
    if claim.get("period") == "2010":
        reference["period"] = "2009"
    matches = match_reference(_claims(**claim), reference, metrics)
    assert list(zip(matches["ref_id"], matches["verdict"], strict=True)) == [expected]


def test_check_passes_when_the_contradiction_is_accepted(
    sipri_2025: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """AzerNEWS vs SIPRI is in claims/accepted.yaml, so the reference contradiction passes."""
    assert main(["check", "claims", "--reference", str(sipri_2025)]) == 0
    err = capsys.readouterr().err
    assert (
        "reference accepted c15ce58b329b6c19 claims/001_wikipedia_azerbaijani_armed_forces" in err
    )


def test_check_fails_on_a_new_reference_contradiction(
    small_reference: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Against the small workbook IISS contradicts SIPRI: not accepted, so check fails."""
    assert main(["check", "claims", "--reference", str(small_reference)]) == 1
    err = capsys.readouterr().err
    assert "reference new " in err
    assert "IISS '$1.5 billion' (AZE military_expenditure 2009) against SIPRI 2025: " in err
