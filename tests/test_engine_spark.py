"""The Spark engine in local mode: the same claims reconcile to the same groups, verdicts and
conflicting pairs as with the pandas and DuckDB engines (issue 16), 1e5 claims among them, and
`reconcile report --engine spark` prints the pandas engine's report.

One local session (`local[2]`) serves the whole module; Spark's start-up and first query (the
JVM warming up) are most of the time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install '.[spark]')")

from benchmarks.run import claims_frame
from reconcile.__main__ import main
from reconcile.compare.engine_duckdb import compare_claims_duckdb
from reconcile.compare.engine_ibis import compare_claims_ibis_duckdb
from reconcile.compare.engine_spark import compare_claims_spark, local_session
from reconcile.compare.groups import compare_claims
from reconcile.normalize.claim_values import normalize_claims
from reconcile.reference.rates import load_rate_table
from tests.test_engines import assert_same_comparison

# pyspark's collect to Arrow leaves its local sockets to the garbage collector.
pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:unclosed <socket:ResourceWarning"),
]
REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    with local_session() as session:
        yield session
        gc.collect()  # those sockets are closed here, under this module's warning filter


def test_spark_reconciles_1e5_claims_like_pandas_and_duckdb(spark: Any) -> None:
    """1e5 claims (a fifth of the groups in conflict, repeats, third clusters, missing
    documents, unconvertible figures) and a seeded mix of odd ones (missing entities and
    sources, NaN lower bounds, infinite upper bounds, negative figures, a tolerance): pandas,
    DuckDB (SQL plan), Ibis on DuckDB and Ibis on Spark give the same groups, verdicts, repeats,
    clusters and conflicting pairs, row for row."""
    frame, metrics = _claims_with_edge_cases(100_000)
    normalized, _, _ = normalize_claims(frame, metrics, load_rate_table())
    odd, odd_tolerances = _odd_claims(3_000)
    claims = pd.concat([normalized, odd], ignore_index=True)
    tolerances = pd.concat(
        [pd.Series({m.id: m.tolerance for m in metrics.values()}), odd_tolerances]
    )
    expected = compare_claims(claims, tolerances)
    verdicts = expected.groups["verdict"].value_counts()
    assert verdicts["conflict"] >= 4_000 and verdicts["invalid"] > 100, verdicts
    assert expected.claims["repeat_of"].notna().sum() > 1_000
    assert (expected.groups["n_clusters"] >= 3).sum() > 100
    assert len(expected.conflicts) > 16_000
    assert expected.groups["entity"].isna().any() and expected.conflicts["source_a"].isna().any()
    assert_same_comparison(expected, compare_claims_duckdb(claims, tolerances))
    assert_same_comparison(expected, compare_claims_ibis_duckdb(claims, tolerances))
    assert_same_comparison(expected, compare_claims_spark(claims, tolerances, session=spark))


def test_engine_spark_gives_the_seed_report(spark: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """`reconcile report claims/ --engine spark` prints the pandas engine's JSON, byte for byte."""
    reports = []
    for engine in ("pandas", "spark"):
        args = ["report", str(REPO_ROOT / "claims"), "--format", "json", "--engine", engine]
        assert main(args) == 0
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1]


def _claims_with_edge_cases(n: int) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The benchmark's claims (5 a group), with a repeat in every other group, a far-off
    third cluster in every seventh, some documents missing and every 101st group in no known
    unit."""
    frame, metrics = claims_frame(n, seed=16)
    index = np.arange(n)
    repeat = np.flatnonzero((index % 10 == 7) & (index < n))
    copied = ["source", "document", "amount", "low", "high", "unit"]
    frame.loc[repeat, copied] = frame.loc[repeat - 1, copied].to_numpy()
    far = np.flatnonzero((index // 5 % 7 == 3) & (index % 5 == 3))
    for column in ("amount", "low", "high"):
        frame.loc[far, column] = frame.loc[far, column] * 3
    frame.loc[index % 13 == 0, "document"] = None
    frame.loc[index // 5 % 101 == 0, "unit"] = "XXX"
    return frame, metrics


def _odd_claims(n: int) -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(16)

    def pick(values: list[Any]) -> np.ndarray:
        return np.array(values, dtype=object)[rng.integers(0, len(values), n)]

    low = pick([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, 11.0, -4.0, 1e9]).astype(float)
    width = pick([0.0, 0.5, 1.0, 8.0, np.inf]).astype(float)
    frame = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "entity": pick(["AZE", "ARM", "GEO", None]),
            "metric": pick(["m1", "m2"]),
            "period": pick([str(year) for year in range(2000, 2030)]),
            "source": pick(["S1", "S2", "S3", None]),
            "document": pick(["d1", "d2", None]),
            "valid": rng.random(n) > 0.1,
            "normalized_low": np.where(rng.random(n) > 0.1, low, np.nan),
            "normalized_high": low + width,
            "normalized_amount": low + np.minimum(width, 1.0) / 2,
        }
    )
    return frame, pd.Series({"m1": 0.05, "m2": 0.0})
