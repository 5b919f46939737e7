"""Turn parsed figures into intervals in a canonical unit, vectorised, with every step recorded.

Each distinct (unit, year, target, basis) combination is converted once in Python (the receipts:
rate, factor, source); the factors are then applied to all rows at once with numpy. One pint
Quantity per row is about 50 times slower (see benchmarks/run.py).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import kind_of_unit
from reconcile.figures.numbers import format_number
from reconcile.reference.rates import RateTable
from reconcile.reference.units import unit_factor

if TYPE_CHECKING:
    import pandas as pd


@dataclass(slots=True)
class Conversion:
    """How one distinct (unit, year, target, basis) is converted: factor, steps, findings."""

    factor: float
    unit: str | None
    steps: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _years(year: int | None, year_end: int | None) -> list[int]:
    if year is None:
        return []
    return list(range(year, (year_end or year) + 1))


def _describe_years(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def _exchange_step(
    currency: str, years: list[int], rates: RateTable, to_dollars: bool
) -> tuple[float, dict[str, Any] | None, list[Finding]]:
    """Rate (units per US$) averaged over the years; the step and findings that go with it."""
    quotes = [rates.quote(currency, y) for y in years]
    missing = [y for y, q in zip(years, quotes, strict=True) if q is None]
    if missing:
        return (
            math.nan,
            None,
            [
                Finding(
                    "missing-rate",
                    f"no exchange rate for {currency} in {_describe_years(missing)}; "
                    f"supply one with --rates FILE (columns currency,year,rate)",
                )
            ],
        )
    present = [q for q in quotes if q is not None]
    rate = sum(q.rate for q in present) / len(present)
    findings = [
        Finding(
            "rate-carried-forward",
            f"no {currency} rate for {q.year}: used the {q.carried_from} rate "
            f"({format_number(q.rate)} per US$), the last in the table",
        )
        for q in present
        if q.carried_from is not None
    ]
    rate_years = sorted({q.carried_from or q.year for q in present})
    step = {
        "step": "exchange-rate",
        "from": currency if to_dollars else "USD",
        "to": "USD" if to_dollars else currency,
        "rate": rate,
        "rate_unit": f"{currency} per USD",
        "rate_years": rate_years,
        "averaged": len(years) > 1,
        "carried_forward": any(q.carried_from is not None for q in present),
        "factor": 1.0 / rate if to_dollars else rate,
        "source": present[0].source,
    }
    return (1.0 / rate if to_dollars else rate), step, findings


def convert_money(
    currency: str,
    year: int | None,
    year_end: int | None,
    target: str | None,
    basis: str | None,
    rates: RateTable,
) -> Conversion:
    """Convert one currency/year to the target currency (and price basis), with receipts."""
    conversion = Conversion(1.0, currency)
    years = _years(year, year_end)
    redenomination = rates.redenominations.get(currency)
    if redenomination is not None:
        conversion.factor /= redenomination.factor
        conversion.unit = redenomination.new
        conversion.steps.append(
            {
                "step": "redenomination",
                "from": currency,
                "to": redenomination.new,
                "factor": 1.0 / redenomination.factor,
                "rule": f"{format_number(redenomination.factor)} {currency} = 1 "
                f"{redenomination.new} from {redenomination.effective}",
                "source": redenomination.source,
            }
        )
        currency = redenomination.new
    if target is None or (target == currency and not basis):
        return conversion
    if not years:
        conversion.factor = math.nan
        conversion.findings.append(
            Finding(
                "missing-year",
                f"no year to pick a {currency} to {target} exchange rate; give --year "
                "(or a period on the claim)",
            )
        )
        return conversion
    base_year = int(basis.removeprefix("constant-")) if basis else None
    # Constant prices the SIPRI way: to US$ at the year's rate, deflate with the US CPI, then
    # to the target currency at the base year's rate.
    legs = ((currency, years, True), (target, [base_year] if base_year else years, False))
    for code, leg_years, to_dollars in legs:
        if not to_dollars and base_year is not None:
            _deflate(conversion, years, base_year, rates)
            if math.isnan(conversion.factor):
                return conversion
        if code == "USD":
            continue
        factor, step, findings = _exchange_step(code, leg_years, rates, to_dollars)
        conversion.findings.extend(findings)
        conversion.factor *= factor
        if step is None:
            conversion.unit = None
            return conversion
        conversion.steps.append(step)
    conversion.unit = target if base_year is None else f"{target} (constant {base_year})"
    return conversion


def _deflate(conversion: Conversion, years: list[int], base_year: int, rates: RateTable) -> None:
    """Express current-price money in constant prices of `base_year` with the US CPI."""
    base = rates.cpi_index(base_year)
    indices = [rates.cpi_index(y) for y in years]
    if base is None or any(i is None for i in indices):
        conversion.factor = math.nan
        conversion.unit = None
        conversion.findings.append(
            Finding(
                "missing-deflator",
                f"no US CPI for {base_year} or {_describe_years(years)}: cannot express "
                "in constant prices",
            )
        )
        return
    mean_index = sum(i[0] for i in indices if i is not None) / len(indices)
    factor = base[0] / mean_index
    conversion.factor *= factor
    conversion.steps.append(
        {
            "step": "deflate",
            "from": f"current {_describe_years(years)} prices",
            "to": f"constant {base_year} prices",
            "factor": factor,
            "rule": f"US CPI {base_year} / {_describe_years(years)} = "
            f"{base[0]:.3f} / {mean_index:.3f}",
            "source": base[1],
        }
    )


def convert_unit(
    unit: str,
    year: int | None,
    year_end: int | None,
    target: str | None,
    basis: str | None,
    rates: RateTable,
) -> Conversion:
    """The conversion for one distinct key, whatever the kind of unit."""
    kind = kind_of_unit(unit)
    if kind == "money":
        if target is not None and kind_of_unit(target) != "money":
            return _mismatch(unit, target)
        return convert_money(unit, year, year_end, target, basis, rates)
    if target is None or target == unit:
        return Conversion(1.0, unit)
    if kind == "quantity" and kind_of_unit(target) == "quantity":
        try:
            factor = unit_factor(unit, target)
        except ValueError as error:
            conversion = Conversion(math.nan, None)
            conversion.findings.append(Finding("unit-mismatch", str(error)))
            return conversion
        return Conversion(
            factor,
            target,
            [{"step": "unit", "from": unit, "to": target, "factor": factor, "source": "pint"}],
        )
    return _mismatch(unit, target)


def _mismatch(unit: str, target: str) -> Conversion:
    conversion = Conversion(math.nan, None)
    conversion.findings.append(
        Finding(
            "unit-mismatch",
            f"a figure in {unit} cannot be expressed in {target}; check the claim's metric",
        )
    )
    return conversion


def _optional_int(value: object) -> int | None:
    if _is_missing(value):
        return None
    return int(value)  # type: ignore[call-overload]


# The columns of a figures frame that make a conversion's key, by key
_KEY_COLUMNS = {
    "unit": "unit",
    "year": "year",
    "year_end": "year_end",
    "target": "target",
    "basis": "target_basis",
}


def normalize_figures(
    frame: pd.DataFrame,
    rates: RateTable,
    *,
    target: str | None = None,
    basis: str | None = None,
    copy: bool = True,
) -> tuple[pd.DataFrame, list[Conversion]]:
    """Add normalized_low/high/amount/unit and a conversion index to a frame of parsed figures.

    `frame` needs columns amount, low, high, unit, and optionally year, year_end (the period),
    target (a per-row canonical unit, e.g. from the metric) and target_basis, which `target`
    and `basis` fill where absent. Row i used conversions[frame.conversion[i]].
    """
    import pandas as pd  # here only: the out-of-core report converts by convert_unit, no pandas

    from reconcile.core.frames import factorize_columns

    # Only the key columns the frame has vary by row; the others are one value for all rows.
    given = _KEY_COLUMNS
    constant = {"year": None, "year_end": None, "target": target, "basis": basis}
    present = [key for key, column in given.items() if column in frame]
    codes, first_rows = factorize_columns(frame, [given[key] for key in present])
    keys = pd.DataFrame(
        {key: frame[given[key]].iloc[first_rows].to_numpy(dtype=object) for key in present}
    )
    for key, value in constant.items():
        if key not in present:
            keys[key] = [value] * len(keys)
    keys = keys[["unit", "year", "year_end", "target", "basis"]]
    conversions: list[Conversion] = []
    for unit, year, year_end, row_target, row_basis in keys.itertuples(index=False):
        if _is_missing(unit):
            conversions.append(Conversion(math.nan, None))
            continue
        conversions.append(
            convert_unit(
                str(unit),
                _optional_int(year),
                _optional_int(year_end),
                None if _is_missing(row_target) else str(row_target),
                None if _is_missing(row_basis) else str(row_basis),
                rates,
            )
        )
    factors = np.array([c.factor for c in conversions], dtype=float)
    units = np.array([c.unit for c in conversions], dtype=object)
    row_factor = factors[codes] if len(codes) else np.array([], dtype=float)
    out = frame.copy() if copy else frame
    with np.errstate(invalid="ignore"):
        out["normalized_low"] = out["low"].to_numpy(dtype=float) * row_factor
        out["normalized_high"] = out["high"].to_numpy(dtype=float) * row_factor
        out["normalized_amount"] = out["amount"].to_numpy(dtype=float) * row_factor
    out["normalized_unit"] = units[codes] if len(codes) else np.array([], dtype=object)
    out["conversion"] = codes
    return out, conversions


def _is_missing(value: object) -> bool:
    """None, NaN or pandas' NA (pandas is loaded wherever an NA can come from)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA
