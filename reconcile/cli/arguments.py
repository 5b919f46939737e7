"""Command-line pieces shared by every command module: arguments and the exit-code text."""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_CODES = """\
exit codes:
  0  the command did its job
  1  it found what you asked it to fail on (report --strict: conflicts; check: new or
     updated contradictions)
  2  bad input or usage (the message says which file and line, and how to fix it)
"""


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    """PATHS: claim files or folders, claims/ by default."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("claims")],
        help="claim files or folders (default: claims/); `report` also takes articles "
        "(.txt, .html, .wiki) and folders of them, drafted on the fly",
    )


def add_rates_argument(parser: argparse.ArgumentParser) -> None:
    """--rates FILE (repeatable): user exchange rates that take precedence."""
    parser.add_argument(
        "--rates",
        type=Path,
        action="append",
        default=[],
        help="CSV of exchange rates (currency,year,rate[,source]; units per US$); these take "
        "precedence over the shipped table. May be repeated.",
    )


def add_reference_argument(parser: argparse.ArgumentParser) -> None:
    """--reference FOLDER: an imported reference dataset to check every claim against."""
    parser.add_argument(
        "--reference",
        type=Path,
        help="a reference claims folder (from 'reconcile import sipri|wdi'): each claim is "
        "compared with its figure for the same entity, metric, period and basis",
    )
