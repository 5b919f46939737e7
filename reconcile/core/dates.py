"""Dates of claims read from a column (a publication date), each distinct value parsed once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .frames import take


def dates_at(frame: pd.DataFrame, column: str, rows: np.ndarray) -> np.ndarray:
    """The dates of `column` at `rows` as datetime64[D] (NaT where missing or unreadable):
    each distinct value is parsed once (rows of a million claims share a few dates)."""
    codes, distinct = pd.factorize(take(frame, column, rows))
    dates = pd.to_datetime(pd.Series(distinct, dtype=object), errors="coerce", format="mixed")
    return np.append(dates.to_numpy(dtype="datetime64[D]"), np.datetime64("NaT"))[codes]


def years_at(frame: pd.DataFrame, column: str, rows: np.ndarray) -> np.ndarray:
    """The years of those dates, as floats (NaN where there is no date)."""
    days = dates_at(frame, column, rows)
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    return np.where(np.isnat(days), np.nan, years.astype(float))
