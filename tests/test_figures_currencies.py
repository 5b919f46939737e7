"""Currencies: every ISO 4217 code, CLDR names and symbols, and what is assumed for shared ones."""

from __future__ import annotations

import pytest

from reconcile.reference.currencies import load_currencies


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("lari", "GEL"),
        ("zlotys", "PLN"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("rmb", "CNY"),
        ("tenge", "KZT"),
        ("hryvnias", "UAH"),
        ("won", "KRW"),
        ("Australian dollars", "AUD"),
        ("₽", "RUB"),
        ("₪", "ILS"),
        ("₺", "TRY"),
        ("֏", "AMD"),
        ("₾", "GEL"),
        ("₹", "INR"),
        ("₩", "KRW"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("₼", "AZN"),
        ("zł", "PLN"),
        ("US$", "USD"),
        ("US $", "USD"),
        ("C$", "CAD"),
        ("A$", "AUD"),
        ("HK$", "HKD"),
        ("NZ$", "NZD"),
        ("Mex$", "MXN"),
        ("usd", "USD"),
        ("GEL", "GEL"),
        ("pln", "PLN"),
    ],
)
def test_written_currency_resolves_to_its_code(written: str, code: str) -> None:
    assert load_currencies().resolve(written, None) == (code, None)


def test_every_iso_code_is_known() -> None:
    codes = load_currencies().codes
    assert len(codes) > 250
    assert {"GEL", "PLN", "JPY", "INR", "KZT", "UAH", "KRW", "CAD", "MXN"} <= codes


@pytest.mark.parametrize(
    ("written", "code"), [("¥", "JPY"), ("kr", "SEK"), ("Rs", "INR"), ("rupees", "INR")]
)
def test_shared_symbols_say_what_was_assumed(written: str, code: str) -> None:
    resolved, note = load_currencies().resolve(written, None)
    assert resolved == code
    assert note is not None and note.startswith(f"'{written}' is written for ")
    assert f"read as {code}: write the ISO code" in note


def test_words_are_not_lower_case_codes() -> None:
    with pytest.raises(KeyError):
        load_currencies().resolve("units", None)
    assert "all" in load_currencies().words_not_codes
