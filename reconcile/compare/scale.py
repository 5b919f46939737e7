"""Reconcile claim tables out of core: the plan of compare/plan_sql.py over Parquet, in DuckDB.

For inputs too large for a pandas frame (ten million claims and more): the files are scanned
by DuckDB, checked and converted there (compare/scale_tables.py), grouped and compared by the
same plan the DuckDB engine runs on frames, and the conflicting pairs come back in batches, so
memory stays within `memory_limit` whatever the input size (DuckDB spills to disk above it).
Each batch gets its likely causes from compare/causes.py, as the pandas path does.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.claims.catalogue import Catalogue
from reconcile.core.errors import Finding
from reconcile.reference.rates import RateTable

from .causes import describe_cause, infer_causes
from .engine_duckdb import connect
from .plan_sql import plan_statements
from .scale_tables import check_tables, convert_tables, register_tables

BATCH_ROWS = 100_000


@dataclass(slots=True)
class ScaleReconciliation:
    """An open out-of-core reconciliation: summary and findings now, conflicts on demand."""

    connection: Any
    summary: dict[str, int]
    findings: list[Finding] = field(default_factory=list)
    spill: Path | None = None  # the temporary directory made for DuckDB's spill files

    def conflict_batches(self, rows: int = BATCH_ROWS) -> Iterator[pd.DataFrame]:
        """The conflicting pairs as report records (the JSON report's conflicts), in batches
        of about `rows`, in the report's order (entity, metric, period, claim rows)."""
        result = self.connection.execute(_CONFLICTS)
        while True:
            frame = result.fetch_df_chunk(max(1, rows // 2048))
            if frame.empty:
                return
            yield _conflict_records(infer_causes(frame))

    def close(self) -> None:
        """Release DuckDB's memory and temporary files."""
        self.connection.close()
        if self.spill is not None:
            shutil.rmtree(self.spill, ignore_errors=True)


def reconcile_tables(
    files: Sequence[Path],
    catalogue: Catalogue,
    rates: RateTable,
    *,
    documents: set[str] | frozenset[str] = frozenset(),
    memory_limit: str | None = None,
    temp_directory: str | None = None,
) -> ScaleReconciliation:
    """Check, convert, group and compare the claims of Parquet tables inside DuckDB
    (`documents`: the ids of the documents the claims may cite)."""
    spill = None if temp_directory else Path(tempfile.mkdtemp(prefix="reconcile-duckdb-"))
    scale = ScaleReconciliation(connect(memory_limit, temp_directory or str(spill)), {}, [], spill)
    try:
        _run(scale, files, catalogue, rates, set(documents))
    except BaseException:
        scale.close()
        raise
    return scale


def _run(
    scale: ScaleReconciliation,
    files: Sequence[Path],
    catalogue: Catalogue,
    rates: RateTable,
    documents: set[str],
) -> None:
    connection = scale.connection
    register_tables(connection, files)
    scale.findings = check_tables(connection, catalogue, documents)
    scale.findings += convert_tables(connection, catalogue, rates)
    tolerances = pd.DataFrame(
        {
            "metric": [m.id for m in catalogue.metrics.values()],
            "tolerance": [float(m.tolerance) for m in catalogue.metrics.values()],
        }
    )
    connection.register("tolerances", tolerances)
    connection.execute(_CLAIMS_IN)
    for statement in plan_statements():
        connection.execute(statement)
    scale.summary = _summary(connection, scale.findings)


# The plan's input: converted bounds of each checked claim (usable: valid and finite).
_CLAIMS_IN = """
CREATE OR REPLACE TEMP VIEW claims_in AS
SELECT r.row, r.entity, r.metric, r.period, c.source, r.document,
    r.low * f.factor AS low, r.high * f.factor AS high,
    coalesce(c.ok AND isfinite(r.low * f.factor), false) AS usable
FROM raw r
JOIN checked c USING (row)
LEFT JOIN factors f ON r.unit = f.unit AND r.period = f.period AND r.metric = f.metric
"""

_CONFLICTS = """
WITH sides AS (
    SELECT r.row, r.id, c.source, r.amount, r.unit, m.lo, m.hi,
        (r.amount * f.factor) AS normalized_amount
    FROM raw r
    JOIN checked c USING (row)
    JOIN marked m USING (row)
    LEFT JOIN factors f ON r.unit = f.unit AND r.period = f.period AND r.metric = f.metric
    WHERE r.row IN (SELECT row_a FROM pairs UNION SELECT row_b FROM pairs)
)
SELECT k.entity, k.metric, k.period, p.grp AS "group",
    a.id AS id_a, b.id AS id_b, a.source AS source_a, b.source AS source_b,
    a.lo AS lo_a, a.hi AS hi_a, b.lo AS lo_b, b.hi AS hi_b,
    a.normalized_amount AS normalized_amount_a, b.normalized_amount AS normalized_amount_b,
    a.amount AS amount_a, b.amount AS amount_b, a.unit AS unit_a, b.unit AS unit_b,
    (b.lo - a.hi) / CASE WHEN abs(a.hi) > 0 THEN abs(a.hi) ELSE 1 END AS gap,
    CASE WHEN a.normalized_amount <> 0 THEN b.normalized_amount / a.normalized_amount
        ELSE 'NaN'::DOUBLE END AS ratio,
    substr(sha256(concat_ws('|', k.entity, k.metric, k.period,
        least(a.source, b.source), greatest(a.source, b.source))), 1, 16) AS fingerprint
FROM pairs p
JOIN group_keys k USING (grp)
JOIN sides a ON a.row = p.row_a
JOIN sides b ON b.row = p.row_b
-- the report's order: entity, metric, period (by year), then claim rows
ORDER BY k.entity, k.metric,
    CASE WHEN regexp_matches(k.period, '^[0-9]{4}') THEN substr(k.period, 1, 4)::INTEGER
        ELSE 9999 END,
    k.period, p.row_a, p.row_b
"""


def _summary(connection: Any, findings: list[Finding]) -> dict[str, int]:
    claims, valid, repeats = connection.execute(
        "SELECT count(*), count(*) FILTER (WHERE usable), "
        "count(*) FILTER (WHERE repeat_row IS NOT NULL) FROM grouped JOIN marked USING (row)"
    ).fetchone()
    counted = connection.execute("SELECT verdict, count(*) FROM verdicts GROUP BY 1")
    verdicts = dict(counted.fetchall())
    pairs = connection.execute("SELECT count(*) FROM pairs").fetchone()[0]
    return {
        "claims": int(claims),
        "valid_claims": int(valid),
        "invalid_claims": int(claims - valid),
        "repeats": int(repeats),
        "groups": int(sum(verdicts.values())),
        "conflict": int(verdicts.get("conflict", 0)),
        "consistent": int(verdicts.get("consistent", 0)),
        "single": int(verdicts.get("single", 0)),
        "invalid": int(verdicts.get("invalid", 0)),
        "conflict_pairs": int(pairs),
        "errors": sum(f.count for f in findings if f.level == "error"),
        "warnings": sum(f.count for f in findings if f.level == "warning"),
    }


RECORD_COLUMNS = [
    "entity", "metric", "period", "fingerprint", "claim_a", "claim_b", "source_a", "source_b",
    "gap", "ratio", "severity", "cause", "cause_text",
]  # fmt: skip


def _conflict_records(pairs: pd.DataFrame) -> pd.DataFrame:
    """The report records of conflicting pairs (the fields of the pandas report's conflicts)."""
    out = pairs.rename(columns={"id_a": "claim_a", "id_b": "claim_b"})
    gap = out["gap"].to_numpy(dtype=float)
    ratio = out["ratio"].to_numpy(dtype=float)
    out["gap"] = np.round(gap, 6)
    out["ratio"] = np.where(np.isfinite(ratio), np.round(ratio, 6), np.nan)
    out["severity"] = np.where(gap < 0.05, "low", np.where(gap < 0.25, "medium", "high"))
    causes = out[["cause", "cause_detail"]].drop_duplicates()
    texts = {(c, d): describe_cause(c, d) for c, d in causes.itertuples(index=False, name=None)}
    out["cause_text"] = [texts[key] for key in zip(out["cause"], out["cause_detail"], strict=True)]
    return out[RECORD_COLUMNS]
