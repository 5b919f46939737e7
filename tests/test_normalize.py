"""Normalising figures: exchange rates, redenominations, constant prices, units (with receipts)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reconcile.core.errors import InputError
from reconcile.normalize.conversion import normalize_figures
from reconcile.normalize.parsing import parse_figures
from reconcile.reference.rates import load_rate_table, read_user_rates


def one(text: str, **options: object) -> dict:
    [record] = parse_figures([text], **options)  # type: ignore[arg-type]
    return record


def test_manat_2025_to_dollars_at_the_carried_forward_rate() -> None:
    record = one("8.1 billion manat", year=2025, to="USD")
    normalized = record["normalized"]
    assert normalized["unit"] == "USD"
    assert normalized["amount"] == pytest.approx(8.1e9 / 1.7, rel=1e-9)
    assert normalized["amount"] == pytest.approx(4.76e9, rel=0.001)
    [step] = normalized["steps"]
    assert step["rate"] == pytest.approx(1.7)
    assert step["rate_years"] == [2024]
    assert step["carried_forward"] is True
    assert step["source"] == "World Bank WDI PA.NUS.FCRF (vintage 2025-07-01)"
    assert [f["code"] for f in record["findings"]] == ["rate-carried-forward"]


def test_old_manat_is_redenominated() -> None:
    record = one("1,000 manat", year=2004)
    assert record["unit"] == "AZM"
    assert record["normalized"]["unit"] == "AZN"
    assert record["normalized"]["amount"] == pytest.approx(0.2)
    assert record["normalized"]["steps"][0]["rule"] == "5,000 AZM = 1 AZN from 2006-01-01"


def test_missing_rate_names_the_fix() -> None:
    record = one("5 million euros", year=1990, to="USD")
    assert record["ok"] is False
    assert record["findings"] == [
        {
            "code": "missing-rate",
            "message": "no exchange rate for EUR in 1990; supply one with --rates FILE "
            "(columns currency,year,rate)",
        }
    ]


def test_missing_year_is_a_finding() -> None:
    record = one("5 million euros", to="USD")
    assert record["findings"][0]["code"] == "missing-year"


def test_user_rates_take_precedence(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("currency,year,rate,source\nAZN,2025,2.0,my desk\n", encoding="utf-8")
    record = one("8 billion manat", year=2025, to="USD", rates_files=[rates])
    assert record["normalized"]["amount"] == pytest.approx(4e9)
    assert record["normalized"]["steps"][0]["source"] == "my desk"
    assert record["findings"] == []


def test_bad_user_rate_file_says_where(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("currency,year,rate\nAZN,twenty,2.0\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_user_rates(rates)
    assert str(caught.value) == (
        f"{rates}:2: year must be a whole number and rate a number, got year='twenty' rate='2.0'"
    )


def test_constant_prices_only_on_request() -> None:
    current = one("$1 billion", year=2009, to="USD")
    assert current["normalized"]["amount"] == pytest.approx(1e9)
    constant = one("$1 billion", year=2009, to="USD", basis="constant-2023")
    assert constant["normalized"]["unit"] == "USD (constant 2023)"
    assert constant["normalized"]["amount"] == pytest.approx(1e9 * 100 / 70.409, rel=1e-3)
    assert constant["normalized"]["steps"][-1]["step"] == "deflate"


def test_units_convert_through_pint() -> None:
    record = one("6000 km", to="mile")
    assert record["normalized"]["amount"] == pytest.approx(3728.227, rel=1e-6)


def test_span_uses_the_mean_rate() -> None:
    rates = load_rate_table()
    mean = sum(rates.quote("AZN", y).rate for y in (2015, 2016)) / 2  # type: ignore[union-attr]
    frame = pd.DataFrame(
        {
            "amount": [1.0],
            "low": [1.0],
            "high": [1.0],
            "unit": ["AZN"],
            "year": [2015],
            "year_end": [2016],
        }
    )
    out, conversions = normalize_figures(frame, rates, target="USD")
    assert out["normalized_amount"].iloc[0] == pytest.approx(1 / mean)
    assert conversions[0].steps[0]["averaged"] is True


def test_vectorised_one_conversion_per_distinct_key() -> None:
    rates = load_rate_table()
    n = 10_000
    frame = pd.DataFrame(
        {
            "amount": [float(i) for i in range(n)],
            "low": [float(i) for i in range(n)],
            "high": [float(i) for i in range(n)],
            "unit": ["AZN", "USD", "EUR", "kilometer"] * (n // 4),
            "year": [2010, 2011] * (n // 2),
            "target": ["USD", "USD", "USD", "mile"] * (n // 4),
        }
    )
    out, conversions = normalize_figures(frame, rates)
    assert len(conversions) == 4
    azn_2010 = rates.quote("AZN", 2010).rate  # type: ignore[union-attr]
    assert out["normalized_amount"].iloc[4] == pytest.approx(4 / azn_2010)
