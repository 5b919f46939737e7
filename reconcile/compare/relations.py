"""Check the arithmetic the texts state: restated equivalents and parts against their totals.

Vectorised over the claims frame: references are resolved with one index look-up, parts are
summed as intervals with one bincount, and exchange rates are read once per distinct currency
and year. Derived figures (growth rates, shares) are made before normalisation
(normalize/derived.py) and compared in their groups like any claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reconcile.claims.catalogue import Metric
from reconcile.core.dates import years_at
from reconcile.core.frames import (
    join_texts,
    same_at,
    take,
    take_texts,
    take_values,
    texts_where,
)
from reconcile.core.intervals import sum_intervals
from reconcile.reference.rates import RateTable

from .causes import near_power
from .relation_scopes import excluded_parts
from .restated_rates import (
    DATED_SLACK,
    EQUIVALENT_SLACK,
    later_rate_year,
    other_year,
    stated_rate_ratio,
)

RELATION_COLUMNS = [
    "kind",
    "claim",
    "others",
    "entity",
    "metric",
    "period",
    "source",
    "verdict",
    "cause",
    "detail",
    "low",
    "high",
    "target_low",
    "target_high",
    "difference",
    "unit",
    "stated_difference",
    "stated_unit",
]


def check_relations(
    claims: pd.DataFrame,
    rates: RateTable,
    metrics: Mapping[str, Metric] | None = None,
    stated: list[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """One row per stated sum or equivalent, and per figure stated without a part whose total
    and part are stated too (with the catalogue's `metrics`): what was computed, against what,
    the verdict. `stated`: check_stated_relations of these claims, when already checked."""
    pieces = check_stated_relations(claims, rates) if stated is None else list(stated)
    if metrics:
        parts, totals = excluded_parts(claims, metrics)
        pieces.append(_check_sums(claims, parts, totals, "excluding"))
    pieces = [piece for piece in pieces if len(piece)]
    if not pieces:
        return pd.DataFrame(columns=RELATION_COLUMNS)
    return pd.concat(pieces, ignore_index=True).reindex(columns=RELATION_COLUMNS)


def check_stated_relations(claims: pd.DataFrame, rates: RateTable) -> list[pd.DataFrame]:
    """The stated sums and the restatements checked: they need the normalised claims only, not
    their comparison (so they can be checked while the claims are compared)."""
    parts, totals = _resolve(claims, "part_of")
    return [_check_sums(claims, parts, totals), _check_equivalents(claims, rates)]


def has_stated_relations(claims: pd.DataFrame) -> bool:
    """Whether any claim names a total it is part of, or a figure it restates."""
    return any(len(_resolve(claims, field)[0]) for field in ("part_of", "equivalent_of"))


def _usable(claims: pd.DataFrame) -> np.ndarray:
    return claims["valid"].to_numpy(dtype=bool) & np.isfinite(
        claims["normalized_low"].to_numpy(dtype=float)
    )


def _resolve(claims: pd.DataFrame, field: str) -> tuple[np.ndarray, np.ndarray]:
    """Rows that name another claim in `field`, and the row of the claim they name (the rows
    normalisation resolved, in `<field>_row`)."""
    if f"{field}_row" not in claims:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    named = claims[f"{field}_row"].to_numpy(dtype=np.int64)
    rows = np.flatnonzero(named >= 0)
    return rows, named[rows]


def _check_sums(
    claims: pd.DataFrame, parts: np.ndarray, totals: np.ndarray, kind: str = "sum"
) -> pd.DataFrame:
    """Parts (rows) summed as intervals and set against their totals (rows)."""
    if not len(parts):
        return pd.DataFrame(columns=RELATION_COLUMNS)
    usable = _usable(claims)
    codes, distinct_totals = pd.factorize(totals)
    # A total is checked only when it and every one of its parts was read, in the same unit.
    readable = usable[parts] & same_at(claims, "normalized_unit", parts, totals, missing_same=True)
    complete = np.bincount(codes, weights=readable, minlength=len(distinct_totals)) == np.bincount(
        codes, minlength=len(distinct_totals)
    )
    complete &= usable[distinct_totals]
    low, high = sum_intervals(
        claims["normalized_low"].to_numpy(dtype=float)[parts],
        claims["normalized_high"].to_numpy(dtype=float)[parts],
        codes,
        len(distinct_totals),
    )
    amount = np.bincount(
        codes,
        weights=claims["normalized_amount"].to_numpy(dtype=float)[parts],
        minlength=len(distinct_totals),
    )
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    # Each total's part ids joined in Arrow (a list per total), not one join per total.
    offsets = pa.array(np.concatenate([[0], bounds, [len(parts)]]), type=pa.int32())
    lists = pa.ListArray.from_arrays(offsets, take_texts(claims, "id", parts[order]))
    others = pc.binary_join(lists, pa.scalar(",", pa.large_string()))
    out = _records(claims, distinct_totals, kind, others)
    out["low"], out["high"] = low, high
    out["target_low"] = claims["normalized_low"].to_numpy(dtype=float)[distinct_totals]
    out["target_high"] = claims["normalized_high"].to_numpy(dtype=float)[distinct_totals]
    out["difference"] = claims["normalized_amount"].to_numpy(dtype=float)[distinct_totals] - amount
    _add_stated_difference(out, claims, parts, totals, codes, distinct_totals)
    disjoint = (out["high"] < out["target_low"]) | (out["low"] > out["target_high"])
    out["verdict"] = np.where(~complete, "unchecked", np.where(disjoint, "mismatch", "agrees"))
    cause = np.full(len(out), None, dtype=object)
    cause[(disjoint & complete).to_numpy()] = "sum-mismatch"
    out["cause"] = cause
    out["detail"] = np.where(
        ~complete,
        "a part or the total could not be read in the same unit",
        np.where(
            out["low"] > out["target_high"],
            "the parts add up to more than the total",
            np.where(disjoint, "the parts add up to less than the total", ""),
        ),
    )
    return out


def _add_stated_difference(
    out: pd.DataFrame,
    claims: pd.DataFrame,
    parts: np.ndarray,
    totals: np.ndarray,
    codes: np.ndarray,
    distinct_totals: np.ndarray,
) -> None:
    """The total minus its parts in the stated unit, where the parts and total share one."""
    same = same_at(claims, "unit", parts, totals, missing_same=True)
    one_unit = np.bincount(codes, weights=same, minlength=len(distinct_totals)) == np.bincount(
        codes, minlength=len(distinct_totals)
    )
    stated_sum = np.bincount(
        codes, weights=claims["amount"].to_numpy(dtype=float)[parts], minlength=len(distinct_totals)
    )
    out["stated_difference"] = np.where(
        one_unit, claims["amount"].to_numpy(dtype=float)[distinct_totals] - stated_sum, np.nan
    )
    stated_unit = take(claims, "unit", distinct_totals).astype(object)
    stated_unit[~one_unit] = None
    out["stated_unit"] = stated_unit


def _records(claims: pd.DataFrame, rows: np.ndarray, kind: str, others: Any) -> pd.DataFrame:
    """The checks' first columns, built in one go (Arrow texts stay Arrow)."""
    columns: dict[str, Any] = {
        "kind": kind,
        "claim": pd.array(take_texts(claims, "id", rows), dtype="str"),
        "others": pd.array(others, dtype="str"),
    }
    for column in ("entity", "metric", "period", "source"):
        columns[column] = take_values(claims[column], rows)
    columns["unit"] = take(claims, "normalized_unit", rows)
    return pd.DataFrame(columns)


def _check_equivalents(claims: pd.DataFrame, rates: RateTable) -> pd.DataFrame:
    """A restated figure against the conversion of its original (at the reference or the
    text's own rate); an unexplained gap is labelled scale slip or conversion date."""
    restated, original = _resolve(claims, "equivalent_of")
    if not len(restated):
        return pd.DataFrame(columns=RELATION_COLUMNS)
    usable = _usable(claims)
    # Only the rows in a relation are compared: no factorising of a million-row column.
    same_unit = same_at(claims, "normalized_unit", restated, original)
    keep = usable[restated] & usable[original] & same_unit
    restated, original = restated[keep], original[keep]
    low, high, amount = (
        claims[f"normalized_{c}"].to_numpy(dtype=float) for c in ("low", "high", "amount")
    )
    out = _records(claims, restated, "equivalent", take_texts(claims, "id", original))
    out["low"], out["high"] = low[restated], high[restated]
    out["target_low"], out["target_high"] = low[original], high[original]
    out["difference"] = amount[restated] - amount[original]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = amount[restated] / amount[original]
    # Both sides' stated units, read once for the rate checks below.
    units = (take(claims, "unit", restated).astype(str), take(claims, "unit", original).astype(str))
    stated_ratio = stated_rate_ratio(claims, restated, original, units)
    has_stated = np.isfinite(stated_ratio)
    ratio = np.where(has_stated, stated_ratio, ratio)
    # Round figures are not wildcards: the restatement is held to the more precise of the two.
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.fmin(
            (high[restated] - low[restated]) / (2 * np.abs(amount[restated])),
            (high[original] - low[original]) / (2 * np.abs(amount[original])),
        )
    agrees = np.abs(ratio - 1) <= EQUIVALENT_SLACK + np.nan_to_num(precision, nan=0.0)
    scale = near_power(ratio)
    dated_year = np.where(has_stated, 0, other_year(claims, original, ratio, rates, units))
    written_year = years_at(claims, "published", restated)
    agrees |= _agrees_when_written(claims, restated, original, ratio, written_year, dated_year)
    later = ~(agrees | scale | has_stated) & (dated_year == 0)
    later_year = np.where(
        later, later_rate_year(claims, original, ratio, rates, (written_year, units)), 0
    )
    out["verdict"] = np.where(agrees, "agrees", "mismatch")
    cause = np.where(
        scale,
        "scale",
        np.where((dated_year > 0) | (later_year > 0), "conversion-date", "stated-equivalent"),
    ).astype(object)
    cause[agrees] = None
    out["cause"] = cause
    out["detail"] = _equivalent_detail(
        ratio, agrees, has_stated, take(claims, "rate", restated), dated_year, later_year
    )
    return out


def _agrees_when_written(
    claims: pd.DataFrame,
    restated: np.ndarray,
    original: np.ndarray,
    ratio: np.ndarray,
    written_year: np.ndarray,
    dated_year: np.ndarray,
) -> np.ndarray:
    """A text's restatement of its own figure that its date of writing explains."""
    scale = near_power(ratio)
    # A text restating its own figure at the rate of the year it was written in (a budget is
    # converted when it is drafted) converted it right; undated, when the rate moved little.
    own_text = same_at(claims, "document", restated, original)
    when_written = np.where(
        np.isnan(written_year), np.abs(ratio - 1) <= DATED_SLACK, written_year == dated_year
    )
    agrees = (dated_year > 0) & own_text & ~scale & when_written
    # Written before the period was over (or undated): the text converted at the rate of its
    # day or at the budget's forecast rate, which the annual average cannot know.
    period_year = pd.to_numeric(take(claims, "year", restated), errors="coerce")
    ahead = np.isnan(written_year) | (written_year <= np.asarray(period_year, dtype=float))
    return np.asarray(agrees | (own_text & ahead & ~scale & (np.abs(ratio - 1) <= DATED_SLACK)))


def _equivalent_detail(
    ratio: np.ndarray,
    agrees: np.ndarray,
    stated: np.ndarray,
    rate: np.ndarray,
    dated: np.ndarray,
    later: np.ndarray,
) -> Any:
    """Each check's sentence, its parts built for the rows that have them (the others take a
    constant, in Arrow, with no Python string per row) and joined in Arrow."""
    at = texts_where(stated, rate, "at the text's own rate ({})", "at the annual average rate")
    year = texts_where(dated != 0, dated, "; it matches the {} average rate")
    moved = "; the currencies moved that way by {}, when the text was written"
    when = texts_where(later != 0, later, moved)
    value = pa.array([f"{v:.4g}" for v in ratio.tolist()], type=pa.large_string())
    verb = pc.if_else(pa.array(np.asarray(agrees, dtype=bool)), "matches", "is")
    return join_texts(verb, " ", value, "x the original converted ", at, year, when)
