"""Parsing figures as people write them (reconcile.figures)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reconcile.figures.grammar import parse_value
from reconcile.figures.numbers import SCALE_WORDS

INF = math.inf

# text, unit, low, high, qualifier
CASES = [
    ("US$2.46 billion", "USD", 2.455e9, 2.465e9, None),
    ("$1.5 billion", "USD", 1.45e9, 1.55e9, None),
    ("nearly $5 billion", "USD", 4.5e9, 5.0e9, "nearly"),
    ("almost 20 countries", "count", 18, 20, "almost"),
    ("close to 100", "count", 90, 100, "close to"),
    ("just under 50", "count", 45, 50, "just under"),
    ("over one million tons", "tonne", 1e6, INF, "over"),
    ("more than 30 countries", "count", 30, INF, "more than"),
    ("above 7", "count", 7, INF, "above"),
    ("in excess of $2bn", "USD", 2e9, INF, "in excess of"),
    ("exceeding 400", "count", 400, INF, "exceeding"),
    ("at least 2", "count", 2, INF, "at least"),
    ("up to 300 km", "kilometer", 0, 300, "up to"),
    ("as many as 40", "count", 0, 40, "as many as"),
    ("at most 12", "count", 0, 12, "at most"),
    ("less than 1,000", "count", 0, 1000, "less than"),
    ("under $300 million", "USD", 0, 3e8, "under"),
    ("below 5%", "percent", 0, 5, "below"),
    ("about 1.5 billion", "count", 1.35e9, 1.65e9, "about"),
    ("around $300 million", "USD", 2.7e8, 3.3e8, "around"),
    ("approximately 1.4 billion manat", "AZN", 1.26e9, 1.54e9, "approximately"),
    ("roughly 100", "count", 90, 110, "roughly"),
    ("some 8,000", "count", 7200, 8800, "some"),
    ("an estimated 40", "count", 36, 44, "an estimated"),
    ("c. 500", "count", 450, 550, "c."),
    ("~60", "count", 54, 66, "~"),
    ("126,000", "count", 125500, 126500, None),
    ("2.46", "count", 2.455, 2.465, None),
    ("1,473", "count", 1472.5, 1473.5, None),
    ("1.473", "count", 1.4725, 1.4735, None),
    ("$22,7bn", "USD", 22.65e9, 22.75e9, None),
    ("5,3%", "percent", 5.25, 5.35, None),
    ("23 percent", "percent", 22.5, 23.5, None),
    ("69 per cent", "percent", 68.5, 69.5, None),
    ("AZN 7,126.3 million", "AZN", 7126.25e6, 7126.35e6, None),
    ("8.1 billion manat", "AZN", 8.05e9, 8.15e9, None),
    ("€3.5bn", "EUR", 3.45e9, 3.55e9, None),
    ("£12 million", "GBP", 11.5e6, 12.5e6, None),
    ("₼2.5 billion", "AZN", 2.45e9, 2.55e9, None),
    ("USD 5.5 mn", "USD", 5.45e6, 5.55e6, None),
    ("1.2 trillion rubles", "RUB", 1.15e12, 1.25e12, None),
    ("600 billion roubles", "RUB", 5.5e11, 6.5e11, None),
    ("RUB 3.1 tn", "RUB", 3.05e12, 3.15e12, None),
    ("5.2 billion lira", "TRY", 5.15e9, 5.25e9, None),
    ("TRY 12 bn", "TRY", 11.5e9, 12.5e9, None),
    ("3 billion shekels", "ILS", 2.5e9, 3.5e9, None),
    ("ILS 4.5bn", "ILS", 4.45e9, 4.55e9, None),
    ("190 billion drams", "AMD", 1.85e11, 1.95e11, None),
    ("AMD 500 mln", "AMD", 4.5e8, 5.5e8, None),
    ("2.1 billion dollars", "USD", 2.05e9, 2.15e9, None),
    ("1.5 billion US dollars", "USD", 1.45e9, 1.55e9, None),
    ("$450m", "USD", 4.45e8, 4.55e8, None),
    ("$25k", "USD", 24.5e3, 25.5e3, None),
    ("14-15", "count", 14, 15, None),
    ("14–15", "count", 14, 15, None),
    ("80–240", "count", 80, 240, None),
    ("70-90 km", "kilometer", 70, 90, None),
    ("between 5 and 6 billion", "count", 5e9, 6e9, "between"),
    ("$5bn to $6bn", "USD", 5e9, 6e9, None),
    # a currency before the first number leaves its scale to the second end
    ("$1.5-2bn", "USD", 1.5e9, 2e9, None),
    ("€3 to 4 billion", "EUR", 3e9, 4e9, None),
    ("USD 0.5 - 1 trillion", "USD", 0.5e12, 1e12, None),
    ("from $900,000 to $1.2 million", "USD", 9e5, 1.2e6, "from"),
    ("5 kg to 6 million", "kilogram", 5, 6e6, None),  # a unit after it closes that end
    ("one million", "count", 0.5e6, 1.5e6, None),
    ("three", "count", 2.5, 3.5, None),
    ("a dozen", "count", 11.5, 12.5, None),
    ("twenty-five", "count", 24.5, 25.5, None),
    ("two hundred and ten", "count", 205, 215, None),
    ("6000 km", "kilometer", 5500, 6500, None),
    ("3,700 mi", "mile", 3650, 3750, None),
    ("2 million barrels", "oil_barrel", 1.5e6, 2.5e6, None),
    ("40 tonnes", "tonne", 35, 45, None),
    ("only $1.473 billion", "USD", 1.4725e9, 1.4735e9, "only"),
    ("US$2.46 & nbsp;billion", "USD", 2.455e9, 2.465e9, None),
    ("$2.267 billion (2020)", "USD", 2.2665e9, 2.2675e9, None),
]


@pytest.mark.parametrize(("text", "unit", "low", "high", "qualifier"), CASES)
def test_parse_value_interval(
    text: str, unit: str, low: float, high: float, qualifier: str | None
) -> None:
    value = parse_value(text)
    assert value.ok, value.findings
    assert value.unit == unit
    assert value.low == pytest.approx(low, rel=1e-9)
    assert value.high == pytest.approx(high, rel=1e-9)
    assert value.qualifier == qualifier
    assert value.low <= (value.amount or 0) <= value.high or qualifier in {"up to", "under"}


@pytest.mark.parametrize(
    ("text", "rank", "field", "percentile"),
    [
        ("59th among 127 countries", 59, 127, 46.5),
        ("64th of 138", 64, 138, 46.4),
        ("64th among 138 countries", 64, 138, 46.4),
        ("ranked 23rd", 23, None, None),
        ("ranked 23rd globally", 23, None, None),
        ("second-largest", 2, None, None),
        ("the second-largest importer", 2, None, None),
        ("1st out of 140", 1, 140, 0.7),
        ("third", 3, None, None),
    ],
)
def test_parse_rank(text: str, rank: int, field: int | None, percentile: float | None) -> None:
    value = parse_value(text)
    assert value.ok
    assert value.unit == "rank"
    assert value.amount == rank
    assert value.rank_of == field
    assert value.percentile == percentile


def test_year_in_parentheses_is_a_hint() -> None:
    assert parse_value("$2.267 billion (2020)").year_hint == 2020


def test_manat_before_2006_is_the_old_manat() -> None:
    assert parse_value("1,000 manat", year=2004).unit == "AZM"
    assert parse_value("1,000 manat", year=2006).unit == "AZN"


def test_manat_without_year_says_what_it_assumed() -> None:
    value = parse_value("1,000 manat")
    assert value.unit == "AZN"
    assert [f.code for f in value.findings] == ["assumed-currency"]
    assert value.findings[0].message == (
        "'manat' read as AZN (today's currency); give the year for figures before 2006-01-01"
    )


def test_lira_and_ruble_eras() -> None:
    assert parse_value("5 million lira", year=2004).unit == "TRL"
    assert parse_value("5 million lira", year=2005).unit == "TRY"
    assert parse_value("5 million rubles", year=1997).unit == "RUR"
    assert parse_value("5 million rubles", year=1998).unit == "RUB"


def test_dollar_can_mean_another_dollar() -> None:
    assert parse_value("$5 million", dollar="CAD").unit == "CAD"
    assert parse_value("US$5 million", dollar="CAD").unit == "USD"


def test_unparseable_text_says_what_was_not_understood() -> None:
    value = parse_value("banana")
    assert not value.ok
    assert [f.to_dict() for f in value.findings] == [
        {
            "code": "unparseable",
            "message": "no number found in 'banana': write the figure with digits or number words",
        }
    ]


def test_empty_text() -> None:
    value = parse_value("   ")
    assert not value.ok
    assert value.findings[0].message == "empty text: nothing to parse"


def test_decimal_comma_before_scale_word_is_flagged() -> None:
    value = parse_value("1,473 billion")
    assert value.amount == 1473e9
    assert [f.code for f in value.findings] == ["ambiguous-number"]


def test_tons_are_read_as_tonnes_and_flagged() -> None:
    value = parse_value("40 tons")
    assert value.unit == "tonne"
    assert value.findings[0].code == "ambiguous-unit"


@pytest.mark.parametrize("text", ["5pc", "4.5 pc", "12pc of GDP"])
def test_pc_is_read_as_percent_and_flagged(text: str) -> None:
    value = parse_value(text)
    assert value.unit == "percent"
    assert value.findings[0].code == "ambiguous-unit"
    assert "parsec" in value.findings[0].message


def test_parsecs_written_out_stay_parsecs() -> None:
    value = parse_value("3 parsecs")
    assert (value.unit, value.findings) == ("parsec", [])


def test_bare_m_without_currency_is_flagged() -> None:
    value = parse_value("300m")
    assert value.amount == 300e6
    assert [f.code for f in value.findings] == ["ambiguous-unit"]


def test_odd_separators_are_ambiguous_not_guessed() -> None:
    value = parse_value("1,23,456")
    assert not value.ok
    assert value.findings[0].code == "ambiguous-number"


def test_counted_noun_is_kept() -> None:
    value = parse_value("more than 30 countries")
    assert value.noun == "countries"


def test_extra_figures_are_flagged() -> None:
    value = parse_value("12 apples and 3 pears")
    assert value.amount == 12
    assert "extra-text" in [f.code for f in value.findings]


# Property tests: formatting a number and parsing it back gives the number; the interval always
# contains the amount; scale words multiply.
amounts = st.integers(min_value=0, max_value=10**12)


@given(amounts)
def test_formatted_integer_round_trips(number: int) -> None:
    value = parse_value(f"{number:,}")
    assert value.ok
    assert value.amount == number


@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
@example(Decimal("25.000"))
@example(Decimal("25.500"))
@example(Decimal("1250.000"))
def test_formatted_decimal_round_trips(number: object) -> None:
    text = f"{number:.3f}"
    value = parse_value(text)
    assert value.ok
    whole, _, decimals = text.partition(".")
    if decimals == "000" and 1 <= len(whole) <= 3 and whole != "0":
        # "25.000" states no precision prose has: read as the thousands it is in German,
        # Spanish, Turkish, ... texts, and flagged with both readings.
        assert value.amount == pytest.approx(float(whole + decimals))
        assert [f.code for f in value.findings] == ["ambiguous-number"]
        assert text in value.findings[0].message
    else:
        assert value.amount == pytest.approx(float(text))


@given(
    amounts,
    st.sampled_from(
        [
            "",
            "about ",
            "nearly ",
            "more than ",
            "up to ",
            "at least ",
            "some ",
            "over ",
            "under ",
            "only ",
        ]
    ),
    st.sampled_from(["", " million", " billion", "bn", " thousand"]),
    st.sampled_from(["", "$", "US$", "€"]),
)
def test_interval_contains_amount(number: int, qualifier: str, scale: str, currency: str) -> None:
    value = parse_value(f"{qualifier}{currency}{number:,}{scale}")
    assert value.ok
    assert value.low is not None and value.high is not None and value.amount is not None
    assert value.low <= value.amount <= value.high


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(sorted(w for w in SCALE_WORDS if len(w) > 1)),
)
def test_scale_words_multiply(number: int, scale: str) -> None:
    value = parse_value(f"${number} {scale}")
    assert value.ok
    assert value.amount == pytest.approx(number * SCALE_WORDS[scale])
