"""Currencies: every ISO 4217 code, CLDR names and symbols, and what is assumed for shared ones."""

from __future__ import annotations

import pytest

from reconcile.figures.grammar import parse_value
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


def test_a_bare_dollar_sign_says_which_dollar_it_assumed_and_how_to_say_otherwise() -> None:
    message = (
        "a bare '$' is written for many dollars; read as {}: write 'US$', 'C$', 'A$' or the "
        "ISO code (e.g. 'CAD 100') to say which"
    )
    for text, code in [("$5 million", "USD"), ("5$", "USD")]:
        value = parse_value(text)
        assert (value.unit, [(f.code, f.message) for f in value.findings]) == (
            code,
            [("assumed-currency", message.format(code))],
        )
    assert parse_value("$5", dollar="CAD").findings[0].message == message.format("CAD")
    for said in ("US$5", "C$5", "USD 5", "A$5"):
        assert parse_value(said).findings == [], said
    # Said once, not once per side of a range or again for the cents.
    assert [f.code for f in parse_value("$5 to $6").findings] == ["assumed-currency"]


@pytest.mark.parametrize(
    ("text", "code", "amount"),
    [
        ("a budget of Ksh3.9 trillion for roads", "KES", 3.9e12),
        ("a budget of KSh 3.9 trillion for roads", "KES", 3.9e12),
        ("revenue of TSh 41 trillion", "TZS", 41e12),
        ("a plan of RM 300 billion", "MYR", 300e9),
        ("spending of Rp3,300 trillion", "IDR", 3300e12),
        ("an outlay of Tk 7.97 lakh crore", "BDT", 7.97e12),
        ("a deficit of S$3 billion", "SGD", 3e9),
    ],
)
def test_the_currency_abbreviations_of_local_press_in_running_text(
    text: str, code: str, amount: float
) -> None:
    from reconcile.figures.running_text import find_figures

    [(_, _, parsed)] = find_figures(text)
    assert (parsed.unit, parsed.amount) == (code, pytest.approx(amount))


def test_letters_glued_to_a_number_without_a_currency_still_name_a_model() -> None:
    from reconcile.figures.running_text import find_figures

    assert find_figures("the Su25 and the K2 are old") == []
