"""The Markdown report: conflicts first, consistent groups in full, single sources folded."""

from __future__ import annotations

from pathlib import Path

from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.formats import render_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_sections_in_order_with_single_sources_folded() -> None:
    report = build_report(reconcile_claims([ROOT / "claims"]))
    text = render_markdown(report)
    order = ["## Conflicts", "## Consistent groups", "## Series", "## Single-source groups"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    folded = text[text.index("<details>") : text.index("</details>")]
    single = report["summary"]["single"] + report["summary"]["invalid"]
    assert f"<summary>{single} groups with one source or no readable figure</summary>" in folded
    assert folded.count("\n| ") == single + 1  # header row and one row per group
    # Consistent groups are shown in full, each figure with its document line and quote.
    consistent = text[text.index("## Consistent groups") : text.index("## Arithmetic")]
    assert consistent.count("### ") == report["summary"]["consistent"]
    assert "| 004_b7c04a60a6f93145.txt:31 | In 2016, President Aliyev" in consistent
    assert "## All groups" not in text
