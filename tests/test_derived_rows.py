"""Derived rows (issue 11) as the frame has them: no column the frame lacks, the frame's own
dtypes; and the conflict table reads a derived side's value only where a side is derived."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.claims.catalogue import Metric
from reconcile.compare.reconciliation import reconcile_frame
from reconcile.figures.numbers import format_number, format_numbers
from reconcile.normalize.derived import derive_figures
from reconcile.reference.rates import load_rate_table

METRICS = {
    "budget": Metric("budget", "Budget", "money", "USD", 0.0),
    "growth": Metric("growth", "Growth", "ratio", "percent", 0.0),
}


def _frame() -> pd.DataFrame:
    """Parsed claims, as a claim table gives them: a 2025 budget stated with its growth over
    2024 (which implies 100), and two 2024 figures (one agreeing, one far off)."""
    rows = [
        ("later", "budget", "2025", "S1", 110.0, "USD", None),
        ("growth", "growth", "2025", "S1", 10.0, "percent", "later"),
        ("near", "budget", "2024", "S2", 100.2, "USD", None),
        ("far", "budget", "2024", "S3", 300.0, "USD", None),
    ]
    frame = pd.DataFrame(
        rows, columns=["id", "metric", "period", "source", "amount", "unit", "change_of"]
    )
    frame["entity"] = "AZE"
    frame["document"] = frame["source"] + ".yaml"
    frame["value"] = [f"{a:g} {u}" for a, u in zip(frame["amount"], frame["unit"], strict=True)]
    frame["low"], frame["high"] = frame["amount"] - 0.05, frame["amount"] + 0.05
    frame["year"] = frame["period"].astype(int)
    frame["valid"] = True
    frame["stage"], frame["basis"], frame["published"] = None, None, None
    frame["change_of"] = frame["change_of"].astype("str")
    return frame


def test_a_derived_row_adds_no_column_the_frame_lacks_and_keeps_its_dtypes() -> None:
    frame = _frame()
    derived = derive_figures(frame)
    assert derived["id"].tolist() == ["growth~base"]
    assert derived["period"].tolist() == ["2024"]
    assert derived["amount"].iloc[0] == 110 / 1.1
    assert derived["chain"].iloc[0] == "110 USD (later) ÷ (1 + 10 percent [9.95, 10.05]) (growth)"
    assert set(derived.columns) - set(frame.columns) == {"derived_from", "derived", "chain"}
    assert derived["year"].dtype == np.int64
    assert derived["change_of"].dtype == frame["change_of"].dtype
    assert derived["change_of"].isna().all()


def test_only_pairs_with_a_derived_side_carry_its_value() -> None:
    comparison, _, _ = reconcile_frame(_frame(), METRICS, load_rate_table())
    pairs = comparison.conflicts
    derived = pairs["derived_a"].notna() | pairs["derived_b"].notna()
    assert derived.any() and (~derived).any()  # the far figure against both 2024 figures
    with_derived = pairs[derived].iloc[0]
    side = "a" if with_derived["derived_a"] == "growth" else "b"
    assert with_derived[f"value_{side}"] == "implied by 10 percent on 110 USD"
    assert with_derived["cause"] == "implied-by-growth"
    plain = pairs[~derived]
    assert plain["value_a"].isna().all() and plain["value_b"].isna().all()


def test_format_numbers_formats_as_format_number() -> None:
    numbers = [0.0, 1.0, 22.5, 1234567.0, 0.000123456789, -5.5, 1e20, 2.5e-7]
    assert format_numbers(numbers) == [format_number(n) for n in numbers]
