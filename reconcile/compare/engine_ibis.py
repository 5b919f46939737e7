"""compare_claims through the Ibis plan (compare/plan_ibis.py) on any Ibis backend.

The backend gets the plan's two input tables; the plan runs there, and only its three small
outputs come back (per claim: group, repeat, cluster; per group: counts and verdict; the
conflicting pairs). The Comparison is assembled as compare/engine_duckdb.py assembles it, so
every pass after comparison runs on it unchanged. compare/engine_spark.py runs it on Spark;
`compare_claims_ibis_duckdb` runs the same expression on DuckDB.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .engine_duckdb import _assemble, plan_input, tolerance_table
from .groups import Comparison
from .plan_ibis import build_plan


def run_plan(
    claims: pd.DataFrame,
    claims_table: Any,
    tolerances_table: Any,
    to_arrow: Callable[[Any], Any] | None = None,
) -> Comparison:
    """The Comparison of `claims` (the frame), from the plan over the backend's tables;
    `to_arrow` executes an Ibis table to an Arrow table (default: its to_pyarrow())."""
    plan = build_plan(claims_table, tolerances_table, cache=True)
    execute = to_arrow or (lambda table: table.to_pyarrow())
    try:
        verdicts = _numpy(execute(plan.verdicts))
        rows = _numpy(execute(plan.rows))
        pairs = _numpy(execute(plan.pairs))
    finally:
        for table in plan.cached:
            table.release()
    by_group = np.argsort(verdicts["grp"], kind="stable")
    verdicts = {k: v[by_group] for k, v in verdicts.items()}
    first_rows = verdicts["first_row"].astype(np.int64)
    by_row = np.argsort(rows["row"], kind="stable")
    rows = {k: v[by_row] for k, v in rows.items()}
    if len(rows["row"]) != len(claims) or not np.array_equal(rows["row"], np.arange(len(claims))):
        raise RuntimeError("the plan did not return one row per claim")
    rows["grp"] = np.searchsorted(first_rows, rows["first_row"].astype(np.int64))
    order = np.lexsort((pairs["row_b"], pairs["row_a"], pairs["first_row"]))
    pairs = {k: v[order] for k, v in pairs.items()}
    return _assemble(claims, rows, verdicts, pairs)


def compare_claims_ibis_duckdb(
    frame: pd.DataFrame, tolerances: pd.Series | None = None, *, copy: bool = True
) -> Comparison:
    """compare_claims with the Ibis plan run by an in-process DuckDB (the Spark engine's
    expression, on one machine)."""
    import ibis

    claims = frame.copy() if copy else frame
    with warnings.catch_warnings():
        # Ibis 12 reads from DuckDB 2 through a method DuckDB has deprecated.
        warnings.filterwarnings("ignore", "fetch_arrow_table", DeprecationWarning)
        connection = ibis.duckdb.connect()
        connection.raw_sql("SET enable_progress_bar = false")
        try:
            return _run_on(connection, claims, tolerances)
        finally:
            connection.disconnect()


def _run_on(connection: Any, claims: pd.DataFrame, tolerances: pd.Series | None) -> Comparison:
    claims_table = connection.create_table("claims_in", plan_input(claims), temp=True)
    tolerances_table = connection.create_table(
        "tolerances", tolerances_arrow(tolerances), temp=True
    )
    return run_plan(claims, claims_table, tolerances_table)


def _numpy(arrow: Any) -> dict[str, np.ndarray]:
    return {name: arrow.column(name).to_numpy() for name in arrow.column_names}


def tolerances_arrow(tolerances: pd.Series | None) -> Any:
    """The plan's `tolerances(metric, tolerance)` input, as an Arrow table."""
    import pyarrow as pa

    table = tolerance_table(tolerances)
    return pa.table(
        {
            "metric": pa.array(table["metric"].tolist(), type=pa.string()),
            "tolerance": pa.array(table["tolerance"].to_numpy(dtype=float), type=pa.float64()),
        }
    )
