"""Recognise currencies by symbol, code and name, and pick the right one for the year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .resources import load_yaml_resource


@dataclass(frozen=True, slots=True)
class Era:
    """One meaning of a currency name, valid before `until` (None: still valid)."""

    code: str
    until: date | None


@dataclass(slots=True)
class CurrencyCatalogue:
    """Currency symbols, codes and names, from the shipped `currencies.yaml`."""

    codes: set[str] = field(default_factory=set)
    symbols: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    eras: dict[str, list[Era]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def prefix_pattern(self) -> str:
        """A regex alternation of what can stand before a number ("US$", "€", "AZN")."""
        tokens = sorted(set(self.symbols) | self.codes, key=len, reverse=True)
        return "|".join(re.escape(t) + (r"(?![A-Za-z])" if t.isalpha() else "") for t in tokens)

    def suffix_pattern(self) -> str:
        """A regex alternation of what can follow a number ("manat", "US dollars", "AZN")."""
        tokens = sorted(set(self.names) | self.codes | set(self.symbols), key=len, reverse=True)
        return "|".join(re.escape(t) + (r"\b" if t[-1].isalpha() else "") for t in tokens)

    def resolve(self, token: str, year: int | None, dollar: str = "USD") -> tuple[str, str | None]:
        """Return (ISO code, note) for a written currency token in a given year.

        The note says what was assumed when the token's meaning depends on a year that was not
        given ("manat" is AZM before 2006 and AZN after).
        """
        key = token.strip()
        if key == "$":
            return dollar, None
        upper = key.upper()
        if upper in self.codes:
            return upper, None
        if key in self.symbols:
            return self.symbols[key], None
        name = key.lower()
        name = re.sub(r"\s+", " ", name)
        if name in self.eras:
            eras = self.eras[name]
            if year is None:
                current = eras[-1].code
                if len(eras) > 1:
                    return current, (
                        f"'{key}' read as {current} (today's currency); give the year for "
                        f"figures before {eras[-2].until}"
                    )
                return current, None
            for era in eras:
                if era.until is None or date(year, 1, 1) < era.until:
                    return era.code, None
        if name in self.names:
            return self.names[name], None
        raise KeyError(token)


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@cache
def load_currencies() -> CurrencyCatalogue:
    """Load the shipped currency catalogue (cached)."""
    data = load_yaml_resource("currencies.yaml")
    catalogue = CurrencyCatalogue()
    for entry in data["currencies"]:
        code = str(entry["code"]).upper()
        catalogue.codes.add(code)
        for symbol in entry.get("symbols") or []:
            catalogue.symbols[str(symbol)] = code
        for name in entry.get("names") or []:
            catalogue.names[str(name).lower()] = code
        if entry.get("note"):
            catalogue.notes[code] = str(entry["note"])
    for name, eras in (data.get("names_by_era") or {}).items():
        catalogue.eras[str(name).lower()] = [
            Era(code=str(e["code"]).upper(), until=_as_date(e.get("until"))) for e in eras
        ]
    return catalogue
