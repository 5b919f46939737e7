"""Build reconcile/data/percent_words.csv: the word for percent in news languages besides English.

From CLDR's unit patterns for percent (`locale._data["unit_patterns"]["concentr-percent"]`, long,
short and narrow, every plural form): "{0} процентов", "{0} відсотка", "{0} százalék", "{0} posto",
"{0}٪". Only patterns with the number first are kept; the Turkish "yüzde {0}" and "%{0}" put the
word before the number, which the grammar does not read. Same locales as
scripts/build_scale_words.py. Run from the repository root:
`.venv/bin/python scripts/build_percent_words.py`; another babel version can change it.
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel import Locale
from build_scale_words import LOCALES
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "percent_words.csv"
COLUMNS = ("locale", "word", "position")


def build_rows() -> list[tuple[str, str, str]]:
    """(locale, word, after|before) for every percent word of every locale."""
    rows = set()
    for name in LOCALES:
        patterns = Locale.parse(name)._data["unit_patterns"].get("concentr-percent", {})
        for style in patterns:
            for pattern in patterns[style].values():
                if not isinstance(pattern, str) or pattern.count("{0}") != 1:
                    continue
                before, _, after = pattern.partition("{0}")
                position = "before" if before.strip() else "after"
                word = " ".join((before or after).split()).lower()
                if word and not (word == "%" and position == "after"):
                    rows.add((name, word, position))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(__doc__, DEFAULT_OUT, COLUMNS, build_rows, f"babel {babel.__version__}", argv)


if __name__ == "__main__":
    raise SystemExit(main())
