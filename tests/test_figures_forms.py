"""Every figure form of issue 9 and of the excerpts in ../shared/corpus/docs, read or reported."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.core.errors import ReconcileError
from reconcile.core.parsed_value import ParsedValue
from reconcile.figures.grammar import parse_value
from reconcile.figures.running_text import find_figures
from tests.readings import assert_reading

INF = math.inf

# text, unit, amount, low, high (None: not checked), codes of the findings
FORMS = [
    # currencies: codes, names, symbols, country dollars, sub-units, compound amounts
    ("AZN 3.5 bln", "AZN", 3.5e9, 3.45e9, 3.55e9, []),
    ("3.5 bln manat", "AZN", 3.5e9, 3.45e9, 3.55e9, ["assumed-currency"]),
    ("Rs 4.78 lakh crore", "INR", 4.78e12, 4.775e12, 4.785e12, ["assumed-currency"]),
    ("₹4.78 lakh crore", "INR", 4.78e12, 4.775e12, 4.785e12, []),
    ("Rs 4,78,195.62 crore", "INR", 4.7819562e12, None, None, ["assumed-currency"]),
    ("Rs 1,35,060 crore", "INR", 1.3506e12, None, None, ["assumed-currency"]),
    ("Rs 20,776 crore", "INR", 2.0776e11, None, None, ["assumed-currency"]),
    ("($ 37.25 billion", "USD", 37.25e9, None, None, ["assumed-currency"]),
    ("€0.31 bln", "EUR", 0.31e9, None, None, []),
    ("UAH 245.8 bln", "UAH", 245.8e9, None, None, []),
    ("PLN 50 mld", "PLN", 50e9, 45e9, 55e9, []),
    ("czyli 50 mld", None, None, None, None, ["unparseable"]),
    ("1.3 billion lari", "GEL", 1.3e9, 1.25e9, 1.35e9, []),
    ("118 billion zloty", "PLN", 118e9, None, None, []),
    ("five million yen", "JPY", 5e6, None, None, []),
    ("50 cents", "USD", 0.5, 0.45, 0.55, ["assumed-currency"]),
    ("GEL 1.3 billion", "GEL", 1.3e9, None, None, []),
    ("JPY 1,000", "JPY", 1000, None, None, []),
    ("C$5 million", "CAD", 5e6, None, None, []),
    ("USD 20", "USD", 20, None, None, []),
    ("20usd", "USD", 20, None, None, []),
    ("USD115", "USD", 115, None, None, []),
    ("usd 20", "USD", 20, None, None, []),
    ("lari 5", None, None, None, None, ["unparseable"]),
    ("10 zlotys", "PLN", 10, None, None, []),
    ("10 yuan", "CNY", 10, None, None, []),
    ("10 rmb", "CNY", 10, None, None, []),
    ("10 tenge", "KZT", 10, None, None, []),
    ("10 hryvnias", "UAH", 10, None, None, []),
    ("10 won", "KRW", 10, None, None, []),
    ("125 million Australian dollars", "AUD", 125e6, None, None, []),
    ("8 rupees", "INR", 8, None, None, ["assumed-currency"]),
    ("₽5", "RUB", 5, None, None, []),
    ("₪5", "ILS", 5, None, None, []),
    ("₺5", "TRY", 5, None, None, []),
    ("֏5", "AMD", 5, None, None, []),
    ("₾5", "GEL", 5, None, None, []),
    ("₩5", "KRW", 5, None, None, []),
    ("₼5", "AZN", 5, None, None, []),
    ("zł 5", "PLN", 5, None, None, []),
    ("¥500", "JPY", 500, None, None, ["assumed-currency"]),
    ("kr 100", "SEK", 100, None, None, ["assumed-currency"]),
    ("US$5", "USD", 5, None, None, []),
    ("US $ 5", "USD", 5, None, None, []),
    ("A$5", "AUD", 5, None, None, []),
    ("HK$ 3", "HKD", 3, None, None, []),
    ("NZ$2", "NZD", 2, None, None, []),
    ("Mex$ 10 million", "MXN", 10e6, None, None, []),
    ("470 pence", "GBP", 4.7, 4.65, 4.75, []),
    ("20 kopecks", "RUB", 0.2, None, None, []),
    ("50 tiyn", "KZT", 0.5, None, None, []),
    ("3 dollars 50 cents", "USD", 3.5, None, None, []),
    ("Hr 117.6 billion", "UAH", 117.6e9, None, None, []),
    ("UAH 1.320 trillion", "UAH", 1.32e12, None, None, []),
    ("(UAH 8.47 billion", "UAH", 8.47e9, None, None, []),
    ("€11.8bn", "EUR", 11.8e9, None, None, []),
    ("$0.34 bln", "USD", 0.34e9, None, None, ["assumed-currency"]),
    # numbers: fractions, multipliers, scale words, notation, signs, groupings
    ("3 hundred", "count", 300, None, None, []),
    ("2.12 hundred", "count", 212, None, None, []),
    ("4 thousand 3 hundred", "count", 4300, None, None, []),
    ("two thirds", "count", 2 / 3, None, None, []),
    ("3/4", "count", 0.75, 0.75, 0.75, []),
    ("½", "count", 0.5, None, None, []),
    ("one and a half", "count", 1.5, None, None, []),
    ("half a million", "count", 5e5, None, None, []),
    ("three quarters of a billion", "count", 7.5e8, None, None, []),
    ("a quarter of a million", "count", 2.5e5, None, None, []),
    ("a third of a billion", "count", 1e9 / 3, None, None, []),
    ("a fifth of a million", "count", 2e5, None, None, []),
    ("one and a half million", "count", 1.5e6, 1.45e6, 1.55e6, []),
    ("two to three million", "count", 2.5e6, 2e6, 3e6, []),  # was 2 to 3,000,000
    ("between five and six billion dollars", "USD", 5.5e9, 5e9, 6e9, []),
    ("twenty to thirty thousand", "count", 2.5e4, 2e4, 3e4, []),
    ("one million to two million", "count", 1.5e6, 1e6, 2e6, []),
    ("two and a quarter billion", "count", 2.25e9, None, None, []),
    ("1 and a half million", "count", 1.5e6, None, None, []),
    ("1e10", "count", 1e10, None, None, []),
    ("10 k", "count", 1e4, None, None, ["ambiguous-unit"]),
    ("5 mn", "count", 5e6, None, None, []),
    ("5 mln", "count", 5e6, None, None, []),
    ("2 trln", "count", 2e12, None, None, []),
    ("7 mlrd", "count", 7e9, None, None, []),
    ("13 lakh", "count", 1.3e6, None, None, []),
    ("1 crore", "count", 1e7, None, None, []),
    ("-1", "count", -1, -1.5, -0.5, []),
    ("−3", "count", -3, None, None, []),
    ("minus five percent", "percent", -5, None, None, []),
    ("negative 4", "count", -4, None, None, []),
    ("($99.99)", "USD", -99.99, None, None, ["assumed-currency", "negative-in-parentheses"]),
    ("301․2 billion", "count", 301.2e9, None, None, []),
    ("AMD 301․2 billion", "AMD", 301.2e9, None, None, []),
    ("265 567,6 million", "count", 265567.6e6, None, None, []),
    ("7 373,4 million", "count", 7373.4e6, None, None, []),
    ("16 427,8 million", "count", 16427.8e6, None, None, []),
    ("4,78,195.62", "count", 478195.62, None, None, []),
    ("2,53 billion", "count", 2.53e9, None, None, []),
    ("69,16 million", "count", 69.16e6, None, None, []),
    ("5,44%", "percent", 5.44, None, None, []),
    ("13,05%", "percent", 13.05, None, None, []),
    ("13.6 thousand", "count", 13.6e3, None, None, []),
    # comparators and ranges ("less than N" is [0, N] for a positive N)
    ("greater than 190", "count", 190, 190, INF, []),
    ("exceeds 10", "count", 10, 10, INF, []),
    ("no more than 12", "count", 12, 0, 12, []),
    ("not less than 5", "count", 5, 5, INF, []),
    ("500 or more", "count", 500, 500, INF, []),
    ("10 or less", "count", 10, 0, 10, []),
    (">= 30", "count", 30, 30, INF, []),
    ("≥ 30", "count", 30, 30, INF, []),
    ("<= 30", "count", 30, 0, 30, []),
    ("≤ 30", "count", 30, 0, 30, []),
    ("<-30", "count", -30, -INF, -30, []),
    ("more than 10 and less than 40", "count", 25, 10, 40, []),
    ("between 5 and 9", "count", 7, 5, 9, []),
    ("from 200 to 3000", "count", 1600, 200, 3000, []),
    ("5 through 9", "count", 7, 5, 9, []),
    ("5~9", "count", 7, 5, 9, []),
    ("44 mg to 50 mg", "milligram", 47, 44, 50, []),
    ("between -10 and 15", "count", 2.5, -10, 15, []),
    # physical units through pint
    ("30 days", "day", 30, None, None, []),
    ("50 mg", "milligram", 50, None, None, []),
    ("2 L", "liter", 2, None, None, []),
    ("25 °C", "degree_Celsius", 25, None, None, []),
    ("100 km²", "kilometer ** 2", 100, None, None, []),
    ("90 km/h", "kilometer / hour", 90, None, None, []),
    ("4 square kilometers", "kilometer ** 2", 4, None, None, []),
    ("16.25 nanometers", "nanometer", 16.25, None, None, []),
    # running text forms given to the parser alone: the unread words are reported
    ("20 B-52 bombers", "count", 20, None, None, ["extra-text"]),
    ("1,000 K2 tanks", "count", 1000, None, None, ["extra-text"]),
    ("12 apples and 3 pears", "count", 12, None, None, ["extra-text"]),
    ("5 of them", "count", 5, None, None, ["unread-words"]),
]


@pytest.mark.parametrize(("text", "unit", "amount", "low", "high", "codes"), FORMS)
def test_figure_forms(
    text: str,
    unit: str | None,
    amount: float | None,
    low: float | None,
    high: float | None,
    codes: list[str],
) -> None:
    assert_reading(parse_value(text), unit, amount, low, high, codes)


def test_shared_symbol_finding_says_how_to_say_otherwise() -> None:
    [finding] = parse_value("¥500").findings
    assert finding.message == (
        "'¥' is written for CNY, JPY; read as JPY: write the ISO code (e.g. 'JPY 100') to say which"
    )


def test_unread_words_are_reported_with_a_fix() -> None:
    [finding] = parse_value("5 of them").findings
    assert finding.to_dict() == {
        "code": "unread-words",
        "message": "words after the figure were not read: 'of them'; write the figure alone, "
        "or with its unit or currency",
    }


def test_regroupable_word_fraction_is_flagged() -> None:
    value = parse_value("one hundred thirty fifths")
    assert value.amount == pytest.approx(100 / 35)
    assert [f.code for f in value.findings] == ["ambiguous-number"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The force has 20 B-52 bombers and 1,000 K2 tanks.", ["20", "1,000"]),
        ("It flies 12 Su-25 and 40 F-16 jets, four S-300 batteries, 300 T-72 tanks.", None),
        ("A Project 1388M ship.", []),
        ("Budget: ₹4.78 lakh crore, PLN 50 mld and AZN 3.5 bln.", None),
        ("AMD 301․2 billion and 265 567,6 million hryvnias", None),
    ],
)
def test_model_names_and_designations_are_not_figures(text: str, figures: list[str] | None) -> None:
    found = [(text[s:e], p) for s, e, p in find_figures(text)]
    if figures is not None:
        assert [w for w, _ in found] == figures
    for written, parsed in found:
        assert (parsed.amount is not None and parsed.amount < 1e9) or parsed.unit != "count", (
            written
        )
    assert all(not any(c.isalpha() and c.isupper() for c in w[-3:]) for w, _ in found)


def test_running_text_money_forms() -> None:
    text = "Budget: ₹4.78 lakh crore, PLN 50 mld and AZN 3.5 bln; AMD 301․2 billion."
    found = {text[s:e]: (p.unit, p.amount) for s, e, p in find_figures(text)}
    assert found == {
        "₹4.78 lakh crore": ("INR", 4.78e12),
        "PLN 50 mld": ("PLN", 50e9),
        "AZN 3.5 bln": ("AZN", 3.5e9),
        "AMD 301․2 billion": ("AMD", 301.2e9),
    }


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("half a million", 5e5),
        ("a quarter of a million", 2.5e5),
        ("three quarters of a million", 7.5e5),
        ("two thirds of a billion", 2e9 / 3),
        ("a quarter million", 2.5e5),
        ("one and a half million", 1.5e6),
        ("2 and a half billion", 2.5e9),
        ("one-and-a-half million", 1.5e6),
        ("one hundred and fifty thousand", 1.5e5),  # was 100 and 50,000
    ],
)
def test_running_text_reads_parts_of_a_scale_word_whole(written: str, amount: float) -> None:
    # each was read as its first word alone (3 for "three quarters of a million") or not at all
    text = f"The floods displaced {written} people in the north, officials said."
    found = [(text[s:e], p.amount) for s, e, p in find_figures(text)]
    assert found == [(written, pytest.approx(amount))]


@pytest.mark.parametrize(
    ("written", "unit", "low", "high"),
    [
        ("tens of thousands", "count", 2e4, 99_999),
        ("hundreds of millions of dollars", "USD", 2e8, 999_999_999),
        ("billions of euros", "EUR", 2e9, 999_999_999_999),
        ("Millions", "count", 2e6, 999_999_999),
    ],
)
def test_running_text_reads_vague_magnitudes_with_what_they_count(
    written: str, unit: str, low: float, high: float
) -> None:
    # "tens of thousands" was read as "thousands" (2,000-9,999); "hundreds of millions of
    # dollars" as "hundreds" of people
    text = f"By then {written} of the sort had been reported."
    if written.endswith("s of thousands"):
        text = f"By then {written} had fled."
    found = [(text[s:e], p.unit, p.low, p.high) for s, e, p in find_figures(text)]
    assert found == [(written, unit, low, high)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("thousands of tonnes", "tonne"),
        ("millions of manat", "AZN"),
        ("hundreds of millions of dollars", "USD"),
        ("thousands of pence", "count"),  # one penny is not one pound: left a count
        ("millions of people", "count"),
    ],
)
def test_a_vague_magnitude_counts_the_unit_after_of(text: str, unit: str) -> None:
    assert parse_value(text).unit == unit


@pytest.mark.parametrize("share", ["two thirds", "two-thirds", "three quarters", "one fifth"])
def test_a_share_in_words_is_not_its_first_number(share: str) -> None:
    # "two thirds of the budget" was drafted as the figure 2
    text = f"Parliament cut {share} of the budget."
    assert [text[s:e] for s, e, _ in find_figures(text)] == []


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("between 2 and 3 million", 2e6, 3e6),
        ("between two and three million", 2e6, 3e6),
        ("two to three million", 2e6, 3e6),
    ],
)
def test_running_text_reads_a_range_with_one_scale_word_whole(
    written: str, low: float, high: float
) -> None:
    # each was drafted as two figures, the first a million times low
    text = f"Officials said {written} people were affected."
    found = [(p.low, p.high) for _, _, p in find_figures(text)]
    assert found == [(low, high)]


def test_and_without_between_stays_two_figures() -> None:
    text = "They sent 2 and then 3 million more."
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["2", "3 million"]


def test_and_joins_number_words_only_after_hundred() -> None:
    text = "Five and six were sent, then two hundred and five."
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["Five", "six", "two hundred and five"]


@pytest.mark.parametrize(
    ("text", "written", "low"),
    [
        ("Bonds returned -1.4% over the year.", "-1.4%", -1.45),
        ("output changed by \u22122.5 percent", "\u22122.5 percent", -2.55),
        ("a loss (-3%) on the quarter", "-3%", -3.5),
    ],
)
def test_a_minus_sign_before_a_number_is_the_figures(text: str, written: str, low: float) -> None:
    found = [(text[s:e], p.low) for s, e, p in find_figures(text)]
    assert found == [(written, pytest.approx(low))]


@pytest.mark.parametrize("text", ["cases of COVID-19 rose", "pages 10 -12", "up 4% -5% down"])
def test_a_hyphen_after_a_number_or_inside_a_name_is_no_sign(text: str) -> None:
    assert all((p.low or 0) >= 0 for _, _, p in find_figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "The plant hired 400 staff, up from 300 three years ago.",
        "Prices were 5% higher two months earlier.",
        "Residents aged 65 and over get the payment.",
        "A third of them are under 18 years old.",
        "Children under the age of five are exempt.",
    ],
)
def test_a_moment_or_an_age_bound_is_no_figure(text: str) -> None:
    found = [text[s:e] for s, e, _ in find_figures(text)]
    assert not any(w in f for f in found for w in ("three", "two", "65", "18", "five"))


def test_a_duration_of_its_own_is_still_a_figure() -> None:
    text = "The war lasted five years and the median age is 21 years."
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["five years", "21 years"]


def test_a_half_or_a_quarter_of_the_year_is_no_figure() -> None:
    text = "In the first half of 2024 and the second quarter, spending rose by a third."
    assert [text[s:e] for s, e, _ in find_figures(text)] == []


@given(st.text(max_size=40))
def test_no_input_raises_anything_but_reconcile_errors(text: str) -> None:
    try:
        value = parse_value(text)
    except ReconcileError:
        return
    assert value.ok or value.findings


_PIECES = [*"0123456789 ,.-/^e$€£%~<>=±½kmbx()", " and ", " to ", " or more", "one", "half"]


@given(st.lists(st.sampled_from(_PIECES), max_size=15).map("".join))
def test_number_like_input_never_raises(text: str) -> None:
    value = parse_value(text)
    assert value.ok or value.findings
    if value.ok:
        assert value.low is not None and value.high is not None and value.low <= value.high


@given(st.lists(st.text(alphabet="ab $.", min_size=1, max_size=4), min_size=1, max_size=8))
def test_trie_alternation_matches_what_alternation_matches(terms: list[str]) -> None:
    import re

    from reconcile.core.patterns import alternation, trie_alternation

    plain = re.compile(f"(?:{alternation(terms)})$")
    tree = re.compile(f"(?:{trie_alternation(terms)})$")
    for term in terms:
        assert tree.match(term)
    for probe in ["a", "ab", "b a", "$", "a.", "zz"]:
        assert bool(plain.match(probe)) == bool(tree.match(probe))


def _is_range(parsed: ParsedValue) -> bool:
    """A range as written ("112 to 131"), not one number's rounding interval."""
    return " to " in parsed.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll rose from 112 to 131.", [("112", 112.0), ("131", 131.0)]),
        ("The toll climbed by 19 to 131.", [("19", 19.0), ("131", 131.0)]),
        (
            "Sales rose from 1.2 to 1.5 billion euros.",
            [("1.2", 1.2e9), ("1.5 billion euros", 1.5e9)],
        ),
        ("Revenue rose from $1.2 to $1.5 billion.", [("$1.2", 1.2e9), ("$1.5 billion", 1.5e9)]),
        ("Estimates range from 112 to 131.", [("from 112 to 131", None)]),
        ("Prices increased by 4 to 6 percent.", [("4 to 6 percent", None)]),
        ("Losses of $1.2 to $1.5 billion were reported.", [("$1.2 to $1.5 billion", None)]),
    ],
)
def test_from_x_to_y_after_a_verb_of_change_is_two_figures(
    text: str, expected: list[tuple[str, float | None]]
) -> None:
    found = [(text[s:e], None if _is_range(p) else p.amount) for s, e, p in find_figures(text)]
    assert [(w, pytest.approx(a) if a else a) for w, a in found] == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Fire burned 26,000 hectares (64,000 acres).", "acre"),
        ("The plant makes 500 MW of power.", "megawatt"),
        ("It covers 1,200 square miles of forest.", "mile ** 2"),
        ("The office has 10,000 sq ft of space.", "foot ** 2"),
        ("Warming of 2°C is expected.", "degree_Celsius"),
        ("The strike lasted 14 days.", "day"),
    ],
)
def test_units_the_press_writes_are_read_in_running_text(text: str, unit: str) -> None:
    assert unit in [p.unit for _, _, p in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("A cost of €2.5bn-€3bn was given.", "€2.5bn-€3bn", "EUR"),
        ("Costs of €2.5bn-3bn were given.", "€2.5bn-3bn", "EUR"),
        ("It needs 2.5bn-3bn euros in all.", "2.5bn-3bn euros", "EUR"),
        ("It reached 5bn-6bn US dollars in 2024.", "5bn-6bn US dollars", "USD"),
    ],
)
def test_a_range_that_repeats_its_scale_is_one_figure(text: str, written: str, unit: str) -> None:
    [(start, end, parsed)] = find_figures(text)
    assert (text[start:end], parsed.unit, parsed.low < parsed.high) == (written, unit, True)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Qatar spent QR10 billion.", "QAR"), ("Saudi Arabia set SR 3 billion aside.", "SAR"),
     ("Dubai sold Dh5 billion of bonds.", "AED")],
)  # fmt: skip
def test_the_gulf_press_currency_abbreviations(text: str, unit: str) -> None:
    assert [p.unit for _, _, p in find_figures(text)] == [unit]


def test_two_capitals_before_an_unscaled_number_name_a_model() -> None:
    assert find_figures("The SR 71 and the BD 5 flew.") == []


def test_percentage_points_are_read_whole() -> None:
    text = "Unemployment rose 0.5 percentage points to 4.2%."
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["0.5 percentage points", "4.2%"]


@pytest.mark.parametrize(
    ("text", "unit", "amount"),
    [("a $1.5 trillion plan", "USD", 1.5e12), ("A $5 billion deal", "USD", 5e9),
     ("A$5 billion deal", "AUD", 5e9), ("c $ 16.4 million", "CAD", 16.4e6)],
)  # fmt: skip
def test_the_article_before_a_dollar_sign_is_no_australian_dollar(
    text: str, unit: str, amount: float
) -> None:
    parsed = parse_value(text)
    assert (parsed.unit, parsed.amount) == (unit, pytest.approx(amount))


@pytest.mark.parametrize(
    ("text", "written", "amount", "low"),
    [
        ("a 1.2 million-strong army", "1.2 million", 1.2e6, 1.15e6),
        ("a $1.5 trillion-plus plan", "$1.5 trillion-plus", 1.5e12, 1.5e12),
        ("an estimated 1.5m-2m people", "an estimated 1.5m-2m", None, 1.35e6),
    ],
)
def test_a_scale_before_a_hyphen_stays_the_figures(
    text: str, written: str, amount: float | None, low: float
) -> None:
    [(start, end, parsed)] = find_figures(text)
    assert text[start:end] == written
    assert parsed.low == pytest.approx(low)
    if amount is not None:
        assert parsed.amount == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "written", "unit", "amount"),
    [
        ("a $1.2-billion deal", "$1.2-billion", "USD", 1.2e9),
        ("a 1.2-million population", "1.2-million", "count", 1.2e6),
        ("worth a billion dollars", "a billion dollars", "USD", 1e9),
        ("a billion-dollar fund", "a billion-dollar", "USD", 1e9),
    ],
)
def test_hyphenated_and_article_scales_are_read(
    text: str, written: str, unit: str, amount: float
) -> None:
    [(start, end, parsed)] = find_figures(text)
    assert (text[start:end], parsed.unit) == (written, unit)
    assert parsed.amount == pytest.approx(amount)


@pytest.mark.parametrize("text", ["at COP28 in Dubai", "one in a million years"])
def test_a_glued_code_or_an_idiom_is_no_money_figure(text: str) -> None:
    assert all(p.unit in (None, "count") for _, _, p in find_figures(text))
    assert not any(p.amount == 1e6 for _, _, p in find_figures(text))


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "unit"),
    [
        ("Several hundred schools shut.", "Several hundred", 300, 999, "count"),
        ("It hired a few thousand people.", "a few thousand", 2_000, 5_999, "count"),
        ("It gave several billion dollars.", "several billion dollars", 3e9, 9_999_999_999, "USD"),
    ],
)
def test_several_and_a_few_are_vague_magnitudes(
    text: str, written: str, low: float, high: float, unit: str
) -> None:
    [(start, end, parsed)] = find_figures(text)
    assert (text[start:end], parsed.low, parsed.high, parsed.unit) == (written, low, high, unit)


def test_bucks_are_us_dollars() -> None:
    assert parse_value("five bucks").unit == "USD"


def test_a_percentage_to_an_amount_is_two_figures_not_a_range() -> None:
    text = "It raised its budget by 14.98% to Rs2.12 trillion."
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["14.98%", "Rs2.12 trillion"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("It sent 3,000-plus troops.", 3000, math.inf), ("The 40-odd people came.", 40, 49),
     ("a 1,000-odd crowd", 1000, 1999), ("a 40,000-strong force", 35000, 45000)],
)  # fmt: skip
def test_plus_odd_and_strong_after_a_number(text: str, low: float, high: float) -> None:
    [(_, _, parsed)] = find_figures(text)
    assert (parsed.low, parsed.high) == (low, high)
