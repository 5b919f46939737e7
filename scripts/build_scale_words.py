"""Build reconcile/data/scale_words.csv: the scale words of news languages other than English.

CLDR's compact decimal formats (`babel.Locale(x).compact_decimal_formats`) write a number with
its scale word in every plural form, long and short: "0 миллиардов", "0\xa0млрд", "00 Milliarden",
"0\xa0mld". The power of ten of a pattern is its key divided by the zeros in it ("00 Milliarden"
under 10000000000 is 10^10 / 10^1 = 10^9). English is not here: its scale words are the
hand-written SCALE_WORDS of reconcile/figures/numbers.py, which win over every other language
(reconcile/figures/scales.py). Which words are dropped or flagged is decided when the table is
read (reconcile/data/scale_words.yaml), not here: this table is CLDR as it is.
Run from the repository root: `.venv/bin/python scripts/build_scale_words.py`.
"""

from __future__ import annotations

import re
from pathlib import Path

import babel
from babel import Locale, languages
from babel.core import get_global
from babel.numbers import get_decimal_symbol, get_group_symbol
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "scale_words.csv"
# `decimal` and `group`: the locale's decimal and thousands marks (CLDR's number symbols), so
# that "45.000" before a Spanish scale word is read with Spanish's thousands dot.
COLUMNS = ("locale", "language", "territories", "word", "factor", "style", "decimal", "group")
# News languages of Europe, the Caucasus and Central Asia, and a few widely read others. Malay
# is left out: its "bilion" is 10^9 where Polish, Czech and Serbian read 10^12, and Indonesian
# (kept) covers the same words otherwise.
LOCALES = (
    "ar", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "gl",
    "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "nb", "nl",
    "nn", "pl", "pt_BR", "pt_PT", "ro", "ru", "sk", "sl", "sq", "sr", "sr_Latn", "sv", "tr", "uk",
    "uz", "vi",
)  # fmt: skip
_ZEROS_RE = re.compile(r"0+")
_MARKS_RE = re.compile(r"[\u200e\u200f\u061c]")  # bidirectional marks around Hebrew and Arabic


def scale_word(pattern: str) -> tuple[str, int] | None:
    """(the word, the number of zeros) of one compact pattern; None when it has no word."""
    zeros = pattern.count("0")
    # Quotes mark literal text in CLDR patterns ("0\xa0тыс'.'"); the word is what is not a digit.
    word = _MARKS_RE.sub("", _ZEROS_RE.sub(" ", pattern.replace("'", "")))
    word = " ".join(word.split()).lower()
    if not zeros or not word or any(c.isdigit() for c in word):
        return None
    return word, zeros


def official_in(locale: Locale) -> str:
    """The territories where the locale's language is official ("PL"; "CH|IT|SM|VA"), so that
    a figure in a territory's currency ("bln zł") can be read with its languages in mind."""
    found = set()
    for territory in get_global("territory_languages"):
        official = languages.get_official_languages(territory)
        if str(locale) in official or locale.language in official:
            found.add(territory)
    return "|".join(sorted(found))


def build_rows() -> list[tuple[str, str, str, str, int, str, str, str]]:
    """(locale, its English name, its territories, word, factor, style, decimal mark, thousands
    mark) for every scale word."""
    rows = set()
    for name in LOCALES:
        locale = Locale.parse(name)
        territories = official_in(locale)
        marks = (get_decimal_symbol(locale), get_group_symbol(locale))
        formats = locale.compact_decimal_formats
        for style, by_plural in formats.items():
            for patterns in by_plural.values():
                for key, pattern in patterns.items():
                    read = scale_word(getattr(pattern, "pattern", str(pattern)))
                    if read is not None:
                        word, zeros = read
                        factor = int(key) // 10 ** (zeros - 1)
                        named = (name, locale.english_name, territories)
                        rows.add((*named, word, factor, style, *marks))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(__doc__, DEFAULT_OUT, COLUMNS, build_rows, f"babel {babel.__version__}", argv)


if __name__ == "__main__":
    raise SystemExit(main())
