"""Tests for the committed currency tables and for rebuilding them from the reference files."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "reconcile" / "data"
REFERENCE = REPO_ROOT / ".." / "shared" / "reference"
BUILT_FILES = ("exchange_rates.csv", "us_cpi.csv")


def read_rows(name: str) -> list[dict[str, str]]:
    """Read a committed CSV table as a list of dicts."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rates() -> dict[tuple[str, int], float]:
    """Return exchange_rates.csv as {(currency, year): rate}, failing on duplicates."""
    result: dict[tuple[str, int], float] = {}
    for row in read_rows("exchange_rates.csv"):
        key = (row["currency"], int(row["year"]))
        assert key not in result, f"duplicate currency-year {key}"
        result[key] = float(row["rate"])
    return result


def test_rates_columns_and_order() -> None:
    """Check the exchange-rate columns, constant fields and sort order."""
    rows = read_rows("exchange_rates.csv")
    assert list(rows[0]) == ["currency", "year", "rate", "country", "source", "vintage"]
    assert {row["source"] for row in rows} == {"World Bank WDI PA.NUS.FCRF"}
    assert {row["vintage"] for row in rows} == {"2025-07-01"}
    keys = [(row["currency"], int(row["year"])) for row in rows]
    assert keys == sorted(keys)


def test_rates_positive(rates: dict[tuple[str, int], float]) -> None:
    """Check every rate is a positive finite number."""
    assert all(0 < rate < float("inf") for rate in rates.values())


def test_usd_is_one_every_year(rates: dict[tuple[str, int], float]) -> None:
    """Check USD is 1.0 in every year of the table."""
    years = {year for _, year in rates}
    assert {year for code, year in rates if code == "USD"} == years
    assert all(rate == 1.0 for (code, _), rate in rates.items() if code == "USD")


def test_azn_rates(rates: dict[tuple[str, int], float]) -> None:
    """Check AZN 2024 is the 1.7 peg and 2004 is back-converted to new manat (about 0.98)."""
    assert rates[("AZN", 2024)] == pytest.approx(1.7, abs=0.001)
    assert rates[("AZN", 2004)] == pytest.approx(0.98, abs=0.01)


def test_old_codes_are_not_rows(rates: dict[tuple[str, int], float]) -> None:
    """Check back-converted old currencies only appear under their new codes."""
    assert not {code for code, _ in rates} & {"AZM", "TRL", "RUR"}
    assert rates[("TRY", 2004)] == pytest.approx(1.4255, rel=0.01)
    assert rates[("RUB", 1997)] == pytest.approx(5.785, rel=0.01)


def test_eur_from_euro_area(rates: dict[tuple[str, int], float]) -> None:
    """Check EUR is present for 2010 and taken from the EMU row only."""
    assert ("EUR", 2010) in rates
    rows = read_rows("exchange_rates.csv")
    assert {row["country"] for row in rows if row["currency"] == "EUR"} == {"EMU"}


def test_cpi_table() -> None:
    """Check the CPI columns, base year and one BLS cross-check."""
    rows = read_rows("us_cpi.csv")
    assert list(rows[0]) == ["year", "index", "source", "vintage"]
    index = {int(row["year"]): float(row["index"]) for row in rows}
    assert len(index) == len(rows)
    assert index[2023] == 100.0
    assert index[2009] == pytest.approx(100 * 214.537 / 304.702, abs=0.05)
    assert sorted(index) == list(range(min(index), max(index) + 1))


def test_redenominations_table() -> None:
    """Check the hand-written redenomination rows."""
    rows = read_rows("redenominations.csv")
    assert list(rows[0]) == ["old", "new", "factor", "effective", "country", "source"]
    found = {(row["old"], row["new"]): row for row in rows}
    assert float(found[("AZM", "AZN")]["factor"]) == 5000
    assert float(found[("TRL", "TRY")]["factor"]) == 1_000_000
    assert float(found[("RUR", "RUB")]["factor"]) == 1000
    for row in rows:
        dt.date.fromisoformat(row["effective"])
        assert row["source"].strip()


def test_currencies_yaml() -> None:
    """Check currencies.yaml: required codes, lower-case names, eras pointing at known codes."""
    data = YAML(typ="safe").load(DATA / "currencies.yaml")
    entries = {entry["code"]: entry for entry in data["currencies"]}
    required = {"USD", "EUR", "GBP", "AZN", "AZM", "AMD", "RUB", "RUR", "TRY", "TRL", "ILS"}
    assert required <= set(entries)
    for entry in entries.values():
        for name in entry["names"]:
            assert name == name.lower() and "(" not in name
    for name, eras in data["names_by_era"].items():
        assert all(era["code"] in entries for era in eras)
        assert "until" not in eras[-1]
        assert name in entries[eras[-1]["code"]]["names"]
    for row in read_rows("redenominations.csv"):
        assert entries[row["new"]].get("replaces") == row["old"]


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    """Rebuild the tables from ../shared/reference and compare with the committed files."""
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference not found: cannot rebuild the tables")
    command = [
        sys.executable,
        str(REPO_ROOT / "scripts" / "build_tables.py"),
        "--reference",
        str(REFERENCE),
        "--out",
        str(tmp_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for name in BUILT_FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
