"""Compare claims with an authority's own figures (an imported reference dataset).

Each valid claim is set against the reference figure of the same entity, metric and period, in
the same unit and price basis: a current-US$ claim against SIPRI's current US$, a manat figure
against SIPRI's local-currency series, a constant-2023 figure against constant 2023 US$. A
related metric (a defence budget against military expenditure) is compared too but labelled as
such, and never counts as a contradiction. A claim with no reference for its period is shown
beside the previous year's reference figure as context, never as a verdict: different periods
are never compared as equal.

All matching is vectorised (merges and array arithmetic); the only Python loops are over the
matches to build report records.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.claims.catalogue import Metric

REFERENCE_COLUMNS = [
    "id",
    "entity",
    "metric",
    "period",
    "value",
    "source",
    "basis",
    "amount",
    "amount_low",
    "amount_high",
    "amount_unit",
    "series",
    "release",
    "sheet",
    "cell",
    "flags",
]
RELATIONS = ("same", "related", "previous-period")


def _targets(metrics: Mapping[str, Metric]) -> pd.DataFrame:
    """metric -> (target metric, relation): itself ('same') and each related metric."""
    rows = [(m.id, m.id, "same") for m in metrics.values()]
    rows += [(m.id, r, "related") for m in metrics.values() for r in m.related]
    return pd.DataFrame(rows, columns=["metric", "target", "relation"], dtype=object)


def _claims_side(claims: pd.DataFrame, metrics: Mapping[str, Metric]) -> pd.DataFrame:
    valid = claims[claims["valid"].astype(bool)]
    kinds = {m.id: m.kind for m in metrics.values()}
    tolerance = {m.id: m.tolerance for m in metrics.values()}
    out = pd.DataFrame(
        {
            "claim": valid["id"].to_numpy(dtype=object),
            "row": np.arange(len(valid)),
            "entity": valid["entity"].to_numpy(dtype=object),
            "metric": valid["metric"].to_numpy(dtype=object),
            "period": valid["period"].astype(str).to_numpy(dtype=object),
            "unit": valid["unit"].astype(object).to_numpy(),
            "low": valid["low"].to_numpy(dtype=float),
            "high": valid["high"].to_numpy(dtype=float),
            "amount": valid["amount"].to_numpy(dtype=float),
            "normalized_unit": valid["normalized_unit"].to_numpy(dtype=object),
            "normalized_low": valid["normalized_low"].to_numpy(dtype=float),
            "normalized_high": valid["normalized_high"].to_numpy(dtype=float),
        }
    )
    money = valid["metric"].map(kinds).eq("money").to_numpy()
    basis = valid["basis"].astype(object).where(valid["basis"].notna(), None).to_numpy()
    # A money figure that does not say its price basis is read at current prices.
    out["basis"] = np.where(pd.isna(basis), np.where(money, "current", ""), basis)
    out["tolerance"] = valid["metric"].map(tolerance).fillna(0.0).to_numpy(dtype=float)
    return out


def _reference_side(reference: pd.DataFrame) -> pd.DataFrame:
    ref = reference.reindex(columns=REFERENCE_COLUMNS).copy()
    ref = ref[pd.to_numeric(ref["amount"], errors="coerce").notna()]
    for column in ("amount", "amount_low", "amount_high"):
        ref[column] = pd.to_numeric(ref[column], errors="coerce").astype(float)
    ref["basis"] = ref["basis"].astype(object).where(ref["basis"].notna(), "").astype(str)
    ref["period"] = ref["period"].astype(str)
    # Calendar-year series first: a financial-year figure only when no calendar one matches.
    financial = ref["series"].astype(str).str.contains("financial-year").to_numpy()
    ref["series_rank"] = financial.astype(int)
    # Plain object arrays: merges then gather with numpy, not pyarrow's (slower) string take.
    text = [c for c in ref.columns if not pd.api.types.is_numeric_dtype(ref[c])]
    ref[text] = ref[text].astype(object)
    return ref.rename(columns={c: f"ref_{c}" for c in ref.columns})


def _previous_year(periods: pd.Series) -> pd.Series:
    """'2024' for '2025'; None for anything but a single year."""
    year = pd.to_numeric(periods.where(periods.str.fullmatch(r"\d{4}")), errors="coerce")
    return (year - 1).astype("Int64").astype(str).where(year.notna(), None)


def match_reference(
    claims: pd.DataFrame, reference: pd.DataFrame, metrics: Mapping[str, Metric]
) -> pd.DataFrame:
    """One row per (claim, relation) with the best reference figure and the verdict.

    `claims` is the normalised claims frame of a comparison; `reference` a claim table with
    amount columns (reconcile.datasets.tables). Verdicts: agrees | contradicts (same metric),
    agrees | differs (related metric), context (previous period).
    """
    side = _claims_side(claims, metrics)
    ref = _reference_side(reference)
    ref["ref_row"] = np.arange(len(ref))
    pairs = _pick(_candidate_pairs(side, ref, metrics), side, ref)
    # Only the kept pairs are widened: every column gathered once, by position.
    matches = side.iloc[pairs["row"].to_numpy()].reset_index(drop=True)
    gathered = ref.iloc[pairs["ref_row"].to_numpy()].reset_index(drop=True)
    extra = pairs[["relation", "context", "in_stated_unit"]].reset_index(drop=True)
    return _judge(pd.concat([matches, gathered, extra], axis=1))


def _candidate_pairs(
    side: pd.DataFrame, ref: pd.DataFrame, metrics: Mapping[str, Metric]
) -> pd.DataFrame:
    """(claim row, reference row, relation, context) for every key match; merges on keys only."""
    keys = side[["row", "entity", "metric", "period"]].merge(_targets(metrics), on="metric")
    ref_keys = ref[["ref_row", "ref_entity", "ref_metric", "ref_period"]]
    on_right = ["ref_entity", "ref_metric", "ref_period"]
    same = keys.merge(ref_keys, left_on=["entity", "target", "period"], right_on=on_right)
    found = np.zeros(len(side), dtype=bool)
    found[same["row"].to_numpy(dtype=int)] = True
    rest = keys[~found[keys["row"].to_numpy(dtype=int)]].copy()
    rest["previous"] = _previous_year(rest["period"].astype(str)).astype(object)
    earlier = rest.dropna(subset=["previous"]).merge(
        ref_keys, left_on=["entity", "target", "previous"], right_on=on_right
    )
    earlier["relation"] = np.where(earlier["relation"] == "same", "previous-period", "related")
    columns = ["row", "ref_row", "relation"]
    pairs = pd.concat(
        [same[columns].assign(context=False), earlier[columns].assign(context=True)],
        ignore_index=True,
    )
    return pairs.astype({"relation": object})


def _pick(pairs: pd.DataFrame, side: pd.DataFrame, ref: pd.DataFrame) -> pd.DataFrame:
    """Keep, per claim and relation, the reference in the claim's own unit and basis."""
    rows, ref_rows = pairs["row"].to_numpy(dtype=int), pairs["ref_row"].to_numpy(dtype=int)
    ref_unit = ref["ref_amount_unit"].to_numpy(dtype=object)[ref_rows]
    basis_ok = (
        side["basis"].to_numpy(dtype=object)[rows] == ref["ref_basis"].to_numpy(object)[ref_rows]
    )
    stated = ref_unit == side["unit"].to_numpy(dtype=object)[rows]
    normalized = ref_unit == side["normalized_unit"].to_numpy(dtype=object)[rows]
    keep = basis_ok & (stated | normalized)
    relation = pd.factorize(pairs["relation"])[0]
    rank = ref["ref_series_rank"].to_numpy()[ref_rows]
    order = np.lexsort((rank, ~stated, relation, rows))
    order = order[keep[order]]
    kept = pairs.iloc[order].assign(in_stated_unit=stated[order])
    first = ~pd.DataFrame({"r": rows[order], "k": relation[order]}).duplicated()
    return kept[first.to_numpy()]


def _judge(matches: pd.DataFrame) -> pd.DataFrame:
    """Add the claim's interval in the reference unit, the verdict and the relative gap."""
    if matches.empty:
        return matches.assign(verdict=pd.Series(dtype=object), gap=pd.Series(dtype=float))
    stated = matches["in_stated_unit"].to_numpy(dtype=bool)
    low = np.where(stated, matches["low"], matches["normalized_low"]).astype(float)
    high = np.where(stated, matches["high"], matches["normalized_high"]).astype(float)
    middle = np.where(stated, matches["amount"], (low + high) / 2)
    tolerance = matches["tolerance"].to_numpy(dtype=float)
    low, high = low * (1 - tolerance), np.where(np.isnan(high), np.inf, high * (1 + tolerance))
    overlaps = (low <= matches["ref_amount_high"].to_numpy()) & (
        matches["ref_amount_low"].to_numpy() <= high
    )
    same = (matches["relation"] == "same").to_numpy()
    context = matches["context"].to_numpy(dtype=bool)
    verdict = np.where(overlaps, "agrees", np.where(same, "contradicts", "differs"))
    out = matches
    out["verdict"] = np.where(context, "context", verdict)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["gap"] = middle / out["ref_amount"].to_numpy(dtype=float) - 1
    out["compared_low"], out["compared_high"] = low, high
    return out.reset_index(drop=True)


def load_reference(folder: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """The reference claims of a folder and its documents' file names by id."""
    from reconcile.claims.yaml_io import read_yaml
    from reconcile.normalize.claim_tables import read_claims_folder

    frame = read_claims_folder(folder)
    documents: dict[str, str] = {}
    path = folder / "documents.yaml"
    if path.exists():
        for entry in (read_yaml(path) or {}).get("documents") or []:
            documents[str(entry.get("id"))] = str(entry.get("file") or entry.get("id"))
    return frame, documents


def _reference_record(row: dict[str, Any], documents: Mapping[str, str]) -> dict[str, Any]:
    def text(key: str) -> str | None:
        value = row.get(key)
        return None if value is None or (isinstance(value, float) and np.isnan(value)) else value

    gap = row.get("gap")
    return {
        "relation": row["relation"],
        "verdict": row["verdict"],
        "claim_in": "stated" if row["in_stated_unit"] else "normalized",
        "gap": None if gap is None or not np.isfinite(gap) else round(float(gap), 6),
        "reference": {
            "id": text("ref_id"),
            "source": text("ref_source"),
            "release": text("ref_release"),
            "metric": text("ref_metric"),
            "period": text("ref_period"),
            "series": text("ref_series"),
            "value": text("ref_value"),
            "amount": float(row["ref_amount"]),
            "low": float(row["ref_amount_low"]),
            "high": float(row["ref_amount_high"]),
            "unit": text("ref_amount_unit"),
            "basis": text("ref_basis") or None,
            "flags": text("ref_flags") or None,
            "document": documents.get(str(row.get("ref_document")), None),
            "sheet": text("ref_sheet"),
            "cell": text("ref_cell"),
        },
    }


def attach_reference(
    report: dict[str, Any], matches: pd.DataFrame, folder: Path, documents: Mapping[str, str]
) -> dict[str, Any]:
    """Add each claim's reference comparisons and a `reference` summary to a report dict."""
    by_claim: dict[str, list[dict[str, Any]]] = {}
    order = {relation: index for index, relation in enumerate(RELATIONS)}
    for row in matches.to_dict("records"):
        record = _reference_record({str(k): v for k, v in row.items()}, documents)
        by_claim.setdefault(str(row["claim"]), []).append(record)
    for records in by_claim.values():
        records.sort(key=lambda r: order.get(r["relation"], 9))
    counts = {"checked": 0, "agrees": 0, "contradicts": 0, "related": 0, "context": 0}
    for group in report["groups"]:
        for claim in group["claims"]:
            claim["reference"] = by_claim.get(claim["id"], [])
            for record in claim["reference"]:
                if record["relation"] == "same" and record["verdict"] != "context":
                    counts["checked"] += 1
                    counts[record["verdict"]] += 1
                elif record["verdict"] == "context":
                    counts["context"] += 1
                else:
                    counts["related"] += 1
    releases = sorted({str(r) for r in matches.get("ref_release", pd.Series()).dropna()})
    report["reference"] = {"folder": str(folder), "releases": releases, **counts}
    return report


def add_reference_to_report(report: dict[str, Any], reconciliation: Any, folder: Path) -> None:
    """The `--reference FOLDER` hook: compare the report's claims with the folder's figures."""
    reference, documents = load_reference(folder)
    claims = reconciliation.comparison.claims
    matches = match_reference(claims, reference, reconciliation.claim_set.metrics)
    if not matches.empty:
        matches["ref_document"] = (
            reference.set_index("id")["document"].reindex(matches["ref_id"]).to_numpy()
        )
    attach_reference(report, matches, folder, documents)
