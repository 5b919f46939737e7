"""Currency names in other languages: "долларов США", "złotych", "Georgische Lari", "лари".

From `currency_names_intl.csv` (CLDR through babel, built by
scripts/build_currency_names_intl.py): every locale's display names, plural forms and signs of
the current currencies, and the bare nouns the names show safely. A written form one currency
uses is its name; a form several use ("доллар", "dólares", "крон") is read as the one
`assumed_first` in currencies.yaml puts first (else the first by code) with a finding, as the
English "rupees" and "francs" are. English names always win (reference/currencies.py).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .resources import resource_text
from .scales import locale_territories

_BIDI_RE = re.compile(r"[\u200e\u200f\u061c]")


@dataclass(slots=True)
class OtherLanguageNames:
    """Written forms (lower case) of currencies in other languages."""

    names: dict[str, str] = field(default_factory=dict)
    # Forms several currencies use -> (the one assumed, every candidate).
    shared: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # The locales that write each form ("rubli": {"pl"}): the language a figure is written in.
    locales: dict[str, frozenset[str]] = field(default_factory=dict)


def load_other_language_names(
    taken: set[str], assumed_first: list[str], aliases: dict[str, str]
) -> OtherLanguageNames:
    """The table's forms, leaving out those in `taken` (English names, scale words, words).

    `aliases` are abbreviations CLDR does not give, read as another form ("руб." as "рубль").
    """
    owners: dict[str, set[str]] = {}
    writers: dict[str, set[str]] = {}  # the locales that write each form
    rows = csv.reader(io.StringIO(resource_text("currency_names_intl.csv")))
    next(rows)  # locale, code, kind, written
    for locale, code, kind, written in rows:
        if kind == "symbol":  # read after the number like names ("5 лв.", "5 сом"), any case
            written = _BIDI_RE.sub("", written).lower()
        if len(written) > 1 and written not in taken:
            codes = owners.get(written)  # not setdefault: 26,000 rows, a new set for each
            if codes is None:
                owners[written], writers[written] = {code}, {locale}
            else:
                codes.add(code)
                writers[written].add(locale)
    found = OtherLanguageNames()
    found.locales = {written: frozenset(w) for written, w in writers.items()}
    for written, codes in owners.items():
        if len(codes) == 1:
            found.names[written] = next(iter(codes))
            continue
        found.shared[written] = (
            _assumed(codes, writers[written], assumed_first),
            tuple(sorted(codes)),
        )
    for alias, target in aliases.items():
        if target in found.names:
            found.names[alias] = found.names[target]
        elif target in found.shared:
            found.shared[alias] = found.shared[target]
    return found


def _assumed(codes: set[str], locales: set[str], assumed_first: list[str]) -> str:
    """The currency assumed for a form several use: the only one at home where a language that
    writes the form is official (Czech "korun": CZK, not SEK), else the first of
    `assumed_first` (Russian "рублей": RUB, not BYN; "долларов": USD), else the first by code."""
    territories = locale_territories()
    home = {t for locale in locales for t in territories.get(locale, ())}
    at_home = [code for code in codes if code[:2] in home]
    if len(at_home) == 1:
        return at_home[0]
    order = {code: rank for rank, code in enumerate(assumed_first)}
    return min(at_home or codes, key=lambda c: (order.get(c, len(order)), c))
