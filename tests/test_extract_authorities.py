"""Authorities a figure's sentence names: acronyms and named organisations (issue 10).

Sentences written for the test.
"""

from __future__ import annotations

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.attribution import find_named_source

CATALOGUE = load_catalogue(None)


@pytest.mark.parametrize(
    ("sentence", "figure", "who"),
    [
        ("The weather office KMD said 42 mm of rain fell.", "42 mm", "?KMD"),
        ("In the north, the relief agency ORA reported 900 deaths.", "900", "?ORA"),
        ("The Regional Food Programme warned that 2 million face hunger.", "2 million",
         "?Regional Food Programme"),
        ("The national statistics office said 3.1% more homes were built.", "3.1%",
         "?national statistics office"),
    ],
)  # fmt: skip
def test_authorities_named_by_acronym_or_name(sentence: str, figure: str, who: str) -> None:
    assert find_named_source(sentence, sentence.index(figure), CATALOGUE) == who


def test_a_capitalised_word_without_an_institution_is_no_authority() -> None:
    sentence = "Officials in the Capital Region counted 40 shelters."
    assert find_named_source(sentence, sentence.index("40"), CATALOGUE) is None


def test_a_document_is_no_authority() -> None:
    from reconcile.extract.attribution import name_authority

    assert name_authority("the budget bill sent to parliament") is None
    assert name_authority("the parliamentary budget office") == "parliamentary budget office"
    assert name_authority("Statistics Canada") == "Statistics Canada"  # a name, not a document
