"""Group normalised claims by (entity, metric, period) and find the pairs that conflict.

Vectorised over the whole frame: a group conflicts when its largest lower bound is above its
smallest upper bound; only conflicting groups are paired up. Two claims conflict when their
intervals (widened by the metric's tolerance) do not overlap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

GROUP_KEYS = ["entity", "metric", "period"]
SEVERITY_BINS = [(0.05, "low"), (0.25, "medium"), (np.inf, "high")]
# Relative slack for "ratio near X" cause tests.
NEAR = 0.03


@dataclass(slots=True)
class Comparison:
    """Per-claim cluster labels, per-group verdicts and the conflicting pairs."""

    claims: pd.DataFrame  # input rows + group, cluster, repeat_of, lo, hi
    groups: pd.DataFrame  # one row per group: keys, verdict, n_claims, n_sources, n_clusters
    conflicts: pd.DataFrame  # one row per conflicting pair: ids, sources, gap, severity, cause


def fingerprint(entity: str, metric: str, period: str, source_a: str, source_b: str) -> str:
    """A stable id for a discrepancy: entity, metric, period and the two sources (unordered)."""
    first, second = sorted((source_a, source_b))
    text = "|".join((entity, metric, period, first, second))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def compare_claims(frame: pd.DataFrame, tolerances: pd.Series | None = None) -> Comparison:
    """Compare claims: columns entity, metric, period, source, document, id, valid and
    normalized_low/high/amount; `tolerances` maps metric id -> relative tolerance."""
    claims = frame.copy()
    usable = claims["valid"].to_numpy(dtype=bool) & np.isfinite(
        claims["normalized_low"].to_numpy(dtype=float)
    )
    tolerance = (
        claims["metric"].map(tolerances).fillna(0.0).to_numpy(dtype=float)
        if tolerances is not None
        else np.zeros(len(claims))
    )
    low = claims["normalized_low"].to_numpy(dtype=float)
    high = claims["normalized_high"].to_numpy(dtype=float)
    claims["lo"] = np.where(low >= 0, low * (1 - tolerance), low * (1 + tolerance))
    claims["hi"] = np.where(high >= 0, high * (1 + tolerance), high * (1 - tolerance))
    group_codes, _ = pd.MultiIndex.from_frame(claims[GROUP_KEYS].astype(str)).factorize()
    claims["group"] = group_codes
    claims["repeat_of"] = _mark_repeats(claims, usable)
    active = usable & claims["repeat_of"].isna().to_numpy()
    claims["active"] = active
    claims["cluster"] = _clusters(claims, active)
    groups = _group_table(claims, active)
    conflicts = _conflict_pairs(claims, groups)
    return Comparison(claims, groups, conflicts)


def _mark_repeats(claims: pd.DataFrame, usable: np.ndarray) -> pd.Series:
    """The id of the first claim a figure repeats (same source and document, same interval)."""
    keys = ["group", "source", "document", "lo", "hi"]
    subset = claims.loc[usable, [*keys, "id"]]
    first = subset.groupby(keys, sort=False, dropna=False)["id"].transform("first")
    repeat = pd.Series([None] * len(claims), index=claims.index, dtype=object)
    is_repeat = first != subset["id"]
    repeat.loc[is_repeat[is_repeat].index] = first[is_repeat]
    return repeat


def _clusters(claims: pd.DataFrame, active: np.ndarray) -> np.ndarray:
    """Cluster number within the group: intervals chained by overlap share a cluster."""
    cluster = np.full(len(claims), -1, dtype=np.int64)
    if not active.any():
        return cluster
    sub = claims.loc[active, ["group", "lo", "hi"]]
    order = np.lexsort((sub["lo"].to_numpy(), sub["group"].to_numpy()))
    group = sub["group"].to_numpy()[order]
    lo = sub["lo"].to_numpy()[order]
    hi = sub["hi"].to_numpy()[order]
    running = pd.Series(hi).groupby(group).cummax().to_numpy()
    previous = np.empty_like(running)
    previous[0] = -np.inf
    previous[1:] = running[:-1]
    new_group = np.ones(len(group), dtype=bool)
    new_group[1:] = group[1:] != group[:-1]
    starts = new_group | (lo > previous)
    numbers = pd.Series(starts.astype(np.int64)).groupby(group).cumsum().to_numpy() - 1
    positions = np.flatnonzero(active)[order]
    cluster[positions] = numbers
    return cluster


def _group_table(claims: pd.DataFrame, active: np.ndarray) -> pd.DataFrame:
    sub = claims.loc[active]
    stats = sub.groupby("group", sort=True).agg(
        n_claims=("id", "size"),
        n_sources=("source", "nunique"),
        n_clusters=("cluster", "max"),
        max_lo=("lo", "max"),
        min_hi=("hi", "min"),
    )
    stats["n_clusters"] += 1
    keys = claims.groupby("group", sort=True)[GROUP_KEYS].first()
    groups = keys.join(stats, how="left")
    groups["n_claims"] = groups["n_claims"].fillna(0).astype(int)
    groups["n_sources"] = groups["n_sources"].fillna(0).astype(int)
    conflict = groups["max_lo"] > groups["min_hi"]
    groups["verdict"] = np.where(
        groups["n_claims"] == 0,
        "invalid",
        np.where(conflict, "conflict", np.where(groups["n_claims"] > 1, "consistent", "single")),
    )
    return groups.drop(columns=["max_lo", "min_hi"])


def _conflict_pairs(claims: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    conflicting = groups.index[groups["verdict"] == "conflict"]
    columns = ["group", "id", "source", "lo", "hi", "normalized_amount"]
    extra = [c for c in ("stage", "basis", "unit", "amount") if c in claims]
    sub = claims.loc[claims["active"] & claims["group"].isin(conflicting), columns + extra]
    pairs = sub.merge(sub, on="group", suffixes=("_a", "_b"))
    # a is the lower figure, b the higher one that lies wholly above it.
    pairs = pairs[pairs["lo_b"] > pairs["hi_a"]].reset_index(drop=True)
    keys = groups.loc[pairs["group"], GROUP_KEYS].reset_index(drop=True)
    pairs = pd.concat([keys, pairs], axis=1)
    hi_a = pairs["hi_a"].to_numpy(dtype=float)
    scale = np.where(np.abs(hi_a) > 0, np.abs(hi_a), 1.0)
    pairs["gap"] = (pairs["lo_b"].to_numpy(dtype=float) - hi_a) / scale
    amount_a = pairs["normalized_amount_a"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pairs["ratio"] = pairs["normalized_amount_b"].to_numpy(dtype=float) / amount_a
    pairs["severity"] = _severity(pairs["gap"].to_numpy(dtype=float))
    pairs["fingerprint"] = [
        fingerprint(e, m, p, a, b)
        for e, m, p, a, b in zip(
            pairs["entity"],
            pairs["metric"],
            pairs["period"],
            pairs["source_a"],
            pairs["source_b"],
            strict=True,
        )
    ]
    return pairs


def _severity(gap: np.ndarray) -> np.ndarray:
    out = np.full(len(gap), "high", dtype=object)
    for bound, label in reversed(SEVERITY_BINS):
        out[gap < bound] = label
    return out
