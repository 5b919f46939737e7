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
    assert result["figures"]["found"] >= 58
    assert pairs["conflict"]["matched"] >= 7
    assert pairs["agree"]["matched"] >= 6
    assert pairs["not_a_conflict"]["matched"] >= 7
    # Every pair the tool grouped is judged the way the careful human did, or is listed.
    assert all(p["tool"] for p in result["pair_results"])


def test_eval_refuses_a_file_without_clusters(tmp_path: Path) -> None:
    from reconcile.core.errors import InputError
    from reconcile.report.evaluate import evaluate

    bad = tmp_path / "expected.yaml"
    bad.write_text("figures: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="clusters"):
        evaluate(bad, [tmp_path])
