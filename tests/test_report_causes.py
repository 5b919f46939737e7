"""Cause texts: plain words naming sources and documents, never internal claim ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.causes import claim_label, describe_cause
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.formats import render_markdown
from tests.regenerate_golden import golden_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    return build_report(reconcile_claims([ROOT / "claims"]))


def _conflicts(report: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(g, c) for g in report["groups"] for c in g["conflicts"]]


def test_no_cause_text_shows_a_claim_id(seed_report: dict[str, Any]) -> None:
    pairs = _conflicts(seed_report)
    assert pairs
    for group, conflict in pairs:
        ids = {c["id"] for c in group["claims"]}
        for other in seed_report["groups"]:
            ids |= {c["id"] for c in other["claims"]}
        text = conflict["cause_text"] or ""
        assert not [i for i in ids if i in text], text


def test_related_metric_text_names_the_other_source_and_document(
    seed_report: dict[str, Any],
) -> None:
    [conflict] = [c for _, c in _conflicts(seed_report) if c["cause"] == "related-metric"]
    assert conflict["cause_text"] == (
        "AzerNEWS (001_e4fee655deeefa93.txt:63) gives US$2.46 billion, which matches the figure "
        "Reuters (001_e4fee655deeefa93.txt:66) gives for defence and national security budget "
        "allocation (2009): likely defence and national security budget allocation reported as "
        "military expenditure"
    )


def test_pair_causes_name_both_sides() -> None:
    texts = {c["cause"]: c["cause_text"] for _, c in _conflicts(golden_report())}
    assert texts["scale"] == (
        "the figure from Herald (gazette.txt:14) is about 1,000 times the one from IISS "
        "(gazette.txt:13): a thousand, million or billion slip"
    )
    assert texts["budget-stage"] == (
        "different budget stages: SIPRI (gazette.txt:4) gives the executed figure, Gazette "
        "(gazette.txt:3) the approved one; an allocation is not the spending"
    )


def test_no_cause_is_shown_when_none_was_inferred() -> None:
    report = golden_report()
    assert any(c["cause"] is None for _, c in _conflicts(report))
    markdown = render_markdown(report)
    assert "no likely cause" not in markdown
    assert "likely cause: None" not in markdown


def test_describe_cause_without_sides_reads_in_words() -> None:
    assert describe_cause("rounding", None) == (
        "the lower figure and the higher figure are under 2 percent apart: rounding or a revision"
    )
    assert describe_cause(None, None) is None


def test_claim_label_falls_back_to_the_claim_file() -> None:
    claim = {"source": "SIPRI", "document": None, "line": None, "file": "c.yaml", "file_line": 7}
    assert claim_label(claim) == "SIPRI (c.yaml:7)"
    assert claim_label({"source": "SIPRI"}) == "SIPRI"


def test_stage_causes_say_what_differs_between_the_stages() -> None:
    draft = describe_cause("budget-stage", "approved vs draft", a="A (a.txt:1)", b="B (b.txt:2)")
    assert draft == (
        "different budget stages: A (a.txt:1) gives the approved figure, B (b.txt:2) the draft "
        "one; a budget changes between draft, approval and revision"
    )
    spent = describe_cause("budget-stage", "executed vs approved")
    assert spent is not None and spent.endswith("an allocation is not the spending")
