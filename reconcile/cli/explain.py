"""The `explain` command: the chain from quote to verdict for one figure or one conflict."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import Any

from reconcile.core.json_text import dump_json

from .arguments import EXIT_CODES, add_paths_argument, add_rates_argument


def add_explain_commands(commands: Any) -> None:
    """Register `explain`."""
    parser = commands.add_parser(
        "explain",
        help="show the chain from quote to verdict for one figure or one conflict",
        description="For a claim id: the quote and where it is (document:line and claim "
        "file:line), how the value was read (each word, the qualifier, the precision), every "
        "conversion step with its rate and source, the interval compared, the group, what the "
        "figure was compared with and why the verdict. For a conflict fingerprint (from the "
        "report): both sides' chains and the likely cause with its evidence.",
        epilog="examples:\n"
        "  reconcile explain seed-001-011\n"
        "  reconcile explain c15ce58b329b6c19 claims/\n"
        "  reconcile explain seed-000-004 claims/ --format json\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("key", metavar="ID_OR_FINGERPRINT", help="a claim id or a fingerprint")
    add_paths_argument(parser)
    add_rates_argument(parser)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=_run_explain)


def _run_explain(args: argparse.Namespace) -> int:
    from reconcile.compare.reconciliation import build_report, reconcile_claims
    from reconcile.report.explain import explain
    from reconcile.report.explain_text import render_explanation
    from reconcile.report.hygiene import terminal_text

    report = build_report(reconcile_claims(args.paths, args.rates))
    explanation = explain(report, args.key)
    if args.format == "json":
        print(dump_json(explanation, indent=2))
    else:
        width = shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else 100
        sys.stdout.write(terminal_text(render_explanation(explanation, width=max(width, 40))))
    return 0
