"""Build reconcile/data/unit_names.csv: every name, symbol and alias in pint's default registry.

Building pint's registry takes about 0.2 s, a third of the command line's start-up, and most
words after a number ("troops", "countries") are not units at all. The parser checks a word
against this table first and builds the registry only for a word pint can read. Run from the
repository root: `.venv/bin/python scripts/build_unit_names.py`; another pint version can change it.
"""

from __future__ import annotations

from pathlib import Path

import pint
from table_script import table_main

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


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(__doc__, DEFAULT_OUT, COLUMNS, build_rows, f"pint {pint.__version__}", argv)


if __name__ == "__main__":
    raise SystemExit(main())
