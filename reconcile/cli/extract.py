"""The `extract` and `eval-extract` commands: draft claims from documents, and measure drafts."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError, UsageError
from reconcile.core.json_text import dump_json

_EXIT_CODES = """\
exit codes:
  0  the command did its job
  2  bad input or usage (the message says which file, and how to fix it)
"""


def add_extract_commands(commands: Any) -> None:
    """Register `extract` and `eval-extract` on the argparse subparsers object."""
    parser = commands.add_parser(
        "extract",
        help="draft claims from articles (text, HTML, wikitext)",
        description="Find the figures in each document and draft claims (value, metric, "
        "period, source, quote, span, confidence) for a person to review.",
        epilog="examples:\n"
        "  reconcile extract article.txt --entity AZE --published 2026-03-13\n"
        "  reconcile extract page.html --format json\n"
        "  reconcile extract wiki.txt --out drafts/wiki.yaml\n"
        "  reconcile extract articles/ --out drafts/   # one claim file per article\n\n"
        + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("documents", nargs="+", type=Path, metavar="DOC")
    parser.add_argument(
        "--entity", help="ISO 3166-1 alpha-3 code (or slug) for figures whose text names none"
    )
    parser.add_argument(
        "--source", help="the outlet the documents were read in (default: from the document)"
    )
    parser.add_argument("--published", help="publication date YYYY-MM-DD (overrides the text)")
    parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
    parser.add_argument(
        "--out",
        type=Path,
        help="write drafts to this file, or to this folder one claim file per article "
        "(default: stdout)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace earlier drafts in --out (reviewed claim files are never replaced)",
    )
    parser.add_argument(
        "--claims", type=Path, default=Path("claims"), help="catalogue folder (default claims/)"
    )
    parser.set_defaults(handler=_run_extract)

    evaluate = commands.add_parser(
        "eval-extract",
        help="measure drafted claims against curated claims",
        description="Draft claims from the seed documents named in the claim files and report "
        "recall and precision on figures, then metric, period and source accuracy.",
        epilog="example:\n  reconcile eval-extract claims/ --seeds ../shared/seeds\n\n"
        + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("claims", nargs="+", type=Path, help="claim files or folders")
    evaluate.add_argument("--seeds", type=Path, required=True, help="folder of seed documents")
    evaluate.add_argument("--format", choices=["table", "json"], default="table")
    evaluate.set_defaults(handler=_run_eval)


def _run_extract(args: argparse.Namespace) -> int:
    from reconcile.claims.catalogue import load_catalogue
    from reconcile.extract.claim_yaml import drafts_as_json, render_claim_yaml
    from reconcile.extract.folders import draft_documents, split_inputs
    from reconcile.report.inputs import progress_bar

    published = _parse_date(args.published) if args.published else None
    to_folder = args.out is not None and _is_folder_out(args.out, args.documents)
    if args.out is not None and not to_folder:
        _check_out(args.out, args.force)
    catalogue = load_catalogue(args.claims)
    if len(catalogue.origin) == 1:
        sys.stderr.write(
            f"note: no catalogue in {args.claims}/: using the general catalogue shipped in "
            "reconcile/data (pass --claims DIR for a project's)\n"
        )
    inputs = split_inputs(args.documents)
    if inputs.claims:
        raise UsageError(
            f"{inputs.claims[0]} is a claim file, not an article",
            "give articles (.txt, .html, .wiki) or folders of them",
        )
    drafted = draft_documents(
        inputs.documents,
        catalogue,
        entity=args.entity,
        published=published,
        source=args.source,
        progress=progress_bar,
    )
    if to_folder:
        return _write_folder(args.out, drafted, args.force)
    drafts = [d for item in drafted for d in item.drafts]
    if args.format == "json":
        text = dump_json(drafts_as_json(drafts), indent=2) + "\n"
    else:
        text = render_claim_yaml([item.document for item in drafted], drafts, catalogue)
    if args.out is None:
        sys.stdout.write(text)
    else:
        from reconcile.core.writing import write_text_atomic

        write_text_atomic(args.out, text)
    return 0


def _is_folder_out(out: Path, documents: list[Path]) -> bool:
    """--out names a folder: an existing one, one without a suffix, or several articles."""
    if out.is_dir():
        return True
    if out.suffix.lower() in {".yaml", ".yml", ".json"}:
        return False
    return not out.suffix or len(documents) > 1 or any(d.is_dir() for d in documents)


def _write_folder(out: Path, drafted: Any, force: bool) -> int:
    from reconcile.extract.folders import write_draft_folder

    result = write_draft_folder(out, drafted, force=force)
    for path in result.written:
        print(f"wrote {path}", file=sys.stderr)
    for path in result.kept:
        print(f"kept {path}: an earlier draft (pass --force to replace it)", file=sys.stderr)
    for path in result.reviewed:
        print(f"kept {path}: reviewed claims are never overwritten", file=sys.stderr)
    print(
        f"{len(result.written)} draft files written to {out}/; "
        f"next: reconcile report {out} and reconcile validate {out}",
        file=sys.stderr,
    )
    return 0


def _check_out(out: Path, force: bool) -> None:
    """Never overwrite a curated claim file; other files only with --force."""
    if out.exists() and not force:
        raise UsageError(f"{out} exists", "pass --force to overwrite it, or choose another --out")
    existing = out.read_text("utf-8") if out.exists() and out.suffix in {".yaml", ".yml"} else ""
    if "claims:" in existing and "# drafted by reconcile extract" not in existing[:200]:
        raise UsageError(
            f"{out} is a curated claim file; drafts never overwrite one",
            "write drafts to a new file and merge them by hand",
        )


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"bad --published {text!r}", "write the date as YYYY-MM-DD") from error


def _run_eval(args: argparse.Namespace) -> int:
    from reconcile.extract.evaluation import evaluate_extraction, rates

    if not args.seeds.is_dir():
        raise InputError("seed folder not found", path=str(args.seeds), hint="pass --seeds DIR")
    evaluation = evaluate_extraction(args.claims, args.seeds)
    result = evaluation.to_dict()
    if args.format == "json":
        print(dump_json(result, indent=2))
        return 0
    from rich.table import Table

    from reconcile.report.terminal import pipe_console

    table = Table(title="extraction against curated claims")
    for column in ("document", "gold", "drafts", "found", "recall", "precision", "metric",
                   "period", "source"):  # fmt: skip
        table.add_column(column, justify="left" if column == "document" else "right")
    rows = [*evaluation.rows.items(), ("total", evaluation.totals())]
    for name, row in rows:
        measured = rates(row)
        table.add_row(
            name,
            str(row["gold"]),
            str(row["drafts"]),
            str(row["found"]),
            *(f"{measured[k]:.0%}" for k in ("recall", "precision", "metric_accuracy",
                                              "period_accuracy", "source_accuracy")),
        )  # fmt: skip
    console = pipe_console()
    console.print(table)
    console.print(f"missed: {len(evaluation.missed)}  extra: {len(evaluation.extra)}")
    return 0
