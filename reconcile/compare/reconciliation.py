"""Reconcile claims: normalise, group, compare, infer causes, and build the report records."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reconcile.claims.catalogue import Metric, Source
from reconcile.claims.files import ClaimSet, load_claims
from reconcile.claims.paths import PathsArgument, as_paths
from reconcile.core.collector import collector_paused
from reconcile.core.errors import Finding
from reconcile.core.version import REPORT_VERSION, __version__
from reconcile.normalize.conversion import Conversion
from reconcile.reference.rates import RateTable, load_rate_table

from .causes import (
    add_related_metric_causes,
    describe_cause,
    infer_causes,
    name_conflict_causes,
)
from .claim_records import claim_records, records_of
from .equivalent_pairs import label_equivalent_pairs
from .groups import Comparison, add_fingerprints, compare_claims
from .relation_records import relation_records
from .relations import check_relations, check_stated_relations, has_stated_relations
from .verdicts import EXPLAINED_VERDICTS, classify_pairs, group_stated_gaps, group_verdicts

# `engine="auto"` compares frames of this many claims in DuckDB (see cli/scale.py).
AUTO_DUCKDB_ROWS = 2_000_000
# From this many claims, the stated relations are checked on a second thread while the claims
# are compared (below it, a thread costs more than it saves).
PARALLEL_ROWS = 100_000


@dataclass(slots=True)
class Reconciliation:
    """Everything a report is made from: claims, comparison, conversions and findings."""

    claim_set: ClaimSet
    comparison: Comparison
    conversions: list[Conversion]
    findings: list[Finding] = field(default_factory=list)


def reconcile_frame(
    frame: pd.DataFrame,
    metrics: dict[str, Metric],
    rates: RateTable,
    sources: dict[str, Source] | None = None,
    *,
    engine: str = "pandas",
    memory_limit: str | None = None,
) -> tuple[Comparison, list[Conversion], list[Finding]]:
    """The pure core: normalise a claims frame and compare it (no I/O); `sources` (the
    catalogue's) tells independent estimates from budget stages.

    `engine` runs the relational steps in pandas, DuckDB or Spark (the same Comparison; "auto"
    picks DuckDB for large frames); every pass after comparison is the same.
    """
    with collector_paused():  # a parsed figure per distinct value, and their records
        return _reconcile_frame(frame, metrics, rates, sources, engine, memory_limit)


def _reconcile_frame(
    frame: pd.DataFrame,
    metrics: dict[str, Metric],
    rates: RateTable,
    sources: dict[str, Source] | None,
    engine: str,
    memory_limit: str | None,
) -> tuple[Comparison, list[Conversion], list[Finding]]:
    from reconcile.normalize.claim_values import normalize_claims

    normalized, conversions, findings = normalize_claims(frame, metrics, rates)
    stated = None
    tolerances = pd.Series({m.id: m.tolerance for m in metrics.values()}, dtype=float)
    if engine == "duckdb" or (engine == "auto" and len(normalized) >= AUTO_DUCKDB_ROWS):
        from .engine_duckdb import compare_claims_duckdb

        comparison = compare_claims_duckdb(
            normalized, tolerances, copy=False, memory_limit=memory_limit
        )
    elif engine == "spark":
        from .engine_spark import compare_claims_spark

        comparison = compare_claims_spark(normalized, tolerances, copy=False)
    else:
        comparison, stated = _compare_beside_relations(normalized, tolerances, rates)
    comparison.relations = check_relations(comparison.claims, rates, metrics, stated)
    comparison.conflicts = label_equivalent_pairs(
        infer_causes(comparison.conflicts), comparison.claims, comparison.relations
    )
    running = {m.id for m in metrics.values() if m.running}
    comparison.conflicts = classify_pairs(
        comparison.conflicts,
        comparison.claims,
        comparison.relations,
        running,
        {s.id: s.kind for s in (sources or {}).values()},
        {m.id: m.related for m in metrics.values() if m.running and m.related},
    )
    comparison.groups["stated_gap"] = group_stated_gaps(comparison.claims, len(comparison.groups))
    comparison.groups["verdict"] = group_verdicts(
        comparison.groups, comparison.claims, comparison.conflicts, running
    )
    return comparison, conversions, findings


def _compare_beside_relations(
    normalized: pd.DataFrame, tolerances: pd.Series, rates: RateTable
) -> tuple[Comparison, list[pd.DataFrame] | None]:
    """compare_claims, and the stated sums and restatements checked meanwhile on a second
    thread (they read the normalised claims only; most of both is NumPy and Arrow work, which
    runs beside other Python code). The thread reads its own shallow copy of the frame, to
    which comparison adds no columns. None: not checked here (few claims, or no relations)."""
    if len(normalized) < PARALLEL_ROWS or not has_stated_relations(normalized):
        return compare_claims(normalized, tolerances, copy=False), None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="relations") as pool:
        stated = pool.submit(check_stated_relations, normalized.copy(deep=False), rates)
        comparison = compare_claims(normalized, tolerances, copy=False)
        return comparison, stated.result()


def reconcile_claims(
    paths: PathsArgument,
    rates_files: PathsArgument = (),
    *,
    engine: str = "pandas",
    memory_limit: str | None = None,
) -> Reconciliation:
    """Read claim files and reconcile them (the `report` and `check` commands)."""
    claim_set = load_claims(paths)
    rates = load_rate_table(tuple(as_paths(rates_files)))
    comparison, conversions, findings = reconcile_frame(
        claim_set.frame,
        claim_set.metrics,
        rates,
        claim_set.sources,
        engine=engine,
        memory_limit=memory_limit,
    )
    return Reconciliation(claim_set, comparison, conversions, [*claim_set.findings, *findings])


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _conflict_record(pair: Any) -> dict[str, Any]:
    return {
        "fingerprint": pair["fingerprint"],
        "claim_a": pair["id_a"],
        "claim_b": pair["id_b"],
        "source_a": pair["source_a"],
        "source_b": pair["source_b"],
        "gap": round(float(pair["gap"]), 6),
        "ratio": _number(round(float(pair["ratio"]), 6)),
        "severity": pair["severity"],
        "kind": pair["kind"],
        "stated_gap": _number(round(float(pair["stated_gap"]), 6)),
        "cause": _text(pair["cause"]),
        "cause_text": describe_cause(pair["cause"], pair["cause_detail"]),
        "cause_detail": _text(pair["cause_detail"]) or None,
    }


def _clusters(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_cluster: dict[int, list[dict[str, Any]]] = {}
    for claim in claims:
        if claim["cluster"] is not None and claim["repeat_of"] is None:
            by_cluster.setdefault(claim["cluster"], []).append(claim)
    clusters = []
    for number in sorted(by_cluster):
        members = by_cluster[number]
        clusters.append(
            {
                "sources": sorted({m["source"] for m in members}),
                "claims": [m["id"] for m in members],
                "low": min(m["normalized_low"] for m in members),
                "high": max(
                    (m["normalized_high"] for m in members if m["normalized_high"] is not None),
                    default=None,
                ),
            }
        )
    return clusters


def build_report(reconciliation: Reconciliation, only: str | None = None) -> dict[str, Any]:
    """The report as plain data (the JSON schema in docs/report-schema.md)."""
    with collector_paused():  # a record per claim, none of them garbage (core/collector.py)
        return _build_report(reconciliation, only)


def _build_report(reconciliation: Reconciliation, only: str | None) -> dict[str, Any]:
    comparison = reconciliation.comparison
    metrics = reconciliation.claim_set.metrics
    claims = comparison.claims.sort_values(
        ["group", "normalized_low", "path", "path_line"], kind="stable"
    )
    conflicts_by_group: dict[int, list[dict[str, Any]]] = {}
    # Records, not iterrows: a Series per row costs more than the record it becomes.
    for pair in records_of(add_fingerprints(comparison.conflicts)):
        conflicts_by_group.setdefault(int(pair["group"]), []).append(_conflict_record(pair))
    claims_by_group: dict[int, list[dict[str, Any]]] = {}
    records = claim_records(
        claims, reconciliation.claim_set.sources, reconciliation.conversions
    )  # column by column
    for number, record in zip(claims["group"].tolist(), records, strict=True):
        claims_by_group.setdefault(number, []).append(record)
    groups = []
    for number, group in zip(
        comparison.groups.index.to_numpy(), records_of(comparison.groups), strict=True
    ):
        metric = metrics.get(group["metric"])
        records = claims_by_group.get(int(number), [])
        groups.append(
            {
                "entity": group["entity"],
                "metric": group["metric"],
                "metric_label": metric.label if metric else None,
                "running": bool(metric and metric.running),
                "period": group["period"],
                "verdict": group["verdict"],
                "stated_gap": _number(round(float(group["stated_gap"]), 6)),
                "claims": records,
                "clusters": _clusters(records),
                "conflicts": conflicts_by_group.get(int(number), []),
            }
        )
    groups.sort(key=lambda g: (g["entity"], g["metric"], _period_key(g["period"])))
    add_related_metric_causes(groups, metrics)
    name_conflict_causes(groups)
    series = _series(groups)
    relations = relation_records(comparison.relations, claims)
    if only == "conflicts":
        groups = [g for g in groups if g["verdict"] == "conflict"]
        series = []
        relations = [r for r in relations if r["verdict"] == "mismatch"]
    summary = _summary(reconciliation)
    return {
        "version": REPORT_VERSION,
        "generator": f"reconcile {__version__}",
        "summary": summary,
        "conflicts": _contradictions(groups),
        "groups": groups,
        "series": series,
        "relations": relations,
        "findings": [f.to_dict() for f in reconciliation.findings],
    }


def _contradictions(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every contradicting pair with its group's keys: the first thing a reader of the JSON
    report (or a tool) meets after the summary."""
    return [
        {"entity": g["entity"], "metric": g["metric"], "period": g["period"], **pair}
        for g in groups
        for pair in g["conflicts"]
        if pair["kind"] == "contradiction"
    ]


def _summary(reconciliation: Reconciliation) -> dict[str, Any]:
    """The counts of the report's summary line."""
    comparison = reconciliation.comparison
    verdicts = comparison.groups["verdict"].value_counts()
    frame = comparison.claims
    kinds = comparison.conflicts.get("kind", pd.Series(dtype=object))
    return {
        "claims": len(frame),
        "valid_claims": int(frame["valid"].sum()),
        "invalid_claims": int((~frame["valid"].astype(bool)).sum()),
        "unreviewed": int((frame["reviewed"] == False).sum()) if "reviewed" in frame else 0,  # noqa: E712
        "repeats": int(frame["repeat_of"].notna().sum()),
        "groups": len(comparison.groups),
        "conflict": int(verdicts.get("conflict", 0)),
        "consistent": int(verdicts.get("consistent", 0)),
        **{v.replace("-", "_"): int(verdicts.get(v, 0)) for v in EXPLAINED_VERDICTS},
        "single": int(verdicts.get("single", 0)),
        "invalid": int(verdicts.get("invalid", 0)),
        "conflict_pairs": int((kinds == "contradiction").sum()),
        "difference_pairs": int((kinds != "contradiction").sum()),
        "relation_checks": len(comparison.relations),
        "relation_mismatches": _count_mismatches(comparison.relations),
        "errors": sum(1 for f in reconciliation.findings if f.level == "error"),
        "warnings": sum(1 for f in reconciliation.findings if f.level == "warning"),
    }


def _count_mismatches(relations: pd.DataFrame) -> int:
    if relations.empty:
        return 0
    return int((relations["verdict"] == "mismatch").sum())


def _period_key(period: str) -> tuple[int, str]:
    digits = period[:4]
    return (int(digits) if digits.isascii() and digits.isdigit() else 9999, period)


def _series(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same entity and metric across periods: a series, never a contradiction."""
    by_metric: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for group in groups:
        by_metric.setdefault((group["entity"], group["metric"]), []).append(group)
    series = []
    for (entity, metric), members in by_metric.items():
        if len(members) < 2:
            continue
        points = []
        for group in members:
            for cluster in group["clusters"]:
                claim = next(c for c in group["claims"] if c["id"] == cluster["claims"][0])
                points.append(
                    {
                        "period": group["period"],
                        "low": cluster["low"],
                        "high": cluster["high"],
                        "unit": claim["normalized_unit"],
                        "sources": cluster["sources"],
                        "percentile": claim["percentile"],
                        "rank_of": claim["rank_of"],
                    }
                )
        series.append({"entity": entity, "metric": metric, "points": points})
    return series
