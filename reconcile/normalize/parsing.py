"""The library side of `reconcile parse`: parse figures, normalise them, return plain records."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.core.errors import processing
from reconcile.figures.context import parse_in_context
from reconcile.figures.grammar import ParsedValue, parse_value
from reconcile.reference.rates import load_rate_table

from .conversion import normalize_figures


def parse_values(
    texts: Iterable[str],
    *,
    year: int | None = None,
    dollar: str = "USD",
    sentences: Sequence[str | None] | None = None,
) -> list[ParsedValue]:
    """Parse many figures (the same rules as parse_value, one result per text).

    With `sentences` (one per text, None where unknown), each figure is read in the sentence it
    came from: a bare number before "and 50 mg" takes the unit (figures/context.py).
    """
    texts = list(texts)
    parsed = []
    given = sentences if sentences is not None else [None] * len(texts)
    for text, sentence in zip(texts, given, strict=True):
        with processing(f"figure {text[:200]!r}"):
            if sentence is None:
                parsed.append(parse_value(text, year=year, dollar=dollar))
            else:
                parsed.append(parse_in_context(text, sentence, year=year, dollar=dollar))
    return parsed


def parsed_frame(parsed: Sequence[ParsedValue], year: int | None = None) -> pd.DataFrame:
    """The columns normalize_figures needs, one row per parsed figure."""
    return pd.DataFrame(
        {
            "amount": [p.amount for p in parsed],
            "low": [p.low for p in parsed],
            "high": [p.high for p in parsed],
            "unit": [p.unit for p in parsed],
            "year": [year if year is not None else p.year_hint for p in parsed],
        },
        dtype=object,
    )


def parse_figures(
    texts: Iterable[str],
    *,
    year: int | None = None,
    to: str | None = None,
    basis: str | None = None,
    rates_files: Sequence[Path] = (),
    dollar: str = "USD",
    sentences: Sequence[str | None] | None = None,
) -> list[dict[str, Any]]:
    """Parse and normalise figures; one JSON-ready record per text (the `parse` command)."""
    parsed = parse_values(texts, year=year, dollar=dollar, sentences=sentences)
    rates = load_rate_table(tuple(rates_files))
    frame = parsed_frame(parsed, year)
    target = to.upper() if to and len(to) == 3 and to.isalpha() else to
    normalized, conversions = normalize_figures(frame, rates, target=target, basis=basis)
    lows = normalized["normalized_low"].to_numpy(dtype=float)
    highs = normalized["normalized_high"].to_numpy(dtype=float)
    amounts = normalized["normalized_amount"].to_numpy(dtype=float)
    codes = normalized["conversion"].to_numpy()
    records = []
    for i, value in enumerate(parsed):
        record = value.to_dict()
        if value.ok:
            conversion = conversions[int(codes[i])]
            record["normalized"] = {
                "low": _finite(lows[i]),
                "high": _finite(highs[i]),
                "amount": _finite(amounts[i]),
                "unit": conversion.unit,
                "steps": conversion.steps,
            }
            record["findings"] = record["findings"] + [f.to_dict() for f in conversion.findings]
            if conversion.unit is None:
                record["ok"] = False
        else:
            record["normalized"] = None
        records.append(record)
    return records


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
