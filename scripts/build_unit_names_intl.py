"""Build reconcile/data/unit_names_intl.csv: names of common physical units in other languages.

From CLDR's unit patterns (`locale._data["unit_patterns"]`, long and short, every plural form;
number first only): "{0} тонн", "{0} т", "{0} Tonnen", "{0} km²", "{0} гектаров". The units are
the ones figures in the news are given in (mass, length, area, volume, energy, power, speed),
each mapped to pint's name for it, as the grammar writes English units. English is read through
pint's own registry; single ASCII letters ("t", "m", "l") are left out (they are English unit
symbols or words already). Same locales as scripts/build_scale_words.py. Run from the
repository root: `.venv/bin/python scripts/build_unit_names_intl.py`.
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel import Locale
from build_scale_words import LOCALES
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "unit_names_intl.csv"
COLUMNS = ("locale", "unit", "written")
# CLDR unit -> pint unit, written as reconcile's grammar writes the English forms.
UNITS = {
    "mass-tonne": "tonne",
    "mass-kilogram": "kilogram",
    "length-kilometer": "kilometer",
    "length-meter": "meter",
    "length-nautical-mile": "nautical_mile",
    "area-square-kilometer": "kilometer ** 2",
    "area-square-meter": "meter ** 2",
    "area-hectare": "hectare",
    "volume-liter": "liter",
    "volume-cubic-meter": "meter ** 3",
    "energy-kilowatt-hour": "kilowatt_hour",
    "power-kilowatt": "kilowatt",
    "power-megawatt": "megawatt",
    "power-gigawatt": "gigawatt",
    "speed-kilometer-per-hour": "kilometer / hour",
}


def build_rows() -> list[tuple[str, str, str]]:
    """(locale, pint unit, written form) for every listed unit of every locale."""
    rows = set()
    for name in LOCALES:
        patterns = Locale.parse(name)._data["unit_patterns"]
        for cldr, unit in UNITS.items():
            for style in ("long", "short"):
                for plural, pattern in dict(patterns.get(cldr, {}).get(style, {})).items():
                    if plural == "per" or not str(pattern).startswith("{0}"):
                        continue
                    word = " ".join(str(pattern)[3:].split()).lower()
                    if word and not (len(word) == 1 and word.isascii()):
                        rows.add((name, unit, word))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(__doc__, DEFAULT_OUT, COLUMNS, build_rows, f"babel {babel.__version__}", argv)


if __name__ == "__main__":
    raise SystemExit(main())
