"""Read claim files (YAML per document, CSV for bulk) into one DataFrame, reporting bad rows.

A bad row becomes a Finding with file, line, what is wrong and the fix; it is kept in the frame
with valid=False so nothing is dropped silently, and the rest are still reconciled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.core.collector import collector_paused
from reconcile.core.errors import Finding, InputError

from .catalogue import Catalogue, load_catalogue
from .checks import REQUIRED, check_claims, suggest
from .csv_claims import read_csv_claims
from .paths import PathsArgument, claim_files
from .relations import RELATION_FIELDS, check_relations
from .rows import OPTIONAL, claim_row
from .tables import CLAIM_COLUMNS, concat_claims, parsed_tables, read_table_claims
from .yaml_io import item_line, line_of, read_yaml

# The first line of a file `reconcile extract` drafted: its claims are unreviewed.
DRAFT_MARKER = "# drafted by reconcile extract"
DOCUMENT_FIELDS = ("id", "title", "file", "url", "published", "kind", "publisher", "lines", "note")
# The frame's columns: a claim table's own (claims/tables.py), where it was read, its relations.
COLUMNS = [
    *CLAIM_COLUMNS[:2],
    "document_file",
    "published",
    *CLAIM_COLUMNS[2:],
    "via",
    *RELATION_FIELDS,
    "path",
    "path_line",
    "valid",
    "reviewed",
]


@dataclass(slots=True)
class Document:
    """The document claims were read in."""

    id: str
    file: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    kind: str | None = None
    publisher: str | None = None

    @property
    def name(self) -> str:
        """The file name or URL people cite it by."""
        return self.file or self.url or self.id


@dataclass(slots=True)
class ClaimSet:
    """Claims as read: the frame, the documents, the catalogue and every problem found."""

    frame: pd.DataFrame
    documents: dict[str, Document]
    catalogue: Catalogue
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, Any]:
        """Metrics by id (from the catalogue)."""
        return self.catalogue.metrics

    @property
    def sources(self) -> dict[str, Any]:
        """Sources by id (from the catalogue)."""
        return self.catalogue.sources


def load_claims(paths: PathsArgument) -> ClaimSet:
    """Read every claim file under `paths` with the catalogues beside them."""
    with collector_paused():  # millions of objects, none of them garbage (core/collector.py)
        return _load_claims(paths)


def _load_claims(paths: PathsArgument) -> ClaimSet:
    files, folder = claim_files(paths)
    catalogue = load_catalogue(folder)
    documents: dict[str, Document] = {}
    rows: list[dict[str, Any]] = []
    findings: list[Finding] = list(catalogue.findings)
    extra_documents = folder / "documents.yaml"
    if extra_documents.exists():
        for entry in _document_entries(read_yaml(extra_documents), extra_documents, findings):
            _read_document(entry, extra_documents, documents, findings)
    csv_files = [f for f in files if f.suffix == ".csv"]
    for path in files:
        if path.suffix in (".csv", ".parquet"):
            continue
        try:
            data = read_yaml(path)
        except InputError as error:
            findings.append(
                Finding("bad-yaml", str(error).split(": ", 1)[-1], str(path), error.line)
            )
            continue
        catalogue.add_entries(data, path, layer="draft")  # a draft file's unreviewed entries
        drafted = _is_draft_file(path)
        for row in _read_yaml_claims(data, path, documents, findings):
            row["reviewed"] = not drafted
            rows.append(row)
    tables = [f for f in files if f.suffix == ".parquet" or f in parsed_tables(csv_files)]
    for path in csv_files:
        if path not in tables:
            rows.extend(read_csv_claims(path, documents, findings))
    # Tables are read column by column, not as one dict per row (claims/tables.py).
    frames = [pd.DataFrame(rows, columns=COLUMNS)]
    frames += [read_table_claims(path, documents) for path in tables]
    frame = concat_claims(frames, COLUMNS)
    check_claims(frame, catalogue, documents, findings)
    check_relations(frame, findings)
    return ClaimSet(make_whole(frame), documents, catalogue, findings, files)


def make_whole(frame: pd.DataFrame) -> pd.DataFrame:
    """Give every row each required field as text, so later stages never meet a hole.

    The rows with a missing field already carry a `missing-field` finding and valid=False;
    they are kept (never dropped silently) with '' in the field, and left out of comparison.
    """
    for key in REQUIRED:
        if frame[key].isna().any():
            frame[key] = frame[key].astype(object).where(frame[key].notna(), "")
    frame["valid"] = frame["valid"].fillna(False).astype(bool)
    return frame


def _document_entries(data: Any, path: Path, findings: list[Finding]) -> list[Any]:
    """The entries under 'documents:' of documents.yaml, or a finding when it is laid out wrong."""
    entries = data.get("documents") if isinstance(data, dict) else None
    if data is None or (isinstance(data, dict) and entries is None):
        return []
    if not isinstance(entries, list):
        message = "documents.yaml holds 'documents:' with a list of document blocks (- id: ...)"
        findings.append(Finding("bad-layout", message, str(path), line_of(data) or 1))
        return []
    return entries


def _is_draft_file(path: Path) -> bool:
    """True for a file `reconcile extract` wrote and nobody has reviewed (its first line)."""
    with path.open(encoding="utf-8", errors="replace") as stream:
        return stream.read(len(DRAFT_MARKER)) == DRAFT_MARKER


def _read_document(
    entry: Any, path: Path, documents: dict[str, Document], findings: list[Finding]
) -> Document | None:
    line = line_of(entry)
    if not isinstance(entry, dict) or not entry.get("id"):
        findings.append(
            Finding(
                "bad-document", "the document block needs an id (e.g. seed-000)", str(path), line
            )
        )
        return None
    unknown = [k for k in entry if k not in DOCUMENT_FIELDS]
    for key in unknown:
        findings.append(
            Finding(
                "unknown-field",
                f"unknown document field '{key}'; known: " + ", ".join(DOCUMENT_FIELDS),
                str(path),
                line_of(entry, key),
                level="warning",
            )
        )
    document = Document(
        id=str(entry["id"]),
        file=_text(entry.get("file")),
        url=_text(entry.get("url")),
        title=_text(entry.get("title")),
        published=_text(entry.get("published")),
        kind=_text(entry.get("kind")),
        publisher=_text(entry.get("publisher")),
    )
    if document.id in documents:
        findings.append(
            Finding("duplicate-id", f"document id '{document.id}' is used twice", str(path), line)
        )
    documents[document.id] = document
    return document


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_yaml_claims(
    data: Any, path: Path, documents: dict[str, Document], findings: list[Finding]
) -> Iterable[dict[str, Any]]:
    if not isinstance(data, dict) or "claims" not in data:
        findings.append(
            Finding(
                "bad-layout",
                "expected 'document:' and 'claims:' at the top (see docs/claims-format.md)",
                str(path),
                1,
            )
        )
        return []
    document = _read_document(data.get("document"), path, documents, findings)
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        findings.append(
            Finding(
                "bad-layout",
                "'claims:' must be a list of claims",
                str(path),
                line_of(data, "claims"),
            )
        )
        return []
    rows = []
    for index, entry in enumerate(claims):
        line = line_of(entry) or item_line(claims, index)
        if not isinstance(entry, dict):
            findings.append(
                Finding(
                    "bad-claim",
                    "each claim must be a mapping of fields (id:, entity:, metric:, ...)",
                    str(path),
                    line,
                )
            )
            continue
        for key in entry:
            if key not in REQUIRED and key not in OPTIONAL:
                suggestion = suggest(str(key), [*REQUIRED, *OPTIONAL])
                findings.append(
                    Finding(
                        "unknown-field",
                        f"unknown claim field '{key}'" + suggestion,
                        str(path),
                        line_of(entry, key),
                        claim=_text(entry.get("id")),
                        level="warning",
                    )
                )
        rows.append(claim_row(entry, document, path, line, findings))
    return rows
