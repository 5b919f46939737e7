"""What every table-building script here shares: the CSV text and the command line.

Each `scripts/build_*.py` builds one table of reconcile/data from a library's own data
(babel's CLDR, pint's registry) and is run from the repository root, so this module sits
beside them on `sys.path`.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def render_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The CSV text (deterministic: the rows as given, fixed columns, LF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def table_main(
    description: str | None,
    default_out: Path,
    columns: Sequence[str],
    build_rows: Callable[[], Iterable[Sequence[object]]],
    made_with: str,
    argv: list[str] | None = None,
) -> int:
    """`--out FILE` (default: the committed table); writes the table and says what built it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    args.out.write_bytes(render_csv(columns, build_rows()).encode("utf-8"))
    print(f"wrote {args.out} ({made_with})")
    return 0
