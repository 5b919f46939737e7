"""Figure forms of the corpus that must be read right or flagged, never misread silently."""

from __future__ import annotations

import pytest

from reconcile.figures.grammar import parse_value


@pytest.mark.parametrize(
    ("text", "amount"),
    [("2,1 proc.", 2.1), ("5 procent", 5.0), ("30 процентов", 30.0), ("4 Prozent", 4.0),
     ("12 pour cent", 12.0), ("7 por ciento", 7.0)],
)  # fmt: skip
def test_percent_words_of_other_languages(text: str, amount: float) -> None:
    parsed = parse_value(text)
    assert (parsed.ok, parsed.unit, parsed.amount) == (True, "percent", amount)


@pytest.mark.parametrize(
    "text", ["2020 billion liras", "1999 million dollars", "60, 54 million lira"]
)
def test_a_year_read_as_an_amount_or_a_comma_range_is_flagged(text: str) -> None:
    parsed = parse_value(text)
    assert "ambiguous-number" in {f.code for f in parsed.findings}


@pytest.mark.parametrize("text", ["$2.5 billion", "2.46 billion manat", "3,500 tanks", "2020"])
def test_ordinary_figures_get_no_such_flag(text: str) -> None:
    assert "ambiguous-number" not in {f.code for f in parse_value(text).findings}


def test_a_unit_raised_to_a_huge_power_is_not_computed() -> None:
    """pint would compute s**99999999999999 (found by make fuzz: the campaign stalled)."""
    import time

    started = time.perf_counter()
    parsed = parse_value("1 s**99999999999999")
    assert time.perf_counter() - started < 1.0
    assert parsed.unit == "count" and parsed.findings  # the power is left unread, and said so


def test_a_decimal_comma_with_a_space_before_a_scale_word_is_read_and_flagged() -> None:
    parsed = parse_value("71, 25 million lira")
    assert (parsed.unit, parsed.amount) == ("TRY", pytest.approx(71.25e6))
    assert "ambiguous-number" in {f.code for f in parsed.findings}
    assert parsed.text == "71, 25 million lira"  # as written


def test_two_numbers_and_a_comma_without_a_scale_stay_a_flagged_range() -> None:
    parsed = parse_value("12, 15")
    assert (parsed.low, parsed.high) == (12, 15)
    assert "ambiguous-number" in {f.code for f in parsed.findings}


def test_bln_with_a_currency_named_in_polish_is_flagged() -> None:
    parsed = parse_value("7,2 bln rubli")
    assert "ambiguous-scale" in {f.code for f in parsed.findings}  # Polish "bln" is 10^12


def test_a_letter_after_a_number_is_no_currency() -> None:
    parsed = parse_value("2024 r.")  # Polish "rok": a year, not rand
    assert parsed.unit == "count"
