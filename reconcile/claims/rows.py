"""One claim row as the frame holds it, from a YAML mapping or a CSV record."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reconcile.core.errors import Finding

from .checks import REQUIRED
from .relations import RELATION_FIELDS

OPTIONAL = ("quote", "line", "basis", "stage", "scope", "note", "via", *RELATION_FIELDS)
_LINE_RE = re.compile(r"[0-9]{1,9}")
_FIELDS = (*REQUIRED, *OPTIONAL)


def claim_row(
    entry: Any,
    document: Any,
    path: Path,
    line: int | None,
    findings: list[Finding],
) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_FIELDS)  # the fields in order, absent ones None
    for key, value in entry.items():
        if key in row and value is not None:
            row[key] = str(value)
    row["line"] = _quote_line(entry.get("line"), row["id"], path, line, findings)
    row["document"] = document.id if document else None
    row["document_file"] = document.name if document else None
    row["published"] = document.published if document else None
    row["path"] = str(path)
    row["path_line"] = line
    row["valid"] = True
    row["reviewed"] = True
    return row


def _quote_line(
    value: Any, claim: str | None, path: Path, line: int | None, findings: list[Finding]
) -> int | None:
    """The quote's line in its document: a positive whole number, or a warning and None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    # ASCII digits only: str.isdigit() accepts '²', which int() refuses.
    if _LINE_RE.fullmatch(text) and int(text) > 0:
        return int(text)
    message = f"line {text!r} is not a line number (1, 2, ...); the claim is kept without it"
    findings.append(Finding("bad-line", message, str(path), line, claim=claim, level="warning"))
    return None
