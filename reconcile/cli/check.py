"""The `check` and `accept` commands: CI mode against a baseline of accepted discrepancies."""

from __future__ import annotations

import argparse
import datetime
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from reconcile.core.errors import UsageError

from .arguments import EXIT_CODES, add_paths_argument, add_rates_argument, add_reference_argument

FORMATS = ["text", "github", "sarif", "junit"]


def add_check_commands(commands: Any) -> None:
    """Register `check` and `accept` on the argparse subparsers object."""
    _add_check(commands)
    _add_accept(commands)


def _add_paths(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="the accepted discrepancies (default: accepted.yaml in the first folder given, "
        "or beside the first file; claims/accepted.yaml when no path is given)",
    )
    add_rates_argument(parser)


def _add_check(commands: Any) -> None:
    parser = commands.add_parser(
        "check",
        help="fail on new or changed contradictions; pass on accepted ones (CI)",
        description="Reconcile the claims and set every contradiction against the baseline of "
        "accepted discrepancies. Each gets a state: new (not in the baseline: fails), updated "
        "(accepted, but the figures as stated changed: fails), unchanged (passes) or absent "
        "(accepted but no longer found: reported as stale, passes). A claim that cannot be "
        "read is bad input (exit 2). See docs/ci.md.",
        epilog="examples:\n"
        "  reconcile check claims/\n"
        "  reconcile check claims/ --format github          # annotations on pull requests\n"
        "  reconcile check claims/ --format sarif --output reconcile.sarif\n"
        "  reconcile check claims/ --format junit --output reconcile.xml\n"
        "  reconcile check claims/ --update-baseline        # accept new ones as under-review\n"
        "  reconcile check claims/ --prune                  # drop entries no longer found\n"
        "  reconcile check claims/ --reference reference/sipri-2025  # fail on contradictions\n\n"
        + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_paths(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="what to print (default: text)"
    )
    parser.add_argument(
        "--output", type=Path, help="write the output to this file instead of standard output"
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="add new contradictions to the baseline as under-review (creating the file if "
        "needed); updated ones are left failing until re-accepted with 'reconcile accept'",
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="remove baseline entries that are no longer found (each one is listed)",
    )
    add_reference_argument(parser)
    parser.set_defaults(handler=_run_check)


def _add_accept(commands: Any) -> None:
    parser = commands.add_parser(
        "accept",
        usage="reconcile accept FINGERPRINT [PATHS ...] --reason CODE --note TEXT [--by NAME] "
        "[--baseline FILE] [--rates FILE]",
        help="accept one contradiction into the baseline, with a reason",
        description="Add the contradiction with this fingerprint (from 'reconcile check') to the "
        "baseline with a reason code and a sentence, or re-accept it with its current figures. "
        "The file keeps its comments and order and is written atomically.",
        epilog="reasons:\n"
        "  different-definition  the figures measure different things (allocation vs spending)\n"
        "  different-period      the figures are for different periods\n"
        "  known-error           one figure is known to be wrong\n"
        "  under-review          not yet reviewed\n"
        "  other                 explained in the note\n\n"
        "examples:\n"
        "  reconcile accept c15ce58b329b6c19 --reason different-definition \\\n"
        '      --note "AzerNEWS reports the 2009 allocation, SIPRI the actual spending"\n'
        "  reconcile accept c15ce58b329b6c19 --reason known-error --note '...' --by 'A. Editor'\n\n"
        + EXIT_CODES.replace("1  it found", "1  (not used) it found"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # PATHS come right after FINGERPRINT: argparse does not take positionals after options here.
    parser.add_argument("fingerprint", help="the fingerprint 'reconcile check' shows")
    _add_paths(parser)
    parser.add_argument("--reason", required=True, help="a reason code (see below)")
    parser.add_argument("--note", required=True, help="one sentence: why the figures differ")
    parser.add_argument(
        "--by", help="who accepts it (default: $RECONCILE_USER, else the login name)"
    )
    parser.set_defaults(handler=_run_accept)


def default_baseline(paths: list[Path]) -> Path:
    """accepted.yaml in the first folder given (or beside the first file)."""
    if not paths:
        return Path("claims") / "accepted.yaml"
    first = paths[0]
    folder = first if first.is_dir() or not first.suffix else first.parent
    return folder / "accepted.yaml"


def _user() -> str:
    return os.environ.get("RECONCILE_USER") or getpass.getuser()


def _run_check(args: argparse.Namespace) -> int:
    from reconcile.ci.check import check, update_baseline
    from reconcile.ci.render import render_check, summary_line

    baseline = args.baseline or default_baseline(args.paths)
    writing = args.update_baseline or args.prune
    result = check(args.paths, baseline, args.rates, allow_missing=args.update_baseline)
    if writing:
        result = update_baseline(
            result,
            _user(),
            datetime.date.today(),
            add_new=args.update_baseline,
            prune=args.prune,
        )
        for change in result.changes:
            print(change, file=sys.stderr)
        print(f"wrote {result.baseline.path}", file=sys.stderr)
    text = render_check(result, args.format, Path.cwd())
    if args.output:
        from reconcile.core.writing import write_text_atomic

        if args.output.is_dir():
            raise UsageError(f"--output {args.output} is a folder", "give a file name")
        write_text_atomic(args.output, text)
        print(summary_line(result), file=sys.stderr)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if result.errors:
        return 2
    if args.reference and _reference_failed(args, set(result.baseline.entries)):
        return 1
    return 1 if result.failed else 0


def _reference_failed(args: argparse.Namespace, accepted: set[str]) -> bool:
    """Print claims the reference contradicts; True when one is not in the baseline."""
    from reconcile.ci.reference_check import reference_contradictions

    found = reference_contradictions(args.paths, args.reference, accepted, args.rates)
    for item in found:
        state = "accepted" if item.accepted else "new"
        print(f"reference {state} {item.fingerprint} {item.text}", file=sys.stderr)
    return any(not item.accepted for item in found)


def _run_accept(args: argparse.Namespace) -> int:
    from reconcile.ci.check import accept

    baseline = args.baseline or default_baseline(args.paths)
    entry = accept(
        args.fingerprint,
        args.reason,
        args.note,
        args.by or _user(),
        args.paths,
        baseline,
        args.rates,
    )
    print(
        f"accepted {entry.fingerprint} ({entry.entity} {entry.metric} {entry.period}: "
        f"{' vs '.join(entry.sources)}) as {entry.reason} in {baseline}"
    )
    return 0
