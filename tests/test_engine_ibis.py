"""The Ibis plan (compare/plan_ibis.py), run on DuckDB, gives the Comparison compare_claims
gives, row for row; and `--engine spark` is a usage error where Spark cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install '.[spark]')")

from reconcile.__main__ import main
from reconcile.compare.engine_ibis import compare_claims_ibis_duckdb
from reconcile.compare.groups import compare_claims
from tests.test_engines import assert_same_comparison, claim_frames

REPO_ROOT = Path(__file__).resolve().parents[1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_frames())
def test_ibis_plan_on_duckdb_matches_pandas(case: tuple) -> None:
    """Random claim sets (missing keys, repeats, NaN lows, infinite highs, tolerances) compare
    to the same groups, clusters, repeats and pairs."""
    frame, tolerance = case
    assert_same_comparison(
        compare_claims(frame, tolerance), compare_claims_ibis_duckdb(frame, tolerance)
    )


def test_spark_without_java_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No Java on PATH and no JAVA_HOME: exit 2 before any claim is read, with the fix."""
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert main(["report", str(REPO_ROOT / "claims"), "--engine", "spark"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ERROR --engine spark needs pyspark, Ibis and a Java runtime: ")
    assert "hint: pip install -e '.[spark]' (make install does) and a Java 17 runtime" in err
