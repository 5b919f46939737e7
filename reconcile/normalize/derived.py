"""Figures the texts imply: a growth rate or a share turned into a figure of its own.

"8.1 billion manat, a 23 percent increase on the previous year" implies the previous year's
figure, 8.1 / 1.23 billion; "1,000 women, 3 % of the armed forces" implies a force of
1,000 / 0.03. Each derived figure is a new claim row (marked `derived`, with its `chain`), in
the stated unit of the figure it came from, so it is normalised and compared like any claim
and meets the other documents' figures for that period.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reconcile.claims.relations import MAY_NAME_A_CLAIM
from reconcile.core.frames import find_column_rows, join_texts, take
from reconcile.core.intervals import divide_intervals, subtract_intervals
from reconcile.core.periods import parse_period
from reconcile.figures.numbers import format_number

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
    return pd.concat(pieces, ignore_index=True)


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
    wanted = np.concatenate([take(frame, f, present[f]).astype(str) for f in fields]).astype(object)
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


def _new_rows(frame: pd.DataFrame, stated: np.ndarray, basis: np.ndarray) -> pd.DataFrame:
    """Copies of the stating rows, to be filled in as derived figures of the basis rows."""
    out = frame.iloc[stated].reset_index(drop=True)  # a new frame already: no copy needed
    for column in ("equivalent_of", "rate", "change_of", "change_from", "share_of", "part"):
        if column in out:
            out[column] = None
    if "part_of" in out:
        out["part_of"] = None
    out["unit"] = take(frame, "unit", basis)
    out["qualifier"] = None
    out["rank_of"] = None
    out["percentile"] = np.nan
    for column in ("stage", "basis"):
        if column in frame:
            out[column] = take(frame, column, basis)
    first, second = take(frame, "id", stated).astype(str), take(frame, "id", basis).astype(str)
    out["derived_from"] = join_texts(first, ",", second)
    return out


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
    _set_years(out)
    out["metric"] = take(frame, "metric", changed)
    out["entity"] = take(frame, "entity", changed)
    out["derived"] = "growth"
    out["id"] = join_texts(take(frame, "id", rows).astype(str), "~base")
    out["value"] = join_texts(
        "implied by ",
        take(frame, "value", rows).astype(str),
        " on ",
        take(frame, "value", changed).astype(str),
    )
    out["chain"] = _chain_texts(
        frame, rows, changed, np.where(percent, "÷ (1 +", "−"), np.where(percent, ")", "")
    )
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
    _set_years(out)
    out["derived"] = "share"
    out["id"] = join_texts(take(frame, "id", rows).astype(str), "~whole")
    out["value"] = join_texts(
        "implied by ",
        take(frame, "value", parts).astype(str),
        " being ",
        take(frame, "value", rows).astype(str),
    )
    out["chain"] = _chain_texts(frame, rows, parts, np.full(len(rows), "÷"), np.full(len(rows), ""))
    return out


def _set_years(out: pd.DataFrame) -> None:
    """Start and end years of each row's period, parsing each distinct period once."""
    codes, labels = pd.factorize(out["period"].astype(str))
    periods = [parse_period(label) for label in labels]
    starts = np.array([p.start_year for p in periods] + [None], dtype=object)[codes]
    ends = np.array([p.end_year for p in periods] + [None], dtype=object)[codes]
    out["year"] = pd.array(starts, dtype="Int64")
    out["year_end"] = pd.array(ends, dtype="Int64")


def _chain_texts(
    frame: pd.DataFrame,
    stating: np.ndarray,
    basis: np.ndarray,
    operator: np.ndarray,
    close: np.ndarray,
) -> pd.api.extensions.ExtensionArray:
    """ "8.1 billion manat (seed-000-03) ÷ (1 + 23 percent [22.5, 23.5]) (seed-000-04)"."""
    values = take(frame, "value", np.concatenate([stating, basis])).astype(str)
    ids = take(frame, "id", np.concatenate([stating, basis])).astype(str)
    n = len(stating)
    # A rate such as "10 percent" recurs: each distinct bound is formatted once.
    bounds = np.column_stack(
        [frame["low"].to_numpy(dtype=float)[stating], frame["high"].to_numpy(dtype=float)[stating]]
    ).ravel()
    codes, distinct = pd.factorize(bounds, use_na_sentinel=False)
    shown = np.array([format_number(float(number)) for number in distinct], dtype=object)[codes]
    return join_texts(
        *(values[n:], " (", ids[n:], ") ", operator.astype(str), " ", values[:n], " ["),
        *(shown[0::2], ", ", shown[1::2], "]", close.astype(str), " (", ids[:n], ")"),
    )
