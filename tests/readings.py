"""How the figure tests check a reading: its findings, its unit and its numbers."""

from __future__ import annotations

import pytest

from reconcile.core.parsed_value import ParsedValue


def assert_reading(
    value: ParsedValue,
    unit: str | None,
    amount: float | None,
    low: float | None,
    high: float | None,
    codes: list[str],
) -> None:
    """The findings are `codes`; with no `unit` the figure is refused, else it has that unit
    and the numbers given (None: not checked)."""
    assert [f.code for f in value.findings] == codes
    if unit is None:
        assert not value.ok
        return
    assert value.ok
    assert value.unit == unit
    for got, expected in ((value.amount, amount), (value.low, low), (value.high, high)):
        if expected is not None:
            assert got == pytest.approx(expected, rel=1e-9)
