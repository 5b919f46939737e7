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
    handle: IO[str], header: dict[str, Any], conflicts: Iterable[list[str]]
) -> int:
    """Write `header` (version, summary, findings, ...), then `conflicts` (batches of JSON
    records); return how many records."""
    opening = json.dumps(header, indent=2, ensure_ascii=False)
    handle.write(opening[: opening.rindex("}")].rstrip() + ',\n  "conflicts": [')
    written = 0
    for batch in conflicts:
        if not batch:
            continue
        handle.write(("," if written else "") + "\n    " + ",\n    ".join(batch))
        written += len(batch)
    handle.write("\n  ]\n}\n" if written else "]\n}\n")
    return written
