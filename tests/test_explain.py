"""`reconcile explain`: the chain from quote to verdict, for a claim and for a conflict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reconcile.__main__ import main
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.explain import explain
from reconcile.report.explain_text import render_explanation

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    return build_report(reconcile_claims([ROOT / "claims"]))


def _flat(text: str) -> str:
    return " ".join(text.split())


def seed_conflict(report: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The 2009 military expenditure group and its budget-stage pair."""
    group = next(
        g
        for g in report["groups"]
        if (g["entity"], g["metric"], g["period"]) == ("AZE", "military_expenditure", "2009")
    )
    pair = next(c for c in group["conflicts"] if c["cause"] == "budget-stage")
    return group, pair


@pytest.mark.parametrize("side", ["claim_a", "claim_b"])
def test_each_side_of_the_2009_conflict(seed_report: dict[str, Any], side: str) -> None:
    group, pair = seed_conflict(seed_report)
    claim = next(c for c in group["claims"] if c["id"] == pair[side])
    text = _flat(render_explanation(explain(seed_report, claim["id"])))
    # The quote and both locations.
    assert _flat(claim["quote"]) in text
    assert f"document {claim['document']}:{claim['line']}" in text
    assert f"claim file {claim['file']}:{claim['file_line']}" in text
    # How the value was read, and the interval.
    assert "read as:" in text and "'billion' scale (x1,000,000,000)" in text
    assert "precision: as precise as its last stated digit" in text
    assert f"stage: {claim['stage']}" in text
    assert "interval compared: " in text
    # The group, what it was compared with, and why the verdict.
    assert "group: AZE · military_expenditure · 2009" in text
    other = pair["claim_b"] if side == "claim_a" else pair["claim_a"]
    other_claim = next(c for c in group["claims"] if c["id"] == other)
    assert f"{other_claim['source']} ({other_claim['document']}:{other_claim['line']})" in text
    assert f"contradiction, the intervals do not overlap: {pair['gap']:.0%} apart" in text
    assert f"[fingerprint {pair['fingerprint']}]" in text
    assert "verdict: conflict:" in text


def test_the_sipri_side_agrees_with_iiss(seed_report: dict[str, Any]) -> None:
    _, pair = seed_conflict(seed_report)
    explanation = explain(seed_report, pair["claim_a"])
    outcomes = {c["label"].split()[0]: c["outcome"] for c in explanation["compared_with"]}
    assert outcomes == {"IISS": "agrees", "AzerNEWS": "contradiction"}
    words = {w["word"]: w["read_as"] for w in explanation["figure"]["reading"]["words"]}
    assert words["only"] == "qualifier (only)"


def test_a_fingerprint_shows_both_sides_and_the_evidence(seed_report: dict[str, Any]) -> None:
    _, pair = seed_conflict(seed_report)
    explanation = explain(seed_report, pair["fingerprint"])
    assert [s["claim"] for s in explanation["sides"]] == [pair["claim_a"], pair["claim_b"]]
    text = _flat(render_explanation(explanation))
    assert "lower figure:" in text and "higher figure:" in text
    assert "stage: SIPRI (001_e4fee655deeefa93.txt:63) executed, AzerNEWS" in text
    assert f"likely cause: {pair['cause_text']}" in text


def test_conversion_steps_show_rate_and_source(seed_report: dict[str, Any]) -> None:
    claim = next(
        c for g in seed_report["groups"] for c in g["claims"] if c["value"] == "8.1 billion manat"
    )
    text = _flat(render_explanation(explain(seed_report, claim["id"])))
    assert "step 1: AZN->USD at 1.7 AZN per USD (2024, carried forward; World Bank WDI" in text
    assert "'manat' currency (AZN)" in text


def test_json_is_the_library_explanation(
    seed_report: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _, pair = seed_conflict(seed_report)
    assert main(["explain", pair["claim_b"], "claims", "--format", "json"]) == 0
    relative = build_report(reconcile_claims(["claims"]))  # paths as the command sees them
    assert json.loads(capsys.readouterr().out) == json.loads(
        json.dumps(explain(relative, pair["claim_b"]))
    )


def test_an_unknown_key_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "seed-001-01", "claims"]) == 2
    err = capsys.readouterr().err
    assert "ERROR no claim or conflict 'seed-001-01' in these claims" in err
    assert "hint: did you mean" in err


def test_a_relation_fingerprint_explains_the_check(seed_report: dict[str, Any]) -> None:
    record = seed_report["relations"][0]
    explanation = explain(seed_report, record["fingerprint"])
    assert (explanation["kind"], explanation["check"]) == ("relation", record["kind"])
    text = _flat(render_explanation(explanation))
    assert f"{record['verdict']}: {_flat(record['text'])}" in text
