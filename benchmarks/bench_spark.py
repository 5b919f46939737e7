"""Issue 16: the Ibis plan on DuckDB against the SQL plan (same run, a ratio), and the Spark
engine in local mode on 1e5 claims (start-up, first and second run)."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.run import claims_frame
from reconcile.compare.engine_duckdb import compare_claims_duckdb
from reconcile.compare.groups import Comparison, compare_claims
from reconcile.normalize.claim_values import normalize_claims
from reconcile.reference.rates import load_rate_table


def normalized_claims(n: int) -> tuple[pd.DataFrame, pd.Series]:
    """The benchmark's n claims, normalised, and their metrics' tolerances."""
    frame, metrics = claims_frame(n)
    normalized, _, _ = normalize_claims(frame, metrics, load_rate_table())
    return normalized, pd.Series({m.id: m.tolerance for m in metrics.values()}, dtype=float)


def same_pairs(expected: Comparison, actual: Comparison) -> bool:
    """The same conflicting pairs (claim rows) and group verdicts."""
    return bool(
        np.array_equal(expected.conflicts["row_a"], actual.conflicts["row_a"])
        and np.array_equal(expected.conflicts["row_b"], actual.conflicts["row_b"])
        and np.array_equal(expected.groups["verdict"], actual.groups["verdict"])
    )


def bench_ibis_duckdb(n: int, repeats: int = 3) -> dict[str, Any] | None:
    """compare_claims_ibis_duckdb against compare_claims_duckdb (plan_sql), alternated, best of
    `repeats` each; None without Ibis."""
    try:
        from reconcile.compare.engine_ibis import compare_claims_ibis_duckdb
    except ImportError:
        return None
    claims, tolerances = normalized_claims(n)
    expected = compare_claims(claims, tolerances)
    times: dict[str, list[float]] = {"sql": [], "ibis": []}
    results = {}
    for _ in range(repeats):
        for name, run in (("sql", compare_claims_duckdb), ("ibis", compare_claims_ibis_duckdb)):
            start = time.perf_counter()
            results[name] = run(claims, tolerances)
            times[name].append(time.perf_counter() - start)
    sql, ibis_seconds = min(times["sql"]), min(times["ibis"])
    return {
        "name": f"ibis-plan-on-duckdb-{n:,}",
        "claims": n,
        "ibis_seconds": round(ibis_seconds, 3),
        "plan_sql_seconds": round(sql, 3),
        "ratio": round(ibis_seconds / sql, 2),
        "same_as_pandas": same_pairs(expected, results["ibis"])
        and same_pairs(expected, results["sql"]),
        "ok": same_pairs(expected, results["ibis"]),
    }


def bench_spark(n: int) -> dict[str, Any] | None:
    """The Spark engine on n claims in a local session: start-up, a cold and a warm run; None
    when Spark cannot run here (the reason is printed)."""
    from reconcile.compare.engine_spark import compare_claims_spark, local_session, spark_problem

    problem = spark_problem()
    if problem:
        print(f"skip spark-{n:,}: {problem}")
        return None
    claims, tolerances = normalized_claims(n)
    expected = compare_claims(claims, tolerances)
    start = time.perf_counter()
    with local_session() as session:
        started = time.perf_counter()
        first = compare_claims_spark(claims, tolerances, session=session)
        cold = time.perf_counter()
        second = compare_claims_spark(claims, tolerances, session=session)
        warm = time.perf_counter()
    same = same_pairs(expected, first) and same_pairs(expected, second)
    return {
        "name": f"spark-local-{n:,}",
        "claims": n,
        "startup_seconds": round(started - start, 2),
        "first_run_seconds": round(cold - started, 2),
        "second_run_seconds": round(warm - cold, 2),
        "conflict_pairs": len(first.conflicts),
        "same_as_pandas": same,
        "ok": same,
    }


def bench_engine_runs(scale: int) -> list[dict[str, Any]]:
    """The two benchmarks above, for `make bench` (1e6 claims for the ratio, 1e5 for Spark)."""
    results = [bench_ibis_duckdb(1_000_000 // scale), bench_spark(100_000 // scale)]
    return [r for r in results if r is not None]


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for result in bench_engine_runs(size):
        print(result)
