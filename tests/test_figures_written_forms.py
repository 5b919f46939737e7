"""Forms of figures that were read silently wrong or not at all, each now read or flagged.

The sentences are written for these tests (none comes from a seed, the corpus or a benchmark).
"""

from __future__ import annotations

import math

import pytest

from reconcile.figures.grammar import parse_value
from reconcile.figures.running_text import find_figures
from tests.readings import assert_reading

# text, unit, amount, low, high (None: not checked), codes of the findings
FORMS = [
    # a fraction in digits of a scale word: the part of the scale, not 1/(4 million)
    ("1/4 of a million", "count", 250_000, None, None, []),
    ("3/4 of a billion dollars", "USD", 7.5e8, None, None, []),
    ("2/5 of a trillion won", "KRW", 4e11, None, None, []),
    # spelled-out decimals before a scale word
    ("one point five million", "count", 1.5e6, 1.45e6, 1.55e6, []),
    ("six point two five billion dollars", "USD", 6.25e9, 6.245e9, 6.255e9, []),
    # whole numbers before scale words that fall in turn: one figure, to the last one's place
    ("1 million 200 thousand", "count", 1.2e6, None, None, []),
    ("2 billion 500 million euros", "EUR", 2.5e9, None, None, []),
    ("3 million 3 million", "count", 3e6, None, None, ["extra-text"]),
    # "several" and "a few" before a scale word of two words
    ("several hundred thousand", "count", None, 300_000, 999_999, []),
    ("a few hundred million dollars", "USD", None, 2e8, 599_999_999, []),
    # "dozens" alone is a vague magnitude, not twelve; "three dozens" is 36
    ("dozens", "count", None, 24, 99, []),
    ("three dozens", "count", 36, None, None, []),
    # a little past or short of a figure
    ("just over 1,000", "count", None, 1000, 1100, []),
    ("slightly more than 5 million", "count", None, 5e6, 5.5e6, []),
    ("just shy of 2,000", "count", None, 1800, 2000, []),
    ("in the region of £5m", "GBP", 5e6, 4.5e6, 5.5e6, []),
    # "N in M" is the fraction; a year after "in" is not a denominator
    ("one in five adults", "count", 0.2, 0.2, 0.2, []),
    ("1 in 10,000 births", "count", 1e-4, None, None, []),
    ("3 in 2025", "count", 3, None, None, ["extra-text"]),
    # ordinals with thousands separators are ranks (pint reads "th" as a thou)
    ("the 1,000th visitor", "rank", 1000, 1000, 1000, []),
    ("10,000th", "rank", 10_000, None, None, []),
    # a sign or a letter glued to the number: pence, cents, per mille, degrees
    ("50p", "GBP", 0.5, None, None, []),
    ("99¢", "USD", 0.99, None, None, ["assumed-currency"]),
    ("3‰", "percent", 0.3, None, None, []),
    ("40C", "degree_Celsius", 40, None, None, ["ambiguous-unit"]),
    ("104F", "degree_Fahrenheit", 104, None, None, ["ambiguous-unit"]),
    ("5 p", "count", 5, None, None, []),  # spaced, "p" may be a page: the counted noun
    # percentage points and points
    ("2.1pp", "percent", 2.1, None, None, []),
    ("0.7 ppt", "percent", 0.7, None, None, []),
    ("12 pts", "count", 12, None, None, []),  # points, not pints
    # two, a handful, multiples in one word
    ("a couple of hundred", "count", 200, None, None, []),
    ("a pair of", "count", 2, None, None, []),
    ("a handful of protesters", "count", None, 2, 9, []),
    ("tenfold", "count", 10, None, None, []),
    ("a hundredfold", "count", 100, None, None, []),
    # a currency's short name: one word of its CLDR name before its noun
    ("80 billion Czech crowns", "CZK", 8e10, None, None, []),
    ("9 billion Norwegian crowns", "NOK", 9e9, None, None, []),
    ("4 billion Taiwan dollars", "TWD", 4e9, None, None, []),
    ("4 billion NT dollars", "TWD", 4e9, None, None, []),  # was newton-teslas
    ("2 billion American dollars", "USD", 2e9, None, None, []),
    ("3 billion Emirati dirhams", "AED", 3e9, None, None, []),
    ("7 trillion Korean won", "KRW", 7e12, None, None, ["assumed-currency"]),  # or KPW
    ("6 billion bolivars", "VES", 6e9, None, None, []),  # CLDR writes "bolívars"
    ("GH₵5 million", "GHS", 5e6, None, None, []),
    # a currency noun the grammar cannot place is said, never a silent count
    ("5 billion Zimbabwean dollars", "count", 5e9, None, None, ["unread-words"]),
    ("2 billion Big dollars", "count", 2e9, None, None, ["unread-words"]),  # not biot-grams
    ("300 real problems", "count", 300, None, None, []),  # "real" alone is no currency
]


@pytest.mark.parametrize(("text", "unit", "amount", "low", "high", "codes"), FORMS)
def test_written_forms(
    text: str,
    unit: str,
    amount: float | None,
    low: float | None,
    high: float | None,
    codes: list[str],
) -> None:
    assert_reading(parse_value(text), unit, amount, low, high, codes)


def test_a_glued_temperature_letter_says_how_to_write_it() -> None:
    (finding,) = parse_value("-5C").findings
    assert "degrees Celsius" in finding.message and "°C" in finding.message


def test_a_fraction_of_nothing_is_not_a_figure() -> None:
    assert not parse_value("1/0 of a million").ok


@pytest.mark.parametrize(
    ("sentence", "written", "unit", "low", "high"),
    [
        ("Storms cut power to 1/4 of a million homes.", "1/4 of a million", "count",
         2.45e5, 2.55e5),
        ("The fund holds one point five million dollars.", "one point five million dollars",
         "USD", 1.45e6, 1.55e6),
        ("It paid 1 million 200 thousand euros.", "1 million 200 thousand euros", "EUR",
         1.15e6, 1.25e6),
        ("Officials expect several hundred thousand visitors.", "several hundred thousand",
         "count", 3e5, 999_999),
        ("Just over 1,000 ballots were spoiled.", "Just over 1,000", "count", 1000, 1100),
        ("A stamp now costs 50p more.", "50p", "GBP", 0.45, 0.55),
        ("The rate fell to 3‰ last year.", "3‰", "percent", 0.25, 0.35),
    ],
)  # fmt: skip
def test_running_text_reads_the_forms_whole(
    sentence: str, written: str, unit: str, low: float, high: float
) -> None:
    found = {sentence[a:b]: parsed for a, b, parsed in find_figures(sentence)}
    assert list(found) == [written]
    parsed = found[written]
    assert (parsed.unit, parsed.low, parsed.high) == (unit, pytest.approx(low), pytest.approx(high))


def test_a_glued_degree_letter_in_running_text_is_flagged() -> None:
    [(_, _, parsed)] = find_figures("The thermometer read 40C at noon.")
    assert parsed.unit == "degree_Celsius"
    assert [f.code for f in parsed.findings] == ["ambiguous-unit"]


@pytest.mark.parametrize("verb", ["passes", "tops", "topped", "crosses", "surpassed", "exceeded"])
def test_a_headline_verb_past_a_mark_is_a_lower_bound(verb: str) -> None:
    [(_, _, parsed)] = find_figures(f"The flood toll {verb} 1,200 on Monday.")
    assert (parsed.low, parsed.high) == (1200, math.inf)


@pytest.mark.parametrize(
    "sentence",
    ["BERLIN, 2. Februar 2024 - Der Etat steigt.", "МОСКВА, 12 февраля 2024 - Бюджет вырос.",
     "WARSZAWA, 5 lutego 2024 r. - Budżet rośnie."],
)  # fmt: skip
def test_a_day_before_a_month_name_of_another_language_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []
