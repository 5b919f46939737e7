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

_BIDI_RE = re.compile(r"[\u200e\u200f\u061c]")


@dataclass(slots=True)
class OtherLanguageNames:
    """Written forms (lower case) of currencies in other languages."""

    names: dict[str, str] = field(default_factory=dict)
    # Forms several currencies use -> (the one assumed, every candidate).
    shared: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


def load_other_language_names(
    taken: set[str], assumed_first: list[str], aliases: dict[str, str]
) -> OtherLanguageNames:
    """The table's forms, leaving out those in `taken` (English names, scale words, words).

    `aliases` are abbreviations CLDR does not give, read as another form ("руб." as "рубль").
    """
    owners: dict[str, set[str]] = {}
    rows = csv.reader(io.StringIO(resource_text("currency_names_intl.csv")))
    next(rows)  # locale, code, kind, written
    for _, code, kind, written in rows:
        if kind == "symbol":  # read after the number like names ("5 лв.", "5 сом"), any case
            written = _BIDI_RE.sub("", written).lower()
        if len(written) > 1 and written not in taken:
            owners.setdefault(written, set()).add(code)
    found = OtherLanguageNames()
    order = {code: rank for rank, code in enumerate(assumed_first)}
    for written, codes in owners.items():
        if len(codes) == 1:
            found.names[written] = next(iter(codes))
            continue
        candidates = tuple(sorted(codes))
        assumed = min(candidates, key=lambda c: (order.get(c, len(order)), c))
        found.shared[written] = (assumed, candidates)
    for alias, target in aliases.items():
        if target in found.names:
            found.names[alias] = found.names[target]
        elif target in found.shared:
            found.shared[alias] = found.shared[target]
    return found
