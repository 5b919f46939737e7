"""The out-of-core report's conflicting pairs as JSON records, in batches, with their causes.

DuckDB sorts the pairs and writes each record, ending as a pair with no cause does; the likely
causes of each batch come from compare/causes.py on its NumPy columns, and only the records of
pairs with a cause get their own ending (around them, or in Arrow when most have one), so no
Python object is made per pair. Only pyarrow's buffer-level calls are used here: pa.array,
pa.scalar and Array.to_numpy import pandas (about 0.3 s of CPU at start-up), which the
out-of-core report otherwise never needs (tests/test_scale_records.py checks that it does not).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

# What comes before each record in the JSON report (an item of the "conflicts" list): a comma
# and a new line, so the list's first record is written without the comma.
SEPARATOR = ",\n    "
BATCH_ROWS = 100_000

# How a record of a pair with no cause ends (most pairs): DuckDB writes it so, and the records
# of the pairs that have a cause get their own ending in its place.
NO_CAUSE = ',"cause":null,"cause_text":null}'
# A batch whose pairs with a cause are more than one in CAUSED_SHARE has every record ended
# again in Arrow; a batch with fewer is written around them (a slice per such pair).
CAUSED_SHARE = 8

# The pairs sorted first and written as JSON after, so the sort carries the narrow columns.
# Each record ends as NO_CAUSE. A missing number is NaN, as in the pandas path's frame, so the
# number columns have no nulls; a pair's claims are usable, so they have a unit.
CONFLICTS = f"""
SELECT '{SEPARATOR}' || json_object('entity', entity, 'metric', metric, 'period', period,
        'fingerprint', substr(sha256(concat_ws('|', entity, metric, period,
            least(source_a, source_b), greatest(source_a, source_b))), 1, 16),
        'claim_a', id_a, 'claim_b', id_b, 'source_a', source_a, 'source_b', source_b,
        'gap', round(gap, 6), 'ratio', CASE WHEN isfinite(ratio) THEN round(ratio, 6) END,
        'severity', CASE WHEN gap < 0.05 THEN 'low' WHEN gap < 0.25 THEN 'medium'
            ELSE 'high' END, 'cause', NULL, 'cause_text', NULL)::VARCHAR AS record,
    coalesce(gap, 'NaN'::DOUBLE) AS gap, coalesce(ratio, 'NaN'::DOUBLE) AS ratio,
    coalesce(amount_a, 'NaN'::DOUBLE) AS amount_a, coalesce(amount_b, 'NaN'::DOUBLE) AS amount_b,
    coalesce(normalized_amount_a, 'NaN'::DOUBLE) AS normalized_amount_a,
    coalesce(normalized_amount_b, 'NaN'::DOUBLE) AS normalized_amount_b,
    unit_a, unit_b
FROM (
    -- the report's order: entity, metric, period by year (the numbers of compare/plan_sql.py's
    -- conflict_keys), then claim rows
    SELECT * FROM report_pairs JOIN conflict_keys USING (cg) ORDER BY cg, row_a, row_b
)
"""
_NUMBERS = ("gap", "ratio", "amount_a", "amount_b", "normalized_amount_a", "normalized_amount_b")


def conflict_batches(connection: Any, rows: int = BATCH_ROWS) -> Iterator[tuple[memoryview, int]]:
    """The table `report_pairs` as the report's conflicts, in batches of about `rows` in the
    report's order (entity, metric, period, claim rows): each batch is the UTF-8 text of its
    JSON records, each after SEPARATOR (valid until the next batch), and how many."""
    from .causes import likely_causes

    # the sorted subquery's order must reach the projection that writes the JSON
    connection.execute("SET preserve_insertion_order = true")
    relation = connection.sql(CONFLICTS)
    # DuckDB 2 names it to_arrow_reader; 1.x fetch_record_batch
    reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
    for batch in reader(rows):  # pyarrow RecordBatches
        if batch.num_rows == 0:
            continue
        columns = {name: _floats(batch.column(name)) for name in _NUMBERS}
        columns |= {name: _texts(batch.column(name)) for name in ("unit_a", "unit_b")}
        cause, detail = likely_causes(columns, batch.num_rows)
        yield _with_causes(batch.column("record"), cause, detail), batch.num_rows


def _floats(column: Any) -> np.ndarray:
    """A DOUBLE column without nulls, as NumPy (a view of its Arrow buffer)."""
    assert column.null_count == 0
    return np.frombuffer(column.buffers()[1], np.float64, len(column), column.offset * 8)


def _texts(column: Any) -> np.ndarray:
    """A text column without nulls, as a NumPy array of str (by its distinct values)."""
    assert column.null_count == 0
    encoded = column.dictionary_encode()
    indices = encoded.indices
    codes = np.frombuffer(indices.buffers()[1], np.int32, len(indices), indices.offset * 4)
    return np.array(encoded.dictionary.to_pylist(), dtype=object)[codes]


def _text_array(texts: list[str]) -> Any:
    """An Arrow string array of `texts`, built from its buffers."""
    import pyarrow as pa

    data = [t.encode("utf-8") for t in texts]
    offsets = np.zeros(len(data) + 1, np.int32)
    np.cumsum([len(d) for d in data], out=offsets[1:])
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(data))]
    return pa.Array.from_buffers(pa.string(), len(texts), buffers)


def _int_array(values: np.ndarray) -> Any:
    import pyarrow as pa

    values = np.ascontiguousarray(values, dtype=np.int32)
    return pa.Array.from_buffers(pa.int32(), len(values), [None, pa.py_buffer(values)])


def _with_causes(records: Any, causes: np.ndarray, details: np.ndarray) -> memoryview:
    """The records (an Arrow string array, each ending as NO_CAUSE), each ended by its cause
    and the sentence for it (written once per distinct cause and detail), as one UTF-8 text.

    A batch where no pair has a cause is the records' own buffer (no copy); one where a few do
    is copied once around them; otherwise every record is ended again in Arrow."""
    import pyarrow.compute as pc

    from .causes import describe_cause

    # one code per distinct (cause, detail); pairs with no cause are code 0
    codes = np.zeros(len(causes), np.int32)
    index: dict[tuple[Any, Any], int] = {(None, None): 0}
    caused = np.flatnonzero(causes != None)  # noqa: E711 - elementwise comparison
    for row in caused:
        codes[row] = index.setdefault((causes[row], details[row]), len(index))
    endings = [
        f',"cause":{json.dumps(cause, ensure_ascii=False)},'
        f'"cause_text":{json.dumps(describe_cause(cause, detail), ensure_ascii=False)}}}'
        for cause, detail in index
    ]
    if len(caused) * CAUSED_SHARE <= len(causes):
        encoded = [ending.encode("utf-8") for ending in endings]  # once per distinct ending
        return _ended_around(records, caused, [encoded[c] for c in codes[caused]])
    nothing = _text_array([""])[0]  # a scalar that pa.scalar would make by importing pandas
    bare = pc.utf8_slice_codeunits(records, 0, -len(NO_CAUSE))
    ended = pc.binary_join_element_wise(bare, _text_array(endings).take(_int_array(codes)), nothing)
    return _data(ended)


def _offsets(texts: Any) -> np.ndarray:
    """Where each text of an Arrow string array starts in its data buffer, and the end."""
    return np.frombuffer(texts.buffers()[1], np.int32, len(texts) + 1, texts.offset * 4)


def _data(texts: Any) -> memoryview:
    """The texts of an Arrow string array one after another: a view of its data buffer."""
    offsets = _offsets(texts)
    return memoryview(texts.buffers()[2])[int(offsets[0]) : int(offsets[-1])]


def _ended_around(records: Any, rows: np.ndarray, endings: list[bytes]) -> memoryview:
    """The records' text with the ending of each record at `rows` (ascending) in place of
    NO_CAUSE: the text between them sliced, not copied per record."""
    whole = _data(records)
    if not len(rows):
        return whole
    offsets = _offsets(records)
    ends = offsets[rows + 1].astype(np.int64) - int(offsets[0])
    pieces: list[bytes | memoryview] = []
    previous = 0
    for end, ending in zip(ends.tolist(), endings, strict=True):
        pieces.append(whole[previous : end - len(NO_CAUSE)])
        pieces.append(ending)
        previous = end
    pieces.append(whole[previous:])
    return memoryview(b"".join(pieces))
