"""The command line: parse arguments, call one library function, render, pick the exit code."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from reconcile.core.errors import InputError, InternalError, ReconcileError, UsageError
from reconcile.core.json_text import dump_json
from reconcile.core.version import __version__

from .arguments import EXIT_CODES, add_paths_argument, add_rates_argument, add_reference_argument
from .check import add_check_commands
from .datasets import add_dataset_commands
from .evaluate import add_eval_command
from .explain import add_explain_commands
from .extract import add_extract_commands
from .scale import add_engine_arguments


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError (one error boundary) and suggests close commands."""

    def error(self, message: str) -> NoReturn:
        hint = f"run '{self.prog} --help' for usage"
        if "invalid choice" in message and "'" in message:
            wrong = message.split("'")[1]
            choices = [a for a in message.split("(choose from ")[-1].strip(")").split(", ")]
            choices = [c.strip("'") for c in choices]
            close = difflib.get_close_matches(wrong, choices, n=1)
            if close:
                hint = f"did you mean '{close[0]}'?"
        raise UsageError(f"{self.prog}: {message}", hint)


def _add_parse(commands: Any) -> None:
    parser = commands.add_parser(
        "parse",
        help="show how figures are read and normalised",
        description="Parse each figure (one per argument, or one per line of --file) and show "
        "the interval, unit, qualifier and every conversion step with its source. Words "
        "that could not be read are reported as findings; the command exits 2 when no figure "
        "could be read.",
        epilog="examples:\n"
        "  reconcile parse 'US$2.46 billion' 'nearly $5 billion'\n"
        "  reconcile parse '8.1 billion manat' --year 2025 --to USD\n"
        "  reconcile parse '1,000 manat' --year 2004\n"
        "  reconcile parse '59th among 127 countries' --format json\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", nargs="*", help="figures as written, e.g. 'about $1.5 billion'")
    parser.add_argument("--file", type=Path, help="read figures from this file, one per line")
    parser.add_argument("--year", type=int, help="the year the figures are for (picks rates)")
    parser.add_argument("--to", help="convert to this currency (USD, EUR, AZN) or unit (km)")
    parser.add_argument(
        "--basis", help="constant-YEAR: express money in constant prices (US CPI)", default=None
    )
    add_rates_argument(parser)
    parser.add_argument("--dollar", default="USD", help="what a bare '$' means (default USD)")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.set_defaults(handler=_run_parse)


def _run_parse(args: argparse.Namespace) -> int:
    from reconcile.normalize.parsing import parse_figures

    texts = list(args.text)
    if args.file:
        try:
            texts += [
                line.strip()
                for line in args.file.read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", path=str(args.file)) from error
        except UnicodeDecodeError as error:
            raise InputError(
                f"not UTF-8 text (byte {error.start})",
                path=str(args.file),
                hint="save the file as UTF-8, one figure per line",
            ) from error
    if not texts:
        raise UsageError("no figures given", "pass figures as arguments or --file FILE")
    if args.basis and not _is_basis(args.basis):
        raise UsageError(
            f"unknown basis {args.basis!r}", "use constant-YEAR, e.g. --basis constant-2023"
        )
    records = parse_figures(
        texts,
        year=args.year,
        to=args.to,
        basis=args.basis,
        rates_files=args.rates,
        dollar=args.dollar.upper(),
    )
    if args.format == "json":
        for record in records:
            print(dump_json(record))
    else:
        from reconcile.report.terminal import render_parse_table

        render_parse_table(records)
    # Exit 2 (bad input) when not one of the figures could be read; each has its finding.
    return 0 if any(record["ok"] for record in records) else 2


def _is_basis(basis: str) -> bool:
    prefix, _, year = basis.partition("-")
    return prefix == "constant" and year.isascii() and year.isdigit() and len(year) == 4


def _add_report(commands: Any) -> None:
    parser = commands.add_parser(
        "report",
        help="reconcile claims and report conflicts, agreements and series",
        description="Read the claim files, normalise every figure, group by entity, metric and "
        "period, and report which figures conflict (with sources and likely causes), which "
        "agree, and how each metric runs across periods.",
        epilog="examples:\n"
        "  reconcile report claims/\n"
        "  reconcile report articles/                    # drafts the articles on the fly\n"
        "  reconcile report claims/ new-article.html     # reviewed claims beside a new article\n"
        "  reconcile report claims/ --only conflicts\n"
        "  reconcile report claims/ --all                # also single-source groups\n"
        "  reconcile report claims/ --format tsv | cut -f2-9\n"
        "  reconcile report claims/ --out reports        # also writes report.md/.json/.csv/.html\n"
        "  reconcile report claims/ --out reports --force  # replaces the reports there\n"
        "  reconcile report claims/ --format json > report.json\n"
        "  reconcile report claims/ --strict             # exit 1 when conflicts are found\n"
        "  reconcile report claims/ --reference reference/sipri-2025  # against SIPRI's figures\n"
        "  reconcile report big/ --engine duckdb --memory-limit 4GB --out reports  # Parquet\n"
        "  reconcile report claims/ --engine spark      # the same plan on a local Spark\n\n"
        + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_paths_argument(parser)
    parser.add_argument(
        "--format",
        choices=["table", "tsv", "markdown", "json", "csv", "html"],
        default="table",
        help="what to print (default: table; plain text when not a terminal)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        dest="show_all",
        help="table and tsv: also show single-source groups (left out by default)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="also write report.md, report.json, report.csv and report.html into this folder",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the reports already in the --out folder"
    )
    parser.add_argument("--only", choices=["conflicts"], help="show only conflicting groups")
    parser.add_argument("--strict", action="store_true", help="exit 1 when conflicts are found")
    add_rates_argument(parser)
    add_reference_argument(parser)
    add_engine_arguments(parser)
    parser.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from reconcile.report.writer import check_out_folder

    from .scale import run_scale_report

    if args.out:
        check_out_folder(args.out, force=args.force)
    scaled = run_scale_report(args)
    if scaled is not None:
        return scaled
    # imported only now: the out-of-core report needs no pandas (start-up time)
    from reconcile.compare.reconciliation import build_report
    from reconcile.report.inputs import progress_bar, reconcile_inputs
    from reconcile.report.writer import render_report, write_reports

    reconciliation, drafted = reconcile_inputs(
        args.paths,
        args.rates,
        progress=progress_bar,
        engine=args.engine,
        memory_limit=args.memory_limit,
    )
    if drafted:
        n_drafts = sum(len(d.drafts) for d in drafted)
        print(
            f"drafted {n_drafts} unreviewed claims from {len(drafted)} articles "
            "(review them with `reconcile extract --out FOLDER`)",
            file=sys.stderr,
        )
    report = build_report(reconciliation, only=args.only)
    if args.reference:
        from reconcile.compare.reference import add_reference_to_report

        add_reference_to_report(report, reconciliation, args.reference)
    if args.format == "table":
        from reconcile.report.terminal_report import render_report_table

        render_report_table(report, show_all=args.show_all)
    elif args.format == "tsv":
        from reconcile.report.tsv import render_tsv

        sys.stdout.write(render_tsv(report, show_all=args.show_all))
    elif args.format == "json" and hasattr(sys.stdout, "buffer"):
        from reconcile.report.formats import render_json_chunks

        sys.stdout.flush()  # bytes in pieces: no 270 MB text of 200,000 claims in memory
        for chunk in render_json_chunks(report):
            sys.stdout.buffer.write(chunk)
    else:
        sys.stdout.write(render_report(report, args.format))
    if args.out:
        for path in write_reports(report, args.out, force=args.force):
            print(f"wrote {path}", file=sys.stderr)
    if args.strict and (
        report["summary"]["conflict"] or report.get("reference", {}).get("contradicts")
    ):
        return 1
    return 0


def _add_validate(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="check claim files and catalogues without reconciling",
        description="Check claim files: every problem with file, line, what is wrong and the "
        "fix. Nothing is rewritten.",
        epilog="examples:\n  reconcile validate claims/\n  reconcile validate claims/001_x.yaml "
        "--format json\n\n" + EXIT_CODES.replace("1  it found", "1  (not used) it found"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_paths_argument(parser)
    add_rates_argument(parser)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    from reconcile.normalize.validation import validate
    from reconcile.report.hygiene import terminal_text

    result = validate(args.paths, args.rates)
    if args.format == "json":
        print(dump_json(result, indent=2))
    else:
        for finding in result["findings"]:
            where = ":".join(str(finding[k]) for k in ("path", "line") if k in finding)
            level = finding.get("level", "error")
            print(terminal_text(f"{where}: {level} {finding['code']}: {finding['message']}"))
        print(
            f"{result['claims']} claims in {result['files']} files: {result['errors']} errors, "
            f"{result['warnings']} warnings"
        )
    return 2 if result["errors"] else 0


COMMANDS: list[Callable[[Any], None]] = [
    _add_parse,
    _add_report,
    add_explain_commands,
    _add_validate,
    add_check_commands,
    add_extract_commands,
    add_dataset_commands,
    add_eval_command,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(
        prog="reconcile",
        description="Reconcile conflicting figures across sources, with the receipts.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for add in COMMANDS:
        add(commands)
    return parser


def run(argv: list[str]) -> int:
    """Parse argv and run the chosen command; returns its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return 2
    try:
        result: int = args.handler(args)
    except (ReconcileError, KeyboardInterrupt, BrokenPipeError):
        raise
    except OSError as error:  # a file or folder the command could not read or write
        raise InputError(
            f"cannot read or write: {error.strerror or error}",
            path=str(error.filename) if error.filename else None,
            hint="check that the path exists and that you may write there",
        ) from error
    except Exception as error:
        # Never exit 1 on a bug: CI reads 1 as "contradiction found". See docs/errors.md.
        raise _internal_error(error) from error
    return result


def _internal_error(error: Exception) -> InternalError:
    """An unexpected exception as exit 2, naming what was being processed."""
    where = "; ".join(getattr(error, "__notes__", []))
    detail = f"{type(error).__name__}: {error}"
    message = f"internal error, please report: {detail}" + (f" ({where})" if where else "")
    return InternalError(
        message,
        "report it with the command and the input named above; "
        "set RECONCILE_TRACEBACK=1 to print the traceback",
    )
