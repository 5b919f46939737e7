"""Which rate explains a restated figure: the text's own ("at 2.7 lari to the dollar"), the
rate of the year before or after, or the rate of the day the text was written on."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.claims.relations import RATE_RE
from reconcile.core.frames import factorize_columns, take
from reconcile.reference.rates import RateTable

# The stated units of restatements and of their originals (object arrays of texts).
Units = tuple[np.ndarray, np.ndarray]
# A restatement within this of the reference conversion agrees: an annual average rate is
# not the rate of the day the text converted on.
EQUIVALENT_SLACK = 0.025
# A restatement by a text written before its period was over (or undated) agrees within this of
# the annual average conversion: it used the rate of its day or a forecast rate (no devaluation).
DATED_SLACK = 0.10
# Currencies that moved less than this against each other between two years did not move.
MOVED = 0.01


def later_rate_year(
    claims: pd.DataFrame,
    original: np.ndarray,
    ratio: np.ndarray,
    rates: RateTable,
    when: tuple[np.ndarray, Units],
) -> np.ndarray:
    """The year a restatement was written in (0 where this does not hold), for one written
    after its period whose gap goes the way the currencies moved between the period and the
    year of writing: the text converted at a rate of its own day. A day's rate is not the
    year's average, so the fit is loose (DATED_SLACK), but the direction is the currency's.
    `when`: the year each restatement was written in, and both sides' stated units."""
    written_year, units = when
    out = np.zeros(len(ratio), dtype=np.int64)
    period = pd.to_numeric(claims["year"].iloc[original], errors="coerce").to_numpy(dtype=float)
    later = np.flatnonzero(
        np.isfinite(written_year) & np.isfinite(period) & (written_year > period)
    )
    if not len(later):
        return out
    pairs = pd.DataFrame(
        {
            "a": units[0][later],
            "b": units[1][later],
            "year": period[later].astype(int),
            "written": written_year[later].astype(int),
        }
    )
    codes, first = factorize_columns(pairs, ["a", "b", "year", "written"])
    for code, row in enumerate(first):
        a, b, year, written = pairs.iloc[row]
        base = _rate(rates, b, int(year)) / _rate(rates, a, int(year))
        moved = base / (_rate(rates, b, int(written)) / _rate(rates, a, int(written)))
        if a == b or not np.isfinite(moved) or abs(moved - 1) < MOVED:
            continue
        rows = later[codes == code]
        fits = (np.sign(ratio[rows] - 1) == np.sign(moved - 1)) & (
            np.abs(ratio[rows] / moved - 1) <= DATED_SLACK
        )
        out[rows[fits]] = int(written)
    return out


def stated_rate_ratio(
    claims: pd.DataFrame, restated: np.ndarray, original: np.ndarray, units: Units
) -> np.ndarray:
    """restated / (original converted at the text's own rate); NaN where no rate is given."""
    out = np.full(len(restated), np.nan)
    stated = take(claims, "rate", restated)
    restated_units, original_units = units
    amounts = claims["amount"].to_numpy(dtype=float)
    for n in np.flatnonzero(pd.notna(stated)):
        match = RATE_RE.match(str(stated[n]))
        if not match:
            continue
        rate, quote, base = float(match["rate"]), match["quote"], match["base"]
        restated_unit, original_unit = restated_units[n], original_units[n]
        # "2.7 GEL/USD": GEL -> USD divides by 2.7, USD -> GEL multiplies.
        if original_unit == quote and restated_unit == base:
            converted = amounts[original[n]] / rate
        elif original_unit == base and restated_unit == quote:
            converted = amounts[original[n]] * rate
        else:
            continue
        out[n] = amounts[restated[n]] / converted
    return out


def other_year(
    claims: pd.DataFrame, original: np.ndarray, ratio: np.ndarray, rates: RateTable, units: Units
) -> np.ndarray:
    """The year before or after whose rate explains the gap (0 where none does): the ratio
    moved by the change of the original currency's rate between years lands within the slack.
    Rates are looked up once per distinct pair of currencies and year."""
    out = np.zeros(len(ratio), dtype=np.int64)
    if "year" not in claims or not len(ratio):
        return out
    years = pd.to_numeric(claims["year"].iloc[original], errors="coerce").to_numpy(dtype=float)
    pairs = pd.DataFrame(
        {
            "a": units[0],
            "b": units[1],
            "year": years,
        }
    )
    codes, first = factorize_columns(pairs, ["a", "b", "year"])
    for code, row in enumerate(first):
        a, b, year = pairs.iloc[row]
        if a == b or not np.isfinite(year):
            continue
        members = codes == code
        base = _rate(rates, b, int(year)) / _rate(rates, a, int(year))
        for offset in (-1, 1):
            other = _rate(rates, b, int(year) + offset) / _rate(rates, a, int(year) + offset)
            if np.isfinite(other):
                fits = members & (np.abs(ratio * other / base - 1) <= EQUIVALENT_SLACK)
                out[fits & (out == 0)] = int(year) + offset
    return out


def _rate(rates: RateTable, currency: str, year: int) -> float:
    """Units of a currency per US$ in a year; NaN when the table has no rate of that year."""
    quote = rates.quote(currency, year)
    return quote.rate if quote and quote.carried_from is None else np.nan
