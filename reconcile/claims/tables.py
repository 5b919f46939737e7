"""Claim tables on disk: an imported dataset as a claims folder (Parquet or CSV + catalogues).

A folder written here is a claims folder like any other (`reconcile report FOLDER` reads it):
the table, documents.yaml, metrics.yaml and sources.yaml with the entries its claims need, and
PROVENANCE.md. The folder is built beside the target and renamed into place, so a failed import
leaves nothing half-written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.core.errors import InputError

CLAIM_COLUMNS = [
    "id",
    "document",
    "entity",
    "metric",
    "period",
    "value",
    "source",
    "quote",
    "line",
    "basis",
    "stage",
    "scope",
    "note",
]
PROVENANCE_COLUMNS = [
    "amount",
    "amount_low",
    "amount_high",
    "amount_unit",
    "flags",
    "series",
    "release",
    "sheet",
    "cell",
]
TABLE_SUFFIXES = (".parquet", ".csv")

# The metric entries an imported folder needs (the same ids as the project's catalogue).
METRICS: dict[str, dict[str, Any]] = {
    "military_expenditure": {
        "label": "Military expenditure",
        "kind": "money",
        "unit": "USD",
    },
    "military_expenditure_gdp_share": {
        "label": "Military expenditure as a share of GDP",
        "kind": "ratio",
        "unit": "percent",
    },
    "military_expenditure_per_capita": {
        "label": "Military expenditure per capita",
        "kind": "money",
        "unit": "USD",
    },
    "military_expenditure_government_share": {
        "label": "Military expenditure as a share of general government expenditure",
        "kind": "ratio",
        "unit": "percent",
    },
    "exchange_rate": {
        "label": "Official exchange rate (local currency units per US$, period average)",
        "kind": "count",
        "unit": "count",
    },
    "population": {"label": "Population, total", "kind": "count", "unit": "count"},
    "gdp": {"label": "Gross domestic product (current US$)", "kind": "money", "unit": "USD"},
}
SOURCES: dict[str, dict[str, Any]] = {
    "SIPRI": {
        "name": "Stockholm International Peace Research Institute",
        "kind": "research-institute",
        "aliases": ["SIPRI Military Expenditure Database"],
    },
    "WorldBank": {
        "name": "World Bank (World Development Indicators)",
        "kind": "international-organisation",
        "aliases": ["World Bank", "World Bank WDI", "World Development Indicators"],
    },
}


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of a claim table, in order (missing provenance columns are empty)."""
    out = frame.reindex(columns=[*CLAIM_COLUMNS, *PROVENANCE_COLUMNS])
    for column in ("amount", "amount_low", "amount_high"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    out["line"] = pd.to_numeric(out["line"], errors="coerce").astype("Int64")
    text = [c for c in out.columns if c not in ("amount", "amount_low", "amount_high", "line")]
    out[text] = out[text].astype("string")
    return out


def write_claims_folder(
    folder: Path,
    frame: pd.DataFrame,
    documents: Sequence[dict[str, Any]],
    provenance: str,
    *,
    table_name: str,
    fmt: str = "parquet",
    force: bool = False,
) -> list[Path]:
    """Write the claim table and its catalogues into `folder` atomically; return the files."""
    if folder.exists() and not folder.is_dir():
        raise InputError("--out must be a folder", path=str(folder))
    if folder.exists() and any(folder.iterdir()) and not force:
        raise InputError(
            "the output folder exists and is not empty",
            path=str(folder),
            hint="give a new folder, or --force to replace it",
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        names = _write_files(building, frame, documents, provenance, table_name, fmt)
        _swap_into_place(building, folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return [folder / name for name in names]


def _write_files(
    folder: Path,
    frame: pd.DataFrame,
    documents: Sequence[dict[str, Any]],
    provenance: str,
    table_name: str,
    fmt: str,
) -> list[str]:
    from ruamel.yaml import YAML

    table = table_frame(frame)
    name = f"{table_name}.{fmt}"
    if fmt == "parquet":
        table.to_parquet(folder / name, index=False, compression="zstd")
    elif fmt == "csv":
        table.to_csv(folder / name, index=False, lineterminator="\n")
    else:
        raise InputError(f"unknown table format {fmt!r}", hint="use parquet or csv")
    yaml = YAML()
    yaml.default_flow_style = False
    metrics = sorted(set(table["metric"].dropna()))
    sources = sorted(set(table["source"].dropna()))
    catalogues = {
        "documents.yaml": {"documents": [dict(d) for d in documents]},
        "metrics.yaml": {"metrics": [{"id": m, **METRICS[m], "tolerance": 0.0} for m in metrics]},
        "sources.yaml": {"sources": [{"id": s, **SOURCES[s]} for s in sources]},
    }
    for file_name, data in catalogues.items():
        with (folder / file_name).open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)
    (folder / "PROVENANCE.md").write_text(provenance, encoding="utf-8")
    return [name, *catalogues, "PROVENANCE.md"]


def _swap_into_place(building: Path, folder: Path) -> None:
    """Rename the finished folder into place; an old folder is removed only afterwards."""
    old = None
    if folder.exists():
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        folder.rename(old)
    building.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# A table may carry the parsed figure instead of (or beside) the `value` string, as importers
# and pipelines write it: the interval [low, high] around `amount`, in `unit`
# (docs/claims-format.md).
PARSED_COLUMNS = ["amount", "low", "high", "unit"]


def is_parsed(frame: pd.DataFrame) -> bool:
    """True when a table carries every parsed column."""
    return all(column in frame.columns for column in PARSED_COLUMNS)


def read_table(path: Path) -> pd.DataFrame:
    """A claim table (Parquet or CSV) with every column, InputError when it cannot be read."""
    try:
        if path.suffix == ".parquet":
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as error:  # pyarrow and pandas raise many types for a bad file
        raise InputError(
            f"cannot read the claim table: {error}", path=str(path), hint="re-run the import"
        ) from error
    needed = ["id", "document", "entity", "metric", "period", "value", "source"]
    if is_parsed(frame):
        needed.remove("value")
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise InputError(
            "claim table lacks column(s) " + ", ".join(missing),
            path=str(path),
            hint="claim tables need id,document,entity,metric,period,source and value "
            "(or the parsed amount,low,high,unit)",
        )
    return frame


def read_table_claims(path: Path, documents: dict[str, Any]) -> pd.DataFrame:
    """A claim table in the shape load_claims builds (see claims/files.py), column by column.

    Row numbers stand for lines, as in a CSV file: the header is row 1, the first claim row 2.
    """
    table = read_table(path)
    frame = table.reindex(columns=CLAIM_COLUMNS)
    for column in CLAIM_COLUMNS:
        values = frame[column]
        if column == "line":
            continue
        present = values.notna().to_numpy()
        out = np.full(len(frame), None, dtype=object)
        out[present] = values[present].astype(str).to_numpy(dtype=object)
        out[out == ""] = None
        frame[column] = out
    line = pd.to_numeric(frame["line"], errors="coerce")
    if line.isna().all():
        frame["line"] = np.full(len(frame), None, dtype=object)
    else:
        frame["line"] = [None if v != v else int(v) for v in line.tolist()]
    codes, distinct = pd.factorize(frame["document"])
    known = [documents.get(d) for d in distinct]
    names = [k.name if k is not None else None for k in known]
    published = [k.published if k is not None else None for k in known]
    frame["document_file"] = pd.Series([*names, None], dtype=object).iloc[codes].to_numpy()
    frame["published"] = pd.Series([*published, None], dtype=object).iloc[codes].to_numpy()
    frame["path"] = str(path)
    frame["path_line"] = np.arange(2, len(frame) + 2, dtype=np.int64)
    frame["valid"] = True
    frame["reviewed"] = True
    if is_parsed(table):
        for column in ("amount", "low", "high"):
            frame[column] = pd.to_numeric(table[column], errors="coerce").astype(float).to_numpy()
        unit = np.full(len(frame), None, dtype=object)
        present = table["unit"].notna().to_numpy()
        unit[present] = table["unit"][present].astype(str).to_numpy(dtype=object)
        unit[unit == ""] = None
        frame["unit"] = unit
    return frame


def parsed_tables(paths: list[Path]) -> list[Path]:
    """The CSV claim tables among `paths` that carry the parsed columns (read as tables)."""
    out = []
    for path in paths:
        try:
            with path.open(encoding="utf-8-sig") as handle:
                header = handle.readline().strip().split(",")
        except (OSError, UnicodeDecodeError):
            continue
        if all(column in header for column in PARSED_COLUMNS):
            out.append(path)
    return out


def concat_claims(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """One claims frame: `columns` first, then any parsed columns a table brought."""
    extra = [c for f in frames for c in f.columns if c not in columns]
    every = [*columns, *dict.fromkeys(extra)]
    non_empty = [f for f in frames if len(f)] or frames[:1]
    if len(non_empty) == 1:
        return non_empty[0].reindex(columns=every).reset_index(drop=True)
    return pd.concat([f.reindex(columns=every) for f in non_empty], ignore_index=True)
