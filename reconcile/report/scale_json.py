"""The JSON report of an out-of-core reconciliation, written as it is read: summary first.

The summary and the findings (counted per code, so a million carried-forward rates are one
finding) come first; the conflicting pairs follow in batches straight from the engine, one
record per line (written by DuckDB), so the report of a hundred million claims never sits in
memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write_scale_json(
    handle: IO[str], header: dict[str, Any], conflicts: Iterable[tuple[str, int]]
) -> int:
    """Write `header` (version, summary, findings, ...), then `conflicts` (batches: the text
    of their JSON records, each after compare/scale_records.py's SEPARATOR, and how many); return
    how many records."""
    opening = json.dumps(header, indent=2, ensure_ascii=False)
    handle.write(opening[: opening.rindex("}")].rstrip() + ',\n  "conflicts": [')
    written = 0
    for text, count in conflicts:
        if not count:
            continue
        # SEPARATOR is a comma and a new line: the list's first item has no comma before it
        handle.write(text if written else text.removeprefix(","))
        written += count
    handle.write("\n  ]\n}\n" if written else "]\n}\n")
    return written
