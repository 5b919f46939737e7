"""The JSON report of an out-of-core reconciliation, written as it is read: summary first.

The summary and the findings (counted per code, so a million carried-forward rates are one
finding) come first; the conflicting pairs follow in batches straight from the engine, one
record per line (written by DuckDB), so the report of a hundred million claims never sits in
memory whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO, Any


def write_scale_json(
    handle: IO[str], header: dict[str, Any], conflicts: Iterable[tuple[memoryview, int]]
) -> int:
    """Write `header` (version, summary, findings, ...), then `conflicts` (batches: the UTF-8
    text of their JSON records, each after compare/scale_records.py's SEPARATOR, and how
    many); return how many records."""
    opening = json.dumps(header, indent=2, ensure_ascii=False)
    handle.write(opening[: opening.rindex("}")].rstrip() + ',\n  "conflicts": [')
    written = 0
    for text, count in conflicts:
        if not count:
            continue
        # SEPARATOR is a comma and a new line: the list's first item has no comma before it
        _write_utf8(handle, text if written else text[1:])
        written += count
    handle.write("\n  ]\n}\n" if written else "]\n}\n")
    return written


def _write_utf8(handle: IO[str], text: memoryview) -> None:
    """UTF-8 bytes to a text stream: straight to its byte stream when it has one (a file,
    stdout) that would write the same bytes (UTF-8, no newline translation), which saves
    decoding and encoding again hundreds of megabytes."""
    raw = getattr(handle, "buffer", None)
    encoding = (getattr(handle, "encoding", "") or "").lower().replace("-", "")
    if raw is not None and encoding == "utf8" and os.linesep == "\n":
        handle.flush()
        raw.write(text)
    else:
        handle.write(str(text, "utf-8"))
