"""Claim tables at scale, inside DuckDB: read Parquet, check each row, convert to canonical units.

Nothing here holds one Python object per claim. One scan of the files gives every distinct
metric, source, period, entity, document and (unit, period, metric), with its count and first
row; Python turns each into a verdict or a conversion factor (a few calls, whatever the number
of claims), and the SQL of compare/scale.py reads them back as small tables. Findings are
counted per code and message: the first claim (by file and row) is the location.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.claims.checks import RULES, CheckContext
from reconcile.core.errors import Finding, InputError
from reconcile.core.periods import parse_period
from reconcile.reference.rates import RateTable

from .duckdb_session import concurrently
from .plan_sql import shared_hashes

# What a table needs to take the out-of-core path: the parsed figure, as importers write it.
PARSED_COLUMNS = ("amount", "low", "high", "unit")
KEY_COLUMNS = ("id", "document", "entity", "metric", "period", "source")
# The fields checked value by value (claims/checks.py RULES); stage and basis are not read.
TABLE_FIELDS = ("metric", "source", "period", "entity", "document")
_PROFILED = (*TABLE_FIELDS, "unit")


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


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(slots=True)
class TableRows:
    """Where the global row numbers of the view `raw` come from: file and CSV-like line."""

    starts: list[int] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def locate(self, row: int) -> tuple[str, int]:
        """(path, line) of a row: the first claim of a file is line 2 (the header is 1)."""
        index = bisect.bisect_right(self.starts, row) - 1
        return self.paths[index], row - self.starts[index] + 2


def register_tables(connection: Any, files: Sequence[Path]) -> TableRows:
    """The view `raw`: every file's claims with a global row number."""
    import pyarrow.parquet as pq

    parts = []
    rows = TableRows()
    offset = 0
    columns = ", ".join((*KEY_COLUMNS, "unit"))
    for path in files:
        parts.append(
            f"SELECT {columns}, amount::DOUBLE AS amount, low::DOUBLE AS low, "
            f"high::DOUBLE AS high, file_row_number + {offset} AS row "
            f"FROM read_parquet({quote(str(path))}, file_row_number = true)"
        )
        rows.starts.append(offset)
        rows.paths.append(str(path))
        offset += pq.read_metadata(path).num_rows
    connection.execute("CREATE OR REPLACE VIEW raw AS " + " UNION ALL ".join(parts))
    return rows


# A finding before its claim id is read: (code, message, count, first row, level).
Pending = tuple[str, str, int, int, str]


def located_findings(connection: Any, rows: TableRows, pending: list[Pending]) -> list[Finding]:
    """The findings, each at its first claim (path, line, id: one query for all of them)."""
    wanted = sorted({int(p[3]) for p in pending})
    ids: dict[int, Any] = {}
    if wanted:
        listed = ", ".join(str(r) for r in wanted)
        ids = dict(
            connection.execute(f"SELECT row, id FROM raw WHERE row IN ({listed})").fetchall()
        )
    findings = []
    for code, message, count, row, level in pending:
        path, line = rows.locate(row)
        findings.append(Finding(code, message, path, line, ids.get(row), level, count=count))
    return findings


@dataclass(slots=True)
class TableChecks:
    """What the checks found, as the SQL of compare/scale.py needs it."""

    findings: list[Pending]
    claims: int = 0
    bad: dict[str, list[str]] = field(default_factory=dict)  # field -> refused values
    renamed: dict[str, str] = field(default_factory=dict)  # source label -> catalogue id
    repeated_ids: bool = False
    keys: list[tuple[Any, ...]] = field(default_factory=list)  # (unit, period, metric, n, row)


_BLANK = "({c} IS NULL OR {c}::VARCHAR = '')"


def _profile(connection: Any) -> list[tuple[Any, ...]]:
    """(set, metric, source, period, entity, document, unit, count, first row, blank ids,
    first blank id row) per distinct value of each field, and the totals (set 63)."""
    sets = "(metric), (source), (period), (entity), (document), (unit, period, metric), ()"
    blank_id = _BLANK.format(c="id")
    return list(
        connection.execute(
            f"SELECT GROUPING_ID({', '.join(_PROFILED)}) AS g, {', '.join(_PROFILED)}, "
            f"count(*), min(row), count(*) FILTER (WHERE {blank_id}), "
            f"min(row) FILTER (WHERE {blank_id}) "
            f"FROM raw GROUP BY GROUPING SETS ({sets}) ORDER BY g, min(row)"
        ).fetchall()
    )


def _set_of(column: str) -> int:
    """The GROUPING_ID of the grouping set of `column` alone."""
    return sum(1 << (len(_PROFILED) - 1 - i) for i, c in enumerate(_PROFILED) if c != column)


def check_tables(
    connection: Any, rows: TableRows, catalogue: Catalogue, documents: set[str]
) -> TableChecks:
    """Check every row by the rules of claims/checks.py that concern a table (each distinct
    value once), and find the repeated ids."""
    # the profile and the id hashes are two scans of the files, side by side
    profile, shared_ids = concurrently(connection, [_profile, _shared_id_hashes])
    checks = TableChecks([])
    everything = next(p for p in profile if p[0] == (1 << len(_PROFILED)) - 1)
    checks.claims = int(everything[7])

    def finding(code: str, message: str, count: int, row: int) -> None:
        checks.findings.append((code, message, count, row, "error"))

    blanks: dict[str, tuple[int, int]] = {"id": (int(everything[9]), everything[10])}
    keys_set = _set_of("unit") & _set_of("period") & _set_of("metric")
    context = CheckContext(catalogue, dict.fromkeys(documents))
    by_set = {kind: _set_of(kind) for kind in _PROFILED}
    for kind in ("document", "entity", "metric", "period", "source", "unit"):
        grouping = keys_set if kind == "unit" else by_set[kind]
        index = 1 + _PROFILED.index(kind)
        for entry in (p for p in profile if p[0] == grouping):
            if entry[index] is None or str(entry[index]) == "":
                count, first = blanks.get(kind, (0, int(entry[8])))
                blanks[kind] = (count + int(entry[7]), min(first, int(entry[8])))
    for column in (*KEY_COLUMNS, "unit"):
        count, first = blanks.get(column, (0, 0))
        if count:
            finding("missing-field", f"claim lacks '{column}'", count, first)
    checks.repeated_ids = bool(shared_ids) and _repeated_ids(connection, checks.findings)
    for kind, rule in RULES:
        if kind not in TABLE_FIELDS:
            continue
        index = 1 + _PROFILED.index(kind)
        for entry in (p for p in profile if p[0] == by_set[kind]):
            if entry[index] is None or str(entry[index]) == "":
                continue
            label = str(entry[index])
            problems = rule(label, context)
            if problems:
                checks.bad.setdefault(kind, []).append(label)
            if kind == "source" and not problems:
                resolved = catalogue.resolve_source(label)
                if resolved is not None and resolved != label:
                    checks.renamed[label] = resolved
            for code, message in problems:
                finding(code, message, int(entry[7]), int(entry[8]))
    checks.keys = [(p[6], p[3], p[1], int(p[7]), int(p[8])) for p in profile if p[0] == keys_set]
    return checks


def _shared_id_hashes(connection: Any) -> int:
    """The table `repeated_hashes(h)`: the hashes of ids that more than one row has; how many.

    Ids hashed first: grouping 8-byte hashes, not the strings, keeps the table of a hundred
    million ids small enough to spill; colliding hashes are then told apart by the ids."""
    connection.execute(
        "CREATE OR REPLACE TABLE repeated_hashes AS "
        f"SELECT DISTINCT h FROM ({shared_hashes('hash(id)', 'raw')})"
    )
    return int(connection.execute("SELECT count(*) FROM repeated_hashes").fetchall()[0][0])


def _repeated_ids(connection: Any, findings: list[Pending]) -> bool:
    """The table `repeated_ids(id)` from the shared hashes, and its finding; whether there are
    any (no id repeats is the usual case: then this is not called, and no second scan runs)."""
    connection.execute(
        "CREATE OR REPLACE TABLE repeated_ids AS "
        "SELECT id, count(*) AS n, min(row) AS first FROM raw "
        "WHERE hash(id) IN (SELECT h FROM repeated_hashes) GROUP BY id HAVING n > 1"
    )
    ids, claims, first = connection.execute(
        "SELECT count(*), sum(n), min(first) FROM repeated_ids"
    ).fetchall()[0]
    if not ids:
        return False
    claim = connection.execute(
        f"SELECT id FROM repeated_ids WHERE first = {int(first)}"
    ).fetchall()[0]
    message = (
        f"{ids} claim ids are used more than once (first: '{claim[0]}'); give each claim its own id"
    )
    findings.append(("duplicate-id", message, int(claims), int(first), "error"))
    return True


def convert_tables(
    connection: Any, checks: TableChecks, catalogue: Catalogue, rates: RateTable
) -> list[Pending]:
    """Create `factors(unit, period, metric, factor, t, ok)`: one conversion per distinct key,
    by normalize/conversion.py (the SQL multiplies instead of converting), the metric's
    tolerance `t`, and whether the key's metric and period passed their checks."""
    from reconcile.normalize.conversion import convert_unit
    from reconcile.reference.units import unit_aliases

    keys = [k for k in checks.keys if k[0] is not None and k[1] is not None and k[2] is not None]
    plain, _ = unit_aliases()
    metrics = catalogue.metrics
    factors = []
    findings: list[Pending] = []
    for unit, period, metric, count, first in keys:
        # what normalize_figures does for each distinct key of a claims frame
        target = (
            plain.get(metrics[metric].unit.lower(), metrics[metric].unit)
            if metric in metrics
            else None
        )
        conversion = convert_unit(str(unit), *_years(period), target, None, rates)
        factors.append(conversion.factor)
        level = "error" if not math.isfinite(conversion.factor) else "warning"
        for note in conversion.findings:
            findings.append((note.code, note.message, count, first, level))
    bad_metric = set(checks.bad.get("metric", ()))
    bad_period = set(checks.bad.get("period", ()))
    tolerances = [float(metrics[k[2]].tolerance) if k[2] in metrics else 0.0 for k in keys]
    passed = [
        "" not in (str(k[0]), str(k[1]), str(k[2]))
        and k[2] not in bad_metric
        and k[1] not in bad_period
        for k in keys
    ]
    # the columns as list parameters, unnested side by side (no Arrow table: pa.array would
    # import pandas, which this path does not otherwise need)
    text = "" if keys else "::VARCHAR[]"  # an empty list has no type of its own
    connection.execute(
        f"CREATE OR REPLACE TABLE factors AS SELECT unnest($1{text}) AS unit, "
        f"unnest($2{text}) AS period, unnest($3{text}) AS metric, "
        "unnest($4::DOUBLE[]) AS factor, unnest($5::DOUBLE[]) AS t, unnest($6::BOOLEAN[]) AS ok",
        [
            [k[0] for k in keys],
            [k[1] for k in keys],
            [k[2] for k in keys],
            factors,
            tolerances,
            passed,
        ],
    )
    return findings


def _years(label: str) -> tuple[int | None, int | None]:
    try:
        period = parse_period(str(label))
    except ValueError:
        return None, None
    return period.start_year, period.end_year
