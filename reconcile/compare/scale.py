"""Reconcile claim tables out of core: the report plan of compare/plan_sql.py over Parquet.

For inputs too large for a pandas frame (ten million claims and more): the files are scanned
by DuckDB, checked and converted there (compare/scale_tables.py), grouped and compared by the
report plan, and the conflicting pairs come back in batches, already written as JSON records
by DuckDB, so memory stays within `memory_limit` whatever the input size (DuckDB spills to
disk above it). Each batch gets its likely causes from compare/causes.py, as the pandas path
does. No step materialises the claims: each reads them from the files again, which at a
million claims costs less than a table of them (Parquet's dictionary-encoded strings stay so).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.core.errors import Finding
from reconcile.reference.rates import RateTable

from .duckdb_session import connect, run_lanes
from .plan_sql import report_plan_lanes
from .scale_records import BATCH_ROWS
from .scale_tables import (
    TableChecks,
    check_tables,
    convert_tables,
    located_findings,
    quote,
    register_tables,
)


@dataclass(slots=True)
class ScaleReconciliation:
    """An open out-of-core reconciliation: summary and findings now, conflicts on demand."""

    connection: Any
    summary: dict[str, int]
    findings: list[Finding] = field(default_factory=list)
    spill: Path | None = None  # the temporary directory made for DuckDB's spill files

    def conflict_batches(self, rows: int = BATCH_ROWS) -> Iterator[tuple[memoryview, int]]:
        """The conflicting pairs as JSON records (compare/scale_records.py): batches of about
        `rows` in the report's order, each the UTF-8 text of its records and how many."""
        from .scale_records import conflict_batches

        return conflict_batches(self.connection, rows)

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
    rows = register_tables(connection, files)
    checks = check_tables(connection, rows, catalogue, documents)
    pending = checks.findings + convert_tables(connection, checks, catalogue, rates)
    scale.findings = located_findings(connection, rows, pending)
    connection.execute(_claims_view(connection, checks))
    lanes, joined = report_plan_lanes()
    run_lanes(connection, lanes)
    for statement in joined:
        connection.execute(statement)
    scale.summary = _summary(connection, checks.claims, scale.findings)


def _claims_view(connection: Any, checks: TableChecks) -> str:
    """The view `claims` the report plan reads: each claim with its converted, widened bounds
    and whether it is usable (every check passed, the low bound finite)."""
    refused = []
    for kind in ("source", "entity", "document"):
        if checks.bad.get(kind):
            connection.execute(
                f"CREATE OR REPLACE TABLE refused_{kind} AS SELECT * FROM "
                f"(VALUES {', '.join(f'({quote(v)})' for v in checks.bad[kind])}) t(label)"
            )
            refused.append(f"AND r.{kind} NOT IN (SELECT label FROM refused_{kind})")
    if checks.repeated_ids:  # the first claim with an id stays, as in claims/checks.py
        refused.append(
            "AND (r.id NOT IN (SELECT id FROM repeated_ids) OR r.row IN (SELECT first FROM "
            "repeated_ids))"
        )
    source = "r.source"
    renames = ""
    if checks.renamed:
        pairs = ", ".join(f"({quote(k)}, {quote(v)})" for k, v in checks.renamed.items())
        connection.execute(
            f"CREATE OR REPLACE TABLE renamed AS SELECT * FROM (VALUES {pairs}) t(label, id)"
        )
        source = "coalesce(n.id, r.source)"
        renames = "LEFT JOIN renamed n ON r.source = n.label"
    low, high = "(r.low * f.factor)", "(r.high * f.factor)"
    return f"""
    CREATE OR REPLACE VIEW claims AS
    SELECT r.row, r.entity, r.metric, r.period, {source} AS source, r.document, r.id,
        r.amount, r.unit, r.amount * f.factor AS normalized_amount,
        CASE WHEN {low} >= 0 THEN {low} * (1 - f.t) ELSE {low} * (1 + f.t) END AS lo,
        coalesce(CASE WHEN {high} >= 0 THEN {high} * (1 + f.t) ELSE {high} * (1 - f.t) END,
            'NaN'::DOUBLE) AS hi,
        coalesce(f.ok AND r.id <> '' AND r.source <> '' AND r.entity <> ''
            AND r.document <> '' AND isfinite({low}) {" ".join(refused)}, false) AS usable
    FROM raw r
    LEFT JOIN factors f ON r.unit = f.unit AND r.period = f.period AND r.metric = f.metric
    {renames}
    """


def _summary(connection: Any, claims: int, findings: list[Finding]) -> dict[str, int]:
    counted = connection.execute(
        "SELECT verdict, count(*), sum(n_usable), sum(repeats) FROM report_groups GROUP BY 1"
    ).fetchall()
    verdicts = {verdict: int(n) for verdict, n, _, _ in counted}
    valid = sum(int(usable or 0) for _, _, usable, _ in counted)
    pairs = connection.execute("SELECT count(*) FROM report_pairs").fetchall()[0][0]
    return {
        "claims": claims,
        "valid_claims": valid,
        "invalid_claims": claims - valid,
        "repeats": sum(int(r or 0) for _, _, _, r in counted),
        "groups": sum(verdicts.values()),
        "conflict": verdicts.get("conflict", 0),
        "consistent": verdicts.get("consistent", 0),
        "single": verdicts.get("single", 0),
        "invalid": verdicts.get("invalid", 0),
        "conflict_pairs": int(pairs),
        "errors": sum(f.count for f in findings if f.level == "error"),
        "warnings": sum(f.count for f in findings if f.level == "warning"),
    }
