"""Build reconcile/data/month_names.csv: the month names of the news languages besides English.

From CLDR's month names (format and stand-alone, wide and abbreviated, every case babel gives):
"Februar", "févr.", "февраля", "lutego", "şubat". A number before one is a day of a date ("2.
Februar 2024", "12 февраля"), never a figure. Same locales as scripts/build_scale_words.py.
Run from the repository root: `.venv/bin/python scripts/build_month_names.py`; another babel
version can change it.
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel import Locale
from build_scale_words import LOCALES
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "month_names.csv"
COLUMNS = ("locale", "word")


def build_rows() -> list[tuple[str, str]]:
    """(locale, month name in lower case, without an abbreviation's dot) for every locale;
    names of three letters are left out ("led", "mar", "lis": words after a number too)."""
    rows = set()
    for name in LOCALES:
        locale = Locale.parse(name)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month in locale.months[context][width].values():
                    word = month.lower().rstrip(".")
                    if len(word) >= 4 and not word.isdigit():  # "led", "mar": English words
                        rows.add((name, word))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(
        __doc__,
        DEFAULT_OUT,
        COLUMNS,
        lambda: build_rows(),
        f"babel {babel.__version__}",
        argv,
    )


if __name__ == "__main__":
    raise SystemExit(main())
