"""dump_json(indent=2) through orjson gives json.dumps' bytes exactly (the reports' JSON)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.core import json_text
from reconcile.core.json_text import dump_json, finite

GOLDEN = Path(__file__).parent / "golden"


def reference(value: Any) -> str:
    """What dump_json wrote before orjson: json's own indented encoder."""
    try:
        return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(value), indent=2, ensure_ascii=False, allow_nan=False)


_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.floats(min_value=-1e-3, max_value=1e-3)
    | st.sampled_from([1e16, 1e15, 9007199254740993.0, 1e-4, 1e-5, -0.0, 5e-324, 1e308])
    | st.text()
    | st.sampled_from(["é", "\u2028", "\x7f", '\x00\x1f\t\n"\\', "日本", "🙂", "0.00001"])
)
_NESTED = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.text(max_size=8), inner, max_size=5)
        | st.tuples(inner, inner)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(_NESTED)
def test_indented_json_is_byte_identical_to_json(value: Any) -> None:
    """Random nested records: non-ASCII, control characters, floats of every size, NaN and
    infinities (null), integers past 64 bits, tuples, empty containers."""
    assert dump_json(value, indent=2) == reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {1: "a key that is not a string"},
        {"big": 2**64},
        {"tiny": 1e-7},
        {"tiny": -1.5e-5, "not tiny": 58437000000.00001},
        {"text": "0.00001 is written as a float would be"},
        {"nan": [math.nan, math.inf, -math.inf]},
        [],
        {},
        {"nested": {"empty": [], "map": {}}},
    ],
)
def test_the_cases_orjson_would_write_otherwise_fall_back(value: Any) -> None:
    assert dump_json(value, indent=2) == reference(value)


def test_types_json_refuses_are_still_refused() -> None:
    """orjson would write dataclasses and datetimes; json refuses them, and so does dump_json."""

    @dataclasses.dataclass
    class Point:
        x: int

    for value in (Point(1), datetime.date(2024, 1, 1)):
        with pytest.raises(TypeError):
            dump_json({"value": value}, indent=2)


def test_orjson_writes_the_common_case() -> None:
    """A report-like record takes the fast path (so the test above is not vacuous)."""
    record = {"claims": [{"id": "c1", "low": 1.5, "high": None, "steps": []}], "n": 3}
    assert json_text._orjson_indented(record) == reference(record)


def test_golden_report_json_is_written_again_byte_for_byte() -> None:
    """The golden JSON report, read and written again, gives its own bytes."""
    path = GOLDEN / "report.json"
    text = path.read_text(encoding="utf-8")
    report = json.loads(text)
    assert json_text._orjson_indented(report) is not None
    assert dump_json(report, indent=2) + "\n" == text


def test_json_bytes_are_the_text_encoded() -> None:
    """dump_json_bytes gives dump_json(indent=2)'s text plus a newline, as UTF-8, on both
    paths (orjson, and json for what orjson writes otherwise)."""
    from reconcile.core.json_text import dump_json_bytes

    for value in ({"a": "é", "b": [1.5, None]}, {"tiny": 1e-7}, {1: "key"}):
        assert dump_json_bytes(value) == (reference(value) + "\n").encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _NESTED, max_size=6) | _NESTED)
def test_json_chunks_join_to_the_whole_text(value: Any) -> None:
    """The pieces of dump_json_chunks are the text of dump_json_bytes, cut up."""
    from reconcile.core.json_text import dump_json_chunks

    assert b"".join(dump_json_chunks(value)) == (reference(value) + "\n").encode("utf-8")


def test_golden_report_in_chunks_is_byte_for_byte() -> None:
    from reconcile.core.json_text import dump_json_chunks

    text = (GOLDEN / "report.json").read_text(encoding="utf-8")
    chunks = list(dump_json_chunks(json.loads(text)))
    assert len(chunks) > 10
    assert b"".join(chunks) == text.encode("utf-8")
