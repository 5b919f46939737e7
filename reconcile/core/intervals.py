"""Interval arithmetic on arrays: every result contains every exact result of its inputs.

Each function takes the lower and upper bounds of two intervals (numpy arrays, or floats; inf
for an open end) and returns the bounds of the result, so a derived figure never looks more
exact than the figures it came from. NaN marks a result that cannot be bounded (a division by
an interval that contains zero).
"""

from __future__ import annotations

import numpy as np

Bounds = tuple[np.ndarray, np.ndarray]


def _arrays(*values: np.ndarray | float) -> list[np.ndarray]:
    return [np.asarray(value, dtype=float) for value in values]


def add_intervals(
    a_low: np.ndarray | float,
    a_high: np.ndarray | float,
    b_low: np.ndarray | float,
    b_high: np.ndarray | float,
) -> Bounds:
    """[a] + [b]."""
    a_low, a_high, b_low, b_high = _arrays(a_low, a_high, b_low, b_high)
    return a_low + b_low, a_high + b_high


def subtract_intervals(
    a_low: np.ndarray | float,
    a_high: np.ndarray | float,
    b_low: np.ndarray | float,
    b_high: np.ndarray | float,
) -> Bounds:
    """[a] - [b]."""
    a_low, a_high, b_low, b_high = _arrays(a_low, a_high, b_low, b_high)
    return a_low - b_high, a_high - b_low


def multiply_intervals(
    a_low: np.ndarray | float,
    a_high: np.ndarray | float,
    b_low: np.ndarray | float,
    b_high: np.ndarray | float,
) -> Bounds:
    """[a] x [b]: the smallest and largest of the four corner products."""
    a_low, a_high, b_low, b_high = _arrays(a_low, a_high, b_low, b_high)
    with np.errstate(invalid="ignore"):
        # 0 x inf is taken as 0: an open end times zero adds nothing.
        corners = np.nan_to_num(
            np.stack([a_low * b_low, a_low * b_high, a_high * b_low, a_high * b_high]),
            nan=0.0,
            posinf=np.inf,
            neginf=-np.inf,
        )
    missing = np.isnan(a_low) | np.isnan(a_high) | np.isnan(b_low) | np.isnan(b_high)
    return np.where(missing, np.nan, corners.min(axis=0)), np.where(
        missing, np.nan, corners.max(axis=0)
    )


def divide_intervals(
    a_low: np.ndarray | float,
    a_high: np.ndarray | float,
    b_low: np.ndarray | float,
    b_high: np.ndarray | float,
) -> Bounds:
    """[a] / [b]; NaN where [b] contains zero (no finite bound exists)."""
    a_low, a_high, b_low, b_high = _arrays(a_low, a_high, b_low, b_high)
    spans_zero = (b_low <= 0) & (b_high >= 0)
    # Divide the corners directly: a reciprocal of a tiny divisor can overflow where the
    # quotient itself does not.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        corners = np.stack([a_low / b_low, a_low / b_high, a_high / b_low, a_high / b_high])
    bad = spans_zero | np.isnan(corners).any(axis=0)
    return np.where(bad, np.nan, corners.min(axis=0)), np.where(bad, np.nan, corners.max(axis=0))


def sum_intervals(low: np.ndarray, high: np.ndarray, groups: np.ndarray, n_groups: int) -> Bounds:
    """The sum of the intervals in each group (groups are codes 0..n_groups-1)."""
    total_low = np.bincount(groups, weights=np.asarray(low, dtype=float), minlength=n_groups)
    total_high = np.bincount(groups, weights=np.asarray(high, dtype=float), minlength=n_groups)
    return total_low, total_high
