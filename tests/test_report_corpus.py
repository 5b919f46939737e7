"""On claims drafted from the corpus articles, the conflicts come first in every format."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from typing import Any

import pytest
from rich.console import Console

from reconcile.__main__ import main
from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.formats import render_markdown
from reconcile.report.html import render_html
from reconcile.report.terminal_report import render_report_table
from reconcile.report.tsv import render_tsv
from tests.conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    docs = SHARED / "corpus" / "docs"
    if not docs.is_dir():
        pytest.skip(f"{docs} not found: the corpus lives in ../shared beside the repo")
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("metrics.yaml", "sources.yaml"):
        shutil.copy(ROOT / "claims" / name, folder / name)
    for doc in sorted(docs.glob("*.txt")):
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["extract", str(doc), "--out", str(folder / f"{doc.stem}.yaml")]) == 0
    report = build_report(reconcile_claims([folder]))
    assert report["summary"]["conflict"] > 0
    return report


def test_terminal_starts_with_the_conflicts(corpus_report: dict[str, Any]) -> None:
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None)
    render_report_table(corpus_report, console=console, errors=Console(file=io.StringIO()))
    text = out.getvalue()
    first_group = re.search(r"^\S.* · .* · .* · (.+?)(?: \(|$)", text, flags=re.M)
    assert first_group is not None and first_group.group(1) == "conflict"
    assert text.index("== Conflicts") < text.index("== Consistent groups")
    # Only a single word longer than the line itself (a drafted metric id) passes 80 columns.
    assert all(len(line) <= 80 or len(line.split()) == 1 for line in text.splitlines())


def test_markdown_html_and_tsv_start_with_the_conflicts(corpus_report: dict[str, Any]) -> None:
    markdown = render_markdown(corpus_report)
    assert re.search(r"^### .*$", markdown, flags=re.M).group(0).endswith("· conflict")  # type: ignore[union-attr]
    page = render_html(corpus_report)
    assert re.search(r"data-verdict='([^']+)'", page).group(1) == "conflict"  # type: ignore[union-attr]
    first_row = render_tsv(corpus_report).splitlines()[1].split("\t")
    assert (first_row[0], first_row[4]) == ("conflicts", "conflict")
