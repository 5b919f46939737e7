"""World Bank WDI indicator files (the bulk-download CSV) -> claims, by indicator code.

Layout: "Data Source" and "Last Updated Date" lines, then a header 'Country Name, Country Code,
Indicator Name, Indicator Code, 1960, ...' and one row per country or aggregate. Empty cells are
years without data. Aggregates (WLD, EMU, ARB, ...) are not countries and are left out, with one
warning saying how many.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.core.errors import Finding, InputError

from .sipri import Import

SOURCE = "WorldBank"
HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """How one WDI indicator becomes claims: metric, value template, basis."""

    metric: str
    template: str  # "{value}" is the figure as the file writes it
    basis: str | None


INDICATORS = {
    "PA.NUS.FCRF": Indicator("exchange_rate", "{value}", None),
    "SP.POP.TOTL": Indicator("population", "{value}", None),
    "NY.GDP.MKTP.CD": Indicator("gdp", "{value} USD", "current"),
    "MS.MIL.XPND.CD": Indicator("military_expenditure", "{value} USD", "current"),
    "MS.MIL.XPND.GD.ZS": Indicator("military_expenditure_gdp_share", "{value}%", None),
}


def import_wdi(path: Path) -> Import:
    """Read a WDI indicator CSV into claims (InputError for another layout or indicator)."""
    try:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {error}", path=str(path)) from error
    vintage, top = _preamble(path, rows)
    header = rows[top]
    years = {i: int(c) for i, c in enumerate(header) if c.strip().isascii() and c.strip().isdigit()}
    records: list[dict[str, Any]] = []
    aggregates = 0
    for offset, row in enumerate(rows[top + 1 :], start=top + 2):
        if not row or not any(row):
            continue
        indicator = _indicator(path, row, offset)
        entity = _country(row[1])
        if entity is None:
            aggregates += 1
            continue
        for column, year in years.items():
            text = row[column].strip() if column < len(row) else ""
            if text:
                records.append(_claim(path, row, indicator, entity, year, text, offset, column))
    findings = []
    if aggregates:
        findings.append(
            Finding(
                "not-imported",
                f"{aggregates} rows are aggregates (regions, income groups), not countries; "
                "they are not imported",
                str(path),
                level="warning",
            )
        )
    frame = pd.DataFrame(records)
    document = {
        "id": f"wdi-{path.stem.lower().replace('_', '-').replace('.', '-')}",
        "title": "World Bank World Development Indicators",
        "file": path.name,
        "published": vintage,
        "kind": "report",
        "publisher": "World Bank",
    }
    if not frame.empty:
        frame.insert(1, "document", document["id"])
        frame["release"] = f"WDI {vintage}"
    return Import(frame, vintage, document, findings, {path.name: {"figures": len(frame)}})


def _preamble(path: Path, rows: list[list[str]]) -> tuple[str, int]:
    vintage = ""
    for index, row in enumerate(rows[:10]):
        if row and row[0] == "Last Updated Date" and len(row) > 1:
            vintage = row[1].strip()
        if row[:4] == HEADER:
            return vintage or "unknown", index
    raise InputError(
        "not a World Bank WDI indicator file: no header line 'Country Name,Country Code,"
        "Indicator Name,Indicator Code,...' in the first 10 lines",
        path=str(path),
        hint="download the indicator as CSV from https://data.worldbank.org",
    )


def _indicator(path: Path, row: list[str], line: int) -> Indicator:
    code = row[3] if len(row) > 3 else ""
    if code not in INDICATORS:
        raise InputError(
            f"unknown WDI indicator {code!r}; the importer knows " + ", ".join(INDICATORS),
            path=str(path),
            line=line,
            hint="add the indicator and its metric to INDICATORS in reconcile/datasets/wdi.py",
        )
    return INDICATORS[code]


def _country(code: str) -> str | None:
    import pycountry

    if code == "XKX" or pycountry.countries.get(alpha_3=code) is not None:
        return code
    return None


def _claim(
    path: Path,
    row: list[str],
    indicator: Indicator,
    entity: str,
    year: int,
    text: str,
    line: int,
    column: int,
) -> dict[str, Any]:
    from .workbook import cell_name

    try:
        amount = float(text)
    except ValueError as error:
        raise InputError(
            f"cell {cell_name(line - 1, column)} ({row[1]}, {year}): {text!r} is not a number",
            path=str(path),
            line=line,
            hint="WDI files hold numbers or empty cells; re-download the file",
        ) from error
    unit = {"exchange_rate": "count", "population": "count"}.get(indicator.metric)
    unit = unit or ("percent" if "%" in indicator.template else "USD")
    return {
        "id": f"wdi-{row[3].lower()}-{entity}-{year}",
        "entity": entity,
        "metric": indicator.metric,
        "period": str(year),
        "value": indicator.template.format(value=text),
        "source": SOURCE,
        "quote": f"{row[2]} ({row[3]}), {row[0]}, {year}: {text}",
        "line": line,
        "basis": indicator.basis,
        "stage": None,
        "note": f"WDI {row[3]}: {row[2]}",
        "amount": amount,
        "amount_low": amount,
        "amount_high": amount,
        "amount_unit": unit,
        "flags": "",
        "series": row[3],
        "sheet": None,
        "cell": cell_name(line - 1, column),
    }
