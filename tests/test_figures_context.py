"""A figure read in its sentence: the unit written once for a coordinated pair of numbers."""

from __future__ import annotations

import pytest

from reconcile.figures.context import parse_in_context
from reconcile.normalize.parsing import parse_values


@pytest.mark.parametrize(
    ("text", "sentence", "amount", "unit"),
    [
        ("12", "The patients took 12 and 20 mg a day.", 12.0, "milligram"),
        ("7", "Inflation was 7 or 8 percent last year.", 7.0, "percent"),
        ("4", "The deal is worth between 4 and 5 billion dollars.", 4e9, "USD"),
        ("30", "The road runs 30 to 40 km north.", 30.0, "kilometer"),
        ("2", "It weighs 2–3 tonnes.", 2.0, "tonne"),
    ],
)
def test_a_bare_number_takes_the_unit_of_the_number_after_it(
    text: str, sentence: str, amount: float, unit: str
) -> None:
    parsed = parse_in_context(text, sentence)
    assert (parsed.ok, parsed.amount, parsed.unit, parsed.text) == (True, amount, unit, text)
    assert [f.code for f in parsed.findings] == ["unit-from-context"]
    assert parsed.findings[0].level == "warning"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("12", "We counted 12 and 20 ships."),  # a counted noun, not a unit
        ("12", "The dose is 12{mg)."),  # nothing joins it to another number
        ("12", "12 of the 20 mg tablets"),  # "of" does not make a pair
        ("12", None),
        ("12 kg", "It weighs 12 kg and 20 mg."),  # has a unit of its own
    ],
)
def test_without_a_pair_the_figure_is_read_alone(text: str, sentence: str | None) -> None:
    assert parse_in_context(text, sentence) == parse_in_context(text, None)


def test_the_exact_message_says_what_was_borrowed_and_the_fix() -> None:
    parsed = parse_in_context("12", "between 12 and 20 mg")
    assert parsed.findings[0].message == (
        "'12' has no unit of its own; it takes 'milligram' from '20 mg' after it; "
        "write the unit after both numbers if that is wrong"
    )


def test_parse_values_reads_each_text_in_its_own_sentence() -> None:
    read = parse_values(["12", "12"], sentences=["12 and 20 mg", None])
    assert [p.unit for p in read] == ["milligram", "count"]
