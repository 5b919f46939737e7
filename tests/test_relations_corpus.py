"""Issue 11 on the real excerpts: restated equivalents drafted from the text and checked."""

from __future__ import annotations

from pathlib import Path

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
