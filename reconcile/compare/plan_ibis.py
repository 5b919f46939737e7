"""The relational plan of a comparison, written once in Ibis: one expression that Ibis compiles
for DuckDB (on one machine) and for Spark (on a cluster).

The steps and their rules are those of compare/plan_sql.py and compare/groups.py, which the
tests compare row for row on both backends:

- a claim's interval is widened by its metric's tolerance;
- a group is (entity, metric, period); within the plan it is named by its first row, and
  `verdicts.grp` numbers the groups in order of first appearance;
- a repeat is a usable claim with the same source, document and interval as an earlier one;
- clusters chain the active intervals of a group by overlap, ordered by lower bound;
- a group conflicts when its largest lower bound is above its smallest upper bound, and every
  pair (a, b) of its active claims with b wholly above a is a conflicting pair.

The input is a table `claims(row, entity, metric, period, source, document, low, high,
usable)` (low and high in the metric's canonical unit) and `tolerances(metric, tolerance)`.
The only window without a partition numbers the groups, over one row per group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEYS = ("entity", "metric", "period", "source", "document")
# A missing key is one value, as pandas' factorize with use_na_sentinel=False counts it: NUL,
# which no claim text holds, keeps the joins plain equi-joins.
_MISSING = "\x00"


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan's outputs, as Ibis tables (unexecuted expressions)."""

    rows: Any  # per claim: row, first_row, repeat_row (-1: none), active, lo, hi, cluster
    verdicts: Any  # per group: grp, first_row, n_claims, n_sources, n_clusters, verdict
    pairs: Any  # per conflicting pair: first_row (the group), row_a, row_b
    cached: tuple[Any, ...] = ()  # the steps materialised by cache=True, to release()


def build_plan(claims: Any, tolerances: Any, *, cache: bool = False) -> Plan:
    """The plan over two Ibis tables. `cache` materialises the steps read more than once (a
    temporary table in DuckDB, a cached DataFrame in Spark), so each runs once."""
    grouped = _grouped(_bounds(claims, tolerances))
    marked = _marked(grouped)
    if cache:
        marked = marked.cache()
    clustered = _clustered(marked)
    if cache:
        clustered = clustered.cache()
    verdicts = _verdicts(marked, clustered)
    if cache:
        verdicts = verdicts.cache()
    cached = (verdicts, clustered, marked) if cache else ()
    rows = marked.left_join(clustered.select("row", "cluster"), "row").select(
        "row",
        "first_row",
        "active",
        "lo",
        "hi",
        repeat_row=marked.repeat_row.fill_null(-1),
        cluster=clustered.cluster.fill_null(-1),
    )
    return Plan(rows, verdicts, _pairs(clustered, verdicts), cached)


def _bounds(claims: Any, tolerances: Any) -> Any:
    """Keys without nulls and the interval widened by the metric's tolerance."""
    import ibis

    joined = claims.left_join(tolerances, claims.metric == tolerances.metric)
    t = joined.tolerance.fill_null(0.0)
    low, high = joined.low, joined.high
    keys = {k: joined[k].fill_null(_MISSING) for k in KEYS}
    return joined.select(
        "row",
        "usable",
        **keys,
        lo=ibis.ifelse(low >= 0, low * (1 - t), low * (1 + t)),
        hi=ibis.ifelse(high >= 0, high * (1 + t), high * (1 - t)),
    )


def _grouped(bounds: Any) -> Any:
    """Each claim with its group's first row."""
    import ibis

    window = ibis.window(group_by=[bounds.entity, bounds.metric, bounds.period])
    return bounds.select(
        "row",
        "source",
        "document",
        "usable",
        "lo",
        "hi",
        first_row=bounds.row.min().over(window),
    )


def _marked(grouped: Any) -> Any:
    """The row each claim repeats, if any, and whether it is active (usable, not a repeat)."""
    import ibis

    said_keys = ["first_row", "source", "document", "lo", "hi"]
    said = (
        grouped.filter(grouped.usable, ~grouped.hi.isnan())
        .group_by(said_keys)
        .aggregate(first_said=grouped.row.min())
    )
    joined = grouped.left_join(said, said_keys)
    first_said = joined.first_said
    repeats = joined.usable & first_said.notnull() & (first_said != joined.row)
    return joined.select(
        "row",
        "first_row",
        "source",
        "lo",
        "hi",
        repeat_row=ibis.ifelse(repeats, first_said, ibis.null("int64")),
        active=joined.usable & ~repeats,
    )


def _clustered(marked: Any) -> Any:
    """Active claims numbered by cluster within their group: a claim starts a cluster when its
    lower bound is above every upper bound before it (by lower bound, then row)."""
    import ibis

    active = marked.filter(marked.active)
    order = [active.lo, active.row]
    before = ibis.window(group_by=active.first_row, order_by=order, preceding=(None, 1))
    highest = active.hi.max().over(before)
    starts = highest.isnull() | (active.lo > highest)
    flagged = active.mutate(starts=starts.cast("int64"))
    upto = ibis.cumulative_window(group_by=flagged.first_row, order_by=[flagged.lo, flagged.row])
    return flagged.select(
        "row",
        "first_row",
        "source",
        "lo",
        "hi",
        cluster=(flagged.starts.sum().over(upto) - 1).cast("int64"),
    )


def _verdicts(marked: Any, clustered: Any) -> Any:
    """One row per group: counts over its active claims and the verdict."""
    import ibis

    groups = marked.group_by("first_row").aggregate()  # from the cached step, not the bounds
    stats = clustered.group_by("first_row").aggregate(
        n_claims=clustered.count(),
        n_sources=clustered.source.nunique(),
        n_clusters=clustered.cluster.max() + 1,
        max_lo=clustered.lo.max(),
        min_hi=clustered.hi.min(),
    )
    joined = groups.left_join(stats, "first_row")
    verdict = ibis.cases(
        (joined.n_claims.isnull(), "invalid"),
        (joined.max_lo > joined.min_hi, "conflict"),
        (joined.n_claims > 1, "consistent"),
        else_="single",
    )
    return joined.select(
        "first_row",
        grp=ibis.row_number().over(order_by=joined.first_row).cast("int64"),
        n_claims=joined.n_claims.fill_null(0).cast("int64"),
        n_sources=joined.n_sources.fill_null(0).cast("int64"),
        n_clusters=joined.n_clusters.fill_null(0).cast("int64"),
        verdict=verdict,
    )


def _pairs(clustered: Any, verdicts: Any) -> Any:
    """Every pair (a, b) of active claims in a conflicting group with b wholly above a."""
    conflicting = verdicts.filter(verdicts.verdict == "conflict").select("first_row")
    a = clustered.semi_join(conflicting, "first_row")
    b = a.view()
    joined = a.join(b, [a.first_row == b.first_row, b.lo > a.hi])
    return joined.select(first_row=a.first_row, row_a=a.row, row_b=b.row)
