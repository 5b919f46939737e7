"""A change stated between two figures of one sentence (issue 11), on sentences written here."""

from __future__ import annotations

import pytest

from reconcile.extract.arithmetic import find_stated_relations
from reconcile.figures.running_text import find_figures


def _change(text: str) -> tuple[str, str, str | None, bool]:
    figures = find_figures(text)
    spans = [text[a:b] for a, b, _ in figures]
    (change,) = [r for r in find_stated_relations(text, figures) if r.field == "change_of"]
    assert change.target is not None
    base = spans[change.base] if change.base is not None else None
    return spans[change.figure], spans[change.target], base, change.negative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spending climbed to $12.4 billion from $11.2 billion, a rise of 11 percent.",
            ("11 percent", "$12.4 billion", "$11.2 billion", False),
        ),
        (
            "The budget fell to 3.1 billion euros compared with last year's revised figure of "
            "3.3 billion euros, a decrease of 6.06 per cent.",
            ("6.06 per cent", "3.1 billion euros", "3.3 billion euros", True),
        ),
        (
            "Procurement was raised from Rs 1,02,000 crore last year to Rs 1,20,000 crore, "
            "an increase of 17.6 percent.",
            ("17.6 percent", "Rs 1,20,000 crore", "Rs 1,02,000 crore", False),
        ),
        # One figure: the change is of it, against the period before (no base figure).
        (
            "The ministry gets 8.1 billion manat, a 23 percent increase compared with the "
            "previous year.",
            ("23 percent", "8.1 billion manat", None, False),
        ),
        # "by X percent ... to Y": the change of the figure reached, from the period before.
        (
            "Exports increased by 6 percent in 2021 to $3.2 billion.",
            ("6 percent", "$3.2 billion", None, False),
        ),
        (
            "Sales fell by 3 percent to 40 million euros.",
            ("3 percent", "40 million euros", None, True),
        ),
        # Two figures in different units: neither is the base of the other.
        (
            "It spent 4 billion euros more than the 2 million tonnes planned, up 5 percent "
            "on 2020.",
            ("5 percent", "2 million tonnes", None, False),
        ),
    ],
)
def test_the_base_of_a_change_is_the_figure_after_from_or_compared_with(
    text: str, expected: tuple[str, str, str | None, bool]
) -> None:
    assert _change(text) == expected


def test_a_year_before_to_in_running_text_is_a_date_not_the_start_of_a_range() -> None:
    text = "Exports grew by 4 percent in 2022 to 950 million euros."
    assert [(text[a:b], p.low, p.high) for a, b, p in find_figures(text)] == [
        ("4 percent", 3.5, 4.5),
        ("950 million euros", 945e6, 955e6),
    ]
    text = "Output rose from 2019 to 2021."  # a span of years stays a date
    assert find_figures(text) == []


def test_a_rise_to_a_level_without_a_figure_is_not_a_change() -> None:
    text = "The share rose by 3 percent to the highest level."
    assert [r.field for r in find_stated_relations(text, find_figures(text))] == []


def test_a_figure_given_with_a_change_of_it_is_the_figure_changed() -> None:
    text = "Exports will be $4.2 billion in 2025 with a decrease of 8 percent."
    assert _change(text) == ("8 percent", "$4.2 billion", None, True)
