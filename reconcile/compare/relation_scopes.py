"""A total stated without one of its parts ("X, excluding pensions"): with the total and the
part stated too, the figure plus the part is checked against the total, like a stated sum.

The part is the figure of a metric whose cue words name what is left out and that is related to
the figure's metric (catalogue `related`, either way). Figures are taken from the excluding
figure's own document when it states them, else from another document (the earliest claim).
Only rows with a scope are looked at: nothing is done per claim for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from reconcile.claims.catalogue import Metric
from reconcile.core.frames import take

_EXCLUDING = re.compile(
    r"^(?:excluding|exclusive\s+of|without|net\s+of|not\s+counting)\s+(?:the\s+|its\s+)?"
    r"(?P<part>.+)$",
    re.IGNORECASE,
)
_KEYS = ["entity", "period"]


def excluded_parts(
    claims: pd.DataFrame, metrics: Mapping[str, Metric]
) -> tuple[np.ndarray, np.ndarray]:
    """Rows of parts and of the total each belongs to: for each figure that excludes a part,
    (the figure, its total) and (the part, that total)."""
    none = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
    if "scope" not in claims or not metrics:
        return none
    active = claims["active"].to_numpy(dtype=bool)
    scoped = claims["scope"].notna().to_numpy(dtype=bool)
    rows = np.flatnonzero(scoped & active)
    if not len(rows):
        return none
    excluding = _table(claims, rows)
    scope = take(claims, "scope", rows).astype(str)
    scoped_metrics = list(zip(scope.tolist(), excluding["metric"].tolist(), strict=True))
    named = {key: _part_metric(*key, metrics) for key in set(scoped_metrics)}  # distinct ones
    excluding["part_metric"] = [named[key] for key in scoped_metrics]
    excluding = excluding[excluding["part_metric"].notna()]
    if excluding.empty:
        return none
    # Candidates: the unscoped figures of the entities and periods concerned.
    plain = np.flatnonzero(~scoped & active)
    keys = claims[_KEYS].iloc[plain]
    wanted = pd.MultiIndex.from_frame(excluding[_KEYS].astype(str))
    plain = plain[pd.MultiIndex.from_frame(keys.astype(str)).isin(wanted)]
    candidates = _table(claims, plain)
    totals = _first(excluding.merge(candidates, on=[*_KEYS, "metric"], suffixes=("", "_t")))
    parts = candidates.rename(columns={"metric": "part_metric"})
    pairs = totals.merge(parts, on=[*_KEYS, "part_metric"], suffixes=("", "_p"))
    pairs["same"] = (pairs["document_p"] == pairs["document"]).astype(int) + (
        pairs["document_p"] == pairs["document_t"]
    ).astype(int)
    pairs = pairs.sort_values(["row", "same", "row_p"], ascending=[True, False, True])
    pairs = pairs.drop_duplicates("row")
    part_rows = np.concatenate([pairs["row"].to_numpy(), pairs["row_p"].to_numpy()])
    total_rows = np.tile(pairs["row_t"].to_numpy(), 2)
    return part_rows.astype(np.int64), total_rows.astype(np.int64)


def _table(claims: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    columns = {c: take(claims, c, rows) for c in ("entity", "period", "metric", "document")}
    return pd.DataFrame({"row": rows, **columns})


def _first(totals: pd.DataFrame) -> pd.DataFrame:
    """One total per excluding figure: its own document's, else the earliest claim's."""
    totals["same"] = (totals["document_t"] == totals["document"]).astype(int)
    totals = totals.sort_values(["row", "same", "row_t"], ascending=[True, False, True])
    return totals.drop_duplicates("row").drop(columns="same")


def _part_metric(scope: str, metric: str, metrics: Mapping[str, Metric]) -> str | None:
    """The metric a scope leaves out ("excluding pensions": the one with the cue "pensions"),
    among those related to the figure's metric."""
    match = _EXCLUDING.match(scope.strip())
    if not match or metric not in metrics:
        return None
    words = " ".join(match["part"].lower().split())
    for other in metrics.values():
        related = other.id in metrics[metric].related or metric in other.related
        if related and other.id != metric and words in {c.lower() for c in other.cues}:
            return other.id
    return None
