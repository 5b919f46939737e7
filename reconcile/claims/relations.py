"""Relations between claims that the texts state, and the checks that they are well formed.

- `equivalent_of: ID` (with `rate: "2.7 GEL/USD"` when the text gives its rate): this figure
  restates claim ID in another currency or unit.
- `change_of: ID` with `change_from: PERIOD or ID`: this figure (a percent or an amount) is the
  change of claim ID since that period (default: the period before ID's).
- `share_of: ID or METRIC` with `part: ID`: this figure (a percent) is claim `part` as a share
  of a whole (a claim, or a metric of the same entity and period).
- `part_of: ID`: this figure is one of the parts that should add up to the total ID.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from reconcile.core.errors import Finding

# Every relation field, and what its value names: always another claim's id ("id"), an id or
# something else (change_from: a period; share_of: a metric), or never an id (rate).
RELATION_FIELD_VALUES = {
    "equivalent_of": "id",
    "rate": "rate",
    "change_of": "id",
    "change_from": "id or period",
    "share_of": "id or metric",
    "part": "id",
    "part_of": "id",
}
RELATION_FIELDS = tuple(RELATION_FIELD_VALUES)
# Fields whose value may be the id of another claim (resolved to rows in normalize/derived.py).
MAY_NAME_A_CLAIM = tuple(f for f, value in RELATION_FIELD_VALUES.items() if "id" in value)
# Fields whose value must be the id of another claim (share_of and change_from may also be a
# metric or a period, so they are checked where they are used).
_ID_FIELDS = tuple(f for f, value in RELATION_FIELD_VALUES.items() if value == "id")
# "2.7 GEL/USD", "2.7 GEL per USD": units of the first currency for one of the second.
RATE_RE = re.compile(
    r"^\s*(?P<rate>\d+(?:\.\d+)?)\s*(?P<quote>[A-Z]{3})\s*(?:/|per)\s*(?P<base>[A-Z]{3})\s*$"
)
_RATE_HELP = 'write the rate as "2.7 GEL/USD" (2.7 lari for one US dollar)'


def check_relations(frame: pd.DataFrame, findings: list[Finding]) -> None:
    """Unknown or self references, cycles, and malformed rates become findings; rows stay."""
    if frame.empty:
        return
    ids = frame["id"].astype(object).to_numpy()
    known = pd.Index(pd.unique(ids[pd.notna(ids)]))
    bad = np.zeros(len(frame), dtype=bool)
    for field in _ID_FIELDS:
        targets = frame[field].to_numpy(dtype=object)
        present = pd.notna(targets)
        if not present.any():
            continue
        unknown = present & (known.get_indexer(pd.Index(targets.astype(str))) < 0)
        itself = present & (targets == ids)
        for index in np.flatnonzero(unknown | itself):
            what = "itself" if itself[index] else f"unknown claim '{targets[index]}'"
            _add(
                findings,
                frame,
                index,
                "bad-relation",
                f"{field} refers to {what}; give the id of another claim",
            )
        bad |= unknown | itself
    _check_pairs(frame, findings, bad)
    _check_rates(frame, findings, bad)
    for field in ("equivalent_of", "part_of", "change_of"):
        for row in _cycle_rows(frame, field):
            _add(
                findings,
                frame,
                row,
                "relation-cycle",
                f"{field} forms a cycle through claim '{frame['id'].iloc[row]}'; "
                "one of the claims must be the original",
            )
            bad[row] = True
    frame.loc[bad, "valid"] = False


def _check_pairs(frame: pd.DataFrame, findings: list[Finding], bad: np.ndarray) -> None:
    """Fields that only make sense together."""
    rules = (
        ("change_from", "change_of", "change_from needs change_of: the claim whose figure changed"),
        ("part", "share_of", "part needs share_of: the whole this share is of"),
        ("rate", "equivalent_of", "rate needs equivalent_of: the figure the rate converts"),
    )
    for field, needed, message in rules:
        rows = np.flatnonzero(pd.notna(frame[field]).to_numpy() & pd.isna(frame[needed]).to_numpy())
        for index in rows:
            _add(findings, frame, index, "bad-relation", message)
        bad[rows] = True


def _check_rates(frame: pd.DataFrame, findings: list[Finding], bad: np.ndarray) -> None:
    rates = frame["rate"].to_numpy(dtype=object)
    for index in np.flatnonzero(pd.notna(rates)):
        if not RATE_RE.match(str(rates[index])):
            _add(
                findings,
                frame,
                index,
                "bad-rate",
                f"rate {rates[index]!r} is not readable; {_RATE_HELP}",
            )
            bad[index] = True


def _cycle_rows(frame: pd.DataFrame, field: str) -> list[int]:
    """One row of each cycle of `field` references (a -> b -> a); linear in the references."""
    targets = frame[field].to_numpy(dtype=object)
    rows = np.flatnonzero(pd.notna(targets))
    if not len(rows):
        return []
    rows = rows[targets[rows] != frame["id"].to_numpy(dtype=object)[rows]]  # self: reported above
    position = pd.Index(frame["id"].astype(str))
    following = dict(
        zip(
            rows.tolist(),
            position.get_indexer(pd.Index(targets[rows].astype(str))).tolist(),
            strict=True,
        )
    )
    done: set[int] = set()
    cycles: list[int] = []
    for start in following:
        path: list[int] = []
        on_path: set[int] = set()
        node = start
        while node in following and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = following[node]
        if node in on_path:
            cycles.append(min(path[path.index(node) :]))
        done.update(path)
    return cycles


def _add(findings: list[Finding], frame: pd.DataFrame, index: Any, code: str, message: str) -> None:
    row = frame.iloc[index]
    line = None if pd.isna(row["path_line"]) else int(row["path_line"])
    findings.append(Finding(code, message, row["path"], line, claim=row["id"]))
