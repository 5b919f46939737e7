"""The SIPRI Military Expenditure Database workbook -> one claim per country, sheet and year.

Layout knowledge (2025 release, SIPRI-Milex-data-1949-2024): each country sheet has a few lines
of notes, a header row starting with 'Country', then region headings (rows with no figures) and
one row per country; the year columns are the numeric header cells. The notes on every sheet say
'". ." = data unavailable. "xxx" = country did not exist or was not independent' (cells hold
'...' and 'xxx') and 'Figures in blue are SIPRI estimates. Figures in red indicate highly
uncertain data'. The 'Notes' column holds the special-note symbols the Footnotes sheet explains
(†, ‡, §, ¶, ‖) and a numbered footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.core.errors import Finding, InputError

from .sipri_rows import BLUE, RED, SYMBOLS, RowContext, SheetSpec, warning
from .workbook import Sheet, cell_name, read_workbook, workbook_modified

NO_DATA = {"...", ". .", ".."}
NOT_INDEPENDENT = "xxx"
COLOUR_NOTE = "Figures in blue are SIPRI estimates. Figures in red indicate highly uncertain data."
_CONSTANT_RE = re.compile(r"^Constant \((?P<year>\d{4})\) US\$$")
_RELEASE_RE = re.compile(rb"SIPRI Military Expenditure Database (\d{4})")


def sheet_specs(constant_year: int) -> dict[str, SheetSpec]:
    """The country sheets of a release whose constant-price base year is `constant_year`."""
    money = "military_expenditure"
    constant = f"constant-{constant_year}"
    return {
        "Local currency financial years": SheetSpec(
            "local-currency-financial-year", money, "LCU", "current", 1, 0, "local currency, FY"
        ),
        "Local currency calendar years": SheetSpec(
            "local-currency-calendar-year", money, "LCU", "current", 1, 0, "local currency"
        ),
        f"Constant ({constant_year}) US$": SheetSpec(
            "constant-usd", money, "USD", constant, 1e6, 1, f"constant {constant_year} US$"
        ),
        "Current US$": SheetSpec("current-usd", money, "USD", "current", 1e6, 1, "current US$"),
        "Share of GDP": SheetSpec(
            "share-of-gdp", "military_expenditure_gdp_share", "percent", None, 100, 2, "% of GDP"
        ),
        "Per capita": SheetSpec(
            "per-capita", "military_expenditure_per_capita", "USD", "current", 1, 1, "per capita"
        ),
        "Share of Govt. spending": SheetSpec(
            "share-of-government-spending",
            "military_expenditure_government_share",
            "percent",
            None,
            100,
            2,
            "% of government spending",
        ),
    }


@dataclass(slots=True)
class Import:
    """An imported dataset: the claims table, what it is, and what was found on the way."""

    frame: pd.DataFrame
    release: str
    document: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def import_sipri(path: Path) -> Import:
    """Read a SIPRI Military Expenditure Database workbook into claims (InputError if not one)."""
    sheets = read_workbook(path)
    constant_year = _constant_year(path, list(sheets))
    specs = sheet_specs(constant_year)
    _require_sheets(path, specs, list(sheets))
    release = _release(path, sheets.get("Front page"))
    footnotes = read_footnotes(sheets.get("Footnotes"))
    frames, findings, counts = [], [], {}
    for name, spec in specs.items():
        rows, sheet_findings, sheet_counts = read_sheet(path, sheets[name], spec, footnotes)
        frames.append(pd.DataFrame(rows))
        findings += sheet_findings
        counts[name] = sheet_counts
    frame = pd.concat(frames, ignore_index=True)
    frame.insert(1, "document", f"sipri-{release}")
    frame["release"] = f"SIPRI {release}"
    frame["id"] = f"sipri-{release}-" + frame["id"]
    document = {
        "id": f"sipri-{release}",
        "title": f"SIPRI Military Expenditure Database {release}",
        "file": path.name,
        "published": workbook_modified(path),
        "kind": "report",
        "publisher": "Stockholm International Peace Research Institute",
    }
    return Import(frame, release, document, findings, counts)


def _constant_year(path: Path, names: list[str]) -> int:
    years = [int(m.group("year")) for n in names if (m := _CONSTANT_RE.match(n))]
    if len(years) != 1:
        raise InputError(
            "not a SIPRI Military Expenditure Database workbook: expected one sheet "
            f"'Constant (YYYY) US$', found sheets {', '.join(names) or '(none)'}",
            path=str(path),
            hint="download SIPRI-Milex-data-*.xlsx from https://www.sipri.org/databases/milex",
        )
    return years[0]


def _require_sheets(path: Path, specs: dict[str, SheetSpec], names: list[str]) -> None:
    import difflib

    for name in specs:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
            renamed = f"; is '{close[0]}' it, renamed?" if close else ""
            raise InputError(
                f"sheet '{name}' not found{renamed} (sheets: {', '.join(names)})",
                path=str(path),
                hint="the importer knows the layout of the SIPRI 2025 release; a renamed sheet "
                "is a different layout, so nothing was written",
            )


def _release(path: Path, front: Sheet | None) -> str:
    """The release year as the front page cites it ('SIPRI Military Expenditure Database 2025').

    The 2025 release has that text in a text box (a drawing), not in a cell; both are read.
    """
    import zipfile

    text = " ".join(str(c) for row in (front.rows if front else []) for c in row if c)
    found = _RELEASE_RE.search(text.encode())
    if found:
        return found.group(1).decode()
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/drawings/") and name.endswith(".xml"):
                    match = _RELEASE_RE.search(archive.read(name))
                    if match:
                        return match.group(1).decode()
    except zipfile.BadZipFile:
        pass
    modified = workbook_modified(path)
    return modified[:4] if modified else "unknown"


def read_footnotes(sheet: Sheet | None) -> dict[str, str]:
    """Footnote key ('†', '7') -> text, from the Footnotes sheet."""
    notes: dict[str, str] = {}
    for row in sheet.rows if sheet else []:
        key = row[0] if row else ""
        text = next((str(c).strip() for c in row[1:] if str(c).strip()), "")
        if isinstance(key, float) and key.is_integer():
            notes[str(int(key))] = text
        elif isinstance(key, str) and len(key) == 1 and key in SYMBOLS:
            notes[key] = text
    return notes


def header_row(path: Path, sheet: Sheet) -> int:
    """The 0-based index of the row whose first cell is 'Country'."""
    for index, row in enumerate(sheet.rows[:30]):
        if row and str(row[0]).strip() == "Country":
            return index
    raise InputError(
        f"sheet '{sheet.name}': no header row starting with 'Country' in rows 1-30",
        path=str(path),
        hint="the importer knows the layout of the SIPRI 2025 release",
    )


def read_sheet(
    path: Path, sheet: Sheet, spec: SheetSpec, footnotes: dict[str, str]
) -> tuple[list[dict[str, Any]], list[Finding], dict[str, int]]:
    """One claim per figure of a country sheet, with findings and marker counts."""
    top = header_row(path, sheet)
    header = [str(c).strip() if not isinstance(c, float) else c for c in sheet.rows[top]]
    years = {i: int(c) for i, c in enumerate(header) if isinstance(c, float) and c.is_integer()}
    if not years:
        raise InputError(
            f"sheet '{sheet.name}', row {top + 1}: no year columns in the header",
            path=str(path),
        )
    columns = {name: i for i, name in enumerate(header) if isinstance(name, str) and name}
    preamble = " ".join(str(c) for row in sheet.rows[:top] for c in row if c)
    colours = COLOUR_NOTE in preamble
    findings: list[Finding] = []
    if not colours:
        findings.append(
            warning(
                "colours-unexplained",
                f"sheet '{sheet.name}' does not say what "
                "blue and red figures mean; estimate flags not read",
                path,
            )
        )
    counts = {"figures": 0, "no-data": 0, "not-independent": 0, "estimates": 0, "uncertain": 0}
    rows: list[dict[str, Any]] = []
    unsupported: list[str] = []
    last_year = max(years.values())
    layout = (top, years, columns, colours, last_year)
    _read_country_rows(path, sheet, spec, footnotes, layout, rows, findings, counts, unsupported)
    if unsupported:
        findings.append(
            warning(
                "not-imported",
                f"sheet '{sheet.name}': local-currency figures of {len(unsupported)} countries "
                "not imported: the figure parser does not know their currencies (add them to "
                "reconcile/data/currencies.yaml); the US$ sheets cover them: "
                + ", ".join(unsupported),
                path,
            )
        )
    return rows, findings, counts


def _classify(path: Path, sheet: Sheet, row: int, column: int, value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "figure"
    text = str(value).strip()
    if text in NO_DATA:
        return "no-data"
    if text == NOT_INDEPENDENT:
        return "not-independent"
    raise InputError(
        f"sheet '{sheet.name}', cell {cell_name(row, column)}: {text!r} is neither a number nor "
        "a SIPRI marker ('...' no data, 'xxx' country did not exist)",
        path=str(path),
        hint="fix the cell or re-download the workbook; nothing was written",
    )


def _read_country_rows(
    path: Path,
    sheet: Sheet,
    spec: SheetSpec,
    footnotes: dict[str, str],
    layout: tuple[int, dict[int, int], dict[str, int], bool, int],
    rows: list[dict[str, Any]],
    findings: list[Finding],
    counts: dict[str, int],
    unsupported: list[str],
) -> None:
    """The claims of every country row of a sheet (appended to `rows`, counted in `counts`)."""
    top, years, columns, colours, last_year = layout
    for index in range(top + 1, len(sheet.rows)):
        row = sheet.rows[index]
        name = str(row[0]).strip() if row else ""
        cells = [(i, row[i]) for i in years if i < len(row) and row[i] != ""]
        if not name or not cells:
            continue  # blank line or region heading
        context = RowContext(path, sheet, spec, index, name, footnotes, columns, last_year)
        if context.unsupported_currency:
            unsupported.append(context.unsupported_currency)
            continue
        if context.entity is None or context.skip_reason:
            findings.append(context.skipped())
            continue
        for column, value in cells:
            kind = _classify(path, sheet, index, column, value)
            if kind != "figure":
                counts[kind] += 1
                continue
            colour = sheet.colours.get((index, column)) if colours else None
            record = context.claim(column, years[column], float(value), colour)
            if record is None:
                continue
            counts["figures"] += 1
            counts["estimates"] += colour == BLUE
            counts["uncertain"] += colour == RED
            rows.append(record)
