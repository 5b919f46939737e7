"""`reconcile eval` on the development corpus (skips without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.cli.main import run

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "expected.yaml").exists(), reason=f"the corpus is not at {CORPUS}"
)


@needs_corpus
def test_eval_counts_figures_and_pairs_per_verdict_class(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        run(["eval", str(CORPUS / "expected.yaml"), str(CORPUS / "docs"), "--format", "json"]) == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["figures"]["total"] == 72
    pairs = result["pairs"]
    assert {k: v["total"] for k, v in pairs.items()} == {
        "conflict": 14,
        "agree": 16,
        "not_a_conflict": 11,
        "unclear": 4,
    }
    assert pairs["unclear"]["matched"] == 0  # never scored
    assert len(result["clusters"]) == 8
    # Floors measured on this corpus (docs/evaluation.md gives the figures): a fall is a
    # regression in extraction or verdicts.
    assert result["figures"]["found"] >= 69
    assert pairs["conflict"]["matched"] >= 13  # issue 12's targets: 12 of 14, 15 of 16, 9 of 11
    assert pairs["agree"]["matched"] >= 15
    assert pairs["not_a_conflict"]["matched"] >= 9
    # Every pair the tool grouped is judged the way the careful human did, or is listed.
    assert all(p["tool"] for p in result["pair_results"])


def test_eval_refuses_a_file_without_clusters(tmp_path: Path) -> None:
    from reconcile.core.errors import InputError
    from reconcile.report.evaluate import evaluate

    bad = tmp_path / "expected.yaml"
    bad.write_text("figures: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="clusters"):
        evaluate(bad, [tmp_path])


def test_a_figure_named_as_another_measure_under_the_wrong_label_is_flagged() -> None:
    from reconcile.report.evaluate import _Judge

    def claim(claim_id: str) -> dict[str, object]:
        return {"id": claim_id, "document": claim_id, "normalized_amount": 1.0}

    killed = {
        "running": True,
        "claims": [claim("toll"), claim("slip")],
        "conflicts": [{"claim_a": "toll", "claim_b": "slip", "kind": "contradiction",
                       "cause": "related-metric"}],
        "related": [{"metric": "people_injured", "matches": {"slip": ["hurt"]}}],
    }  # fmt: skip
    injured = {"claims": [claim("hurt"), claim("other")], "conflicts": []}
    judge = _Judge({"groups": [killed, injured]})
    assert judge.verdict("slip", "hurt") == "conflict"
    assert judge.verdict("hurt", "slip") == "conflict"
    assert judge.verdict("toll", "hurt") is None  # the toll itself is no slip
    assert judge.verdict("slip", "other") is None
