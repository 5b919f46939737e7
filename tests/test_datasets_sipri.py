"""Tests for the SIPRI importer: a small workbook the test writes, and the real 2025 release."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reconcile.core.errors import InputError
from reconcile.datasets.imports import import_dataset
from reconcile.datasets.sipri import import_sipri
from reconcile.datasets.sipri_rows import format_figure
from reconcile.datasets.workbook import cell_name

from .conftest import SHARED

SIPRI_FILE = SHARED / "reference" / "SIPRI-Milex-data-1949-2024_2.xlsx"
BLUE, RED = "FF0000FF", "FFFF0000"
NOTES = [
    "Figures in blue are SIPRI estimates. Figures in red indicate highly uncertain data.",
    '". ." = data unavailable. "xxx" = country did not exist or was not independent.',
    "",
]
# The fixed columns before the years, per sheet (as in the 2025 release).
FIXED = {
    "Local currency financial years": ["Country", "Currency", "Fiscal Year", "Notes"],
    "Local currency calendar years": ["Country", "Currency", "Notes"],
    "Constant (2023) US$": ["Country", "", "Notes"],
    "Current US$": ["Country", "Notes"],
    "Share of GDP": ["Country", "Notes"],
    "Per capita": ["Country", "Notes"],
    "Share of Govt. spending": ["Country", "Notes", "Reporting year"],
}
YEARS = [2008, 2009, 2010]
# country, fiscal year, notes, figures per sheet kind (None: keep the marker)
ROWS: list[tuple[str, str, str, list[Any]]] = [
    ("Azerbaijan", "", "‖7", [1_000_000_000.0, 1_183_900_000.0, "..."]),
    ("Armenia", "", "†", [200_000_000_000.0, 195_000_000_000.0, 190_000_000_000.0]),
    ("USSR", "", "", [10.0, "xxx", "xxx"]),
    ("Türkiye", "Apr-Mar", "§", [5_000.0, 6_000.0, 7_000.0]),
]
SCALE = {
    "Local currency financial years": 1.0,
    "Local currency calendar years": 1.0,
    "Constant (2023) US$": 1e-6 * 1.1,
    "Current US$": 1e-6,
    "Share of GDP": 1e-11,
    "Per capita": 1e-7,
    "Share of Govt. spending": 5e-11,
}


def build_workbook(path: Path, *, edit: Any = None) -> Path:
    """Write a small workbook in the SIPRI layout (openpyxl), optionally edited first."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    front = book.active
    front.title = "Front page"  # type: ignore[union-attr]
    front.append(["Cite as: SIPRI Military Expenditure Database 2025"])  # type: ignore[union-attr]
    for name, fixed in FIXED.items():
        sheet = book.create_sheet(name)
        sheet.append([f"Military expenditure by country ({name})"])
        for note in NOTES:
            sheet.append([note])
        sheet.append([*fixed, *YEARS])
        sheet.append(["Europe"])
        for country, fiscal, notes, figures in ROWS:
            fields = {"Country": country, "Currency": "x", "Fiscal Year": fiscal, "Notes": notes}
            values = [v * SCALE[name] if isinstance(v, float) else v for v in figures]
            sheet.append([fields.get(f, "") for f in fixed] + values)
        first = len(fixed) + 1
        sheet.cell(7, first + 1).font = Font(color=BLUE)  # Azerbaijan 2009: estimate
        sheet.cell(8, first + 2).font = Font(color=RED)  # Armenia 2010: uncertain
    notes = book.create_sheet("Footnotes")
    notes.append(["†", "Figures for these countries do not include military pensions"])
    notes.append([7, "", "Azerbaijan: special defence projects"])
    book.properties.modified = dt.datetime(2025, 4, 30)
    if edit is not None:
        edit(book)
    book.save(path)
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """The small SIPRI-layout workbook."""
    return build_workbook(tmp_path / "sipri.xlsx")


def test_small_workbook_values_units_and_provenance(workbook: Path) -> None:
    """Every sheet becomes claims with unit, basis, period and the cell they came from."""
    result = import_sipri(workbook)
    frame = result.frame.set_index("id")
    assert result.release == "2025"
    current = frame.loc["sipri-2025-current-usd-AZE-2009"]
    assert current["value"] == "1,183.9 million USD"
    assert current["amount"] == pytest.approx(1_183_900_000.0)
    assert (current["sheet"], current["cell"], current["line"]) == ("Current US$", "D7", 7)
    assert current["basis"] == "current"
    assert frame.loc["sipri-2025-constant-usd-AZE-2009", "basis"] == "constant-2023"
    assert frame.loc["sipri-2025-local-currency-calendar-year-AZE-2009", "value"] == (
        "1,183,900,000 AZN"
    )
    assert frame.loc["sipri-2025-share-of-gdp-AZE-2009", "value"] == "1.18%"
    assert frame.loc["sipri-2025-share-of-gdp-AZE-2009", "metric"] == (
        "military_expenditure_gdp_share"
    )
    assert frame.loc["sipri-2025-per-capita-AZE-2009", "amount_unit"] == "USD"


def test_markers_are_counted_not_claims(workbook: Path) -> None:
    """'...' is no data and 'xxx' a country that did not exist: counted, never a claim."""
    result = import_sipri(workbook)
    counts = result.counts["Current US$"]
    assert (counts["no-data"], counts["not-independent"]) == (1, 2)
    assert not result.frame["id"].str.contains("AZE-2010").any()
    assert not result.frame["id"].str.contains("SUN-2009").any()
    assert result.frame["id"].str.contains("current-usd-SUN-2008").any()  # USSR -> SUN


def test_colours_and_footnotes_become_qualifiers(workbook: Path) -> None:
    """Blue is an estimate, red highly uncertain; notes symbols and footnotes go to the note."""
    frame = import_sipri(workbook).frame.set_index("id")
    assert frame.loc["sipri-2025-current-usd-AZE-2009", "flags"] == "estimate"
    assert frame.loc["sipri-2025-current-usd-ARM-2010", "flags"] == "uncertain"
    assert frame.loc["sipri-2025-current-usd-AZE-2008", "flags"] == ""
    note = frame.loc["sipri-2025-current-usd-AZE-2009", "note"]
    assert note == (
        "SIPRI current US$; SIPRI estimate; ‖ currency changed; all figures in the latest "
        "currency; footnote 7"
    )
    assert "† excludes military pensions" in frame.loc["sipri-2025-current-usd-ARM-2009", "note"]
    # § marks the adopted budget rather than actual expenditure
    assert frame.loc["sipri-2025-current-usd-TUR-2009", "stage"] == "approved"


def test_financial_years_are_months_periods(workbook: Path) -> None:
    """An Apr-Mar financial year is a months period, never the calendar year."""
    frame = import_sipri(workbook).frame
    turkey = frame[
        (frame["entity"] == "TUR") & (frame["series"] == "local-currency-financial-year")
    ]
    assert list(turkey["period"]) == ["2008-04..2009-03", "2009-04..2010-03", "2010-04..2011-03"]
    calendar = frame[(frame["entity"] == "TUR") & (frame["series"] == "current-usd")]
    assert list(calendar["period"]) == ["2008", "2009", "2010"]


def test_unsupported_currency_is_a_warning(workbook: Path) -> None:
    """A currency the figure parser does not know is left out with a warning, not dropped."""
    result = import_sipri(workbook)
    messages = [f.message for f in result.findings]
    assert messages[0] == (
        "sheet 'Local currency financial years': local-currency figures of 1 countries not "
        "imported: the figure parser does not know their currencies (add them to "
        "reconcile/data/currencies.yaml); the US$ sheets cover them: USSR (unknown)"
    )


def test_format_figure_keeps_significant_digits() -> None:
    """Tiny figures keep three significant digits, never exponent notation."""
    assert format_figure(3.3e-5, 2) == "0.0000330"
    assert format_figure(1472.91, 1) == "1,472.9"
    assert format_figure(6_421_050_000, 0) == "6,421,050,000"


def _rename(book: Any) -> None:
    book["Current US$"].title = "Current USD"


def _other_layout(book: Any) -> None:
    for name in list(FIXED):
        del book[name]
    book.create_sheet("Data").append(["year", "value"])


def _bad_cell(book: Any) -> None:
    book["Share of GDP"]["D8"] = "n/a"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            _rename,
            "sheet 'Current US$' not found; is 'Current USD' it, renamed? (sheets: Front page, "
            "Local currency financial years, Local currency calendar years, Constant (2023) US$, "
            "Current USD, Share of GDP, Per capita, Share of Govt. spending, Footnotes)",
        ),
        (
            _other_layout,
            "not a SIPRI Military Expenditure Database workbook: expected one sheet "
            "'Constant (YYYY) US$', found sheets Front page, Footnotes, Data",
        ),
        (
            _bad_cell,
            "sheet 'Share of GDP', cell D8: 'n/a' is neither a number nor a SIPRI marker "
            "('...' no data, 'xxx' country did not exist)",
        ),
    ],
)
def test_bad_workbooks_fail_clearly_and_write_nothing(
    tmp_path: Path, edit: Any, message: str
) -> None:
    """Another layout, a renamed sheet or a bad cell: InputError with sheet and cell."""
    path = build_workbook(tmp_path / "bad.xlsx", edit=edit)
    out = tmp_path / "out"
    with pytest.raises(InputError) as error:
        import_dataset("sipri", path, out)
    assert str(error.value) == f"{path}: {message}"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.xlsx"]


@pytest.fixture(scope="module")
def release_2025() -> Any:
    """The real 2025 release, imported once (skips without ../shared)."""
    if not SIPRI_FILE.is_file():
        pytest.skip(f"{SIPRI_FILE} not found: the reference files live in ../shared")
    return import_sipri(SIPRI_FILE)


def test_release_2025_azerbaijan(release_2025: Any) -> None:
    """1,472.9 million current US$ for 2009 and 6,421 million manats for 2024."""
    frame = release_2025.frame.set_index("id")
    current = frame.loc["sipri-2025-current-usd-AZE-2009"]
    assert current["value"] == "1,472.9 million USD"
    assert (current["sheet"], current["cell"]) == ("Current US$", "BK154")
    manats = frame.loc["sipri-2025-local-currency-calendar-year-AZE-2024"]
    assert manats["value"] == "6,421,050,000 AZN"
    assert round(manats["amount"] / 1e6) == 6421
    assert release_2025.document["published"] == "2025-04-30"


def test_release_2025_matches_openpyxl_on_every_sheet(release_2025: Any) -> None:
    """A sample of cells of every sheet, against openpyxl's reading of the same file."""
    import openpyxl

    frame = release_2025.frame
    book = openpyxl.load_workbook(SIPRI_FILE, read_only=True, data_only=True)
    try:
        for sheet_name, claims in frame.groupby("sheet"):
            sample = claims.sample(n=min(25, len(claims)), random_state=13)
            rows = list(book[str(sheet_name)].iter_rows(values_only=True))
            for claim in sample.itertuples():
                row, column = _position(str(claim.cell))
                raw = rows[row][column]
                assert isinstance(raw, int | float), (sheet_name, claim.cell, raw)
                scale = claim.amount / raw if raw else 1.0
                assert scale in (pytest.approx(1.0), pytest.approx(1e6), pytest.approx(100.0))
                assert str(claim.quote).startswith(f"'{sheet_name}'!{claim.cell} = ")
    finally:
        book.close()


def _position(cell: str) -> tuple[int, int]:
    letters = "".join(c for c in cell if c.isalpha())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    row = int(cell[len(letters) :]) - 1
    assert cell_name(row, column - 1) == cell
    return row, column - 1


def test_release_2025_markers_match_openpyxl(release_2025: Any) -> None:
    """Marker counts of one sheet agree with openpyxl, and no figure is missed."""
    import openpyxl

    book = openpyxl.load_workbook(SIPRI_FILE, read_only=True, data_only=True)
    try:
        values = [
            v for row in book["Current US$"].iter_rows(min_row=7, values_only=True) for v in row[2:]
        ]
    finally:
        book.close()
    counts = release_2025.counts["Current US$"]
    assert counts["no-data"] == values.count("...")
    assert counts["not-independent"] == values.count("xxx")
    numbers = [v for v in values if isinstance(v, int | float)]
    # Every country of the US$ sheets has an ISO code, so every number is a claim.
    assert counts["figures"] == len(numbers)
