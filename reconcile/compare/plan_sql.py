"""The relational plan of a comparison, written once as SQL: bounds, groups, repeats, clusters,
group verdicts and conflicting pairs.

Each step is a `CREATE TABLE name AS SELECT ...` over the tables before it, starting from a
relation `claims_in(row, entity, metric, period, source, document, low, high, usable)` (low and
high already in the metric's canonical unit) and `tolerances(metric, tolerance)`. The SQL is
plain window functions, aggregates and joins, so an engine that spills to disk (DuckDB) runs
it out of core. The rules are those of compare/groups.py, which the property tests compare
row for row:

- a claim's interval is widened by its metric's tolerance;
- a group is (entity, metric, period), numbered in order of first appearance;
- a repeat is a usable claim with the same source, document and interval as an earlier one;
- clusters chain the active intervals of a group by overlap, ordered by lower bound;
- a group conflicts when its largest lower bound is above its smallest upper bound, and every
  pair (a, b) of its active claims with b wholly above a is a conflicting pair.
"""

from __future__ import annotations

# A missing key is one value (as pandas' factorize with use_na_sentinel=False counts it): NUL,
# which no claim text holds, keeps the joins plain equi-joins.
_KEYS = ("entity", "metric", "period", "source", "document")
_NOT_NULL = ", ".join(f"coalesce(c.{k}, chr(0)) AS {k}" for k in _KEYS)

STEPS: tuple[tuple[str, str], ...] = (
    (
        "bounds",
        f"""
        SELECT c.row, {_NOT_NULL}, c.usable,
            CASE WHEN c.low >= 0 THEN c.low * (1 - c.t) ELSE c.low * (1 + c.t) END AS lo,
            CASE WHEN c.high >= 0 THEN c.high * (1 + c.t) ELSE c.high * (1 - c.t) END AS hi
        FROM (
            SELECT claims_in.*, coalesce(tolerances.tolerance, 0.0) AS t
            FROM claims_in LEFT JOIN tolerances ON claims_in.metric = tolerances.metric
        ) c
        """,
    ),
    (
        "group_keys",
        """
        SELECT entity, metric, period, first_row,
            (row_number() OVER (ORDER BY first_row) - 1)::BIGINT AS grp
        FROM (SELECT entity, metric, period, min(row) AS first_row FROM bounds GROUP BY ALL)
        """,
    ),
    (
        "grouped",
        """
        SELECT b.row, g.grp, b.source, b.document, b.usable,
            coalesce(b.lo, 'NaN'::DOUBLE) AS lo, coalesce(b.hi, 'NaN'::DOUBLE) AS hi
        FROM bounds b JOIN group_keys g USING (entity, metric, period)
        """,
    ),
    (
        "said",
        """
        SELECT grp, source, document, lo, hi, min(row) AS first_said
        FROM grouped WHERE usable AND NOT isnan(hi)
        GROUP BY ALL
        """,
    ),
    (
        "marked",
        """
        SELECT g.row, g.grp, g.source, g.lo, g.hi,
            CASE WHEN s.first_said <> g.row THEN s.first_said END AS repeat_row,
            g.usable AND (s.first_said IS NULL OR s.first_said = g.row) AS active
        FROM grouped g
        LEFT JOIN said s
            ON g.usable AND s.grp = g.grp AND s.lo = g.lo AND s.hi = g.hi
            AND s.source = g.source AND s.document = g.document
        """,
    ),
    (
        "clustered",
        """
        SELECT row, grp, source, lo, hi,
            (sum(starts::INTEGER) OVER (PARTITION BY grp ORDER BY lo, row
                ROWS UNBOUNDED PRECEDING) - 1)::BIGINT AS cluster
        FROM (
            SELECT row, grp, source, lo, hi,
                (lo > max(hi) OVER (PARTITION BY grp ORDER BY lo, row
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) IS NOT FALSE AS starts
            FROM marked WHERE active
        )
        """,
    ),
    (
        "verdicts",
        """
        SELECT k.grp, k.first_row,
            coalesce(a.n_claims, 0)::BIGINT AS n_claims,
            coalesce(a.n_sources, 0)::BIGINT AS n_sources,
            coalesce(a.n_clusters, 0)::BIGINT AS n_clusters,
            CASE WHEN a.n_claims IS NULL THEN 'invalid'
                WHEN a.max_lo > a.min_hi THEN 'conflict'
                WHEN a.n_claims > 1 THEN 'consistent'
                ELSE 'single' END AS verdict
        FROM group_keys k
        LEFT JOIN (
            SELECT grp, count(*) AS n_claims,
                count(DISTINCT source) AS n_sources,
                max(cluster) + 1 AS n_clusters, max(lo) AS max_lo, min(hi) AS min_hi
            FROM clustered GROUP BY grp
        ) a ON a.grp = k.grp
        """,
    ),
    (
        "pairs",
        """
        SELECT a.grp, a.row AS row_a, b.row AS row_b
        FROM clustered a
        JOIN clustered b ON a.grp = b.grp AND b.lo > a.hi
        WHERE a.grp IN (SELECT grp FROM verdicts WHERE verdict = 'conflict')
        """,
    ),
)


def plan_statements() -> list[str]:
    """The plan as `CREATE TEMP TABLE` statements, in order."""
    return [f"CREATE OR REPLACE TEMP TABLE {name} AS {select}" for name, select in STEPS]
