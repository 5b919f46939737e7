"""Benchmarks for issue 13: importing the SIPRI workbook, and comparing claims with it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.run import best_of

ROOT = Path(__file__).resolve().parents[1]
SIPRI_FILE = ROOT.parent / "shared" / "reference" / "SIPRI-Milex-data-1949-2024_2.xlsx"


def bench_sipri_import(repeats: int = 3) -> dict[str, Any] | None:
    """Seconds to import the 2025 SIPRI workbook into a Parquet claims folder (target < 5 s)."""
    from reconcile.datasets.imports import import_dataset

    if not SIPRI_FILE.is_file():
        return None
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(repeats))
        seconds = best_of(
            repeats,
            lambda: import_dataset("sipri", SIPRI_FILE, Path(folder) / f"out{next(counter)}"),
        )
        claims = len(pd.read_parquet(next(Path(folder).glob("out0/*.parquet"))))
    return {
        "name": "import-sipri",
        "claims": claims,
        "seconds_best": round(seconds, 3),
        "target_seconds": 5.0,
        "ok": seconds < 5.0,
    }


def bench_openpyxl_values() -> dict[str, Any] | None:
    """For the record: seconds openpyxl (read-only) takes to read the same workbook's values."""
    import openpyxl

    if not SIPRI_FILE.is_file():
        return None

    def read() -> None:
        book = openpyxl.load_workbook(SIPRI_FILE, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()

    return {"name": "openpyxl-read-sipri", "seconds_best": round(best_of(1, read), 3), "ok": True}


def bench_reference_match(n: int) -> dict[str, Any] | None:
    """Seconds to compare n claims with the SIPRI import (vectorised; target: 1 M in < 10 s)."""
    from reconcile.claims.catalogue import Metric
    from reconcile.compare.reference import match_reference
    from reconcile.datasets.sipri import import_sipri

    if not SIPRI_FILE.is_file():
        return None
    reference = import_sipri(SIPRI_FILE).frame
    current = reference[reference["series"] == "current-usd"]
    rng = np.random.default_rng(13)
    picks = current.iloc[rng.integers(0, len(current), n)]
    factor = rng.choice([1.0, 1.7], n)
    amount = picks["amount"].to_numpy() * factor
    claims = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "entity": picks["entity"].to_numpy(),
            "metric": "military_expenditure",
            "period": picks["period"].to_numpy(),
            "valid": True,
            "unit": "USD",
            "basis": None,
            "low": amount * 0.999,
            "high": amount * 1.001,
            "amount": amount,
            "normalized_unit": "USD",
            "normalized_low": amount * 0.999,
            "normalized_high": amount * 1.001,
        }
    )
    metrics = {"military_expenditure": Metric("military_expenditure", "x", "money", "USD")}
    seconds = best_of(1, lambda: match_reference(claims, reference, metrics))
    return {
        "name": "reference-match",
        "claims": n,
        "seconds_best": round(seconds, 3),
        "target_seconds": 10.0,
        "ok": seconds < 10.0,
    }


def bench_datasets(scale: int = 1) -> list[dict[str, Any]]:
    """Every dataset benchmark that can run here (they need ../shared)."""
    results = [
        bench_sipri_import(),
        bench_openpyxl_values(),
        bench_reference_match(1_000_000 // scale),
    ]
    return [r for r in results if r is not None]
