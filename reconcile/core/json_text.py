"""JSON text that is always valid JSON: NaN and infinities become null, never `Infinity`."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

# orjson writes some floats under 1e-4 positionally (0.00001) and others with a one-digit
# exponent (5.9e-8) where json writes 1e-05 and 5.9e-08: a text holding such digits is
# written again by json, so the two never differ by a byte.
# Both patterns start with a literal, which the re module finds fast; the byte before a match
# tells a float's start ("0.00001", "5.9e-8") from other digits ("58437000000.00001").
_POSITIONAL = re.compile(rb"0\.0000[0-9]")
_SHORT_EXPONENT = re.compile(rb"e-[0-9](?![0-9])")
_DIGITS = frozenset(b"0123456789")


def finite(value: Any) -> Any:
    """The value with every non-finite float (NaN, +-inf), however deep, replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def dump_json_bytes(value: Any) -> bytes:
    """dump_json(value, indent=2) + newline, as UTF-8: orjson's bytes as they come, with no
    text copy in between (a 200,000-claim report is 270 MB of JSON)."""
    data = _orjson_bytes(value)
    if data is not None:
        return data + b"\n"
    return (dump_json(value, indent=2) + "\n").encode("utf-8")


def dump_json_chunks(value: Any) -> Iterator[bytes]:
    """dump_json_bytes(value) in pieces, a top-level list item by item, so that the text of a
    large report never sits in memory whole (nor orjson's growing buffer for it).

    json's indented text of a value nested n levels deep is its own indented text with every
    line after the first indented by 2n spaces: JSON strings hold no raw newline, so each
    piece is written alone and its newlines indented.
    """
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) for k in value):
        yield dump_json_bytes(value)
        return
    yield b"{"
    for number, (key, item) in enumerate(value.items()):
        name = json.dumps(key, ensure_ascii=False).encode("utf-8")
        yield (b"," if number else b"") + b"\n  " + name + b": "
        if isinstance(item, list) and item:
            yield b"["
            for index, element in enumerate(item):
                yield (b"," if index else b"") + b"\n    " + _indented(element, 4)
            yield b"\n  ]"
        else:
            yield _indented(item, 2)
    yield b"\n}\n"


def _indented(value: Any, spaces: int) -> bytes:
    data = _orjson_bytes(value)
    if data is None:
        data = dump_json(value, indent=2).encode("utf-8")
    return data.replace(b"\n", b"\n" + b" " * spaces)


def dump_json(value: Any, *, indent: int | None = None) -> str:
    """JSON text (UTF-8 kept) that any strict reader accepts: allow_nan is off.

    With `indent=2` the text comes from orjson when it can write it byte for byte as json does
    (json's indented encoder is pure Python: a report of 200,000 claims took minutes), else
    from json.
    """
    if indent == 2:
        text = _orjson_indented(value)
        if text is not None:
            return text
    try:
        return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere: open ends and unknowns are null
        return json.dumps(finite(value), indent=indent, ensure_ascii=False, allow_nan=False)


def _orjson_indented(value: Any) -> str | None:
    """json.dumps(finite(value), indent=2, ensure_ascii=False) by orjson, or None when orjson
    is missing or its text could differ (see _orjson_bytes)."""
    data = _orjson_bytes(value)
    return None if data is None else data.decode("utf-8")


def _orjson_bytes(value: Any) -> bytes | None:
    """The UTF-8 of json.dumps(finite(value), indent=2, ensure_ascii=False) by orjson, or
    None when orjson is missing or its text could differ: it refuses what json converts (keys
    that are not strings, integers past 64 bits, float subclasses) and writes small floats its
    own way."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    options = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS
    options |= orjson.OPT_PASSTHROUGH_DATETIME
    try:
        data = orjson.dumps(value, option=options)  # NaN and infinities are null, as finite()
    except (TypeError, orjson.JSONEncodeError):
        return None
    if _written_otherwise(data):
        return None
    return data


def _written_otherwise(data: bytes) -> bool:
    """Whether orjson's text holds a float json writes otherwise (or digits that look so)."""
    for match in _POSITIONAL.finditer(data):
        start = match.start()
        if start == 0 or (data[start - 1] not in _DIGITS and data[start - 1] != ord(".")):
            return True
    return any(
        m.start() > 0 and data[m.start() - 1] in _DIGITS for m in _SHORT_EXPONENT.finditer(data)
    )
