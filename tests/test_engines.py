"""The DuckDB engine gives the Comparison compare_claims gives, row for row (property test)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.compare.groups import Comparison, compare_claims

pytest.importorskip("duckdb")

from benchmarks.bench_scale import write_claims_table
from reconcile.cli.main import run
from reconcile.compare.engine_duckdb import compare_claims_duckdb

_BOUNDS = st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, 11.0, -4.0, 1e9])


@st.composite
def claim_frames(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.Series]:
    """Random claims: few keys (so groups, repeats and clusters happen), missing values too."""
    n = draw(st.integers(0, 40))
    rows = []
    for i in range(n):
        low = draw(_BOUNDS)
        width = draw(st.sampled_from([0.0, 0.5, 1.0, 8.0, np.inf]))
        rows.append(
            {
                "id": f"c{i}",
                "entity": draw(st.sampled_from(["AZE", "ARM", None])),
                "metric": draw(st.sampled_from(["m1", "m2"])),
                "period": draw(st.sampled_from(["2009", "2010"])),
                "source": draw(st.sampled_from(["S1", "S2", "S3", None])),
                "document": draw(st.sampled_from(["d1", "d2", None])),
                "valid": draw(st.booleans()) or draw(st.booleans()),
                "normalized_low": draw(st.sampled_from([low, low, np.nan])),
                "normalized_high": low + width,
                "normalized_amount": low + min(width, 1.0) / 2,
            }
        )
    columns = ["id", "entity", "metric", "period", "source", "document", "valid"]
    columns += ["normalized_low", "normalized_high", "normalized_amount"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns[:6]:
        frame[column] = frame[column].astype("str")
        frame.loc[[r[column] is None for r in rows], column] = None
    frame["valid"] = frame["valid"].astype(bool)
    tolerance = pd.Series({"m1": draw(st.sampled_from([0.0, 0.05, 0.2])), "m2": 0.0})
    return frame, tolerance


def assert_same_comparison(expected: Comparison, actual: Comparison) -> None:
    """Claims (group, cluster, repeat_of, lo, hi, active), groups and conflicts agree."""
    for column in ("group", "repeat_of", "active", "cluster", "lo", "hi"):
        pd.testing.assert_series_equal(
            expected.claims[column], actual.claims[column], check_dtype=False
        )
    pd.testing.assert_frame_equal(expected.groups, actual.groups, check_dtype=False)
    pd.testing.assert_frame_equal(expected.conflicts, actual.conflicts, check_dtype=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_frames())
def test_duckdb_engine_matches_pandas(case: tuple[pd.DataFrame, pd.Series]) -> None:
    """Random claim sets compare to the same groups, clusters, repeats and pairs."""
    frame, tolerance = case
    assert_same_comparison(
        compare_claims(frame, tolerance), compare_claims_duckdb(frame, tolerance)
    )


def test_out_of_core_report_matches_the_pandas_report(tmp_path: Path) -> None:
    """A Parquet claim table through `--engine duckdb` (out of core) and `--engine pandas`:
    the same summary counts and the same conflicting pairs, fingerprints and causes."""
    folder = write_claims_table(tmp_path / "claims", 2_000)
    duck = json.loads(_report(folder, "duckdb"))
    pandas = json.loads(_report(folder, "pandas"))
    assert duck["engine"] == "duckdb"
    for key in ("claims", "valid_claims", "groups", "conflict", "consistent", "conflict_pairs"):
        assert duck["summary"][key] == pandas["summary"][key], key
    expected = [
        {"entity": g["entity"], "metric": g["metric"], "period": g["period"], **c}
        for g in pandas["groups"]
        for c in g["conflicts"]
    ]
    key = ("fingerprint", "claim_a", "claim_b", "source_a", "source_b", "severity", "cause")
    assert [tuple(c[k] for k in key) for c in duck["conflicts"]] == [
        tuple(c[k] for k in key) for c in expected
    ]
    assert [c["gap"] for c in duck["conflicts"]] == pytest.approx([c["gap"] for c in expected])
    assert duck["summary"]["conflict_pairs"] == len(expected) > 0


def _report(folder: Path, engine: str) -> str:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = run(["report", str(folder), "--format", "json", "--engine", engine])
    assert code == 0
    return output.getvalue()


def test_bad_rows_are_counted_findings(tmp_path: Path) -> None:
    """Unknown metrics and sources in a table are one finding each, with a count and the first
    row, and those rows are left out."""
    import pyarrow.parquet as pq

    folder = write_claims_table(tmp_path / "claims", 100)
    path = folder / "claims-0000.parquet"
    table = pq.read_table(path).to_pandas()
    table.loc[table.index[10:30], "metric"] = "military_expenditur"
    table.loc[table.index[40:45], "source"] = "Nobody"
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
    report = json.loads(_report(folder, "duckdb"))
    findings = {f["code"]: f for f in report["findings"]}
    assert findings["unknown-metric"] == {
        "code": "unknown-metric",
        "message": "unknown metric 'military_expenditur' (did you mean 'military_expenditure'?)",
        "path": str(path),
        "line": 12,
        "claim": "c10",
        "count": 20,
    }
    assert findings["unknown-source"]["count"] == 5
    assert findings["unknown-source"]["line"] == 42
    assert report["summary"]["invalid_claims"] == 25


def test_repeated_ids_in_a_table_are_one_counted_finding(tmp_path: Path) -> None:
    """Two ids used twice each: one duplicate-id finding counting the four claims; the later
    claim of each is left out of the comparison (as claims/checks.py leaves it out)."""
    import pyarrow.parquet as pq

    folder = write_claims_table(tmp_path / "claims", 50)
    path = folder / "claims-0000.parquet"
    table = pq.read_table(path).to_pandas()
    table.loc[7, "id"] = "c3"
    table.loc[9, "id"] = "c8"
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
    report = json.loads(_report(folder, "duckdb"))
    duplicate = [f for f in report["findings"] if f["code"] == "duplicate-id"]
    assert duplicate == [
        {
            "code": "duplicate-id",
            "message": "2 claim ids are used more than once (first: 'c3'); give each claim its "
            "own id",
            "path": str(path),
            "line": 5,
            "claim": "c3",
            "count": 4,
        }
    ]
    assert report["summary"]["invalid_claims"] == 2


def test_out_of_core_report_matches_on_awkward_rows(tmp_path: Path) -> None:
    """Repeats, a metric with a tolerance, a source written by its alias, a bad entity and a
    repeated id (its first claim stays): both engines count and pair the claims alike."""
    import pyarrow.parquet as pq

    folder = write_claims_table(tmp_path / "claims", 400)
    (folder / "metrics.yaml").write_text(
        "metrics:\n  - id: military_expenditure\n    tolerance: 0.02\n", encoding="utf-8"
    )
    (folder / "sources.yaml").write_text(
        "sources:\n"
        + "".join(
            f"  - id: S{s}\n    name: Source {s}\n    kind: other\n    aliases: [Alias {s}]\n"
            for s in range(5)
        ),
        encoding="utf-8",
    )
    path = folder / "claims-0000.parquet"
    table = pq.read_table(path).to_pandas()
    for copy, original in ((1, 0), (2, 0), (11, 10), (21, 20)):  # repeats of another claim
        for column in ("entity", "period", "source", "document", "amount", "low", "high", "unit"):
            table.loc[copy, column] = table.loc[original, column]
    table.loc[30:40, "source"] = "Alias 3"
    table.loc[60, "entity"] = "Not An Entity"
    table.loc[70, "id"] = "c71"
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
    duck = json.loads(_report(folder, "duckdb"))
    pandas = json.loads(_report(folder, "pandas"))
    for key in ("claims", "valid_claims", "invalid_claims", "repeats", "groups", "conflict"):
        assert duck["summary"][key] == pandas["summary"][key], key
    assert duck["summary"]["repeats"] >= 3 and duck["summary"]["invalid_claims"] == 2
    expected = [
        (g["entity"], g["period"], c["claim_a"], c["claim_b"], c["source_a"], c["source_b"])
        for g in pandas["groups"]
        for c in g["conflicts"]
    ]
    actual = [
        (c["entity"], c["period"], c["claim_a"], c["claim_b"], c["source_a"], c["source_b"])
        for c in duck["conflicts"]
    ]
    assert actual == expected and expected
