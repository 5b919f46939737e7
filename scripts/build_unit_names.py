"""Build reconcile/data/unit_names.csv: every name, symbol and alias in pint's default registry.

Building pint's registry takes about 0.2 s, a third of the command line's start-up, and most
words after a number ("troops", "countries") are not units at all. The parser checks a word
against this table first and builds the registry only for a word pint can read. Run from the
repository root: `.venv/bin/python scripts/build_unit_names.py`; another pint version can change it.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pint

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "unit_names.csv"
COLUMNS = ("kind", "written", "name", "symbol")


def build_rows() -> list[tuple[str, str, str, str]]:
    """(kind, written form, pint's name, its symbol) for every unit, prefix and plural suffix."""
    registry = pint.UnitRegistry()
    rows = [
        (kind, written, definition.name, definition.symbol)
        for kind, table in (("unit", registry._units), ("prefix", registry._prefixes))
        for written, definition in table.items()
    ]
    rows += [("suffix", written, name, "") for written, name in registry._suffixes.items()]
    return sorted(set(rows))


def render(rows: list[tuple[str, str, str, str]]) -> str:
    """The CSV text (deterministic: sorted rows, fixed columns, LF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.write_bytes(render(build_rows()).encode("utf-8"))
    print(f"wrote {args.out} (pint {pint.__version__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
