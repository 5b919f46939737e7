"""The `import sipri`, `import wdi` and `diff` commands: reference datasets as claims."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reconcile.core.json_text import dump_json

from .arguments import EXIT_CODES


def add_dataset_commands(commands: Any) -> None:
    """Register `import` (with `sipri` and `wdi`) and `diff`."""
    parser = commands.add_parser(
        "import",
        help="import a reference dataset (SIPRI, World Bank WDI) as a claims folder",
        description="Turn an authority's own dataset into claims with cell-level provenance, "
        "written as a claims folder (table + metrics.yaml, sources.yaml, documents.yaml).",
        epilog="examples:\n"
        "  reconcile import sipri SIPRI-Milex-data-1949-2024_2.xlsx --out reference/sipri-2025\n"
        "  reconcile import wdi WB_WDI_PA.NUS.FCRF_2025-07-01.csv --out reference/wdi-fx\n\n"
        + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = parser.add_subparsers(title="datasets", metavar="DATASET", parser_class=type(parser))
    for kind, text, example in (
        ("sipri", "SIPRI Military Expenditure Database workbook (.xlsx)", "SIPRI-Milex-*.xlsx"),
        ("wdi", "World Bank WDI indicator file (.csv)", "WB_WDI_PA.NUS.FCRF_2025-07-01.csv"),
    ):
        sub = kinds.add_parser(
            kind,
            help=f"import a {text}",
            description=f"Import a {text} as claims.",
            epilog=f"examples:\n  reconcile import {kind} {example} --out reference/{kind}\n"
            f"  reconcile import {kind} {example} --out reference/{kind} --table-format csv\n\n"
            + EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("file", type=Path, help="the dataset file as downloaded")
        sub.add_argument("--out", type=Path, required=True, help="claims folder to write")
        sub.add_argument(
            "--table-format",
            choices=["parquet", "csv"],
            default="parquet",
            help="claim table format (default parquet: smaller and faster)",
        )
        sub.add_argument("--force", action="store_true", help="replace a non-empty --out folder")
        sub.set_defaults(handler=_run_import, kind=kind)
    _add_diff(commands)


def _run_import(args: argparse.Namespace) -> int:
    from reconcile.datasets.imports import import_dataset

    result, written = import_dataset(
        args.kind, args.file, args.out, fmt=args.table_format, force=args.force
    )
    for finding in result.findings:
        print(finding.located(), file=sys.stderr)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(
        f"{len(result.frame)} figures from {args.file.name} ({result.document['title']}, "
        f"release {result.release}); {len(result.findings)} warnings"
    )
    return 0


def _add_diff(commands: Any) -> None:
    parser = commands.add_parser(
        "diff",
        help="compare two versions of a claims folder: revised, added, withdrawn figures",
        description="Match the claims of two folders (two releases of a dataset, or two "
        "versions of any claims folder) by entity, metric, period and series, and list which "
        "figures were revised (with the size of the revision), added or withdrawn.",
        epilog="examples:\n"
        "  reconcile diff reference/sipri-2024 reference/sipri-2025\n"
        "  reconcile diff old-claims/ claims/ --format json\n"
        "  reconcile diff reference/sipri-2024 reference/sipri-2025 --entity AZE\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", type=Path, help="the older claims folder")
    parser.add_argument("new", type=Path, help="the newer claims folder")
    parser.add_argument("--entity", action="append", default=[], help="only these entities")
    parser.add_argument("--format", choices=["table", "json", "csv"], default="table")
    parser.set_defaults(handler=_run_diff)


def _run_diff(args: argparse.Namespace) -> int:
    from reconcile.datasets.diff import diff_folders, render_diff_csv, render_diff_table

    result = diff_folders(args.old, args.new, entities=args.entity)
    if args.format == "json":
        print(dump_json(result, indent=2))
    elif args.format == "csv":
        sys.stdout.write(render_diff_csv(result))
    else:
        render_diff_table(result)
    return 0
