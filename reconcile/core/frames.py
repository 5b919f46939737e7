"""Small vectorised helpers for DataFrames used across stages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

_LIMIT = 2**62


def factorize_columns(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..k-1 for each distinct combination of `columns` (missing values included), in
    order of first appearance, and the row index of each combination's first row.

    Much faster than MultiIndex.factorize, which builds a Python tuple per row: each column is
    factorized once and the integer codes are combined arithmetically.
    """
    n = len(frame)
    combined = np.zeros(n, dtype=np.int64)
    bound = 1
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        size = len(uniques) + 1
        if bound * size >= _LIMIT:
            combined, distinct = pd.factorize(combined)
            bound = len(distinct) + 1
        combined = combined * size + codes
        bound *= size
    codes, distinct = pd.factorize(combined)
    first_rows = np.full(len(distinct), n, dtype=np.int64)
    np.minimum.at(first_rows, codes, np.arange(n, dtype=np.int64))
    return codes.astype(np.int64), first_rows
