"""Parse each claim's stated value and normalise it to its metric's canonical unit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from reconcile.claims.catalogue import Metric
from reconcile.core.errors import Finding, findings_at_rows, processing
from reconcile.core.frames import factorize_columns, take
from reconcile.core.periods import UNDATED, parse_period
from reconcile.figures.grammar import ParsedValue, kind_of_unit, parse_value
from reconcile.reference.rates import RateTable
from reconcile.reference.units import unit_aliases

from .conversion import Conversion, normalize_figures
from .derived import derive_figures, resolve_relation_rows

PARSED_COLUMNS = ["amount", "low", "high", "unit", "qualifier", "rank_of", "percentile"]


def _period_years(periods: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each row's first and last year (missing when the period cannot be read)."""
    codes, labels = pd.factorize(periods.astype(object))
    starts: list[int | None] = []
    ends: list[int | None] = []
    for label in labels:
        try:
            period = parse_period(str(label))
            starts.append(period.start_year)
            ends.append(period.end_year)
        except ValueError:
            starts.append(None)
            ends.append(None)
    start = pd.array([*starts, None], dtype="Int64")[codes]
    end = pd.array([*ends, None], dtype="Int64")[codes]
    return pd.Series(start, index=periods.index), pd.Series(end, index=periods.index)


def parse_claim_values(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[ParsedValue | None]]:
    """Add the parsed columns; each distinct (value, year) is parsed once.

    Rows that already carry a parsed figure (a claim table's amount, low, high and unit) keep
    it and are not parsed; their entry in the returned list is None.
    """
    out = frame.copy()
    out["year"], out["year_end"] = _period_years(frame["period"])
    given = _given_figures(frame)
    value = frame["value"].astype(object)
    wanted = value.notna().to_numpy() & (value != "").to_numpy() & ~given  # "": missing-field
    codes = np.full(len(frame), -1, dtype=np.int64)
    distinct: list[ParsedValue] = []
    rows = np.flatnonzero(wanted)
    if len(rows):
        keys = pd.DataFrame({"value": value.iloc[rows].astype(str), "year": out["year"].iloc[rows]})
        key_codes, first_rows = factorize_columns(keys, ["value", "year"])
        codes[rows] = key_codes
        claim_ids = take(frame, "id", rows[first_rows])
        firsts = keys.iloc[first_rows].itertuples(index=False, name=None)
        for (text, year), claim in zip(firsts, claim_ids, strict=True):
            with processing(f"claim {claim!r}, value {str(text)[:200]!r}"):
                distinct.append(parse_value(text, year=None if pd.isna(year) else int(year)))
    for column in PARSED_COLUMNS:
        values = np.array([*(getattr(p, column) for p in distinct), None], dtype=object)[codes]
        if column in ("amount", "low", "high", "unit") and given.any():
            values[given] = frame[column].to_numpy(dtype=object)[given]
        out[column] = values
    for column in ("amount", "low", "high", "percentile"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    parsed: list[ParsedValue | None] = [*distinct, None]
    return out, [parsed[c] for c in codes.tolist()]


def _given_figures(frame: pd.DataFrame) -> np.ndarray:
    """Rows with a parsed figure already (a claim table's amount, low, high, unit)."""
    if not all(column in frame for column in ("amount", "low", "high", "unit")):
        return np.zeros(len(frame), dtype=bool)
    given = frame["amount"].notna() & frame["low"].notna() & frame["high"].notna()
    return (given & frame["unit"].notna()).to_numpy(dtype=bool)


def normalize_claims(
    frame: pd.DataFrame, metrics: Mapping[str, Metric], rates: RateTable
) -> tuple[pd.DataFrame, list[Conversion], list[Finding]]:
    """Parse (when not parsed yet) and normalise claims to their metrics' canonical units.

    Claims whose value cannot be read, or whose unit does not fit the metric, get a finding and
    valid=False; they stay in the frame.
    """
    findings: list[Finding] = []
    parsed: list[ParsedValue | None] | None = None
    # Parsed already (with years) when every row has its figure; a claim table's figures
    # still need the years of their periods, and YAML rows beside them their parse.
    if "year" not in frame or not _given_figures(frame).all():
        frame, parsed = parse_claim_values(frame)
    targets = resolve_relation_rows(frame)
    derived = derive_figures(frame, targets)
    if len(derived):
        # A copy with the new rows, texts left in two Arrow chunks (one cost more than it saved)
        frame = pd.concat([frame, derived], ignore_index=True)
        if parsed is not None:
            parsed = [*parsed, *([None] * len(derived))]
    elif parsed is None:
        frame = frame.copy()  # parse_claim_values has already copied
    # The rows references point at, for the relation checks after comparison.
    for field, rows in targets.items():
        frame[f"{field}_row"] = np.concatenate([rows, np.full(len(derived), -1, dtype=np.int64)])
    _attach_targets(frame, metrics)
    if parsed is not None:
        findings.extend(_parse_findings(frame, parsed))
    normalized, conversions = normalize_figures(frame, rates, copy=False)
    valid = normalized["valid"].to_numpy(dtype=bool)
    mismatch, has_unit = _unit_mismatches(normalized, findings)
    codes = normalized["conversion"].to_numpy()
    failed = valid & ~mismatch & ~np.isfinite(normalized["normalized_low"].to_numpy(dtype=float))
    failed &= has_unit
    # Only rows whose conversion said something need a Python loop.
    noted = np.array([bool(c.findings) for c in conversions], dtype=bool)[codes]
    rows = np.flatnonzero(noted & valid & ~mismatch)
    # Plain columns, not one iloc per row: a carried-forward rate can note a million rows.
    where = {
        column: take(normalized, column, rows) if column in normalized else np.full(len(rows), None)
        for column in ("id", "path", "path_line", "period")
    }
    codes_out, messages, located, levels = [], [], [], []
    for n, index in enumerate(rows):
        level = "error" if failed[index] else "warning"
        for finding in conversions[int(codes[index])].findings:
            # An undated money figure is not a broken file: it waits for a reviewer to date
            # it, and is left out of comparison until then.
            undated = finding.code == "missing-year" and where["period"][n] == UNDATED
            codes_out.append(finding.code)
            messages.append(finding.message)
            located.append(n)
            levels.append("warning" if undated else level)
    picks = np.array(located, dtype=np.int64)
    columns = (where["path"][picks], where["path_line"][picks], where["id"][picks])
    findings.extend(findings_at_rows(codes_out, messages, columns, levels))
    normalized["valid"] = valid & ~mismatch & ~failed & has_unit
    normalized.loc[mismatch, ["normalized_low", "normalized_high", "normalized_amount"]] = np.nan
    return normalized, conversions, findings


def _attach_targets(frame: pd.DataFrame, metrics: Mapping[str, Metric]) -> None:
    """Add each row's target unit and metric kind (in place)."""
    plain_units, _ = unit_aliases()
    # Metric units are written as people write them ("km"); compare in pint's names so that a
    # figure already in the metric's unit needs no conversion (and pint is not even loaded).
    metric_units = {m.id: plain_units.get(m.unit.lower(), m.unit) for m in metrics.values()}
    metric_kinds = {m.id: m.kind for m in metrics.values()}
    metric_codes, metric_ids = pd.factorize(frame["metric"])
    frame["target"] = np.array([metric_units.get(m) for m in metric_ids] + [None], dtype=object)[
        metric_codes
    ]
    frame["metric_kind"] = np.array(
        [metric_kinds.get(m) for m in metric_ids] + [None], dtype=object
    )[metric_codes]
    # A bare number for a physical-quantity metric ("18-49" for an age band in years) is in
    # the metric's unit.
    bare = (frame["unit"] == "count") & (frame["metric_kind"] == "quantity")
    frame.loc[bare, "unit"] = frame.loc[bare, "target"]


def _unit_mismatches(
    normalized: pd.DataFrame, findings: list[Finding]
) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose unit is of another kind than their metric's (with a finding each), and the
    rows that have a unit at all."""
    unit_codes, units = pd.factorize(normalized["unit"])
    kind_of_code = np.array([kind_of_unit(u) for u in units] + [None], dtype=object)
    unit_kinds = kind_of_code[unit_codes]  # code -1 (no unit) picks the trailing None
    has_unit = unit_codes >= 0
    metric_kind = normalized["metric_kind"].to_numpy(dtype=object)
    percent_ratio = (metric_kind == "ratio") & (unit_kinds == "ratio")
    mismatch = has_unit & pd.notna(metric_kind) & (unit_kinds != metric_kind) & ~percent_ratio
    for index in np.flatnonzero(mismatch):
        row = normalized.iloc[index]
        # A claim table's parsed figure has no value string: name its amount instead.
        stated = row["value"] if pd.notna(row["value"]) and row["value"] != "" else None
        figure = f"value {stated!r}" if stated is not None else f"amount {row['amount']:g}"
        findings.append(
            Finding(
                "unit-mismatch",
                f"{figure} reads as {unit_kinds[index]} ({row['unit']}) but "
                f"metric '{row['metric']}' is {row['metric_kind']} ({row['target']}); fix the "
                "value's unit or the metric",
                row["path"],
                _int(row["path_line"]),
                claim=row["id"],
            )
        )
    return mismatch, has_unit


def _parse_findings(frame: pd.DataFrame, parsed: list[ParsedValue | None]) -> list[Finding]:
    rows = [i for i, value in enumerate(parsed) if value is not None and value.findings]
    if not rows:
        return []
    where = {
        column: take(frame, column, np.array(rows, dtype=np.int64))
        if column in frame
        else np.full(len(rows), None)
        for column in ("id", "path", "path_line")
    }
    codes, messages, located, levels = [], [], [], []
    for n, row in enumerate(rows):
        value = parsed[row]
        assert value is not None
        for finding in value.findings:
            codes.append(finding.code)
            messages.append(finding.message)
            located.append(n)
            levels.append("error" if not value.ok else "warning")
    picks = np.array(located, dtype=np.int64)
    columns = (where["path"][picks], where["path_line"][picks], where["id"][picks])
    return findings_at_rows(codes, messages, columns, levels)


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
