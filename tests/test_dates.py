"""Publication dates read from a column: each distinct value once, missing or unreadable as NaT."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from reconcile.core.dates import dates_at, years_at


def test_dates_and_years_at_rows_as_a_whole_column_reads_them() -> None:
    values = ["2020-08-05", datetime.date(2021, 1, 2), None, "not a date", "2020-08-05"]
    frame = pd.DataFrame({"published": pd.Series(values, dtype=object)})
    rows = np.array([4, 0, 1, 2, 3], dtype=np.int64)
    whole = pd.to_datetime(frame["published"], errors="coerce", format="mixed")
    expected = whole.to_numpy(dtype="datetime64[D]")[rows]
    np.testing.assert_array_equal(dates_at(frame, "published", rows), expected)
    years = years_at(frame, "published", rows)
    np.testing.assert_array_equal(years, [2020.0, 2020.0, 2021.0, np.nan, np.nan])
    assert dates_at(frame, "published", np.empty(0, dtype=np.int64)).shape == (0,)
