"""Relations a sentence states between its figures (issue 11), on sentences written here."""

from __future__ import annotations

import pytest

from reconcile.extract.arithmetic import find_stated_relations
from reconcile.figures.running_text import find_figures

CODES = {"manat": "AZN", "dollar": "USD", "drams": "AMD"}


def _relations(text: str) -> list[tuple[str, str, str | None]]:
    figures = find_figures(text)
    spans = [text[a:b] for a, b, _ in figures]
    out = []
    for relation in find_stated_relations(text, figures, CODES):
        target = spans[relation.target] if relation.target is not None else relation.whole
        out.append((spans[relation.figure], relation.field, target))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The navy gets 50 billion drams (about $100 million) this year.",
            [("about $100 million", "equivalent_of", "50 billion drams")],
        ),
        (
            "The navy gets 50 billion drams, or about $100 million, this year.",
            [("about $100 million", "equivalent_of", "50 billion drams")],
        ),
        (
            "The navy gets 50 billion drams ($100 million), 12 percent more than in 2021.",
            [
                ("$100 million", "equivalent_of", "50 billion drams"),
                ("12 percent", "change_of", "50 billion drams"),
            ],
        ),
        (
            "Spending was 7 billion manat, a 4 percent increase on the previous year.",
            [("4 percent", "change_of", "7 billion manat")],
        ),
        (
            "Spending on the guard reached 3 billion manat, 2.5% of GDP.",
            [("2.5%", "share_of", "GDP"), ("2.5%", "part", "3 billion manat")],
        ),
        (
            "The brigade had 12 officers, 30 sergeants and 200 privates, a total of 242 men.",
            [
                ("12", "part_of", "a total of 242"),
                ("30", "part_of", "a total of 242"),
                ("200", "part_of", "a total of 242"),
            ],
        ),
        (
            "A budget of 5 billion manat, of which 3 billion manat for roads and 1 billion "
            "manat for schools.",
            [
                ("3 billion manat", "part_of", "5 billion manat"),
                ("1 billion manat", "part_of", "5 billion manat"),
            ],
        ),
        # A rank is no part of a share: the share has no part in its sentence.
        ("Ruritania spends 3.1% of GDP, the highest share in the region.", []),
        # Two figures side by side in the same unit are not a restatement.
        ("It had 5 billion manat (4 billion manat in 2019).", []),
        # The whole's own figure is not the part: the part is in another sentence.
        ("That is 2.5 percent of the total budget of 40 billion manat.", []),
        (
            "Schools get 3 billion manat, 7.5 percent of the state budget.",
            [
                ("7.5 percent", "share_of", "state budget"),
                ("7.5 percent", "part", "3 billion manat"),
            ],
        ),
    ],
)
def test_stated_relations(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _relations(text) == expected


def test_a_fall_is_marked_and_the_text_rate_is_kept() -> None:
    text = (
        "It gets 10 billion manat ($5 billion) at 2 manat to the dollar, "
        "a cut of 3 percent on 2019."
    )
    figures = find_figures(text)
    relations = find_stated_relations(text, figures, CODES)
    equivalent = next(r for r in relations if r.field == "equivalent_of")
    assert equivalent.rate == "2 AZN/USD"
    change = next(r for r in relations if r.field == "change_of")
    assert change.negative and change.change_from == "2019"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The budget rose by $850 million to $9.6 billion.",
            [("$850 million", "change_of", "$9.6 billion")],
        ),
        ("The toll rose by 19 to 131.", [("19", "change_of", "131")]),
        (
            "Spending fell by 2 billion manat to 7 billion manat.",
            [("2 billion manat", "change_of", "7 billion manat")],
        ),
    ],
)
def test_an_amount_of_change_is_linked_to_the_level_it_reached(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _relations(text) == expected
