"""Finding the rows that hold given ids, on object and Arrow-backed string columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reconcile.core.frames import find_column_rows, find_rows


@pytest.mark.parametrize("dtype", [object, "string[pyarrow]", "str"])
def test_find_column_rows_gives_the_first_row_of_each_id_or_minus_one(dtype: object) -> None:
    frame = pd.DataFrame({"id": pd.Series(["a", "b", "c", "b", None], dtype=dtype)})
    wanted = np.array(["b", "zz", "a", "b", "c"], dtype=object)
    assert find_column_rows(frame, "id", wanted).tolist() == [1, -1, 0, 1, 2]
    ids = frame["id"].to_numpy(dtype=object)
    assert find_column_rows(frame, "id", wanted).tolist() == find_rows(ids, wanted).tolist()
    assert find_column_rows(frame, "id", np.array(["zz"], dtype=object)).tolist() == [-1]
    assert find_column_rows(frame, "id", np.array([], dtype=object)).tolist() == []


def test_find_column_rows_on_ids_of_mixed_types_falls_back_to_objects() -> None:
    frame = pd.DataFrame({"id": pd.Series(["a", 7, "b"], dtype=object)})
    assert find_column_rows(frame, "id", np.array(["b", "a"], dtype=object)).tolist() == [2, 0]
