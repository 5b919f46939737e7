"""Claim tables at scale, inside DuckDB: read Parquet, check each row, convert to canonical units.

Nothing here holds one Python object per claim. DuckDB scans the files; Python sees only the
distinct metrics, sources, periods and (unit, period, metric) keys, which are few whatever the
number of claims, and turns each into a verdict or a conversion factor the SQL joins back.
Findings are counted per code and message: the first claim (by file and row) is the location.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.claims.catalogue import Catalogue
from reconcile.claims.checks import RULES, CheckContext
from reconcile.core.errors import Finding, InputError
from reconcile.core.periods import parse_period
from reconcile.normalize.conversion import normalize_figures
from reconcile.reference.rates import RateTable
from reconcile.reference.units import unit_aliases

# What a table needs to take the out-of-core path: the parsed figure, as importers write it.
PARSED_COLUMNS = ("amount", "low", "high", "unit")
KEY_COLUMNS = ("id", "document", "entity", "metric", "period", "source")
# The fields checked value by value (claims/checks.py RULES); stage and basis are not read.
TABLE_FIELDS = ("metric", "source", "period", "entity", "document")


def parsed_table_rows(files: Sequence[Path]) -> int | None:
    """The number of rows when every file is a Parquet claim table with parsed columns, else
    None (such folders take the pandas path)."""
    if not files or any(f.suffix != ".parquet" for f in files):
        return None
    import pyarrow.parquet as pq

    rows = 0
    for path in files:
        try:
            metadata = pq.read_metadata(path)
        except Exception as error:  # pyarrow raises several types for a bad file
            raise InputError(f"cannot read the claim table: {error}", path=str(path)) from error
        names = set(metadata.schema.names)
        if not set(KEY_COLUMNS) <= names or not set(PARSED_COLUMNS) <= names:
            return None
        rows += metadata.num_rows
    return rows


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def register_tables(connection: Any, files: Sequence[Path]) -> None:
    """The view `raw`: every file's claims, a global row number, and where each was read.

    Row numbers are CSV-like lines: the first claim of a file is row 2 (the header is row 1).
    """
    import pyarrow.parquet as pq

    parts = []
    offset = 0
    columns = ", ".join((*KEY_COLUMNS, "unit"))
    for path in files:
        parts.append(
            f"SELECT {columns}, amount::DOUBLE AS amount, low::DOUBLE AS low, "
            f"high::DOUBLE AS high, {_quote(str(path))} AS path, "
            f"file_row_number + 2 AS path_line, file_row_number + {offset} AS row "
            f"FROM read_parquet({_quote(str(path))}, file_row_number = true)"
        )
        offset += pq.read_metadata(path).num_rows
    connection.execute("CREATE OR REPLACE TEMP VIEW raw AS " + " UNION ALL ".join(parts))


def _first_rows(connection: Any, where: str, label: str = "NULL") -> list[tuple[Any, ...]]:
    """(label, count, path, path_line, id) of the first row of each label matching `where`."""
    return connection.execute(
        f"SELECT {label} AS label, count(*), arg_min(path, row), arg_min(path_line, row), "
        f"arg_min(id, row) FROM raw WHERE {where} GROUP BY ALL HAVING count(*) > 0 "
        "ORDER BY min(row)"
    ).fetchall()


def _finding(code: str, message: str, row: tuple[Any, ...], level: str = "error") -> Finding:
    _, count, path, line, claim = row
    return Finding(code, message, path, int(line), claim, level=level, count=int(count))


def check_tables(connection: Any, catalogue: Catalogue, documents: set[str]) -> list[Finding]:
    """Check every row (the rules of claims/checks.py that concern a table) and create the
    table `checked(row, source, ok)`: the source resolved to its catalogue id."""
    findings = []
    fields = (*KEY_COLUMNS, "unit")
    blank = {column: f"({column} IS NULL OR {column}::VARCHAR = '')" for column in fields}
    counts = connection.execute(
        "SELECT " + ", ".join(f"count(*) FILTER (WHERE {blank[c]})" for c in fields) + " FROM raw"
    ).fetchone()
    for column, count in zip(fields, counts, strict=True):
        for row in _first_rows(connection, blank[column]) if count else []:
            findings.append(_finding("missing-field", f"claim lacks '{column}'", row))
    # Ids hashed first: grouping 8-byte hashes, not the strings, keeps the table of a hundred
    # million ids small enough to spill; colliding hashes are then told apart by the ids.
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE repeated_hashes AS "
        "SELECT hash(id) AS h FROM raw GROUP BY h HAVING count(*) > 1"
    )
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE repeated_ids AS "
        "SELECT id, count(*) AS n, min(row) AS first FROM raw "
        "WHERE hash(id) IN (SELECT h FROM repeated_hashes) GROUP BY id HAVING n > 1"
    )
    ids, claims, first = connection.execute(
        "SELECT count(*), sum(n), min(first) FROM repeated_ids"
    ).fetchone()
    if ids:
        claim, path, line = connection.execute(
            f"SELECT id, path, path_line FROM raw WHERE row = {int(first)}"
        ).fetchone()
        message = (
            f"{ids} claim ids are used more than once (first: '{claim}'); "
            "give each claim its own id"
        )
        findings.append(Finding("duplicate-id", message, path, int(line), claim, count=int(claims)))
    verdicts = _key_verdicts(connection, catalogue, documents, findings)
    connection.register("key_verdicts", verdicts)
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE checked AS
        SELECT r.row, coalesce(source_ok.resolved, r.source) AS source,
            coalesce(r.id <> '' AND r.unit <> '' AND metric_ok.ok AND source_ok.ok
                AND period_ok.ok AND entity_ok.ok AND document_ok.ok AND d.id IS NULL, false) AS ok
        FROM raw r
        LEFT JOIN (SELECT label, ok, resolved FROM key_verdicts WHERE kind = 'metric') metric_ok
            ON r.metric = metric_ok.label
        LEFT JOIN (SELECT label, ok, resolved FROM key_verdicts WHERE kind = 'source') source_ok
            ON r.source = source_ok.label
        LEFT JOIN (SELECT label, ok, resolved FROM key_verdicts WHERE kind = 'period') period_ok
            ON r.period = period_ok.label
        LEFT JOIN (SELECT label, ok, resolved FROM key_verdicts WHERE kind = 'entity') entity_ok
            ON r.entity = entity_ok.label
        LEFT JOIN (SELECT label, ok, resolved FROM key_verdicts WHERE kind = 'document') document_ok
            ON r.document = document_ok.label
        LEFT JOIN repeated_ids d ON r.id = d.id"""
    )
    return findings


def _key_verdicts(
    connection: Any, catalogue: Catalogue, documents: set[str], findings: list[Finding]
) -> pd.DataFrame:
    """One verdict per distinct value of each checked field, by the rules of claims/checks.py
    (a few Python calls, not one per row)."""
    context = CheckContext(catalogue, dict.fromkeys(documents))
    rows: list[dict[str, Any]] = []
    for kind, rule in RULES:
        if kind not in TABLE_FIELDS:
            continue
        for first in _first_rows(connection, f"{kind} IS NOT NULL AND {kind} <> ''", label=kind):
            label = str(first[0])
            problems = rule(label, context)
            resolved = catalogue.resolve_source(label) if kind == "source" else None
            rows.append({"kind": kind, "label": label, "ok": not problems, "resolved": resolved})
            findings.extend(_finding(code, message, first) for code, message in problems)
    return pd.DataFrame(rows, columns=["kind", "label", "ok", "resolved"])


def convert_tables(connection: Any, catalogue: Catalogue, rates: RateTable) -> list[Finding]:
    """Create `factors(unit, period, metric, factor, normalized_unit, ok)`: one conversion per
    distinct key, by normalize/conversion.py, so the SQL multiplies instead of converting."""
    keys = connection.execute(
        "SELECT unit, period, metric, count(*) AS n, arg_min(path, row) AS path, "
        "arg_min(path_line, row) AS path_line, arg_min(id, row) AS id FROM raw "
        "WHERE unit IS NOT NULL AND period IS NOT NULL AND metric IS NOT NULL GROUP BY ALL"
    ).df()
    plain, _ = unit_aliases()
    metrics = catalogue.metrics
    years = [_years(p) for p in keys["period"]]
    figures = pd.DataFrame(
        {
            "amount": 1.0,
            "low": 1.0,
            "high": 1.0,
            "unit": keys["unit"].astype(object),
            "year": pd.array([y[0] for y in years], dtype="Int64"),
            "year_end": pd.array([y[1] for y in years], dtype="Int64"),
            "target": [
                plain.get(metrics[m].unit.lower(), metrics[m].unit) if m in metrics else None
                for m in keys["metric"]
            ],
        }
    )
    converted, conversions = normalize_figures(figures, rates)
    factors = converted["normalized_low"].to_numpy(dtype=float)
    findings = []
    for index, code in enumerate(converted["conversion"].to_numpy()):
        failed = not math.isfinite(factors[index])
        for note in conversions[int(code)].findings:
            first = ("", keys["n"][index], keys["path"][index], keys["path_line"][index])
            row = (*first, keys["id"][index])
            level = "error" if failed else "warning"
            findings.append(_finding(note.code, note.message, row, level))
    table = keys[["unit", "period", "metric"]].copy()
    table["factor"] = factors
    table["normalized_unit"] = converted["normalized_unit"].astype(object)
    connection.register("factor_table", table)
    connection.execute("CREATE OR REPLACE TEMP TABLE factors AS SELECT * FROM factor_table")
    return findings


def _years(label: str) -> tuple[int | None, int | None]:
    try:
        period = parse_period(str(label))
    except ValueError:
        return None, None
    return period.start_year, period.end_year
