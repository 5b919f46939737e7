"""Figures the texts imply: a growth rate or a share turned into a figure of its own.

"8.1 billion manat, a 23 percent increase on the previous year" implies the previous year's
figure, 8.1 / 1.23 billion; "1,000 women, 3 % of the armed forces" implies a force of
1,000 / 0.03. Each derived figure is a new claim row (marked `derived`, with its `chain`), in
the stated unit of the figure it came from, so it is normalised and compared like any claim
and meets the other documents' figures for that period.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from reconcile.claims.relations import MAY_NAME_A_CLAIM, RELATION_FIELDS
from reconcile.core.frames import find_column_rows, join_texts, take, take_texts
from reconcile.core.intervals import divide_intervals, subtract_intervals
from reconcile.core.periods import parse_period
from reconcile.figures.numbers import format_numbers

# For each relation field, the row each claim's reference points at (-1: none).
Targets = dict[str, np.ndarray]
# Relation fields whose value may be the id of another claim.
RELATION_TARGETS = MAY_NAME_A_CLAIM


def derive_figures(frame: pd.DataFrame, targets: Targets | None = None) -> pd.DataFrame:
    """The rows implied by change_of and share_of relations (parsed columns required)."""
    targets = resolve_relation_rows(frame) if targets is None else targets
    if "change_of" not in targets and "part" not in targets:
        return frame.iloc[:0]
    pieces = [
        _derive(frame, targets, "change_of", _growth_base),
        _derive(frame, targets, "part", _share_whole),
    ]
    pieces = [piece for piece in pieces if len(piece)]
    if not pieces:
        return frame.iloc[:0]
    # The frame's columns in its own order, then those only derived rows have: a column the
    # frame lacks (a claim table's frame has no qualifier) is not added for a few rows.
    columns = [*frame.columns, *(c for c in _ADDED if c not in frame.columns)]
    return pd.concat(pieces, ignore_index=True)[columns]


def resolve_relation_rows(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """For each relation field in use, the row each claim's reference points at (-1: none).

    One scan of the ids for every field together: probing millions of ids is the cost, so it
    is paid once (the rows stay valid when derived rows are appended after them).
    """
    present = {
        f: np.flatnonzero(frame[f].notna().to_numpy()) for f in RELATION_TARGETS if f in frame
    }
    fields = [f for f, rows in present.items() if len(rows)]
    if not fields:
        return {}
    wanted = pa.concat_arrays([take_texts(frame, f, present[f]) for f in fields])
    found = find_column_rows(frame, "id", wanted)
    out: dict[str, np.ndarray] = {}
    start = 0
    for field in fields:
        rows = np.full(len(frame), -1, dtype=np.int64)
        rows[present[field]] = found[start : start + len(present[field])]
        start += len(present[field])
        out[field] = rows
    return out


Builder = Callable[[pd.DataFrame, Targets, np.ndarray, np.ndarray], pd.DataFrame]


def _derive(frame: pd.DataFrame, targets: Targets, field: str, build: Builder) -> pd.DataFrame:
    if field not in targets:
        return frame.iloc[:0]
    other = targets[field]
    rows = np.flatnonzero((other >= 0) & frame["valid"].to_numpy(dtype=bool))
    if not len(rows):
        return frame.iloc[:0]
    return build(frame, targets, rows, other[rows])


# Columns a derived row does not take from the row that states the relation: its relations.
_RESET = RELATION_FIELDS
# Columns derived rows add to a frame that lacks them, in the order they are added.
_ADDED = ("derived_from", "derived", "chain")
_OWN = ("unit", "qualifier", "rank_of", "percentile", "stage", "basis", "low", "high", "amount")


def _new_rows(frame: pd.DataFrame, stated: np.ndarray, basis: np.ndarray) -> pd.DataFrame:
    """Copies of the stating rows, to be filled in as derived figures of the basis rows."""
    # Only the columns a derived row keeps are copied; the others are written below.
    kept = [c for c in frame.columns if c not in _RESET and c not in _OWN]
    out = frame[kept].iloc[stated].reset_index(drop=True)  # a new frame already: no copy needed
    for column in _RESET:
        if column in frame:  # missing, in the frame's own dtype (a text column stays one)
            out[column] = pd.Series(None, index=out.index, dtype=frame[column].dtype)
    out["unit"] = take(frame, "unit", basis)
    for column, missing in (("qualifier", None), ("rank_of", None), ("percentile", np.nan)):
        if column in frame:
            out[column] = missing
    for column in ("stage", "basis"):
        if column in frame:
            out[column] = take(frame, column, basis)
    return out


def _relation_texts(
    frame: pd.DataFrame, stated: np.ndarray, basis: np.ndarray
) -> tuple[Any, Any, Any, Any]:
    """The ids and values (as text) of the stating rows and of the basis rows, each read once
    for the derived rows' id, value, chain and derived_from."""
    both = np.concatenate([stated, basis])
    ids, values = take_texts(frame, "id", both), take_texts(frame, "value", both)
    n = len(stated)
    return ids[:n], ids[n:], values[:n], values[n:]


def _growth_base(
    frame: pd.DataFrame, targets: Targets, rows: np.ndarray, changed: np.ndarray
) -> pd.DataFrame:
    """The base-period figure a change implies: later / (1 + rate), or later - difference."""
    stated, later = take(frame, "unit", rows), take(frame, "unit", changed)
    percent = stated == "percent"
    absolute = ~percent & (stated == later)
    usable = (percent | absolute) & (later != "percent")
    rows, changed, percent = rows[usable], changed[usable], percent[usable]
    base_periods = _base_periods(frame, targets, rows, changed)
    known = pd.notna(base_periods)
    rows, changed, percent = rows[known], changed[known], percent[known]
    periods = base_periods[known].tolist()
    low, high = (frame[c].to_numpy(dtype=float) for c in ("low", "high"))
    ratio_low, ratio_high = divide_intervals(
        low[changed], high[changed], 1 + low[rows] / 100, 1 + high[rows] / 100
    )
    less_low, less_high = subtract_intervals(low[changed], high[changed], low[rows], high[rows])
    out = _new_rows(frame, rows, changed)
    out["low"] = np.where(percent, ratio_low, less_low)
    out["high"] = np.where(percent, ratio_high, less_high)
    out["amount"] = _midpoint(frame, rows, changed, percent)
    out["period"] = periods
    _set_years(out, frame)
    out["metric"] = take(frame, "metric", changed)
    out["entity"] = take(frame, "entity", changed)
    steps = (np.where(percent, "÷ (1 +", "−"), np.where(percent, ")", ""))
    _name_rows(out, frame, (rows, changed), ("growth", "~base"), steps)
    return out


def _midpoint(
    frame: pd.DataFrame, rows: np.ndarray, changed: np.ndarray, percent: np.ndarray
) -> np.ndarray:
    amount = frame["amount"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            percent, amount[changed] / (1 + amount[rows] / 100), amount[changed] - amount[rows]
        )


def _base_periods(
    frame: pd.DataFrame, targets: Targets, rows: np.ndarray, changed: np.ndarray
) -> np.ndarray:
    """change_from as a period, or the period of the claim it names, else the period before
    (None where there is none)."""
    named = targets["change_from"][rows] if "change_from" in targets else np.full(len(rows), -1)
    given = take(frame, "change_from", rows) if "change_from" in frame else np.full(len(rows), None)
    # Few distinct periods: each is read once.
    codes, later_periods = pd.factorize(take(frame, "period", changed).astype(str))
    previous = [_previous_period(label) for label in later_periods]
    out = np.array([*previous, None], dtype=object)[codes]
    for n in np.flatnonzero(pd.notna(given) & (named < 0)):  # a stated period: few rows
        out[n] = _valid_period(str(given[n]))
    by_claim = np.flatnonzero(named >= 0)
    out[by_claim] = take(frame, "period", named[by_claim]).astype(str)
    return out


def _valid_period(label: str) -> str | None:
    try:
        parse_period(label)
    except ValueError:
        return None
    return label


def _previous_period(label: str) -> str | None:
    """The same part of the year before ("2025" -> "2024", "2024-H1" -> "2023-H1")."""
    try:
        period = parse_period(label)
    except ValueError:
        return None
    if period.start_year is None or period.start_year != period.end_year:
        return None
    return str(period.start_year - 1) + label[4:]


def _share_whole(
    frame: pd.DataFrame, targets: Targets, rows: np.ndarray, parts: np.ndarray
) -> pd.DataFrame:
    """The whole a share implies: part / (share / 100), for the whole's metric and period."""
    usable = (take(frame, "unit", rows) == "percent") & (take(frame, "unit", parts) != "percent")
    share_high = frame["high"].to_numpy(dtype=float)[rows]
    usable &= (share_high <= 100) & (frame["low"].to_numpy(dtype=float)[rows] > 0)
    rows, parts = rows[usable], parts[usable]
    whole = take(frame, "share_of", rows)
    named = targets["share_of"][rows] if "share_of" in targets else np.full(len(rows), -1)
    low, high, amount = (frame[c].to_numpy(dtype=float) for c in ("low", "high", "amount"))
    out = _new_rows(frame, rows, parts)
    out["low"], out["high"] = divide_intervals(
        low[parts], high[parts], high[rows] / 100, low[rows] / 100
    )
    out["low"], out["high"] = out[["low", "high"]].min(axis=1), out[["low", "high"]].max(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["amount"] = amount[parts] / (amount[rows] / 100)
    for column in ("metric", "period", "entity"):
        of_whole = take(frame, column, np.maximum(named, 0))
        own = take(frame, column, rows) if column != "metric" else whole
        out[column] = np.where(named >= 0, of_whole, own)
    _set_years(out, frame)
    steps = (np.full(len(rows), "÷"), np.full(len(rows), ""))
    _name_rows(out, frame, (rows, parts), ("share", "~whole"), steps)
    return out


def _name_rows(
    out: pd.DataFrame,
    frame: pd.DataFrame,
    rows: tuple[np.ndarray, np.ndarray],
    kind: tuple[str, str],
    steps: tuple[np.ndarray, np.ndarray],
) -> None:
    """A derived row's `derived`, `derived_from`, `id`, `value` and `chain`, from the stating
    rows and the basis rows (`rows`), the kind and its id suffix, and the chain's operator and
    closing bracket (`steps`)."""
    stating, basis = rows
    ids, basis_ids, values, basis_values = _relation_texts(frame, stating, basis)
    out["derived"] = kind[0]
    out["derived_from"] = join_texts(ids, ",", basis_ids)
    out["id"] = join_texts(ids, kind[1])
    # "implied by 23 percent on 8.1 billion manat"; "implied by 1,000 women being 3 percent"
    growth = kind[0] == "growth"
    first, second = (values, basis_values) if growth else (basis_values, values)
    out["value"] = join_texts("implied by ", first, " on " if growth else " being ", second)
    texts = (basis_values, basis_ids, values, ids)
    out["chain"] = _chain_texts(frame, stating, texts, *steps)


def _set_years(out: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Start and end years of each row's period, parsing each distinct period once (in the
    frame's dtype of years where no year is missing)."""
    codes, labels = pd.factorize(out["period"].astype(str))
    periods = [parse_period(label) for label in labels]
    starts = np.array([p.start_year for p in periods] + [None], dtype=object)[codes]
    ends = np.array([p.end_year for p in periods] + [None], dtype=object)[codes]
    out["year"] = pd.array(starts, dtype="Int64")
    out["year_end"] = pd.array(ends, dtype="Int64")
    if "year" in frame and frame["year"].dtype == np.int64 and not out["year"].isna().any():
        out["year"] = out["year"].astype(np.int64)  # as the frame's: no copy to a nullable one


def _chain_texts(
    frame: pd.DataFrame,
    stating: np.ndarray,
    texts: tuple[Any, Any, Any, Any],
    operator: np.ndarray,
    close: np.ndarray,
) -> pd.api.extensions.ExtensionArray:
    """ "8.1 billion manat (seed-000-03) ÷ (1 + 23 percent [22.5, 23.5]) (seed-000-04)":
    `texts` are the basis rows' values and ids, then the stating rows' values and ids."""
    basis_values, basis_ids, values, ids = texts
    # A rate such as "10 percent" recurs: each distinct bound is formatted once.
    bounds = np.column_stack(
        [frame["low"].to_numpy(dtype=float)[stating], frame["high"].to_numpy(dtype=float)[stating]]
    ).ravel()
    codes, distinct = pd.factorize(bounds, use_na_sentinel=False)
    shown = np.array(format_numbers(distinct.astype(float).tolist()), dtype=object)[codes]
    return join_texts(
        *(basis_values, " (", basis_ids, ") ", operator.astype(str), " ", values, " ["),
        *(shown[0::2], ", ", shown[1::2], "]", close.astype(str), " (", ids, ")"),
    )
