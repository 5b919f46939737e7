"""Group normalised claims by (entity, metric, period) and find the pairs that conflict.

Vectorised over the whole frame: a group conflicts when its largest lower bound is above its
smallest upper bound; only conflicting groups are paired up. Two claims conflict when their
intervals (widened by the metric's tolerance) do not overlap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from reconcile.core.frames import factorize_columns, frame_rows, take, take_values

GROUP_KEYS = ["entity", "metric", "period"]
SEVERITY_BINS = [(0.05, "low"), (0.25, "medium"), (np.inf, "high")]
# Relative slack for "ratio near X" cause tests.


@dataclass(slots=True)
class Comparison:
    """Per-claim cluster labels, per-group verdicts and the conflicting pairs."""

    claims: pd.DataFrame  # input rows + group, cluster, repeat_of, lo, hi
    groups: pd.DataFrame  # one row per group: keys, verdict, n_claims, n_sources, n_clusters
    conflicts: pd.DataFrame  # one row per conflicting pair: ids, sources, gap, severity, cause
    relations: pd.DataFrame = field(default_factory=pd.DataFrame)  # stated sums, equivalents


def fingerprint(entity: str, metric: str, period: str, source_a: str, source_b: str) -> str:
    """A stable id for a discrepancy: entity, metric, period and the two sources (unordered)."""
    first, second = sorted((source_a, source_b))
    text = "|".join((entity, metric, period, first, second))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprints(
    group_texts: dict[int, str], groups: np.ndarray, sources_a: list[str], sources_b: list[str]
) -> list[str]:
    """fingerprint() for many pairs: group_texts[g] is "entity|metric|period" of group g."""
    sha256 = hashlib.sha256
    out = []
    for group, a, b in zip(groups.tolist(), sources_a, sources_b, strict=True):
        first, second = (a, b) if a <= b else (b, a)
        text = f"{group_texts[group]}|{first}|{second}"
        out.append(sha256(text.encode("utf-8")).hexdigest()[:16])
    return out


def add_fingerprints(conflicts: pd.DataFrame) -> pd.DataFrame:
    """Add the `fingerprint` column to conflict pairs (one hash per distinct group and sources).

    Kept out of compare_claims: only reports and the CI gate need fingerprints, and hashing is
    a Python loop over the distinct pairs.
    """
    out = conflicts.copy()
    if out.empty:
        out["fingerprint"] = pd.Series(dtype=object)
        return out
    codes, first_rows = factorize_columns(out, ["group", "source_a", "source_b"])
    distinct = out.iloc[first_rows]
    texts = dict(
        zip(
            distinct["group"].tolist(),
            (
                distinct["entity"].astype(str)
                + "|"
                + distinct["metric"].astype(str)
                + "|"
                + distinct["period"].astype(str)
            ).tolist(),
            strict=True,
        )
    )
    prints = np.array(
        fingerprints(
            texts,
            distinct["group"].to_numpy(),
            distinct["source_a"].astype(str).tolist(),
            distinct["source_b"].astype(str).tolist(),
        ),
        dtype=object,
    )
    out["fingerprint"] = prints[codes]
    return out


def compare_claims(
    frame: pd.DataFrame, tolerances: pd.Series | None = None, *, copy: bool = True
) -> Comparison:
    """Compare claims: columns entity, metric, period, source, document, id, valid and
    normalized_low/high/amount; `tolerances` maps metric id -> relative tolerance."""
    claims = frame.copy() if copy else frame
    usable = claims["valid"].to_numpy(dtype=bool) & np.isfinite(
        claims["normalized_low"].to_numpy(dtype=float)
    )
    metric_codes, metric_ids = pd.factorize(claims["metric"])
    by_metric = tolerances if tolerances is not None else pd.Series(dtype=float)
    tolerance = np.array([float(by_metric.get(m, 0.0)) for m in metric_ids] + [0.0])[metric_codes]
    low = claims["normalized_low"].to_numpy(dtype=float)
    high = claims["normalized_high"].to_numpy(dtype=float)
    claims["lo"] = np.where(low >= 0, low * (1 - tolerance), low * (1 + tolerance))
    claims["hi"] = np.where(high >= 0, high * (1 + tolerance), high * (1 - tolerance))
    group_codes, group_first_rows = factorize_columns(claims, GROUP_KEYS)
    claims["group"] = group_codes
    source_codes, _ = pd.factorize(claims["source"], use_na_sentinel=False)
    document_codes, documents = pd.factorize(claims["document"], use_na_sentinel=False)
    # (group, source, document) as one integer: the unit of "the same source said it again".
    said_by = (group_codes * (source_codes.max(initial=0) + 1) + source_codes) * (
        len(documents) + 1
    ) + document_codes
    repeat_of = _mark_repeats(claims, usable, said_by)
    claims["repeat_of"] = repeat_of
    active = usable & pd.isna(repeat_of)
    claims["active"] = active
    claims["cluster"] = _clusters(claims, active)
    groups = _group_table(claims, active, group_first_rows, source_codes)
    conflicts = _conflict_pairs(claims, groups)
    return Comparison(claims, groups, conflicts)


def _mark_repeats(claims: pd.DataFrame, usable: np.ndarray, said_by: np.ndarray) -> np.ndarray:
    """The id of the first claim a figure repeats (same source and document, same interval)."""
    repeat = np.full(len(claims), None, dtype=object)
    rows = np.flatnonzero(usable)
    if not len(rows):
        return repeat
    lo = claims["lo"].to_numpy(dtype=float)[rows]
    hi = claims["hi"].to_numpy(dtype=float)[rows]
    key = said_by[rows]
    # Hash (key, lo, hi) into one integer and factorize that; collisions are ruled out below.
    with np.errstate(over="ignore"):
        mixed = key * np.int64(1_000_003) ^ lo.view(np.int64) * np.int64(31) ^ hi.view(np.int64)
    codes, distinct = pd.factorize(mixed)
    first = np.full(len(distinct), len(rows), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(rows), dtype=np.int64))
    first_of_row = first[codes]
    is_repeat = first_of_row != np.arange(len(rows))
    is_repeat &= (key[first_of_row] == key) & (lo[first_of_row] == lo) & (hi[first_of_row] == hi)
    repeat[rows[is_repeat]] = claims["id"].iloc[rows[first_of_row[is_repeat]]].to_numpy()
    return repeat


def _clusters(claims: pd.DataFrame, active: np.ndarray) -> np.ndarray:
    """Cluster number within the group: intervals chained by overlap share a cluster."""
    cluster = np.full(len(claims), -1, dtype=np.int64)
    rows = np.flatnonzero(active)
    if not len(rows):
        return cluster
    group = claims["group"].to_numpy()[rows]
    lo = claims["lo"].to_numpy(dtype=float)[rows]
    hi = claims["hi"].to_numpy(dtype=float)[rows]
    order = np.lexsort((lo, group))
    group, lo, hi = group[order], lo[order], hi[order]
    running = pd.Series(hi).groupby(group).cummax().to_numpy()
    previous = np.empty_like(running)
    previous[0] = -np.inf
    previous[1:] = running[:-1]
    new_group = np.ones(len(group), dtype=bool)
    new_group[1:] = group[1:] != group[:-1]
    starts = new_group | (lo > previous)
    counted = np.cumsum(starts)
    first_of_group = np.maximum.accumulate(np.where(new_group, np.arange(len(group)), 0))
    cluster[rows[order]] = counted - counted[first_of_group]
    return cluster


def _group_table(
    claims: pd.DataFrame, active: np.ndarray, first_rows: np.ndarray, source_codes: np.ndarray
) -> pd.DataFrame:
    """One row per group (index = group code): keys, counts and the verdict."""
    n_groups = len(first_rows)
    group = claims["group"].to_numpy()[active]
    n_claims = np.bincount(group, minlength=n_groups)
    width = int(source_codes.max(initial=0)) + 1
    group_source = pd.unique(group.astype(np.int64) * width + source_codes[active])
    n_sources = np.bincount(group_source // width, minlength=n_groups)
    cluster = claims["cluster"].to_numpy()[active]
    n_clusters = np.zeros(n_groups, dtype=np.int64)
    np.maximum.at(n_clusters, group, cluster + 1)
    max_lo = np.full(n_groups, -np.inf)
    np.maximum.at(max_lo, group, claims["lo"].to_numpy(dtype=float)[active])
    min_hi = np.full(n_groups, np.inf)
    np.minimum.at(min_hi, group, claims["hi"].to_numpy(dtype=float)[active])
    groups = frame_rows(claims, GROUP_KEYS, first_rows)
    groups["n_claims"] = n_claims
    groups["n_sources"] = n_sources
    groups["n_clusters"] = n_clusters
    conflict = max_lo > min_hi
    groups["verdict"] = np.where(
        n_claims == 0,
        "invalid",
        np.where(conflict, "conflict", np.where(n_claims > 1, "consistent", "single")),
    )
    return groups


def _conflict_pairs(claims: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Every pair (a, b) in a conflicting group where b lies wholly above a."""
    in_conflict = (groups["verdict"] == "conflict").to_numpy()
    group = claims["group"].to_numpy()
    rows = np.flatnonzero(claims["active"].to_numpy(dtype=bool) & in_conflict[group])
    rows = rows[np.argsort(group[rows], kind="stable")]
    sub_group = group[rows]
    # All ordered pairs within each group, by index arithmetic (no merge).
    starts = np.flatnonzero(np.r_[True, sub_group[1:] != sub_group[:-1]])
    sizes = np.diff(np.r_[starts, len(rows)])
    block = np.repeat(np.arange(len(starts)), sizes)
    per_row = sizes[block]
    first = np.repeat(np.arange(len(rows)), per_row)
    offsets = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    second = np.repeat(starts[block], per_row) + offsets
    lo = claims["lo"].to_numpy(dtype=float)[rows]
    hi = claims["hi"].to_numpy(dtype=float)[rows]
    keep = lo[second] > hi[first]
    return pair_columns(claims, groups, rows[first[keep]], rows[second[keep]])


def pair_columns(
    claims: pd.DataFrame, groups: pd.DataFrame, a: np.ndarray, b: np.ndarray
) -> pd.DataFrame:
    """The conflict table for pairs of claim rows `a`, `b` (b wholly above a): both claims'
    columns, the gap, the ratio and the severity."""
    group = claims["group"].to_numpy()
    pairs = groups[GROUP_KEYS].iloc[group[a]].reset_index(drop=True)
    pairs["group"] = group[a]
    pairs["row_a"], pairs["row_b"] = a, b  # positions in the claims frame
    columns = ["id", "source", "lo", "hi", "normalized_amount"]
    columns += [c for c in ("stage", "basis", "unit", "amount") if c in claims]
    for column in columns:
        series = claims[column]
        pairs[f"{column}_a"] = take_values(series, a)
        pairs[f"{column}_b"] = take_values(series, b)
    if "derived" in claims:
        _add_derived_sides(pairs, claims, a, b)
    hi_a = pairs["hi_a"].to_numpy(dtype=float)
    scale = np.where(np.abs(hi_a) > 0, np.abs(hi_a), 1.0)
    pairs["gap"] = (pairs["lo_b"].to_numpy(dtype=float) - hi_a) / scale
    amount_a = pairs["normalized_amount_a"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pairs["ratio"] = pairs["normalized_amount_b"].to_numpy(dtype=float) / amount_a
    pairs["severity"] = _severity(pairs["gap"].to_numpy(dtype=float))
    return pairs


def _add_derived_sides(
    pairs: pd.DataFrame, claims: pd.DataFrame, a: np.ndarray, b: np.ndarray
) -> None:
    """`derived_a/b` and `value_a/b` (the stated value, for the cause's sentence), read only at
    the pairs with a derived side: a few of many, and the rest stay None."""
    derived = claims["derived"].notna().to_numpy(dtype=bool)
    rows = np.flatnonzero(derived[a] | derived[b])
    for column in ("derived", "value"):
        for side, at in (("a", a), ("b", b)):
            values = np.full(len(pairs), None, dtype=object)
            values[rows] = take(claims, column, at[rows])
            # A Series of objects: an array would be read whole to infer a text column.
            pairs[f"{column}_{side}"] = pd.Series(values, index=pairs.index, dtype=object)


def _severity(gap: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Each gap's severity label, as a text column built in Arrow from the bin of each gap (a
    gap that is not a number is high): an array of Python texts was read whole again to infer
    the column's type."""
    bounds = [bound for bound, _ in SEVERITY_BINS[:-1]]
    codes = np.searchsorted(bounds, gap, side="right")
    labels = pa.array([label for _, label in SEVERITY_BINS], type=pa.large_string())
    return pd.array(labels.take(pa.array(codes)), dtype="str")
