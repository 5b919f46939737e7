"""What changed between two versions of a claims folder: revised, added and withdrawn figures.

SIPRI revises past years in every release, and a journalist quoting an old release is a common
cause of disagreement; `reconcile diff OLD NEW` shows each revision and its size.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

STATUSES = ("revised", "added", "withdrawn")
# A figure is matched across versions by what it is about, not by its id (ids carry the release).
KEY = ["entity", "metric", "period", "source", "series"]
FIGURE = ["id", "value", "amount", "amount_unit", "quote"]


def diff_claims(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that was revised, added or withdrawn (pure; frames in, frame out).

    Frames without a `series` column (hand-written claim folders) are matched by claim id.
    """
    key = KEY if "series" in old.columns and "series" in new.columns else ["id"]
    left = _prepare(old, key)
    right = _prepare(new, key)
    merged = left.merge(right, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    status = np.select(
        [merged["_merge"] == "left_only", merged["_merge"] == "right_only"],
        ["withdrawn", "added"],
        default="same",
    )
    old_amount = merged["amount_old"].to_numpy(dtype=float)
    new_amount = merged["amount_new"].to_numpy(dtype=float)
    both = status == "same"
    changed = both & (
        (merged["value_old"] != merged["value_new"]).to_numpy()
        | ~np.isclose(old_amount, new_amount, rtol=1e-9, equal_nan=True)
    )
    status = np.where(changed, "revised", status)
    merged["status"] = status
    with np.errstate(divide="ignore", invalid="ignore"):
        merged["change"] = new_amount - old_amount
        merged["relative_change"] = np.where(old_amount != 0, new_amount / old_amount - 1, np.nan)
    out = merged[merged["status"] != "same"].drop(columns="_merge")
    order = {s: i for i, s in enumerate(STATUSES)}
    out = out.assign(_order=out["status"].map(order))
    sort = ["_order", *[k for k in ("entity", "metric", "period", "series", "id") if k in out]]
    return out.sort_values(sort, kind="stable").drop(columns="_order").reset_index(drop=True)


def _prepare(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    columns = [c for c in (*key, *FIGURE) if c in frame.columns]
    out = frame[list(dict.fromkeys(columns))].copy()
    for column in FIGURE:
        if column not in out:
            out[column] = None
    out[key] = out[key].astype(object).where(out[key].notna(), "")
    return out.drop_duplicates(subset=key, keep="first")


def diff_folders(old: Path, new: Path, entities: Sequence[str] = ()) -> dict[str, Any]:
    """Read two claims folders and diff them; the result as plain data (for JSON)."""
    from reconcile.normalize.claim_tables import read_claims_folder

    old_frame, new_frame = read_claims_folder(old), read_claims_folder(new)
    if entities:
        old_frame = old_frame[old_frame["entity"].isin(entities)]
        new_frame = new_frame[new_frame["entity"].isin(entities)]
    changes = diff_claims(old_frame, new_frame)
    counts = changes["status"].value_counts()
    return {
        "old": str(old),
        "new": str(new),
        "summary": {
            "old_claims": len(old_frame),
            "new_claims": len(new_frame),
            **{status: int(counts.get(status, 0)) for status in STATUSES},
        },
        "changes": [_record(row) for row in changes.to_dict("records")],
    }


def _record(row: dict[Any, Any]) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        if value is None or (isinstance(value, float) and not np.isfinite(value)):
            return None
        return value.item() if isinstance(value, np.generic) else value

    keys = ("status", "entity", "metric", "period", "source", "series")
    record = {k: clean(row.get(k)) for k in keys if k in row}
    for side in ("old", "new"):
        record[side] = {
            "id": clean(row.get(f"id_{side}", row.get("id"))),
            "value": clean(row.get(f"value_{side}")),
            "amount": clean(row.get(f"amount_{side}")),
            "unit": clean(row.get(f"amount_unit_{side}")),
            "quote": clean(row.get(f"quote_{side}")),
        }
    record["change"] = clean(row.get("change"))
    record["relative_change"] = clean(row.get("relative_change"))
    return record


def describe_change(change: dict[str, Any]) -> str:
    """'1,472.9 -> 1,480.0 (+0.5%)' for a revision; the one figure otherwise."""
    old, new = change["old"]["value"], change["new"]["value"]
    if change["status"] == "added":
        return f"added: {new}"
    if change["status"] == "withdrawn":
        return f"withdrawn: {old}"
    relative = change["relative_change"]
    size = f" ({relative:+.1%})" if relative is not None else ""
    return f"{old} -> {new}{size}"


def render_diff_csv(result: dict[str, Any]) -> str:
    """One row per change."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["status", "entity", "metric", "period", "source", "series"]
    writer.writerow([*header, "old_value", "new_value", "change", "relative_change"])
    for change in result["changes"]:
        writer.writerow(
            [change.get(k) or "" for k in header]
            + [change["old"]["value"] or "", change["new"]["value"] or ""]
            + [change["change"] if change["change"] is not None else ""]
            + [change["relative_change"] if change["relative_change"] is not None else ""]
        )
    return buffer.getvalue()


def render_diff_table(result: dict[str, Any], file: Any = None) -> None:
    """The changes as a terminal table, then a summary line."""
    from rich.table import Table
    from rich.text import Text

    from reconcile.report.terminal import make_console

    console = make_console(file)
    table = Table(title=f"Changes from {result['old']} to {result['new']}")
    for column in ("status", "entity", "metric", "period", "series", "change"):
        table.add_column(column, overflow="fold")
    for change in result["changes"]:
        table.add_row(
            *(Text(str(change.get(k) or "")) for k in ("status", "entity", "metric", "period")),
            Text(str(change.get("series") or "")),
            Text(describe_change(change)),
        )
    console.print(table)
    summary = result["summary"]
    console.print(
        f"{summary['old_claims']} -> {summary['new_claims']} claims: {summary['revised']} "
        f"revised, {summary['added']} added, {summary['withdrawn']} withdrawn"
    )
