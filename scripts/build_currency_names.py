"""Build reconcile/data/currency_names.csv: every ISO 4217 code with its CLDR names and symbols.

Names are CLDR's English display names, singular and plural; symbols are CLDR's English symbol
and the symbol in each official language of the currency's country (the first two letters of a
national ISO 4217 code are its ISO 3166 country code), e.g. GEL gets "₾" from Georgian. Looking
the symbols up takes about a second, too slow for every start of the command line, hence a
table built once. Run from the repository root: `.venv/bin/python scripts/build_currency_names.py`.
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel import Locale, languages
from babel.core import UnknownLocaleError
from babel.numbers import get_currency_name, list_currencies
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "currency_names.csv"
COLUMNS = ("code", "name", "plural", "historical", "symbols")


def home_symbols(code: str) -> list[str]:
    """The currency's symbols in English and in its country's official languages."""
    symbols = {Locale("en").currency_symbols.get(code, code)}
    territory = code[:2]
    for language in languages.get_official_languages(territory, de_facto=True):
        try:
            locale = Locale.parse(f"{language}_{territory}")
        except (UnknownLocaleError, ValueError):
            continue
        symbols.add(locale.currency_symbols.get(code, code))
    return sorted(s for s in symbols if s != code and s.strip())


def build_rows() -> list[dict[str, str]]:
    """One row per ISO 4217 code CLDR knows."""
    rows = []
    for code in sorted(list_currencies()):
        name = get_currency_name(code, locale="en")
        plural = get_currency_name(code, count=2, locale="en")
        rows.append(
            {
                "code": code,
                "name": name,
                "plural": plural,
                "historical": "1" if "(" in name else "0",
                "symbols": "|".join(home_symbols(code)),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(
        __doc__,
        DEFAULT_OUT,
        COLUMNS,
        lambda: [tuple(row[c] for c in COLUMNS) for row in build_rows()],
        f"babel {babel.__version__}",
        argv,
    )


if __name__ == "__main__":
    raise SystemExit(main())
