"""Issue 11 on the real excerpts: restated equivalents drafted from the text and checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from reconcile.cli.main import run

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docs"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def test_stated_equivalents_in_the_corpus_are_drafted_and_checked(tmp_path: Path) -> None:
    from reconcile.compare.reconciliation import build_report, reconcile_claims

    for document in sorted(CORPUS.glob("*.txt")):
        out = tmp_path / f"{document.stem}.yaml"
        assert run(["extract", str(document), "--out", str(out)]) == 0
    report = build_report(reconcile_claims([tmp_path]))
    checked = [r for r in report["relations"] if r["kind"] == "equivalent"]
    by_cluster = {r["claim"].split("-")[0] for r in checked}
    assert {"arm", "ukr"} <= by_cluster
    # Every restatement is either within the reference conversion or labelled with a cause.
    assert all(r["verdict"] == "agrees" or r["cause"] for r in checked)
    # Stated changes between two figures ("from X to Y, a rise of 18 percent", "compared with
    # last year's X, a decrease of 1.34 per cent") are drafted with their base figure, and the
    # base they imply meets the stated figures of that period: in IND, in more than one text.
    derived = [
        (group, claim)
        for group in report["groups"]
        for claim in group["claims"]
        if claim.get("derived") == "growth" and claim["id"].startswith("ind-")
    ]
    documents = {claim["id"].rsplit("-", 1)[0] for _, claim in derived}
    assert len(documents) >= 2
    met = [
        claim["id"]
        for group, claim in derived
        if group["verdict"] != "invalid"
        and any(not c.get("derived") and c["id"] != claim["id"] for c in group["claims"])
    ]
    assert met
    # TUR: "increased by 6 percent in 2019 to $20.8 billion" implies the 2018 figure, which
    # meets the 2018 figure the text states.
    turkish = [
        group
        for group in report["groups"]
        if group["entity"] == "TUR"
        and any(c.get("derived") == "growth" for c in group["claims"])
        and any(not c.get("derived") for c in group["claims"])
    ]
    assert turkish


# The expected file's reasons name the pairs a scale slip or a conversion date explains.
_REASON_CAUSES = (
    (re.compile(r"\bscale error\b", re.I), "scale"),
    (re.compile(r"\bexchange rates?\b|\bconverted at\b", re.I), "conversion-date"),
)


def _corpus_claims() -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """The corpus reconciled as `reconcile report DOCS` does, each expected figure's claim id
    (the matching rule of `reconcile eval`), and the expected file."""
    from reconcile.claims.yaml_io import read_yaml
    from reconcile.compare.reconciliation import build_report
    from reconcile.extract.corpus_eval import score_figure
    from reconcile.report.inputs import reconcile_inputs

    expected = read_yaml(CORPUS.parent / "expected.yaml")
    reconciliation, drafted = reconcile_inputs(sorted(CORPUS.glob("*.txt")))
    by_doc = {item.path.stem: item for item in drafted}
    claim_of: dict[str, str] = {}
    used: dict[str, set[int]] = {}
    for cluster in expected["clusters"]:
        for figure in cluster["figures"]:
            item = by_doc[figure["doc"]]
            taken = used.setdefault(figure["doc"], set())
            score = score_figure(cluster["id"], figure, item.drafts, item.document.text, taken)
            if score.draft is not None:
                taken.add(id(score.draft))
                claim_of[figure["id"]] = score.draft.id
    return build_report(reconciliation), claim_of, expected


def test_the_scale_and_conversion_date_pairs_of_the_expected_file_get_those_causes() -> None:
    report, claim_of, expected = _corpus_claims()
    causes = {
        frozenset((c["claim_a"], c["claim_b"])): c["cause"]
        for group in report["groups"]
        for c in group["conflicts"]
    }
    named = [
        (pair["pair"], cause)
        for cluster in expected["clusters"]
        for pair in cluster["pairs"]
        if pair["verdict"] == "conflict"
        for pattern, cause in _REASON_CAUSES
        if pattern.search(pair["reason"])
    ]
    assert len(named) >= 4  # two scale slips (TUR, IND), two conversion dates (ARM, UKR)
    got = {
        f"{a}/{b}": causes.get(frozenset((claim_of.get(a), claim_of.get(b)))) for (a, b), _ in named
    }
    assert got == {f"{a}/{b}": cause for (a, b), cause in named}


def test_the_restated_dollar_figures_of_arm_and_ukr_are_checked() -> None:
    report, claim_of, expected = _corpus_claims()
    checked = {r["claim"] for r in report["relations"] if r["kind"] == "equivalent"}
    restated = [
        figure["id"]
        for cluster in expected["clusters"]
        if cluster["id"].startswith(("ARM", "UKR"))
        for figure in cluster["figures"]
        if figure.get("unit") == "USD" and "(USD" in figure["metric"]
    ]
    assert len(restated) >= 6
    assert {f: claim_of.get(f) in checked for f in restated} == {f: True for f in restated}
