"""Build reconcile/data/currency_names_intl.csv: currency names in news languages besides English.

For every current ISO 4217 currency and every locale of scripts/build_scale_words.py: CLDR's
display name and its plural (case) forms ("доллар США", "долларов США", "złotych polskich",
"Georgische Lari"), the locale's symbol when it is a sign and not a code, and the bare noun
people write without the country ("долларов", "złotych", "lari"), where the name shows it
safely: every other word of the name is the country or language adjective or the country's
name (it matches one of the locale's language or territory names: "грузинский" ~ "грузинский",
"polski" ~ "polski", "Georgischer" ~ "Georgisch", "США" is an abbreviation), so exactly one word
is left, and the plural forms have the same number of words. "доллар США" gives "доллар" (the
head noun first), "złoty polski" gives "złoty" (the adjective last). Whether a bare noun is one
currency's or several's ("доллар": USD, CAD, AUD ...) is decided when the table is read
(reconcile/reference/currencies.py). Run from the repository root:
`.venv/bin/python scripts/build_currency_names_intl.py`; another babel version can change it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies, list_currencies
from build_scale_words import LOCALES  # the same news languages as the scale words
from table_script import table_main

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data" / "currency_names_intl.csv"
COLUMNS = ("locale", "code", "kind", "written")

# X-codes are metals, funds and test codes, except the CFA and other regional francs and dollars.
_REGIONAL = {"XAF", "XOF", "XCD", "XPF"}
# Vietnamese writes a space between the syllables of a word ("Đài Loan", Taiwan): its names
# have no single noun word to take.
_NO_BARE_NOUNS = {"vi"}
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


# Currencies in use on this date (fixed, so that the table rebuilds byte for byte).
_CURRENT_ON = date(2025, 1, 1)


def current_codes() -> list[str]:
    """ISO codes of the currencies that are legal tender somewhere on _CURRENT_ON."""
    codes = set()
    for territory in get_global("territory_currencies"):
        codes |= set(get_territory_currencies(territory, _CURRENT_ON, tender=True))
    listed = set(list_currencies())
    return sorted(c for c in codes if c in listed and (c[0] != "X" or c in _REGIONAL))


def _stems(locale: Locale) -> list[str]:
    """The locale's language and territory names, word by word, lower case (4+ letters)."""
    names = [*locale.languages.values(), *locale.territories.values()]
    words = {w.lower() for name in names for w in _WORD_RE.findall(name)}
    return sorted(w for w in words if len(w) >= 4)


def _is_modifier(word: str, stems: list[str], *, strict: bool = False) -> bool:
    """A country or language adjective, a country's name, or an abbreviation ("США", "USA").

    The word and a name share a stem of four letters or more, which is all of one of them but
    for three letters ("грузинских" ~ "грузинский", "Georgischer" ~ "Georgisch"); `strict`: five
    letters or more, all of the name's but for three ("Schweizer" ~ "Schweiz", but not "Franken"
    ~ "Frankreich" or "franca").
    """
    if len(word) >= 2 and word.isupper():
        return True
    lower = word.lower()
    for stem in stems:
        common = 0
        for a, b in zip(lower, stem, strict=False):
            if a != b:
                break
            common += 1
        if strict and common >= 5 and common >= len(stem) - 3:
            return True
        if not strict and common >= 4 and common >= min(len(lower), len(stem)) - 3:
            return True
    return False


def bare_nouns(forms: list[str], stems: list[str]) -> list[str]:
    """The noun of each form, when every other word is a modifier (see the module docstring).

    When every word looks like a modifier ("Schweizer Franken": Schweiz, Frankreich), the
    stricter test decides, if it leaves exactly one word.
    """
    split = [form.split() for form in forms]
    if len(split[0]) < 2 or any(len(words) != len(split[0]) for words in split):
        return []
    # Words of three letters or fewer ("des", "de") are never the noun here.
    long = [i for i, w in enumerate(split[0]) if len(w) > 3]
    strong = [i for i in long if not _is_modifier(split[0][i], stems)]
    if not strong:
        strong = [i for i in long if not _is_modifier(split[0][i], stems, strict=True)]
    if len(strong) != 1 or split[0][strong[0]].lower() in stems:
        return []  # none, several, or a country's own name ("Peru" in "Nuevo sol de Peru")
    return sorted({words[strong[0]] for words in split if _WORD_RE.fullmatch(words[strong[0]])})


def build_rows() -> list[tuple[str, str, str, str]]:
    """(locale, code, kind, written) for every name, plural, bare noun and sign."""
    rows: set[tuple[str, str, str, str]] = set()
    codes = current_codes()
    for name in LOCALES:
        locale = Locale.parse(name)
        stems = _stems(locale)
        plurals = locale._data["currency_names_plural"]
        for code in codes:
            display = locale.currencies.get(code)
            if not display or "(" in display:
                continue
            forms = [display, *sorted(set(plurals.get(code, {}).values()) - {display})]
            forms = [f for f in forms if "(" not in f and not any(c.isdigit() for c in f)]
            rows |= {(name, code, "name", form.lower()) for form in forms}
            if name not in _NO_BARE_NOUNS:
                rows |= {(name, code, "bare", noun.lower()) for noun in bare_nouns(forms, stems)}
            symbol = locale.currency_symbols.get(code, code)
            if symbol != code and not any(c.isascii() and c.isalpha() for c in symbol):
                rows.add((name, code, "symbol", symbol))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    return table_main(__doc__, DEFAULT_OUT, COLUMNS, build_rows, f"babel {babel.__version__}", argv)


if __name__ == "__main__":
    raise SystemExit(main())
