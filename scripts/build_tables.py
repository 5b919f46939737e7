"""Build the currency reference tables (exchange rates, US CPI) from the reference files."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pycountry
from babel.numbers import get_territory_currencies

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO_ROOT / ".." / "shared" / "reference"
DEFAULT_OUT = REPO_ROOT / "reconcile" / "data"
DEFAULT_REDENOMINATIONS = REPO_ROOT / "reconcile" / "data" / "redenominations.csv"

WDI_GLOB = "WB_WDI_PA.NUS.FCRF_*.csv"
WDI_INDICATOR = "PA.NUS.FCRF"
WDI_SOURCE = "World Bank WDI PA.NUS.FCRF"
EURO_AREA = "EMU"
SIPRI_GLOB = "SIPRI-Milex-data-*.xlsx"
SIPRI_COUNTRY = "United States of America"
SIPRI_CURRENT_SHEET = "Current US$"
SIPRI_CONSTANT_PREFIX = "Constant ("

RATE_COLUMNS = ("currency", "year", "rate", "country", "source", "vintage")
CPI_COLUMNS = ("year", "index", "source", "vintage")
REDENOMINATION_COLUMNS = ("old", "new", "factor", "effective", "country", "source")


@dataclass(frozen=True)
class Redenomination:
    """One row of redenominations.csv: `factor` old units make one new unit from `effective`."""

    old: str
    new: str
    factor: float
    effective: dt.date
    country: str
    source: str


@dataclass(frozen=True)
class WdiSeries:
    """The WDI exchange-rate file: vintage, year columns and non-empty values by country code."""

    vintage: str
    years: tuple[int, ...]
    values: dict[str, dict[int, float]]


@dataclass(frozen=True)
class RateRow:
    """One output row of exchange_rates.csv."""

    currency: str
    year: int
    rate: float
    country: str


def find_input(reference: Path, pattern: str) -> Path:
    """Return the lexicographically last file in `reference` matching `pattern`."""
    matches = sorted(reference.glob(pattern))
    if not matches:
        raise FileNotFoundError(f"no file matching {pattern} in {reference}")
    return matches[-1]


def read_wdi(path: Path) -> WdiSeries:
    """Read a WDI bulk-download CSV (preamble lines, then one row per country)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    vintage = ""
    header_index = -1
    for index, row in enumerate(rows):
        if row and row[0] == "Last Updated Date":
            vintage = row[1].strip()
        if row and row[0] == "Country Name":
            header_index = index
            break
    if not vintage or header_index < 0:
        raise ValueError(f"{path}: missing 'Last Updated Date' or header line")
    dt.date.fromisoformat(vintage)
    header = rows[header_index]
    year_columns = [(i, int(name)) for i, name in enumerate(header) if name.strip().isdigit()]
    values: dict[str, dict[int, float]] = {}
    for row in rows[header_index + 1 :]:
        if not row:
            continue
        if row[3] != WDI_INDICATOR:
            raise ValueError(f"{path}: unexpected indicator {row[3]!r} for {row[1]}")
        series = {year: float(row[i]) for i, year in year_columns if i < len(row) and row[i]}
        values[row[1]] = series
    return WdiSeries(vintage, tuple(year for _, year in year_columns), values)


def read_redenominations(path: Path) -> list[Redenomination]:
    """Read and validate redenominations.csv."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != REDENOMINATION_COLUMNS:
            raise ValueError(f"{path}: columns must be {','.join(REDENOMINATION_COLUMNS)}")
        result = [
            Redenomination(
                old=row["old"],
                new=row["new"],
                factor=float(row["factor"]),
                effective=dt.date.fromisoformat(row["effective"]),
                country=row["country"],
                source=row["source"],
            )
            for row in reader
        ]
    olds = [item.old for item in result]
    for item in result:
        if item.old == item.new or item.factor <= 1 or not item.source.strip():
            raise ValueError(f"{path}: invalid row for {item.old}->{item.new}")
        if pycountry.countries.get(alpha_3=item.country) is None:
            raise ValueError(f"{path}: unknown country code {item.country}")
        if olds.count(item.old) > 1:
            raise ValueError(f"{path}: {item.old} is redenominated twice")
    return result


def list_year_currencies(alpha2: str, year: int) -> list[str]:
    """Return the tender currencies babel (CLDR) records for a territory during a year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return list(get_territory_currencies(alpha2, start, end, tender=True))


def is_native(currency: str, alpha2: str) -> bool:
    """Tell whether an ISO 4217 code belongs to the territory (its first two letters)."""
    return currency[:2] == alpha2


def choose_current_currency(alpha2: str, last_year: int) -> str | None:
    """Return the country's currency in its last data year, or None when ambiguous."""
    currencies = list_year_currencies(alpha2, last_year)
    if len(currencies) == 1:
        return currencies[0]
    natives = [code for code in currencies if is_native(code, alpha2)]
    return natives[0] if len(natives) == 1 else None


def detect_back_conversion(
    series: dict[int, float], item: Redenomination
) -> tuple[bool | None, int, int]:
    """Tell whether WDI values before a redenomination are in new units (None: no data)."""
    before = item.effective.year - 1
    after = item.effective.year + (0 if (item.effective.month, item.effective.day) == (1, 1) else 1)
    if before not in series or after not in series:
        return None, before, after
    ratio = math.log(series[before] / series[after])
    return abs(ratio) < abs(ratio - math.log(item.factor)), before, after


def resolve_country_rows(
    code: str, series: dict[int, float], redenominations: Sequence[Redenomination]
) -> tuple[list[RateRow], list[str]]:
    """Label one WDI country's values with currencies; return rows and notes."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None or not series:
        return [], []
    alpha2 = country.alpha_2
    current = choose_current_currency(alpha2, max(series))
    if current is None:
        return [], [f"{code}: skipped, no single current currency in {max(series)}"]
    notes: list[str] = []
    units: dict[str, str | None] = {}
    for item in redenominations:
        if item.new != current:
            continue
        in_new_units, before, after = detect_back_conversion(series, item)
        if in_new_units is None:
            units[item.old] = None
            notes.append(f"{code}: {item.old}->{item.new} untestable, {item.old} years skipped")
            continue
        units[item.old] = item.new if in_new_units else item.old
        verdict = "back-converted to" if in_new_units else "reported in"
        notes.append(
            f"{code}: {before}={series[before]:.6g}, {after}={series[after]:.6g} "
            f"(factor {item.factor:g}) -> {item.old} years are {verdict} {units[item.old]}"
        )
    rows: list[RateRow] = []
    for year, rate in sorted(series.items()):
        currencies = list_year_currencies(alpha2, year)
        if current in currencies:
            label: str | None = current
        else:
            mapped = {units[code_] for code_ in currencies if units.get(code_)}
            label = mapped.pop() if len(mapped) == 1 else None
        if label is not None and (label != "EUR" or code == EURO_AREA):
            rows.append(RateRow(label, year, rate, code))
    return rows, notes


def select_rows(rows: Iterable[RateRow]) -> list[RateRow]:
    """Keep one row per currency-year: the native country, else the first code alphabetically."""
    chosen: dict[tuple[str, int], RateRow] = {}

    def rank(row: RateRow) -> tuple[bool, str]:
        country = pycountry.countries.get(alpha_3=row.country)
        alpha2 = country.alpha_2 if country is not None else ""
        return (not is_native(row.currency, alpha2), row.country)

    for row in rows:
        key = (row.currency, row.year)
        if key not in chosen or rank(row) < rank(chosen[key]):
            chosen[key] = row
    return [chosen[key] for key in sorted(chosen)]


def build_rates(
    wdi: WdiSeries, redenominations: Sequence[Redenomination]
) -> tuple[list[RateRow], list[str]]:
    """Build the exchange-rate rows (one per currency-year) and notes about unit decisions."""
    candidates: list[RateRow] = []
    notes: list[str] = []
    left_out = 0
    for code in sorted(wdi.values):
        series = wdi.values[code]
        if code == EURO_AREA:
            candidates.extend(RateRow("EUR", year, rate, code) for year, rate in series.items())
            continue
        if pycountry.countries.get(alpha_3=code) is None:
            continue
        rows, country_notes = resolve_country_rows(code, series, redenominations)
        left_out += len(series) - len(rows)
        candidates.extend(row for row in rows if row.currency != "USD")
        notes.extend(country_notes)
    candidates.extend(RateRow("USD", year, 1.0, "USA") for year in wdi.years)
    selected = select_rows(candidates)
    duplicates = len(candidates) - len(selected)
    notes.append(f"{left_out} country-year values left out: unit unknown or EUR of a member state")
    notes.append(f"{duplicates} values left out: currency-year already taken from another country")
    return selected, notes


def format_number(value: float) -> str:
    """Format a float with the shortest round-trip representation."""
    return repr(float(value))


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Render rows as CSV text with Unix line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def render_rates(rows: Sequence[RateRow], vintage: str) -> str:
    """Render exchange_rates.csv."""
    return render_csv(
        RATE_COLUMNS,
        (
            (row.currency, row.year, format_number(row.rate), row.country, WDI_SOURCE, vintage)
            for row in rows
        ),
    )


def read_sipri_row(sheet: Any, country: str) -> dict[int, float]:
    """Return a country's numeric values by year from a SIPRI sheet (header row 'Country')."""
    header: tuple[object, ...] | None = None
    for row in sheet.iter_rows(values_only=True):
        if row and row[0] == "Country":
            header = row
        elif header is not None and row and row[0] == country:
            return {
                int(name): float(value)
                for name, value in zip(header, row, strict=False)
                if isinstance(name, int | float)
                and isinstance(value, int | float)
                and not isinstance(value, bool)
            }
    raise ValueError(f"row {country!r} not found in sheet {sheet.title}")


def build_cpi(path: Path) -> tuple[list[tuple[int, str]], str, int]:
    """Derive the US CPI (base year = 100) from SIPRI current and constant US$ figures."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        constant_names = [
            name for name in workbook.sheetnames if name.startswith(SIPRI_CONSTANT_PREFIX)
        ]
        if len(constant_names) != 1:
            raise ValueError(f"{path}: expected one constant-price sheet, got {constant_names}")
        base_year = int(constant_names[0][len(SIPRI_CONSTANT_PREFIX) :].split(")")[0])
        current = read_sipri_row(workbook[SIPRI_CURRENT_SHEET], SIPRI_COUNTRY)
        constant = read_sipri_row(workbook[constant_names[0]], SIPRI_COUNTRY)
        modified = workbook.properties.modified
    finally:
        workbook.close()
    if modified is None:
        raise ValueError(f"{path}: workbook has no modification date")
    years = sorted(set(current) & set(constant))
    rows = [(year, f"{100 * current[year] / constant[year]:.3f}") for year in years]
    if dict(rows).get(base_year) != "100.000":
        raise ValueError(f"{path}: index for {base_year} is not 100")
    return rows, modified.date().isoformat(), base_year


def render_cpi(rows: Sequence[tuple[int, str]], vintage: str, base_year: int) -> str:
    """Render us_cpi.csv."""
    source = (
        f"SIPRI Military Expenditure Database {vintage[:4]} "
        f"(USA current / constant {base_year} US$)"
    )
    return render_csv(CPI_COLUMNS, ((year, index, source, vintage) for year, index in rows))


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with Unix line endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line arguments."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--redenominations", type=Path, default=DEFAULT_REDENOMINATIONS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build exchange_rates.csv and us_cpi.csv into the output directory."""
    args = parse_args(argv)
    redenominations = read_redenominations(args.redenominations)
    wdi_path = find_input(args.reference, WDI_GLOB)
    wdi = read_wdi(wdi_path)
    rates, notes = build_rates(wdi, redenominations)
    for note in notes:
        print(f"note: {note}")
    rates_path = args.out / "exchange_rates.csv"
    write_text(rates_path, render_rates(rates, wdi.vintage))
    currencies = len({row.currency for row in rates})
    print(f"wrote {rates_path} ({len(rates)} rows, {currencies} currencies) from {wdi_path.name}")
    sipri_path = find_input(args.reference, SIPRI_GLOB)
    cpi_rows, cpi_vintage, base_year = build_cpi(sipri_path)
    cpi_path = args.out / "us_cpi.csv"
    write_text(cpi_path, render_cpi(cpi_rows, cpi_vintage, base_year))
    print(f"wrote {cpi_path} ({len(cpi_rows)} rows) from {sipri_path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
