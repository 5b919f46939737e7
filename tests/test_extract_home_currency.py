"""A currency name several countries write, read as the currency of the figure's country
(extract/home_currency.py), on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.home_currency import home_currency
from reconcile.extract.readers import read_document

PACKAGED = load_catalogue(None)


def _drafts(tmp_path: Path, body: str) -> list[Draft]:
    path = tmp_path / "article.txt"
    path.write_text("outlet: Example\npublished: 2023-03-01\n\n" + body + "\n", encoding="utf-8")
    return draft_claims(read_document(path), PACKAGED)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Tanzania plans to spend 49.3 trillion shillings next year.", "TZS"),
        ("Denmark will put 19 billion kroner into its army in 2023.", "DKK"),
        ("The Czech army will get 113 billion crowns in 2023.", "CZK"),
        ("Colombia's deficit reached 60 trillion pesos in 2022.", "COP"),
        ("Senegal raised 150 billion francs in bonds in 2022.", "XOF"),
    ],
)
def test_a_shared_name_is_the_currency_of_the_country_the_figure_is_about(
    tmp_path: Path, sentence: str, code: str
) -> None:
    [draft] = [d for d in _drafts(tmp_path, sentence) if d.unit is not None and d.unit != "count"]
    assert draft.unit == code
    assert code in draft.value and code in draft.repair


def test_the_assumed_currency_stays_where_the_country_is_not_one_that_writes_the_name(
    tmp_path: Path,
) -> None:
    drafts = _drafts(tmp_path, "Germany lent 2 billion shillings to the programme in 2022.")
    assert [d.unit for d in drafts if d.amount == 2e9] == ["KES"]
    assert all("the currency of" not in d.repair for d in drafts)


def test_a_countrys_currency_is_the_one_of_that_year() -> None:
    assert home_currency("GHA", 2005) == "GHC"
    assert home_currency("GHA", 2020) == "GHS"
    assert home_currency("gh-aa", 2020) == "GHS"
    assert home_currency("PSE", 2020) is None  # two legal tenders: nothing is assumed
    assert home_currency("equinor", 2020) is None  # a company, no country
