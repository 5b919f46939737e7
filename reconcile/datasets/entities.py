"""Country names as datasets write them -> ISO 3166 alpha-3 codes, and each country's currency."""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import cache

from reconcile.reference.resources import resource_text


@cache
def _name_table() -> dict[str, tuple[str, str]]:
    """Names pycountry does not resolve (SIPRI's historical and short names): entity, currency."""
    reader = csv.DictReader(io.StringIO(resource_text("sipri_entities.csv")))
    return {row["name"]: (row["entity"], row["currency"]) for row in reader}


@cache
def entity_of(name: str) -> str | None:
    """The ISO 3166 alpha-3 code (or slug) for a country name, or None when unknown."""
    import pycountry

    name = name.strip()
    if name in _name_table():
        return _name_table()[name][0]
    for database in (pycountry.countries, pycountry.historic_countries):
        try:
            return str(database.lookup(name).alpha_3)
        except LookupError:
            continue
    return None


@cache
def currency_of(entity: str, year: int) -> str | None:
    """The ISO 4217 code of the country's currency at the end of `year` (None when unknown).

    SIPRI converts every local-currency figure to the latest currency ("All figures are
    expressed in terms of the current currency", sheet notes), so callers pass the last data
    year and use that one currency for the whole series.
    """
    import pycountry
    from babel.numbers import get_territory_currencies

    for _, (code, currency) in _name_table().items():
        if code == entity and currency:
            return currency
    country = pycountry.countries.get(alpha_3=entity)
    if country is None:
        return None
    day = date(year, 12, 31)
    currencies = list(get_territory_currencies(country.alpha_2, day, day, tender=True))
    natives = [c for c in currencies if c[:2] == country.alpha_2]
    if len(natives) == 1:
        return natives[0]
    return currencies[0] if len(currencies) == 1 else None


@cache
def parser_currencies() -> frozenset[str]:
    """The ISO codes the figure parser recognises (reconcile/data/currencies.yaml)."""
    from reconcile.reference.currencies import load_currencies

    return frozenset(load_currencies().codes)
