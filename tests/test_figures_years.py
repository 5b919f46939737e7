"""Figures read with a year: only currency names with eras change, so only they are re-read."""

from __future__ import annotations

import pytest

from reconcile.figures.grammar import parse_value, year_matters


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        ("12 million manat", True),
        ("4.1 billion Turkish liras", True),
        ("300 million roubles", True),
        ("EUR 7 billion (2019)", True),  # a bracket: the grammar cuts "(2019)" out
        ("$620 million", False),
        ("301 billion drams", False),
        ("1.2 trillion yen", False),
    ],
)
def test_year_matters_for_currency_names_with_eras(text: str, matters: bool) -> None:
    assert year_matters(text) is matters


@pytest.mark.parametrize(
    "text", ["$620 million", "301 billion drams", "EUR 40 bn", "about 7,500 złotych", "5 лари"]
)
@pytest.mark.parametrize("year", [1995, 2005, 2021])
def test_a_figure_year_does_not_matter_for_reads_the_same_in_any_year(text: str, year: int) -> None:
    assert not year_matters(text)
    assert parse_value(text, year=year) == parse_value(text)


def test_an_era_name_reads_differently_by_year() -> None:
    assert year_matters("12 million manat")
    assert (
        parse_value("12 million manat", year=2003).unit
        != parse_value("12 million manat", year=2010).unit
    )
