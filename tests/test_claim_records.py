"""Claim records built column by column equal the per-row rules they replaced."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.compare.claim_records import claim_records
from reconcile.compare.reconciliation import Reconciliation, reconcile_claims

ROOT = Path(__file__).resolve().parents[1]


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def row_record(row: Any, reconciliation: Reconciliation) -> dict[str, Any]:
    """The record of one row, as build_report made it before (one to_dict row at a time)."""
    sources = reconciliation.claim_set.sources
    conversion = reconciliation.conversions[int(row["conversion"])] if row["valid"] else None
    valid = row["valid"]
    return {
        "id": row["id"],
        "source": row["source"],
        "source_name": sources[row["source"]].name if row["source"] in sources else None,
        "document": row["document_file"],
        "published": _text(row["published"]),
        "quote": _text(row["quote"]),
        "line": None if pd.isna(row["line"]) else int(row["line"]),
        "file": row["path"],
        "file_line": None if pd.isna(row["path_line"]) else int(row["path_line"]),
        "value": row["value"],
        "qualifier": _text(row["qualifier"]),
        "low": _number(row["low"]),
        "high": _number(row["high"]),
        "unit": _text(row["unit"]),
        "rank_of": None if pd.isna(row["rank_of"]) else int(row["rank_of"]),
        "percentile": _number(row["percentile"]),
        "normalized_low": _number(row["normalized_low"]) if valid else None,
        "normalized_high": _number(row["normalized_high"]) if valid else None,
        "normalized_amount": _number(row["normalized_amount"]) if valid else None,
        "normalized_unit": _text(row["normalized_unit"]) if valid else None,
        "steps": conversion.steps if conversion else [],
        "stage": _text(row["stage"]),
        "basis": _text(row["basis"]),
        "scope": _text(row.get("scope")),
        "note": _text(row["note"]),
        "valid": bool(row["valid"]),
        "reviewed": bool(row["reviewed"]) if pd.notna(row.get("reviewed")) else True,
        "cluster": int(row["cluster"]) if row["cluster"] >= 0 else None,
        "repeat_of": _text(row["repeat_of"]),
        "derived": _text(row.get("derived")),
        "chain": _text(row.get("chain")),
        "derived_from": str(row["derived_from"]).split(",")
        if _text(row.get("derived_from"))
        else [],
    }


def _same(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> None:
    assert len(expected) == len(actual)
    for want, got in zip(expected, actual, strict=True):
        assert list(want) == list(got)
        for key in want:
            w, g = want[key], got[key]
            if isinstance(w, float) and math.isnan(w):
                assert isinstance(g, float) and math.isnan(g), key
            else:
                assert w == g and type(w) is type(g), (key, w, g)


def test_seed_claim_records_match_the_row_rules() -> None:
    reconciliation = reconcile_claims(ROOT / "claims")
    claims = reconciliation.comparison.claims
    sources, conversions = reconciliation.claim_set.sources, reconciliation.conversions
    expected = [row_record(row, reconciliation) for row in claims.to_dict("records")]
    _same(expected, claim_records(claims, sources, conversions))


def test_missing_values_and_odd_columns_match_the_row_rules() -> None:
    """NaN, None and infinities in every kind of column; no scope or reviewed column."""
    reconciliation = reconcile_claims(ROOT / "claims")
    claims = reconciliation.comparison.claims.head(6).copy()
    claims = claims.drop(columns=[c for c in ("scope", "reviewed") if c in claims.columns])
    claims["low"] = [np.nan, np.inf, -1.5, 0.0, None, 2.0]
    claims["percentile"] = np.nan
    claims["rank_of"] = [None, 3, np.nan, 4.0, None, 7]
    claims["quote"] = [None, "q", np.nan, "", "é", None]
    claims["derived_from"] = ["a,b", "", None, "c", np.nan, "d"]
    claims["cluster"] = [-1, 0, 1, -1, 2, 0]
    sources, conversions = reconciliation.claim_set.sources, reconciliation.conversions
    expected = [row_record(row, reconciliation) for row in claims.to_dict("records")]
    _same(expected, claim_records(claims, sources, conversions))


def test_records_of_is_to_dict_records() -> None:
    """records_of (Arrow strings made objects first) gives to_dict("records")'s values."""
    from reconcile.compare.claim_records import records_of
    from reconcile.compare.groups import add_fingerprints

    comparison = reconcile_claims(ROOT / "claims").comparison
    for frame in (comparison.groups, add_fingerprints(comparison.conflicts), comparison.claims):
        assert repr(records_of(frame)) == repr(frame.to_dict("records"))
