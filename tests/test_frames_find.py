"""Finding the rows that hold given ids, on object and Arrow-backed string columns (in one
Arrow chunk or several, as a concat leaves them); texts joined in Arrow."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from reconcile.core import frames
from reconcile.core.frames import (
    arrow_take,
    find_column_rows,
    find_rows,
    frame_rows,
    holds_any,
    join_texts,
    same_at,
    take,
    take_texts,
    take_values,
    texts_where,
)


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


def test_join_texts_joins_position_by_position_into_a_string_column() -> None:
    ids = np.array(["a", "b"], dtype=object).astype(str)
    joined = join_texts(ids, " ÷ ", np.array(["x", "yz"]), "~base")
    assert list(joined) == ["a ÷ x~base", "b ÷ yz~base"]
    assert joined.dtype == pd.Series(["a"]).dtype  # the dtype pandas infers for texts


@pytest.mark.parametrize("dtype", [object, "string[pyarrow]", "str"])
def test_holds_any_marks_the_rows_holding_a_wanted_text(dtype: object) -> None:
    column = pd.Series(["a", "b", None, "c", "a"], dtype=dtype)
    wanted = np.array(["a", "c", "zz", "a"], dtype=object)
    assert holds_any(column, wanted).tolist() == [True, False, False, True, True]


def test_holds_any_reads_other_values_as_their_texts() -> None:
    column = pd.Series([7, 8, 9])
    assert holds_any(column, np.array(["8"], dtype=object)).tolist() == [False, True, False]


def test_take_values_keeps_texts_in_arrow_and_missing_texts_as_objects() -> None:
    texts = pd.Series(["a", None, "c"], dtype="str")
    taken = take_values(texts, np.array([2, 1]))
    assert taken.dtype == texts.dtype and taken[0] == "c" and pd.isna(taken[1])
    assert take_values(texts, np.array([1])).dtype == object  # as the object path gives
    assert take_values(pd.Series([1.5, 2.5]), np.array([1])).tolist() == [2.5]


@pytest.mark.parametrize("dtype", [object, "str"])
def test_take_texts_writes_values_as_str_does(dtype: object) -> None:
    frame = pd.DataFrame({"v": pd.Series(["a", None, "ccc", "ä"], dtype=dtype)})
    rows = np.array([3, 1, 0, 2])
    expected = frame["v"].iloc[rows].to_numpy(dtype=object).astype(str).tolist()
    assert take_texts(frame, "v", rows).to_pylist() == expected
    assert list(join_texts(take_texts(frame, "v", rows), "|")) == [f"{v}|" for v in expected]


@pytest.mark.parametrize(
    "values", [["a", "bb", "ä"], ["a", 2, 3.5], ["a", np.str_("b"), "c"], [1, 2, 3]]
)
def test_take_texts_of_objects_are_what_str_writes(values: list[object]) -> None:
    frame = pd.DataFrame({"v": pd.Series(values, dtype=object)})
    rows = np.array([2, 0, 1])
    assert take_texts(frame, "v", rows).to_pylist() == [str(values[n]) for n in rows]


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("missing_same", [False, True])
def test_same_at_compares_rows_as_taking_both_sides_does(dtype: object, missing_same: bool) -> None:
    column = pd.Series(["x", None, "y", "x", None, "y"], dtype=dtype)
    # in two chunks, as a concat leaves a text column, with rows on both sides of the seam
    frame = pd.DataFrame({"u": pd.concat([column, column], ignore_index=True)})
    a, b = np.array([0, 1, 2, 4, 9, 7, 1]), np.array([3, 4, 0, 2, 3, 11, 10])
    first, second = frame["u"].to_numpy(dtype=object)[a], frame["u"].to_numpy(dtype=object)[b]
    both_missing = pd.isna(first) & pd.isna(second)
    expected = [bool(x == y) for x, y in zip(first, second, strict=True)]  # NaN != NaN
    if missing_same:
        expected = [e or m for e, m in zip(expected, both_missing, strict=True)]
    assert same_at(frame, "u", a, b, missing_same=missing_same).tolist() == expected


def test_texts_where_formats_only_the_given_rows() -> None:
    given = np.array([False, True, False, True])
    texts = texts_where(given, np.array([7, 8, 9, 10]), "year {}", otherwise="none")
    assert texts.to_pylist() == ["none", "year 8", "none", "year 10"]
    assert texts_where(np.zeros(2, dtype=bool), np.array([1, 2]), "{}").to_pylist() == ["", ""]


@pytest.mark.parametrize("dtype", [object, "str"])
def test_find_column_rows_takes_arrow_texts_as_it_takes_objects(dtype: object) -> None:
    frame = pd.DataFrame({"id": pd.Series(["a", "b", "c", "b", None], dtype=dtype)})
    wanted = np.array(["b", "zz", "a", "b", "c"], dtype=object)
    arrow = pa.array(list(wanted), type=pa.large_string())
    assert find_column_rows(frame, "id", arrow).tolist() == [1, -1, 0, 1, 2]
    assert find_column_rows(frame, "id", pa.array([None, "c"], pa.large_string())).tolist() == [
        -1,
        2,
    ]
    assert find_column_rows(frame, "id", pa.array([], pa.large_string())).tolist() == []


def test_text_columns_in_two_chunks_read_as_in_one() -> None:
    # Derived rows are appended with pd.concat, which leaves each text column two Arrow chunks.
    first = pd.DataFrame({"id": pd.Series(["a", None, "b"], dtype="str")})
    second = pd.DataFrame({"id": pd.Series(["c", "a"], dtype="str")})
    frame = pd.concat([first, second], ignore_index=True)
    arrow = pa.array(frame["id"].array)
    assert isinstance(arrow, pa.ChunkedArray) and arrow.num_chunks == 2
    rows = np.array([3, 1, 0], dtype=np.int64)
    assert take_texts(frame, "id", rows).to_pylist() == ["c", "nan", "a"]
    assert list(take_values(frame["id"], rows)[[0, 2]]) == ["c", "a"]
    assert find_column_rows(frame, "id", take_texts(frame, "id", rows)).tolist() == [3, -1, 0]
    wanted = np.array(["b", "a", "z"], dtype=object)
    assert find_column_rows(frame, "id", wanted).tolist() == [2, 0, -1]


def _chunked(texts: list[list[str | None]]) -> pd.DataFrame:
    parts = [pd.DataFrame({"t": pd.Series(t, dtype="str"), "n": range(len(t))}) for t in texts]
    return pd.concat(parts, ignore_index=True)


@pytest.mark.parametrize("chunks", [[["a", None, "c", "d", "e"]], [["a", None, "c"], ["d", "e"]],
                                    [["a"], [None, "c"], [], ["d", "e"]]])  # fmt: skip
@pytest.mark.parametrize("split", [0, 1000])  # every take split by chunk, or none
def test_rows_taken_chunk_by_chunk_are_those_iloc_takes(
    chunks: list[list[str | None]], split: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frames, "SPLIT_TAKE", split)
    # Rows from every chunk, out of order, repeated, and counted from the end.
    frame = _chunked(chunks)
    rows = np.array([4, 0, 1, 3, -1, 2, 4, 0], dtype=np.int64)
    expected = frame["t"].iloc[rows]
    assert arrow_take(frame["t"], rows).to_pylist() == ["e", "a", None, "d", "e", "c", "e", "a"]
    assert take(frame, "t", rows).tolist()[:2] == ["e", "a"]
    assert pd.isna(take(frame, "t", rows)[2])
    pd.testing.assert_series_equal(
        pd.Series(take_values(frame["t"], rows), name="t"), expected.reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(
        frame_rows(frame, ["t", "n"], rows), frame[["t", "n"]].iloc[rows].reset_index(drop=True)
    )
    assert take(frame, "t", rows[:0]).tolist() == []
    mask = np.array([True, False, False, True, True])
    assert arrow_take(frame["t"], mask).to_pylist() == ["a", "d", "e"]


def test_a_row_outside_the_column_is_an_index_error_as_with_iloc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(frames, "SPLIT_TAKE", 0)
    frame = _chunked([["a", "b"], ["c"]])
    with pytest.raises(IndexError):
        take(frame, "t", np.array([1, 3]))
