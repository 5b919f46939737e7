"""`report --engine`: the engine that compares claims, and the out-of-core report of tables."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from reconcile.core.errors import UsageError

ENGINES = ("auto", "pandas", "duckdb", "spark")
# From this many claims in Parquet tables with parsed columns, `auto` takes the out-of-core
# report: a million such claims took 6.4 s and 1.2 GB with it against 292 s and 12 GB through
# the pandas report in one run (issue 16's notes). Other inputs keep the pandas report, whose
# frame `auto` compares in DuckDB from compare.reconciliation.AUTO_DUCKDB_ROWS.
AUTO_ROWS = 500_000
_MEMORY_RE = re.compile(r"^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$", re.IGNORECASE)


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """--engine and --memory-limit."""
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="what compares the claims: pandas (in memory), duckdb (out of core, spills to "
        "disk), spark (the same plan on a local Spark session; needs the spark extra, "
        "pip install -e '.[spark]', and Java), or auto (the default: the out-of-core report "
        f"from {AUTO_ROWS:,} claims in Parquet tables with parsed columns, else pandas)",
    )
    parser.add_argument(
        "--memory-limit",
        help="the most memory the duckdb engine may use before spilling to disk, e.g. 4GB",
    )


def chosen_engine(args: argparse.Namespace, rows: int) -> str:
    """pandas or duckdb, for `rows` claims."""
    if args.memory_limit and not _MEMORY_RE.match(args.memory_limit):
        raise UsageError(
            f"--memory-limit {args.memory_limit!r} is not a size",
            hint="write a number and a unit, e.g. --memory-limit 4GB or 512MB",
        )
    if args.engine == "spark":
        _check_spark()
    if args.engine != "auto":
        return str(args.engine)
    return "duckdb" if rows >= AUTO_ROWS else "pandas"


def _check_spark() -> None:
    """A usage error, before any claim is read, when Spark cannot run here."""
    from reconcile.compare.engine_spark import spark_problem

    problem = spark_problem()
    if problem:
        raise UsageError(
            f"--engine spark needs pyspark, Ibis and a Java runtime: {problem}",
            hint="pip install -e '.[spark]' (make install does) and a Java 17 runtime "
            "(Debian: apt-get install default-jre-headless, or sh scripts/install-java.sh), "
            "or use --engine duckdb",
        )


def run_scale_report(args: argparse.Namespace) -> int | None:
    """The out-of-core report when every input is a Parquet claim table with parsed columns
    and the engine is duckdb; None when the ordinary report applies."""
    from reconcile.claims.paths import claim_files
    from reconcile.compare.scale_tables import parsed_table_rows
    from reconcile.extract.inputs import split_inputs

    chosen_engine(args, 0)  # a bad --memory-limit is a usage error whatever the input
    inputs = split_inputs(args.paths)
    if inputs.documents or not inputs.claims:
        return None  # articles are drafted first: the ordinary report
    files, folder = claim_files(inputs.claims)
    rows = parsed_table_rows(files)
    if rows is None or chosen_engine(args, rows) != "duckdb":
        return None
    unsupported = args.reference or args.only or args.format not in ("table", "json")
    if unsupported and args.engine == "auto":
        return None  # what only the pandas report does
    if unsupported:
        raise UsageError(
            "the out-of-core report (--engine duckdb on claim tables) writes JSON and a summary",
            hint="drop --reference/--only, use --format json or table, or pass --engine pandas",
        )
    from reconcile.claims.catalogue import load_catalogue
    from reconcile.claims.paths import declared_documents
    from reconcile.compare.scale import reconcile_tables
    from reconcile.reference.rates import load_rate_table

    catalogue = load_catalogue(folder)
    rates = load_rate_table(tuple(args.rates))
    documents = declared_documents(folder)
    scale = reconcile_tables(
        files, catalogue, rates, documents=documents, memory_limit=args.memory_limit
    )
    try:
        header = _header(scale)
        if args.format == "json":
            _write_json(sys.stdout, header, scale)
        else:
            _print_summary(header)
        if args.out:
            path = args.out / "report.json"
            _write_json_file(path, header, scale)
            print(f"wrote {path}", file=sys.stderr)
    finally:
        scale.close()
    return 1 if args.strict and header["summary"]["conflict"] else 0


def _header(scale: Any) -> dict[str, Any]:
    from reconcile.core.version import REPORT_VERSION, __version__

    return {
        "version": REPORT_VERSION,
        "generator": f"reconcile {__version__}",
        "engine": "duckdb",
        "summary": scale.summary,
        "findings": [f.to_dict() for f in scale.findings],
    }


def _write_json(handle: IO[str], header: dict[str, Any], scale: Any) -> None:
    from reconcile.report.scale_json import write_scale_json

    write_scale_json(handle, header, scale.conflict_batches())


def _write_json_file(path: Path, header: dict[str, Any], scale: Any) -> None:
    """Streamed into a temporary file beside `path`, renamed into place when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            _write_json(stream, header, scale)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _print_summary(header: dict[str, Any]) -> None:
    summary = header["summary"]
    print(
        f"{summary['claims']:,} claims in {summary['groups']:,} groups: "
        f"{summary['conflict']:,} in conflict ({summary['conflict_pairs']:,} conflicting pairs), "
        f"{summary['consistent']:,} consistent, {summary['single']:,} single, "
        f"{summary['invalid']:,} invalid; {summary['errors']:,} errors, "
        f"{summary['warnings']:,} warnings"
    )
    for finding in header["findings"]:
        count = finding.get("count", 1)
        where = f"{finding.get('path')}:{finding.get('line')}: " if finding.get("path") else ""
        print(f"{where}{finding.get('level', 'error')} {finding['code']}: {finding['message']}"
              + (f" ({count:,} claims; the first is shown)" if count != 1 else ""))  # fmt: skip
    print("conflicting pairs: --format json, or --out FOLDER for report.json")
