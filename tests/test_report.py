"""Reports: golden files for each format, exit codes, plain output, CSV injection."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.__main__ import main
from reconcile.report.formats import neutralize_cell
from tests.conftest import plain_env
from tests.regenerate_golden import GOLDEN, golden_report, render_golden


@pytest.mark.parametrize("name", ["report.md", "report.json", "report.csv"])
def test_golden_report(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert render_golden()[name] == expected, "run `make golden` and review the diff"


def test_report_json_schema_keys() -> None:
    report = golden_report()
    assert report["version"] == "1.1"
    group = next(g for g in report["groups"] if g["metric"] == "military_expenditure")
    assert group["verdict"] == "conflict"
    claim = group["claims"][0]
    for key in (
        "id",
        "source",
        "document",
        "quote",
        "value",
        "low",
        "high",
        "unit",
        "normalized_low",
        "normalized_high",
        "normalized_unit",
    ):
        assert key in claim
    conflict = group["conflicts"][0]
    for key in ("claim_a", "claim_b", "gap", "severity", "cause"):
        assert key in conflict


def test_scale_and_currency_causes() -> None:
    report = golden_report()
    causes = {
        (g["metric"], c["source_a"], c["source_b"]): c["cause"]
        for g in report["groups"]
        for c in g["conflicts"]
    }
    assert causes[("active_personnel", "IISS", "Herald")] == "scale"
    assert causes[("military_expenditure", "SIPRI", "Gazette")] == "budget-stage"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@x", "'@x"),
        ("fine", "fine"),
        (-5.0, "-5.0"),
        (None, ""),
    ],
)
def test_csv_cells_are_neutralised(value: object, expected: str) -> None:
    assert neutralize_cell(value) == expected


def test_report_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    golden = "tests/data/golden/claims"
    assert main(["report", golden]) == 0
    assert main(["report", golden, "--strict"]) == 1
    assert main(["report", "no/such/folder"]) == 2
    assert "ERROR no/such/folder: no such file or folder" in capsys.readouterr().err


def test_report_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["report", "tests/data/golden/claims", "--out", str(tmp_path), "--format", "json"])
        == 0
    )
    printed = json.loads(capsys.readouterr().out)
    assert printed["summary"]["conflict"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report.csv",
        "report.html",
        "report.json",
        "report.md",
    ]
    html = (tmp_path / "report.html").read_text()
    assert "<svg" in html and "class='chart'" in html
    # Self-contained: nothing is loaded from elsewhere; links only to anchors in the page.
    assert "<link" not in html and "src=" not in html
    assert re.findall(r"href=.(?!#)", html) == []


def test_only_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", "tests/data/golden/claims", "--only", "conflicts", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert {g["verdict"] for g in report["groups"]} == {"conflict"}


def test_plain_output_without_a_tty() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "report", "tests/data/golden/claims"],
        capture_output=True,
        text=True,
        env=plain_env(),
        check=False,
    )
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert result.stdout.strip().endswith(
        "11 claims (10 valid, 1 repeats) in 6 groups: 2 conflict, 0 explained differences, "
        "1 consistent, 2 single, "
        "1 invalid; 3 conflicting pairs; 1 errors, 4 warnings"
    )


def test_currency_cause_when_a_figure_is_in_the_wrong_currency(tmp_path: Path) -> None:
    from reconcile.compare.reconciliation import build_report, reconcile_claims

    golden = Path("tests/data/golden/claims")
    for name in ("metrics.yaml", "sources.yaml"):
        (tmp_path / name).write_text((golden / name).read_text(encoding="utf-8"))
    (tmp_path / "doc.yaml").write_text(
        "document: {id: d, file: d.txt, kind: news}\n"
        "claims:\n"
        "  - {id: a, entity: AZE, metric: defence_budget, period: '2025', "
        "value: 8.1 billion manat, source: Gazette}\n"
        "  - {id: b, entity: AZE, metric: defence_budget, period: '2025', "
        "value: $8.1 billion, source: Herald}\n",
        encoding="utf-8",
    )
    report = build_report(reconcile_claims([tmp_path]))
    [group] = report["groups"]
    [conflict] = group["conflicts"]
    assert (conflict["claim_a"], conflict["claim_b"], conflict["cause"]) == ("a", "b", "currency")
    assert conflict["cause_text"] == (
        "the ratio between Gazette (d.txt) and Herald (d.txt) is near the AZN exchange rate: a "
        "figure in one currency labelled as another, or not converted"
    )


def test_the_json_report_puts_the_contradictions_first(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", "claims", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    keys = list(report)
    assert keys.index("conflicts") == keys.index("summary") + 1 < keys.index("groups")
    assert {(c["entity"], c["metric"], c["period"]) for c in report["conflicts"]} == {
        ("AZE", "military_expenditure", "2009"),
        ("AZE", "active_personnel", "2020"),
    }
    assert len(report["conflicts"]) == report["summary"]["conflict_pairs"]
