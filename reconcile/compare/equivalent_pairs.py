"""Conflicting pairs explained by a restatement: a figure against its own restatement, and two
restatements converted on different dates."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from reconcile.core.frames import TEXT_DTYPE

from .causes import power_word
from .relations import EQUIVALENT_SLACK

# Causes a restatement's evidence replaces: none, or one that only describes the two figures.
_WEAK_CAUSES = ["rounding", "currency"]


def label_equivalent_pairs(
    conflicts: pd.DataFrame, claims: pd.DataFrame, relations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """A conflict between restatements is explained by their relation: a figure against its own
    restatement takes the equivalent check's cause (`relations`, from check_relations); two
    restatements of originals in one cluster, or two restatements further apart than their
    originals at rates that differ, each explained (agreeing or dated), were converted on
    different dates."""
    if conflicts.empty or "equivalent_of_row" not in claims:
        return conflicts
    original_row = claims["equivalent_of_row"].to_numpy(dtype=np.int64)
    a, b = conflicts["row_a"].to_numpy(), conflicts["row_b"].to_numpy()
    # Only a pair with a restatement on a side can change: the rest are not read.
    at = np.flatnonzero((original_row[a] >= 0) | (original_row[b] >= 0))
    if not len(at):
        return conflicts
    a, b = a[at], b[at]
    first, second = original_row[a], original_row[b]
    cause_column = conflicts["cause"].iloc[at]
    free = (cause_column.isna() | cause_column.isin(_WEAK_CAUSES)).to_numpy(dtype=bool)
    own = free & ((first == b) | (second == a))
    # Both restate originals in one cluster of one group (or the same original).
    group, cluster = claims["group"].to_numpy(), claims["cluster"].to_numpy()
    both = (first >= 0) & (second >= 0)
    same = both & (
        (first == second)
        | (
            (group[first] == group[second])
            & (cluster[first] == cluster[second])
            & (cluster[first] >= 0)
        )
    )
    dated = free & ~own & same
    # One side restates an original the other side agrees with (one cluster): "$145 billion"
    # against another text's "13,5 трлн рублей" that its own "13.5 trillion roubles" matches.
    single = free & ~own & ((first >= 0) != (second >= 0))
    original, other = np.where(first >= 0, first, second), np.where(first >= 0, b, a)
    single &= (group[original] == group[other]) & _overlap(claims, original, other)
    checked = _check_causes(conflicts, relations, at, np.flatnonzero(own | both | single))
    side = np.where(first >= 0, checked[0], checked[1])
    dated |= single & np.isin(side, ["agrees", "dated"])
    # A budget stage between the originals does not explain a gap the conversion widened.
    staged = cause_column.eq("budget-stage").to_numpy(dtype=bool, na_value=False)
    apart = (free | staged) & both & ~own & ~dated
    rows = np.flatnonzero(apart)
    explained = np.isin(checked[0][rows], ["agrees", "dated"]) & np.isin(
        checked[1][rows], ["agrees", "dated"]
    )
    rows = rows[explained]
    dated[rows[_converted_apart(claims, a[rows], b[rows], first[rows], second[rows])]] = True
    if not (own.any() or dated.any()):
        return conflicts
    ratio = conflicts["ratio"].to_numpy(dtype=float)[at]
    causes, details = _own_causes(own, ratio, np.where(first == b, checked[0], checked[1]))
    causes[dated], details[dated] = "conversion-date", ""
    changed = own | dated
    out = conflicts.copy(deep=False)  # only the two cause columns are replaced
    for column, values in (("cause", causes), ("cause_detail", details)):
        out[column] = _replaced(out[column], at[changed], values[changed])
    return out


def _overlap(claims: pd.DataFrame, one: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Whether the widened intervals of two rows overlap (the rows a repeat may hide from its
    cluster: an original repeated in its own text has no cluster of its own)."""
    if "lo" not in claims or not len(one):
        return np.zeros(len(one), dtype=bool)
    lo, hi = claims["lo"].to_numpy(dtype=float), claims["hi"].to_numpy(dtype=float)
    return np.asarray((lo[one] <= hi[other]) & (lo[other] <= hi[one]), dtype=bool)


def _own_causes(
    own: np.ndarray, ratio: np.ndarray, restated: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The cause and detail of each pair that sets a figure against its own restatement
    (`own`), from the pair's ratio and what the restatement's check said (`restated`)."""
    causes = np.full(len(own), None, dtype=object)
    details = np.full(len(own), None, dtype=object)
    for n in np.flatnonzero(own):
        word = power_word(ratio[n])
        if word:
            causes[n], details[n] = "scale", word
        elif restated[n] == "dated":
            causes[n], details[n] = "conversion-date", ""
        else:
            causes[n], details[n] = "stated-equivalent", ""
    return causes, details


def _replaced(column: pd.Series, positions: np.ndarray, values: np.ndarray) -> Any:
    """`column` with `values` at `positions`: a text column is written at those positions only
    (rebuilding it from a Python object per pair costs more than the rest of the labelling);
    another (no cause at all: objects) becomes the object array it always was."""
    if column.dtype == TEXT_DTYPE:
        out = column.copy()
        out.iloc[positions] = values
        return out
    whole = column.to_numpy(dtype=object).copy()
    whole[positions] = values
    return whole


def _check_causes(
    conflicts: pd.DataFrame, relations: pd.DataFrame | None, at: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each side of the pairs at positions `at[rows]`, what its equivalent check said:
    "agrees", "dated" (a mismatch a conversion date explains), "mismatch", or "" (no check);
    one entry per position of `at`. Only those pairs' ids are looked up."""
    sides = (np.full(len(at), "", dtype=object), np.full(len(at), "", dtype=object))
    if relations is None or relations.empty or not len(rows):
        return sides
    # Only the three columns read (a filtered copy of every column costs more than the rest).
    checks = relations[["claim", "verdict", "cause"]][relations["kind"] == "equivalent"]
    said = np.where(
        checks["verdict"].to_numpy(dtype=object) == "agrees",
        "agrees",
        np.where(checks["cause"].to_numpy(dtype=object) == "conversion-date", "dated", "mismatch"),
    )
    said = np.append(said.astype(object), "")  # position -1: no check
    index = pd.Index(checks["claim"].astype(str).to_numpy(dtype=object))
    for side, column in zip(sides, ("id_a", "id_b"), strict=True):
        ids = conflicts[column].iloc[at[rows]].astype(str).to_numpy(dtype=object)
        side[rows] = said[index.get_indexer(ids)]
    return sides


def _converted_apart(
    claims: pd.DataFrame, a: np.ndarray, b: np.ndarray, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """Restatements a and b (of originals `first` and `second`) whose rates of conversion
    differ by more than the slack of one rate, and which lie further apart than their
    originals do: the conversion, not the figure, made most of the gap."""
    amount = claims["normalized_amount"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate_a, rate_b = amount[a] / amount[first], amount[b] / amount[second]
        rates_differ = np.abs(rate_a / rate_b - 1) > EQUIVALENT_SLACK
        wider = np.abs(amount[b] / amount[a] - 1) > np.abs(amount[second] / amount[first] - 1)
    return np.asarray(rates_differ & wider, dtype=bool)
