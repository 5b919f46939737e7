"""The `eval` command: the tool's conclusions on articles against a careful human's."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """\
examples:
  reconcile eval ../shared/corpus/expected.yaml ../shared/corpus/docs
  reconcile eval expected.yaml articles/ --format json > eval.json

The expected file lists, per cluster, figures (doc, quote, entity, metric, period, value, unit)
and pairs of figures with a verdict (agree, conflict, not_a_conflict, unclear); see
docs/evaluation.md. Conflict pairs are matched when flagged, agree pairs when not flagged,
not_a_conflict pairs when shown as a stage, revision or definition difference.

exit codes:
  0  the evaluation ran
  2  bad input or usage (the message says which file, and how to fix it)
"""


def add_eval_command(commands: Any) -> None:
    """Register `eval` on the argparse subparsers object."""
    parser = commands.add_parser(
        "eval",
        help="measure verdicts on articles against an expected file written by a person",
        description="Draft and reconcile the articles as `reconcile report` does, then count "
        "how many expected figures were read and how many expected pairs were grouped and "
        "judged the same way, per verdict class and per cluster.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("expected", type=Path, help="expected.yaml (figures and pairs)")
    parser.add_argument("documents", nargs="+", type=Path, metavar="DOCS")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument(
        "--pairs", action="store_true", help="also list every pair with both verdicts"
    )
    parser.set_defaults(handler=_run_eval)


def _run_eval(args: argparse.Namespace) -> int:
    from reconcile.report.evaluate import evaluate
    from reconcile.report.inputs import progress_bar

    result = evaluate(args.expected, args.documents, progress=progress_bar).to_dict()
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    _print_table(result, args.pairs)
    return 0


def _cell(counts: dict[str, int]) -> str:
    return f"{counts['matched']}/{counts['total']}" if counts["total"] else "-"


def _print_table(result: dict[str, Any], pairs: bool) -> None:
    from rich.table import Table

    from reconcile.report.terminal import pipe_console

    table = Table(title="verdicts against the expected file")
    for column in ("cluster", "figures", "conflict", "agree", "not a conflict", "unclear"):
        table.add_column(column, justify="left" if column == "cluster" else "right")
    for row in [*result["clusters"], {"id": "total", **result}]:
        figures = row["figures"]
        table.add_row(
            row["id"],
            f"{figures['found']}/{figures['total']}",
            _cell(row["pairs"]["conflict"]),
            _cell(row["pairs"]["agree"]),
            _cell(row["pairs"]["not_a_conflict"]),
            f"({row['pairs']['unclear']['total']})",
            style="bold" if row["id"] == "total" else "",
        )
    console = pipe_console()
    console.print(table)
    console.print(
        "matched/total: conflict pairs flagged; agree pairs not flagged; not-a-conflict pairs "
        "shown as stage, revision or definition differences; unclear pairs are not scored"
    )
    if pairs:
        for pair in result["pair_results"]:
            mark = "ok  " if pair["matched"] else "MISS"
            names = " ~ ".join(pair["figures"])
            sys.stdout.write(f"{mark} {pair['cluster']}: {names}: expected {pair['expected']}, ")
            sys.stdout.write(f"tool {pair['tool']}")
            if pair["tool"] == "not grouped":
                sys.stdout.write(f" ({' vs '.join(pair['groups'])})")
            sys.stdout.write("\n")
