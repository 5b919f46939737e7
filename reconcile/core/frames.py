"""Small vectorised helpers for DataFrames used across stages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_LIMIT = 2**62
# The dtype pandas gives a column of texts (Arrow-backed, NaN for missing).
TEXT_DTYPE = pd.Series(["text"]).dtype


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


def find_rows(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The row of each wanted id in `ids` (its first occurrence), or -1 where it is absent.

    Hashes only the distinct wanted ids and probes every id against them: for a few
    references into millions of claims this is several times faster than an index of all ids
    (which must also check that they are unique).
    """
    wanted = np.asarray(wanted, dtype=object)
    if not len(wanted):
        return np.empty(0, dtype=np.int64)
    distinct = pd.Index(pd.unique(wanted))
    hit = distinct.get_indexer(pd.Index(ids, dtype=object, copy=False))
    first = np.full(len(distinct), -1, dtype=np.int64)
    rows = np.flatnonzero(hit >= 0)[::-1]  # reversed, so the earliest row is written last
    first[hit[rows]] = rows
    return first[distinct.get_indexer(pd.Index(wanted, dtype=object))]


def find_column_rows(frame: pd.DataFrame, column: str, wanted: Any) -> np.ndarray:
    """find_rows on a column of `frame`: Arrow's `index_in` gives, in one pass over the column
    (a string column is already Arrow: no copy), the distinct wanted value each row holds, so
    no row becomes a Python object. pandas' own isin on an Arrow string column is several
    times slower."""
    if isinstance(wanted, pa.Array):  # Arrow texts (take_texts): distinct values in Arrow
        if not len(wanted):
            return np.empty(0, dtype=np.int64)
        value_set = pc.unique(pc.drop_null(wanted))
        codes = pc.index_in(wanted, value_set=value_set).fill_null(-1).to_numpy()
    else:
        wanted = np.asarray(wanted, dtype=object)
        if not len(wanted):
            return np.empty(0, dtype=np.int64)
        codes, distinct = pd.factorize(wanted)
        value_set = pa.array(distinct, from_pandas=True)
    try:
        values = pa.array(frame[column], from_pandas=True)
        if pa.types.is_string(values.type) and pa.types.is_large_string(value_set.type):
            value_set = value_set.cast(values.type)
        index = pc.index_in(values, value_set=value_set)
        hit = index.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    except (pa.ArrowException, TypeError):  # mixed types: pandas compares them as objects
        distinct = pd.Index(value_set.to_numpy(zero_copy_only=False), dtype=object)
        hit = distinct.get_indexer(pd.Index(frame[column].astype(object)))
    first = np.full(len(value_set), -1, dtype=np.int64)
    rows = np.flatnonzero(hit >= 0)[::-1]  # reversed, so the earliest row is written last
    first[hit[rows]] = rows
    return np.where(codes >= 0, first[np.maximum(codes, 0)], -1)


def holds_any(column: pd.Series, wanted: np.ndarray) -> np.ndarray:
    """Where `column`, read as text, holds one of the `wanted` texts: Arrow's `is_in` in one
    pass over a string column, no Python string per row."""
    distinct = pd.unique(np.asarray(wanted, dtype=object))
    try:
        hit = pc.is_in(pa.array(column, from_pandas=True), value_set=pa.array(distinct))
        return np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)
    except (pa.ArrowException, TypeError):  # not a string column: compare its texts
        texts = column.astype(str).to_numpy(dtype=object)
        return np.asarray(pd.Index(distinct, dtype=object).get_indexer(texts) >= 0, dtype=bool)


def take(frame: pd.DataFrame, column: str, rows: np.ndarray) -> np.ndarray:
    """The values of `column` at `rows`, as a NumPy object array.

    Takes the rows first: converting a whole Arrow-backed string column to objects (pandas 3
    stores strings in Arrow when pyarrow is installed) costs far more than the few rows needed.
    """
    series = frame[column]
    if series.dtype == TEXT_DTYPE:
        return text_rows(series, rows).to_numpy(dtype=object)
    return series.iloc[rows].to_numpy(dtype=object)


# A take of fewer rows than a column's length / SPLIT_TAKE is split by chunk (arrow_take).
SPLIT_TAKE = 8


def arrow_take(series: pd.Series, rows: np.ndarray) -> Any:
    """The Arrow values of an Arrow-backed column at `rows` (positions, a negative one counting
    from the end, or a mask, as with iloc).

    A column pd.concat made (claims with derived rows appended) is chunked Arrow, and Arrow
    takes from a chunked text column by first joining its chunks into a new array: each take
    of a few rows paid for a copy of the whole column (10-30 ms on a million claims). For a
    take of a few rows, the rows of each chunk are taken from that chunk instead, and the
    pieces put back in order (a take from the small array they make).
    """
    values = pa.array(series.array)
    indices = np.asarray(rows)
    # a mask selects the rows where it is true, as with iloc
    indices = np.flatnonzero(indices) if indices.dtype == bool else indices.astype(np.int64)
    if len(indices) and indices.min() < 0:
        indices = np.where(indices < 0, indices + len(series), indices)
    if not isinstance(values, pa.ChunkedArray):
        return values.take(pa.array(indices))
    if values.num_chunks == 1:
        return values.chunk(0).take(pa.array(indices))
    if not len(indices) or len(indices) * SPLIT_TAKE > len(values):
        # Arrow's own take (which joins the chunks first) is the faster for many rows
        return values.take(pa.array(indices)).combine_chunks()
    pieces, positions, start = [], [], 0
    for chunk in values.chunks:
        inside = np.flatnonzero((indices >= start) & (indices < start + len(chunk)))
        if len(inside):
            pieces.append(chunk.take(pa.array(indices[inside] - start)))
            positions.append(inside)
        start += len(chunk)
    order = np.concatenate(positions) if positions else indices[:0]
    if len(order) != len(indices):
        raise IndexError(f"row positions out of range 0..{len(series) - 1}")
    inverse = np.empty(len(order), dtype=np.int64)
    inverse[order] = np.arange(len(order), dtype=np.int64)
    return pa.concat_arrays(pieces).take(pa.array(inverse))


def text_rows(series: pd.Series, rows: np.ndarray) -> Any:
    """A text column's values at `rows` (arrow_take), as a text array of its own dtype."""
    return pd.array(arrow_take(series, rows), dtype=series.dtype)


def frame_rows(frame: pd.DataFrame, columns: Sequence[str], rows: np.ndarray) -> pd.DataFrame:
    """`frame[columns].iloc[rows]` with a new range index; text columns are taken chunk by
    chunk (arrow_take), not by joining the chunks of each first."""
    data = {}
    for column in columns:
        series = frame[column]
        if series.dtype == TEXT_DTYPE:
            data[column] = pd.Series(text_rows(series, rows))
        else:
            data[column] = series.iloc[rows].reset_index(drop=True)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def join_texts(*parts: Any) -> pd.api.extensions.ExtensionArray:
    """Texts joined position by position (arrays of strings of one length, Arrow arrays from
    take_texts, and plain strings repeated), as a pandas string array: one pass in Arrow, no
    Python string built per row."""
    text = pa.large_string()
    arrays = [_arrow_text(part, text) for part in parts]
    return pd.array(pc.binary_join_element_wise(*arrays, pa.scalar("", text)), dtype="str")


def _arrow_text(part: Any, text: Any) -> Any:
    if isinstance(part, str):
        return pa.scalar(part, text)
    if isinstance(part, pa.Array | pa.ChunkedArray):
        return part.cast(text)
    return pa.array(part, type=text)


def same_at(
    frame: pd.DataFrame, column: str, a: np.ndarray, b: np.ndarray, *, missing_same: bool = False
) -> np.ndarray:
    """Where rows `a` and `b` of `column` hold equal values, as `take(a) == take(b)` gives (a
    text column's missing value, NaN, equals nothing; None in an object column equals None),
    or with `missing_same` any two missing values are equal. A text column is compared in
    Arrow, with no Python string per row."""
    series = frame[column]
    if series.dtype == TEXT_DTYPE:
        first, second = arrow_take(series, a), arrow_take(series, b)
        equal = pc.fill_null(pc.equal(first, second), False)
        if missing_same:
            equal = pc.or_(equal, pc.and_(pc.is_null(first), pc.is_null(second)))
        return np.asarray(equal.to_numpy(zero_copy_only=False), dtype=bool)
    first, second = take(frame, column, a), take(frame, column, b)
    equal = np.asarray(first == second, dtype=bool)
    if missing_same:
        equal |= pd.isna(first) & pd.isna(second)
    return equal


def texts_where(given: np.ndarray, values: np.ndarray, template: str, otherwise: str = "") -> Any:
    """`template` filled with each value where `given` holds, else `otherwise`, as Arrow texts:
    only the given rows are formatted (str.format), the others share one text."""
    rows = np.flatnonzero(given)
    texts = np.full(len(given), None, dtype=object)
    texts[rows] = [template.format(v) for v in values[rows].tolist()]
    return pc.fill_null(pa.array(texts, type=pa.large_string()), otherwise)


def take_texts(frame: pd.DataFrame, column: str, rows: np.ndarray) -> Any:
    """The values of `column` at `rows` as Arrow texts, written as str() writes them: what
    take(...).astype(str) gives, without a Python string per row for a text column (whose
    missing values read "nan", as pandas gives them)."""
    series = frame[column]
    if series.dtype == TEXT_DTYPE:
        return pc.fill_null(arrow_take(series, rows).cast(pa.large_string()), "nan")
    values = take(frame, column, rows)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":  # texts only: as they are
        return pa.array(values, type=pa.large_string())
    return pa.array(values.astype(str), type=pa.large_string())


def text_column(values: np.ndarray) -> Any:
    """An object array of texts and missing values (None, NaN) as a column of texts, built in
    Arrow in one pass: what assigning the array would give (pandas infers a text column, more
    slowly), so an array with no text at all, or with objects that are not text, is returned
    as it is, for pandas to infer as before."""
    try:
        arrow = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, TypeError):
        return values
    if arrow.null_count == len(arrow):
        return values
    return pd.array(arrow, dtype="str")


def take_values(series: pd.Series, rows: np.ndarray) -> Any:
    """The values of a column at `rows`, to become a column of a new frame. A text column stays
    in Arrow: through Python objects each text was built twice (to objects, then back to
    Arrow). Rows with no text at all take the object path, which gives the dtype they always
    had (objects)."""
    if series.dtype == TEXT_DTYPE and len(rows):
        taken = text_rows(series, rows)
        if not taken.isna().all():
            return taken
    return series.iloc[rows].to_numpy()


def codes_of(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Integer codes of a column's values (equal values, equal codes; missing values -1)."""
    return pd.factorize(frame[column])[0]
