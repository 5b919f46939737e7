"""Claims from CSV files (bulk): one record per claim, every malformed record a finding."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reconcile.core.errors import Finding

from .checks import REQUIRED
from .rows import claim_row


def read_csv_claims(
    path: Path, documents: dict[str, Any], findings: list[Finding]
) -> Iterable[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        findings.append(Finding("bad-csv", f"cannot read: {error.strerror}", str(path)))
        return []
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start}); save the file as UTF-8"
        findings.append(Finding("bad-csv", message, str(path)))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as error:  # found by fuzzing: a stray quote in the header
        findings.append(Finding("bad-csv", f"unreadable CSV header ({error})", str(path), 1))
        return []
    missing = [c for c in (*REQUIRED, "document") if c not in header]
    if missing:
        findings.append(
            Finding(
                "bad-csv",
                "missing column(s) "
                + ", ".join(missing)
                + "; the header must include id,document,entity,metric,period,"
                "value,source",
                str(path),
                1,
            )
        )
        return []
    return list(_csv_rows(reader, header, path, documents, findings))


def _csv_rows(
    reader: Any,
    header: list[str],
    path: Path,
    documents: dict[str, Any],
    findings: list[Finding],
) -> Iterable[dict[str, Any]]:
    """Each CSV record as a claim row; a record with the wrong number of cells is a finding."""
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # an unterminated quote, a cell over the size limit
            message = f"unreadable CSV from here on ({error}); close the quote or split the cell"
            findings.append(Finding("bad-csv", message, str(path), line))
            return
        wrong_width = bool(cells) and len(cells) != len(header)
        if wrong_width:
            message = (
                f"the row has {len(cells)} cells, the header {len(header)}; "
                "quote cells that hold commas"
            )
            findings.append(Finding("bad-csv-row", message, str(path), line))
            cells = (cells + [""] * len(header))[: len(header)]
        if cells:
            entry = dict(zip(header, cells, strict=True))
            document = documents.get(entry.get("document") or "")
            clean = {k: (v if v not in ("", None) else None) for k, v in entry.items()}
            row = claim_row(clean, document, path, line, findings)
            if document is None:
                row["document"] = entry.get("document") or None
            if wrong_width:
                row["valid"] = False
            yield row
        line = reader.line_num + 1
