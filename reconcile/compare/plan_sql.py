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


# The plan of the out-of-core report: the same rules, computing only what the report shows
# (summary counts and conflicting pairs; no per-claim clusters). Claims are streamed from
# their files for each step rather than materialised, and repeats are found by hashing each
# usable claim's (keys, interval) first, so only claims sharing a hash are compared exactly.
# The relation `claims` (a view) holds row, the five keys, id, amount, unit, lo and hi (widened
# by the tolerance), normalized_amount and usable.
#
# The plan runs in two lanes side by side (compare/duckdb_session.run_lanes), then joins them:
# a group conflicts by its bounds alone (repeats change how many claims it counts, never
# whether its largest lower bound is above its smallest upper one), so the conflicting groups
# and their claims are found while the repeats are, and the repeats are taken out after.
_REPEAT_KEYS = "entity, metric, period, source, document, lo, hi"


def shared_hashes(hashed: str, relation: str) -> str:
    """The rows (h) of `relation` whose hash `hashed` the row before it in hash order shares:
    each shared hash at least once. Sorting the hashes costs about a third less CPU than
    grouping them (a hash table of millions of distinct keys)."""
    return (
        f"SELECT h FROM (SELECT h, lag(h) OVER (ORDER BY h) AS previous "
        f"FROM (SELECT {hashed} AS h FROM {relation})) WHERE h = previous"
    )


_SAID = "claims WHERE usable AND NOT isnan(hi)"  # the claims that can repeat one another
_KEYED = "c.entity = r.entity AND c.metric = r.metric AND c.period = r.period"
# A group conflicts when its largest lower bound is above its smallest upper one (group_stats).
_CONFLICTING = "max_lo > min_hi"
Steps = tuple[tuple[str, str], ...]
# Lane 1: groups, the conflicting ones numbered, and the usable claims of those.
_GROUP_LANE: Steps = (
    (
        "group_stats",
        """
        SELECT entity, metric, period, count(*) FILTER (WHERE usable) AS n_usable,
            max(lo) FILTER (WHERE usable) AS max_lo,
            min(hi) FILTER (WHERE usable AND NOT isnan(hi)) AS min_hi
        FROM claims GROUP BY ALL
        """,
    ),
    (
        # Conflicting groups numbered in the report's order (entity, metric, period by its
        # year), so that the pairs are put in order by numbers, not by their text. A group of
        # no usable claim has no bounds, so it is not among them (its verdict is invalid).
        "conflict_keys",
        f"""
        SELECT entity, metric, period,
            (row_number() OVER (ORDER BY entity, metric,
                CASE WHEN regexp_matches(period, '^[0-9]{{4}}') THEN substr(period, 1, 4)::INTEGER
                    ELSE 9999 END,
                period))::BIGINT AS cg
        FROM group_stats WHERE {_CONFLICTING}
        """,
    ),
    (
        # The usable claims of conflicting groups. The group's keys stay in conflict_keys (a
        # side and a pair carry its number, cg).
        "conflict_claims",
        """
        SELECT c.row, k.cg, c.id, c.source, c.document, c.amount, c.unit, c.normalized_amount,
            c.lo, c.hi
        FROM claims c JOIN conflict_keys k USING (entity, metric, period)
        WHERE c.usable
        """,
    ),
)
# Lane 2: usable claims whose (keys, interval) hash is shared, and the true repeats among them.
_REPEAT_LANE: Steps = (
    (
        "repeat_hashes",
        f"""
        SELECT DISTINCT h FROM ({shared_hashes(f"hash({_REPEAT_KEYS})", _SAID)})
        """,
    ),
    (
        "repeats",
        f"""
        SELECT {_REPEAT_KEYS}, min(row) AS first_said, count(*) AS n
        FROM claims
        WHERE usable AND NOT isnan(hi)
            AND hash({_REPEAT_KEYS}) IN (SELECT h FROM repeat_hashes)
        GROUP BY ALL HAVING n > 1
        """,
    ),
)
# After both lanes.
_JOINED: Steps = (
    (
        "report_groups",
        f"""
        SELECT c.entity, c.metric, c.period,
            c.n_usable - coalesce(r.repeats, 0) AS n_claims, coalesce(r.repeats, 0) AS repeats,
            c.n_usable,
            CASE WHEN c.n_usable = 0 THEN 'invalid'
                WHEN {_CONFLICTING} THEN 'conflict'
                WHEN c.n_usable - coalesce(r.repeats, 0) > 1 THEN 'consistent'
                ELSE 'single' END AS verdict
        FROM group_stats c
        LEFT JOIN (
            SELECT entity, metric, period, sum(n - 1) AS repeats FROM repeats GROUP BY ALL
        ) r ON {_KEYED}
        """,
    ),
    (
        # The active claims of conflicting groups: usable and not repeating an earlier one.
        "report_sides",
        """
        SELECT c.row, c.cg, c.id, c.source, c.amount, c.unit, c.normalized_amount, c.lo, c.hi
        FROM conflict_claims c
        ANTI JOIN (
            SELECT k.cg, r.source, r.document, r.lo, r.hi, r.first_said
            FROM repeats r JOIN conflict_keys k USING (entity, metric, period)
        ) r
            ON c.cg = r.cg AND c.source = r.source AND c.document = r.document
            AND c.lo = r.lo AND c.hi = r.hi AND c.row <> r.first_said
        """,
    ),
    (
        "report_pairs",
        """
        SELECT a.cg, a.row AS row_a, b.row AS row_b,
            a.id AS id_a, b.id AS id_b, a.source AS source_a, b.source AS source_b,
            a.amount AS amount_a, b.amount AS amount_b, a.unit AS unit_a, b.unit AS unit_b,
            a.normalized_amount AS normalized_amount_a, b.normalized_amount AS normalized_amount_b,
            (b.lo - a.hi) / CASE WHEN abs(a.hi) > 0 THEN abs(a.hi) ELSE 1 END AS gap,
            CASE WHEN a.normalized_amount <> 0 THEN b.normalized_amount / a.normalized_amount
                ELSE 'NaN'::DOUBLE END AS ratio
        FROM report_sides a JOIN report_sides b ON a.cg = b.cg AND b.lo > a.hi
        """,
    ),
)


def _created(steps: Steps) -> list[str]:
    # Tables of the database, not TEMP ones: each lane runs on a cursor of its own, and a
    # TEMP table is seen only by the connection that made it.
    return [f"CREATE OR REPLACE TABLE {name} AS {select}" for name, select in steps]


def report_plan_lanes() -> tuple[list[list[str]], list[str]]:
    """The out-of-core report's plan as `CREATE TABLE` statements: the lanes that may run side
    by side (each in order), and the statements that join them, in order."""
    return [_created(_GROUP_LANE), _created(_REPEAT_LANE)], _created(_JOINED)


def report_plan_statements() -> list[str]:
    """The same plan as one sequence of statements, in an order that runs on one connection."""
    lanes, joined = report_plan_lanes()
    return [statement for lane in lanes for statement in lane] + joined
