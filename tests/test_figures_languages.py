"""Figures in other languages: scale words and currency names from CLDR (issue 10).

Every sentence here is written for the test; none is taken from a seed or corpus document.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.figures.grammar import parse_value
from reconcile.figures.numbers import SCALE_WORDS
from reconcile.figures.running_text import find_figures
from reconcile.figures.scales import scale_table
from reconcile.reference.currencies import load_currencies
from reconcile.reference.scales import load_scale_words

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "reconcile" / "data"


@pytest.mark.parametrize(
    ("text", "amount", "unit", "codes"),
    [
        # Russian and Ukrainian: every plural form, abbreviations with and without the dot.
        ("640 миллионов лари", 640e6, "GEL", []),
        ("312 млн лари", 312e6, "GEL", []),
        ("1,4 млрд гривен", 1.4e9, "UAH", []),
        ("3 млрд грн", 3e9, "UAH", []),
        ("150 млрд гривень", 150e9, "UAH", []),
        ("2 миллиарда рублей", 2e9, "RUB", ["assumed-currency"]),  # also the Belarusian ruble
        ("5 млн руб.", 5e6, "RUB", []),
        ("1 млрд евро", 1e9, "EUR", []),
        ("4 трлн. рублей", 4e12, "RUB", ["assumed-currency"]),
        ("5 млрд долларов США", 5e9, "USD", []),
        ("5 млрд долл. США", 5e9, "USD", []),
        ("3,2 млрд дол. США", 3.2e9, "USD", []),
        ("7,5 млрд долларов", 7.5e9, "USD", ["assumed-currency"]),  # a bare dollar: USD assumed
        ("9 тыс. человек", 9000.0, "count", ["unread-words"]),  # a noun in Cyrillic: reported
        ("8 миллионами", 8.0, "count", ["unread-words"]),  # an inflection CLDR does not list
        # Polish.
        ("2 miliardy złotych", 2e9, "PLN", []),
        ("40 mld zł", 40e9, "PLN", []),
        ("12 mln zł", 12e6, "PLN", []),
        ("10 mld dolarów", 10e9, "USD", ["assumed-currency"]),
        ("3,4 bln zł", 3.4e9, "PLN", ["ambiguous-scale"]),  # Polish "bilion" is 10^12
        ("35 tys. żołnierzy", 35_000.0, "count", ["unread-words"]),  # as a Cyrillic noun is
        # German, Dutch, French, Spanish, Portuguese, Italian, Romanian.
        ("4,5 Milliarden Euro", 4.5e9, "EUR", []),
        ("7 Mrd. Euro", 7e9, "EUR", []),
        ("12 Mio. Euro", 12e6, "EUR", []),
        ("5 Mrd. US-Dollar", 5e9, "USD", []),
        ("3 Milliarden Franken", 3e9, "CHF", []),
        ("4 miliardy korun", 4e9, "CZK", ["assumed-currency"]),  # koruna: CZK at home in Czech
        ("3 miljard euro", 3e9, "EUR", []),
        ("3,8 milliards d'euros", 3.8e9, "EUR", []),
        ("6 mil millones de dólares", 6e9, "USD", ["assumed-currency"]),
        ("3 millones de euros", 3e6, "EUR", []),
        ("5 millones de personas", 5e6, "count", []),
        ("2 bilhões de reais", 2e9, "BRL", []),
        ("7 miliardi di euro", 7e9, "EUR", []),
        ("2 milioane de lei", 2e6, "RON", ["assumed-currency"]),  # also the Moldovan leu
        ("25 mil soldados", 25e6, "count", ["ambiguous-scale"]),  # Spanish "mil" is 10^3
        # Turkish, Hungarian, Swedish, Greek, Georgian, Armenian.
        ("15 milyar lira", 15e9, "TRY", ["assumed-currency"]),  # the old lira before 2005
        ("100 TL", 100.0, "TRY", []),
        ("300 millió forint", 300e6, "HUF", []),
        ("20 miljoner kronor", 20e6, "SEK", []),
        ("5 δισ. ευρώ", 5e9, "EUR", []),
        ("2 მლრდ ლარი", 2e9, "GEL", []),
        ("500 մլն դրամ", 500e6, "AMD", []),
        ("500 մլն ՀՀ դրամ", 500e6, "AMD", []),
        # A short form dropped because it is an English title: never a silent bare count; nor
        # a scale word of a language not in the table (Welsh, Basque).
        ("5 Mr TL", 5.0, "count", ["unread-words"]),
        ("5 miliwn o bunnoedd", 5.0, "count", ["unread-words"]),
        ("5 milioi euro", 5.0, "count", ["unread-words"]),
        ("5 military bases", 5.0, "count", []),
        # Percent in other languages (CLDR's unit names).
        ("5 процентов", 5.0, "percent", []),
        ("4 відсотки", 4.0, "percent", []),
        ("2,5 posto", 2.5, "percent", []),
        ("12 százalék", 12.0, "percent", []),
        ("3 percento", 3.0, "percent", []),
        ("7 prosenttia", 7.0, "percent", []),
        ("yüzde 12", 12.0, "percent", []),  # Turkish writes percent before the number
        ("%48,6", 48.6, "percent", []),
        # Units in other languages (CLDR's unit names); Serbian "КМ" is a mark, Russian "км" is
        # kilometres, and the unit wins.
        ("10 тыс. т", 10_000.0, "tonne", []),
        ("5 Tonnen", 5.0, "tonne", []),
        ("300 гектаров", 300.0, "hectare", []),
        ("5 millions de tonnes", 5e6, "tonne", []),
        ("5 тыс. км", 5000.0, "kilometer", []),
        ("3 Milliarden Kilowattstunden", 3e9, "kilowatt_hour", []),
        # English is unchanged.
        ("AZN 3.5 bln", 3.5e9, "AZN", []),
        ("$4 bn", 4e9, "USD", ["assumed-currency"]),
        ("5 km", 5.0, "kilometer", []),
    ],
)
def test_figures_in_other_languages(text: str, amount: float, unit: str, codes: list[str]) -> None:
    value = parse_value(text)
    assert value.ok
    assert value.amount == pytest.approx(amount)
    assert value.unit == unit
    assert [f.code for f in value.findings] == codes


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("около 5 млрд рублей", 4.5e9, 5.5e9),
        ("почти 2 млрд лари", 1.8e9, 2e9),
        ("ponad 100 mld zł", 100e9, float("inf")),
        ("bis zu 3 Milliarden Euro", 0.0, 3e9),
        ("от 5 до 7 млрд рублей", 5e9, 7e9),
        ("zwischen 5 und 7 Milliarden Euro", 5e9, 7e9),
        ("entre 5 et 7 milliards d'euros", 5e9, 7e9),
        ("plus de 2 milliards d'euros", 2e9, float("inf")),
        ("не менее 40 тыс.", 40e3, float("inf")),
    ],
)
def test_qualifiers_and_ranges_in_other_languages(text: str, low: float, high: float) -> None:
    value = parse_value(text)
    assert (value.low, value.high) == (pytest.approx(low), pytest.approx(high))


def test_a_year_settles_the_lira() -> None:
    value = parse_value("15 milyar lira", year=2020)
    assert (value.amount, value.unit, value.findings) == (15e9, "TRY", [])


def test_ambiguous_scale_says_the_alternatives() -> None:
    polish = parse_value("3,4 bln zł").findings[0]
    assert polish.level == "warning"
    assert polish.message == (
        "'bln' is 10^9 (billion) in English; 10^12 (trillion) in Italian, Dutch, Polish and "
        "Albanian; read as 10^9 (billion): write the scale word in full in the text's language "
        "(e.g. 'billion', 'trillion') or the figure in digits to say which"
    )
    spanish = parse_value("25 mil soldados").findings[0].message
    assert "10^3 (thousand) in Spanish, Portuguese (Brazil) and Portuguese (Portugal)" in spanish


def test_a_dropped_short_form_says_what_it_may_be() -> None:
    finding = parse_value("5 Mr TL").findings[0]
    assert finding.message == (
        "'Mr' after the number looks like a scale word the grammar does not read (it is "
        "10^9 (billion) in Turkish); the figure was read without it: write the scale word in "
        "full or the figure in digits"
    )


def test_shared_bare_noun_names_the_candidates() -> None:
    message = parse_value("7,5 млрд долларов").findings[0].message
    assert message.startswith("'долларов' is written for AUD, ")
    assert "; read as USD: write the ISO code" in message


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        (
            "Расходы на оборону в следующем году вырастут до 1,7 млрд. лари, сообщил министр.",
            [("1,7 млрд. лари", 1.7e9, "GEL")],
        ),
        (
            "Уряд виділить 150 млрд гривень на озброєння, а ще 20 млн доларів США на навчання.",
            [("150 млрд гривень", 150e9, "UAH"), ("20 млн доларів США", 20e6, "USD")],
        ),
        (
            "Na obronność przeznaczono 97 mld zł, czyli 2,2 proc. PKB.",
            [("97 mld zł", 97e9, "PLN"), ("2,2 proc", 2.2, "percent")],
        ),
        (
            "Der Haushalt sieht 52 Milliarden Euro für die Bundeswehr vor.",
            [("52 Milliarden Euro", 52e9, "EUR")],
        ),
        (
            "L'État consacrera 47,2 milliards d'euros à la défense.",
            [("47,2 milliards d'euros", 47.2e9, "EUR")],
        ),
        (
            "El ministerio pidió 13 mil millones de dólares (unos 12 mil millones de euros).",
            [
                ("13 mil millones de dólares", 13e9, "USD"),
                ("unos 12 mil millones de euros", 12e9, "EUR"),
            ],
        ),
        ("Bütçe 40 milyar TL olarak açıklandı.", [("40 milyar TL", 40e9, "TRY")]),
        (
            "Bütçe yüzde 12 arttı; enflasyon %48,6 oldu.",
            [("yüzde 12", 12.0, "percent"), ("%48,6", 48.6, "percent")],
        ),
        ("Wydatki wzrosną od 5 do 7 mld zł.", [("od 5 do 7 mld zł", 6e9, "PLN")]),
        (
            "Die Kosten liegen bei 5 bis 7 Milliarden Euro.",
            [("5 bis 7 Milliarden Euro", 6e9, "EUR")],
        ),
        (
            "A jövő évi keret 2,4 százalék, vagyis 150 milliárd forint lesz.",
            [("2,4 százalék", 2.4, "percent"), ("150 milliárd forint", 150e9, "HUF")],
        ),
        (
            "Сумма составит 2\u00a0млрд\u00a0рублей (около 3 процентов ВВП).",
            [("2\u00a0млрд\u00a0рублей", 2e9, "RUB"), ("около 3 процентов", 3.0, "percent")],
        ),
    ],
)
def test_figures_in_sentences(sentence: str, figures: list[tuple[str, float, str]]) -> None:
    found = [(sentence[s:e], p.amount, p.unit) for s, e, p in find_figures(sentence)]
    assert found == [(w, pytest.approx(a), u) for w, a, u in figures]


def _plain_forms() -> list[str]:
    """Scale forms of other languages read one way by every language that has them."""
    return sorted(
        form
        for form, scale in scale_table().items()
        if form not in SCALE_WORDS and scale.doubt is None and len(form) > 1
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(_plain_forms()),
    st.sampled_from(["", "."]),
)
def test_every_scale_word_multiplies(number: int, form: str, dot: str) -> None:
    value = parse_value(f"{number} {form}{dot}")
    assert value.amount == pytest.approx(number * scale_table()[form].factor)
    assert value.unit == "count"
    assert value.findings == []


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(f for f, s in scale_table().items() if s.doubt is not None)))
def test_every_doubted_scale_word_is_flagged(form: str) -> None:
    value = parse_value(f"12 {form}")
    assert value.amount == pytest.approx(12 * scale_table()[form].factor)
    assert "ambiguous-scale" in [f.code for f in value.findings]


def test_scale_words_and_currency_names_do_not_collide() -> None:
    currencies = load_currencies()
    names = {*currencies.names, *currencies.other.names, *currencies.other.shared}
    assert sorted(set(scale_table()) & names) == []


def test_english_wins_on_its_own_words() -> None:
    table = scale_table()
    assert table["billion"].factor == 1e9 and table["billion"].doubt is None
    assert table["bn"].factor == 1e9 and table["tn"].factor == 1e12
    assert table["billionen"].factor == 1e12  # German only
    assert {"b", "m", "t", "k", "mr", "km"} <= set(load_scale_words().dropped)


@pytest.mark.parametrize(
    ("script", "table"),
    [
        ("build_scale_words.py", "scale_words.csv"),
        ("build_currency_names_intl.py", "currency_names_intl.csv"),
        ("build_currency_names.py", "currency_names.csv"),
        ("build_percent_words.py", "percent_words.csv"),
        ("build_month_names.py", "month_names.csv"),
        ("build_unit_names_intl.py", "unit_names_intl.csv"),
    ],
)
def test_tables_rebuild_byte_for_byte(script: str, table: str, tmp_path: Path) -> None:
    """The scripts give the committed tables (same babel version)."""
    out = tmp_path / table
    command = [sys.executable, str(REPO_ROOT / "scripts" / script), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (DATA / table).read_bytes()


@pytest.mark.parametrize(
    ("text", "amount", "flagged"),
    [
        # before a scale word, a dot before three digits is what the word's languages make it
        ("45.000 millones de euros", 45e9, False),  # Spanish groups thousands with a dot
        ("3.500 Millionen Euro", 3.5e9, False),
        ("1.250 miliardi di euro", 1.25e12, False),
        ("2.267 billion dollars", 2.267e9, False),  # English: a decimal point
        ("1.473 млрд рублей", 1.473e9, True),  # Russian writes neither: read as decimal, flagged
        # with no scale word, English's decimal point and the thousands dot both read "50.250"
        ("50.250 soldiers", 50.25, True),
        ("50.000 soldiers", 50e3, True),  # three zero decimals state no precision: thousands
        ("0.125 percent", 0.125, False),
        ("12.5 tonnes", 12.5, False),
        ("1.473.000 people", 1.473e6, False),
    ],
)
def test_a_dot_before_three_digits(text: str, amount: float, flagged: bool) -> None:
    value = parse_value(text)
    assert value.ok and value.amount == pytest.approx(amount)
    assert ("ambiguous-number" in [f.code for f in value.findings]) is flagged


def _forms_with_dot(dot: str) -> list[str]:
    return sorted(f for f, s in scale_table().items() if s.dot == dot and s.doubt is None)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(_forms_with_dot("thousands")))
def test_a_thousands_dot_before_the_scale_words_of_its_languages(
    thousands: int, rest: int, form: str
) -> None:
    value = parse_value(f"{thousands}.{rest:03d} {form}")
    expected = (thousands * 1000 + rest) * scale_table()[form].factor
    assert value.amount == pytest.approx(expected)
    assert "ambiguous-number" not in [f.code for f in value.findings]


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(_forms_with_dot("")))
def test_a_dot_is_flagged_before_scale_words_of_mixed_languages(
    whole: int, rest: int, form: str
) -> None:
    value = parse_value(f"{whole}.{rest:03d} {form}")
    assert value.amount == pytest.approx((whole + rest / 1000) * scale_table()[form].factor)
    assert "ambiguous-number" in [f.code for f in value.findings]
