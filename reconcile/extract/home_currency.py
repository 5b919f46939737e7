"""A currency name several countries write, read as the currency of the country it is about.

"Shillings", "pesos", "dinars", "crowns" and "rupees" name the money of several countries; the
figure grammar reads each as one of them with an `assumed-currency` finding (currencies.yaml).
In an article a figure has an entity: "72 trillion shillings" in a text about Uganda is Ugandan
shillings. The country's currency is CLDR's (babel) for the figure's year, and it is taken only
when it is one of the currencies that write the name; the draft's note says so.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from reconcile.core.parsed_value import ParsedValue
from reconcile.figures.grammar import parse_value
from reconcile.reference.currencies import load_currencies

_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=512)
def home_currency(entity: str, year: int | None) -> str | None:
    """The one legal tender of the entity's country in that year (ISO 4217), or None when the
    entity is no country (a company), or the country has several (Bhutan, Palestine)."""
    import pycountry
    from babel.numbers import get_territory_currencies

    country = None
    if len(entity) == 3 and entity.isupper():
        country = pycountry.countries.get(alpha_3=entity)
    elif re.fullmatch(r"[a-z]{2}-\w+", entity):  # a subdivision: "gh-aa"
        country = pycountry.countries.get(alpha_2=entity[:2].upper())
    if country is None:
        return None
    day = date(year, 7, 1) if year else None
    found = get_territory_currencies(country.alpha_2, start_date=day, end_date=day)
    return found[0] if len(found) == 1 else None  # none known (Antarctica), or several


@lru_cache(maxsize=512)
def _writes(code: str, word: str) -> bool:
    """Whether a shared currency word names `code`: it is one of the word's candidates, or the
    last word of the currency's English name ("francs" for West African CFA francs)."""
    from babel.numbers import get_currency_name

    catalogue = load_currencies()
    for shared in (catalogue.shared, catalogue.other.shared):
        if word in shared and code in shared[word][1]:
            return True
    names = (get_currency_name(code, count=n, locale="en").lower() for n in (1, 2))
    return any(n.rsplit(" ", 1)[-1] == word for n in names)


@lru_cache(maxsize=1)
def shared_words() -> frozenset[str]:
    catalogue = load_currencies()
    return frozenset(w.lower() for w in (*catalogue.shared, *catalogue.other.shared) if w.isalpha())


def shared_word(parsed: ParsedValue) -> str | None:
    """The currency name several currencies share that a figure writes ("crowns"), if any."""
    if not any(f.code == "assumed-currency" for f in parsed.findings):
        return None
    return next((w for w in _WORD_RE.findall(parsed.text) if w.lower() in shared_words()), None)


def at_home(parsed: ParsedValue, entity: str, period: str) -> tuple[ParsedValue, str] | None:
    """The figure read in its country's currency, and why, when the text writes a currency name
    several countries share and the figure's country is one of them; else None."""
    if parsed.kind != "money" or not any(f.code == "assumed-currency" for f in parsed.findings):
        return None
    year = int(period[:4]) if period[:4].isdigit() else None
    home = home_currency(entity, year)
    if home is None or parsed.unit == home:
        return None
    for word in _WORD_RE.finditer(parsed.text):
        written = word.group(0).lower()
        if written not in shared_words() or not _writes(home, written):
            continue
        text = f"{parsed.text[: word.start()]}{home}{parsed.text[word.end() :]}"
        reread = parse_value(text, year=year)
        if reread.ok and reread.unit == home:
            note = (
                f"read '{word.group(0)}' as {home}, the currency of {entity}: the name is "
                f"written for several currencies ({parsed.unit} when nothing says which)"
            )
            return reread, note
    return None
