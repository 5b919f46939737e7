"""Financial years as SIPRI writes them ('Apr-Mar', 'Till: 2008 Jul-Jun, 2009: Jul-Dec, ...').

SIPRI: "Financial years are always treated as starting in the specified year. For example for
countries with an FY of October-September, FY1974 means October 1974-September 1975" (sheet
'Local currency financial years'). A Jan-Dec year is the calendar year ("2009"); any other is a
months period ("2009-04..2010-03", see reconcile/core/periods.py), so it is never grouped with
the calendar year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SPAN = r"(?P<{0}a>[A-Z][a-z]{{2}})-(?P<{0}b>[A-Z][a-z]{{2}})"
_SIMPLE_RE = re.compile("^" + _SPAN.format("s") + "$")
_CHANGE_RE = re.compile(
    r"^Till:\s*(?P<until>\d{4})\s+"
    + _SPAN.format("o")
    + r"(?:,\s*(?P<gap>\d{4}):\s*"
    + _SPAN.format("t")
    + r")?"
    + r",\s*From\s+(?P<start>\d{4}):\s*"
    + _SPAN.format("n")
    + "$"
)


def months_period(year: int, first: str, last: str) -> str | None:
    """The period label of a financial year starting in `year` (None for unknown months)."""
    if first not in MONTHS or last not in MONTHS:
        return None
    start, end = MONTHS.index(first) + 1, MONTHS.index(last) + 1
    if (start, end) == (1, 12):
        return str(year)
    end_year = year if end >= start else year + 1
    return f"{year}-{start:02d}..{end_year}-{end:02d}"


def financial_year_periods(text: str, years: Iterable[int]) -> dict[int, str] | None:
    """Year -> period label under a financial-year rule, or None when the rule is not understood."""
    years = list(years)
    simple = _SIMPLE_RE.match(text.strip())
    if simple:
        periods = {y: months_period(y, simple["sa"], simple["sb"]) for y in years}
        return None if None in periods.values() else {y: str(p) for y, p in periods.items()}
    change = _CHANGE_RE.match(text.strip())
    if change is None:
        return None
    until, start = int(change["until"]), int(change["start"])
    gap = int(change["gap"]) if change["gap"] else None
    result: dict[int, str] = {}
    for year in years:
        if year <= until:
            period = months_period(year, change["oa"], change["ob"])
        elif gap is not None and year == gap:
            period = months_period(year, change["ta"], change["tb"])
        elif year >= start:
            period = months_period(year, change["na"], change["nb"])
        else:
            return None
        if period is None:
            return None
        result[year] = period
    return result
