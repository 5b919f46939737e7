"""compare_claims executed by DuckDB: the plan of compare/plan_sql.py, out of core.

The claims frame stays in pandas; DuckDB gets only the columns the plan needs (as Arrow, no
copy of the string columns) and returns, per claim, its group, the row it repeats and its
cluster, the group table and the conflicting pairs. The Comparison is then assembled exactly as
compare/groups.py assembles it, so every pass after comparison runs on it unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .duckdb_session import connect
from .groups import GROUP_KEYS, Comparison, pair_columns
from .plan_sql import plan_statements


def plan_input(frame: pd.DataFrame) -> Any:
    """The plan's `claims_in` relation for a normalised claims frame, as an Arrow table."""
    import pyarrow as pa

    low = frame["normalized_low"].to_numpy(dtype=float)
    usable = frame["valid"].to_numpy(dtype=bool) & np.isfinite(low)
    columns = {"row": pa.array(np.arange(len(frame), dtype=np.int64))}
    for key in (*GROUP_KEYS, "source", "document"):
        columns[key] = pa.array(frame[key], from_pandas=True)
    columns["low"] = pa.array(low)
    columns["high"] = pa.array(frame["normalized_high"].to_numpy(dtype=float))
    columns["usable"] = pa.array(usable)
    return pa.table(columns)


def tolerance_table(tolerances: pd.Series | None) -> pd.DataFrame:
    """metric -> tolerance, as the plan's `tolerances` relation."""
    by_metric = tolerances if tolerances is not None else pd.Series(dtype=float)
    return pd.DataFrame(
        {
            "metric": pd.Series(by_metric.index.astype(str), dtype=object),
            "tolerance": by_metric.to_numpy(dtype=float),
        }
    )


def compare_claims_duckdb(
    frame: pd.DataFrame,
    tolerances: pd.Series | None = None,
    *,
    copy: bool = True,
    memory_limit: str | None = None,
) -> Comparison:
    """compare_claims, with the relational steps run by DuckDB (the same Comparison)."""
    claims = frame.copy() if copy else frame
    connection = connect(memory_limit)
    try:
        connection.register("claims_in", plan_input(claims))
        connection.register("tolerances", tolerance_table(tolerances))
        for statement in plan_statements():
            connection.execute(statement)
        rows = _fetch(
            connection,
            """SELECT g.grp, coalesce(m.repeat_row, -1) AS repeat_row, m.active, m.lo, m.hi,
                coalesce(c.cluster, -1) AS cluster
            FROM grouped g JOIN marked m USING (row) LEFT JOIN clustered c USING (row)
            ORDER BY g.row""",
        )
        verdicts = _fetch(connection, "SELECT * FROM verdicts ORDER BY grp")
        pairs = _fetch(connection, "SELECT row_a, row_b FROM pairs ORDER BY grp, row_a, row_b")
    finally:
        connection.close()
    return _assemble(claims, rows, verdicts, pairs)


def _fetch(connection: Any, query: str) -> dict[str, np.ndarray]:
    return {k: np.asarray(v) for k, v in connection.execute(query).fetchnumpy().items()}


def _assemble(
    claims: pd.DataFrame,
    rows: dict[str, np.ndarray],
    verdicts: dict[str, np.ndarray],
    pairs: dict[str, np.ndarray],
) -> Comparison:
    claims["lo"] = rows["lo"].astype(float)
    claims["hi"] = rows["hi"].astype(float)
    claims["group"] = rows["grp"].astype(np.int64)
    repeat_row = rows["repeat_row"].astype(np.int64)
    repeat_of = np.full(len(claims), None, dtype=object)
    repeated = np.flatnonzero(repeat_row >= 0)
    repeat_of[repeated] = claims["id"].iloc[repeat_row[repeated]].to_numpy(dtype=object)
    claims["repeat_of"] = repeat_of
    claims["active"] = rows["active"].astype(bool)
    claims["cluster"] = rows["cluster"].astype(np.int64)
    groups = claims[GROUP_KEYS].iloc[verdicts["first_row"].astype(np.int64)]
    groups = groups.reset_index(drop=True)
    for column in ("n_claims", "n_sources", "n_clusters"):
        groups[column] = verdicts[column].astype(np.int64)
    groups["verdict"] = verdicts["verdict"].astype(object)
    conflicts = pair_columns(
        claims, groups, pairs["row_a"].astype(np.int64), pairs["row_b"].astype(np.int64)
    )
    return Comparison(claims, groups, conflicts)
