"""`report --engine` and `--memory-limit`, and findings counted at scale (pandas path)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from benchmarks.bench_scale import write_claims_table
from reconcile.__main__ import main
from reconcile.core.errors import Finding

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_duckdb_engine_gives_the_seed_report(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed claims reconcile to the same JSON report with either engine."""
    reports = []
    for engine in ("pandas", "duckdb"):
        assert (
            main(["report", str(REPO_ROOT / "claims"), "--format", "json", "--engine", engine]) == 0
        )
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1]


def test_a_bad_memory_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--memory-limit must be a size; the message says how to write one."""
    assert main(["report", str(REPO_ROOT / "claims"), "--memory-limit", "lots"]) == 2
    assert capsys.readouterr().err == (
        "ERROR --memory-limit 'lots' is not a size\n"
        "hint: write a number and a unit, e.g. --memory-limit 4GB or 512MB\n"
    )


def test_a_finding_with_a_count() -> None:
    """A counted finding says how many claims share it, in JSON and for people."""
    finding = Finding("rate-carried-forward", "no AZN rate for 2025", "t.parquet", 2, "c0",
                      level="warning", count=3)  # fmt: skip
    assert finding.to_dict()["count"] == 3
    assert finding.located() == (
        "t.parquet:2: warning rate-carried-forward: no AZN rate for 2025 "
        "(3 claims; the first is shown)"
    )


def test_many_claims_with_one_problem_are_one_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pandas path reads a Parquet table with parsed columns; 25 claims with the same
    unknown metric are one finding with a count, 3 with another are three findings."""
    folder = write_claims_table(tmp_path / "claims", 100)
    path = folder / "claims-0000.parquet"
    table = pq.read_table(path).to_pandas()
    table.loc[table.index[10:35], "metric"] = "milex"
    table.loc[table.index[50:53], "metric"] = "gdp_typo"
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
    assert main(["report", str(folder), "--format", "json", "--engine", "pandas"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    milex = [f for f in findings if "'milex'" in f["message"]]
    typo = [f for f in findings if "'gdp_typo'" in f["message"]]
    assert [(f["line"], f.get("count")) for f in milex] == [(12, 25)]
    assert [(f["line"], f.get("count")) for f in typo] == [(52, None), (53, None), (54, None)]


def test_validate_reads_a_csv_table_with_parsed_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV claim table with amount, low, high, unit and no value: the same checks and
    messages as YAML, located by row (the header is row 1)."""
    folder = write_claims_table(tmp_path / "claims", 10)
    table = pq.read_table(folder / "claims-0000.parquet").to_pandas()
    (folder / "claims-0000.parquet").unlink()
    table.loc[3, "period"] = "20x9"
    table.loc[5, "unit"] = "furlong"
    table.loc[5, "amount"] = 2.5
    table.to_csv(folder / "claims.csv", index=False)
    assert main(["validate", str(folder)]) == 2
    path = folder / "claims.csv"
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:5: error bad-period: unknown period '20x9': write a year (\"2009\"), a span "
        '("2009-2016"), a half or quarter ("2024-H1", "2024-Q2"), months ("2023-01..2023-05"), '
        'or "undated"',
        f"{path}:7: error unit-mismatch: amount 2.5 reads as quantity (furlong) but metric "
        "'military_expenditure' is money (USD); fix the value's unit or the metric",
        "10 claims in 1 files: 2 errors, 0 warnings",
    ]


def test_auto_falls_back_to_the_pandas_report_for_what_only_it_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the threshold `auto` takes the out-of-core report, except for options only the
    pandas report has (Markdown here); `--engine duckdb` with such an option is an error."""
    import reconcile.cli.scale as scale

    monkeypatch.setattr(scale, "AUTO_ROWS", 10)
    folder = write_claims_table(tmp_path / "claims", 50)
    assert main(["report", str(folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["engine"] == "duckdb"
    assert main(["report", str(folder), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("#")
    assert main(["report", str(folder), "--format", "markdown", "--engine", "duckdb"]) == 2
    assert "ERROR the out-of-core report" in capsys.readouterr().err
