"""Exchange rates, redenominations and the US price index: tables and look-ups with receipts."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reconcile.core.errors import InputError

from .resources import resource_text

RATE_COLUMNS = ("currency", "year", "rate")
# One exchange rate: currency, year, rate (units per US$), source
RateRow = tuple[str, int, float, str]
# One year of the US CPI: year, index (2023 = 100), source
CpiRow = tuple[int, float, str]


@dataclass(frozen=True, slots=True)
class RateQuote:
    """One exchange rate as used: units of `currency` per US dollar, and where it came from."""

    currency: str
    year: int
    rate: float
    source: str
    carried_from: int | None = None


@dataclass(frozen=True, slots=True)
class Redenomination:
    """An old currency replaced by a new one: `factor` old units make one new unit."""

    old: str
    new: str
    factor: float
    effective: str
    source: str


class RateTable:
    """Annual average exchange rates (user rows first), redenominations and the US CPI."""

    def __init__(
        self,
        rates: list[RateRow],
        redenominations: dict[str, Redenomination],
        cpi: list[CpiRow],
    ) -> None:
        self.rates = rates  # user rows already take precedence
        self.redenominations = redenominations
        self.cpi = cpi
        self._by_currency: dict[str, dict[int, tuple[float, str]]] = {}
        for currency, year, rate, source in rates:
            self._by_currency.setdefault(currency, {})[year] = (rate, source)
        self._cpi = {year: (index, source) for year, index, source in cpi}

    def quote(self, currency: str, year: int) -> RateQuote | None:
        """The rate for a currency in a year; the last known rate (flagged) past the table's end."""
        if currency == "USD":
            return RateQuote("USD", year, 1.0, "US dollar (identity)")
        table = self._by_currency.get(currency)
        if not table:
            return None
        if year in table:
            rate, source = table[year]
            return RateQuote(currency, year, rate, source)
        last = max(table)
        if year > last:
            rate, source = table[last]
            return RateQuote(currency, year, rate, source, carried_from=last)
        return None

    def cpi_index(self, year: int) -> tuple[float, str] | None:
        """The US CPI index (2023 = 100) for a year, with its source."""
        return self._cpi.get(year)


# The shipped tables are read with the csv module, not pandas: the out-of-core report
# (cli/scale.py) converts without importing pandas.
def _read_shipped_rates() -> list[RateRow]:
    return [
        (r["currency"], int(r["year"]), float(r["rate"]), f"{r['source']} (vintage {r['vintage']})")
        for r in csv.DictReader(io.StringIO(resource_text("exchange_rates.csv")))
    ]


def _read_redenominations() -> dict[str, Redenomination]:
    out: dict[str, Redenomination] = {}
    for row in csv.DictReader(io.StringIO(resource_text("redenominations.csv"))):
        out[row["old"]] = Redenomination(
            old=row["old"],
            new=row["new"],
            factor=float(row["factor"]),
            effective=row["effective"],
            source=row["source"],
        )
    return out


def _read_cpi() -> list[CpiRow]:
    return [
        (int(r["year"]), float(r["index"]), r["source"])
        for r in csv.DictReader(io.StringIO(resource_text("us_cpi.csv")))
    ]


def read_user_rates(path: Path) -> list[RateRow]:
    """Read a user rate file: CSV with columns currency, year, rate (units per US$), source."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read rate file: {error.strerror}", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError(
            f"rate file is not UTF-8 text (byte {error.start})",
            path=str(path),
            hint="save the file as UTF-8 CSV",
        ) from error
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise InputError(
            f"rate file is not valid CSV: {error}", path=str(path), line=reader.line_num
        ) from error
    missing = [c for c in RATE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            f"rate file lacks column(s) {', '.join(missing)}",
            path=str(path),
            line=1,
            hint="the header must be: currency,year,rate[,source] (rate = units per US dollar)",
        )
    rows: list[RateRow] = []
    for line_number, row in enumerate(records, start=2):
        try:
            year = int(row["year"])
            rate = float(row["rate"])
            if not math.isfinite(rate):
                raise ValueError(rate)
        except (TypeError, ValueError) as error:
            raise InputError(
                f"year must be a whole number and rate a number, got year={row['year']!r} "
                f"rate={row['rate']!r}",
                path=str(path),
                line=line_number,
                hint="write e.g. AZN,2025,1.70",
            ) from error
        if rate <= 0:
            raise InputError(f"rate must be positive, got {rate}", path=str(path), line=line_number)
        source = (row.get("source") or "").strip() or f"user rate file {path.name}"
        rows.append(((row["currency"] or "").strip().upper(), year, rate, source))
    return rows


@cache
def _shipped_table() -> RateTable:
    return RateTable(_read_shipped_rates(), _read_redenominations(), _read_cpi())


def load_rate_table(user_files: tuple[Path, ...] = ()) -> RateTable:
    """The shipped tables, with rows from user rate files taking precedence."""
    shipped = _shipped_table()
    if not user_files:
        return shipped
    merged: dict[tuple[str, int], RateRow] = {}
    for path in user_files:
        for row in read_user_rates(path):
            merged.setdefault((row[0], row[1]), row)  # the first row for a currency and year
    for row in shipped.rates:
        merged.setdefault((row[0], row[1]), row)
    return RateTable(list(merged.values()), shipped.redenominations, shipped.cpi)
