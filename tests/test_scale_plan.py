"""The out-of-core report's plan gives the verdicts, repeats and pairs of the full plan (which
tests/test_engines.py ties to compare/groups.py), on random claim sets (property test)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("duckdb")

from reconcile.compare.engine_duckdb import connect, plan_input, tolerance_table
from reconcile.compare.plan_sql import plan_statements, report_plan_statements
from tests.test_engines import claim_frames

# The report plan's input, from the full plan's bounds (the same widened intervals).
_CLAIMS = """
CREATE TEMP VIEW claims AS
SELECT b.row, b.entity, b.metric, b.period, b.source, b.document, 'c' || b.row AS id,
    1.0 AS amount, 'USD' AS unit, 1.0 AS normalized_amount, b.lo,
    coalesce(b.hi, 'NaN'::DOUBLE) AS hi, b.usable AND isfinite(b.lo) AS usable
FROM bounds b
"""


def _both(frame: pd.DataFrame, tolerance: pd.Series) -> tuple[dict, dict]:
    connection = connect()
    try:
        connection.register("claims_in", plan_input(frame))
        connection.register("tolerances", tolerance_table(tolerance))
        for statement in plan_statements():
            connection.execute(statement)
        connection.execute(_CLAIMS)
        for statement in report_plan_statements():
            connection.execute(statement)
        full = {
            "verdicts": sorted(
                connection.execute(
                    "SELECT k.entity, k.metric, k.period, v.verdict FROM verdicts v "
                    "JOIN group_keys k USING (grp)"
                ).fetchall()
            ),
            "repeats": connection.execute(
                "SELECT count(*) FROM marked WHERE repeat_row IS NOT NULL"
            ).fetchall()[0][0],
            "pairs": sorted(connection.execute("SELECT row_a, row_b FROM pairs").fetchall()),
        }
        report = {
            "verdicts": sorted(
                connection.execute(
                    "SELECT entity, metric, period, verdict FROM report_groups"
                ).fetchall()
            ),
            "repeats": connection.execute(
                "SELECT coalesce(sum(repeats), 0) FROM report_groups"
            ).fetchall()[0][0],
            "pairs": sorted(connection.execute("SELECT row_a, row_b FROM report_pairs").fetchall()),
        }
    finally:
        connection.close()
    return full, report


@st.composite
def repeated_claims(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.Series]:
    """Claims drawn from a few templates, so that repeats (same group, source, document and
    interval) and groups of two claims that repeat each other are common."""
    templates = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["AZE", "ARM"]),
                st.sampled_from(["2009", "2010"]),
                st.sampled_from(["S1", "S2"]),
                st.sampled_from(["d1", "d2"]),
                st.sampled_from([1.0, 2.0, 3.0, 10.0]),
                st.sampled_from([0.0, 0.5, 1.0, np.inf, np.nan]),
            ),
            min_size=1,
            max_size=6,
        )
    )
    picks = draw(st.lists(st.integers(0, len(templates) - 1), max_size=30))
    rows = []
    for i, pick in enumerate(picks):
        entity, period, source, document, low, width = templates[pick]
        rows.append(
            {
                "id": f"c{i}",
                "entity": entity,
                "metric": "m1",
                "period": period,
                "source": source,
                "document": document,
                "valid": draw(st.sampled_from([True, True, True, False])),
                "normalized_low": low,
                "normalized_high": low + width,
                "normalized_amount": low,
            }
        )
    columns = ["id", "entity", "metric", "period", "source", "document", "valid"]
    frame = pd.DataFrame(rows, columns=[*columns, "normalized_low", "normalized_high"])
    frame["normalized_amount"] = frame["normalized_low"]
    frame["valid"] = frame["valid"].astype(bool)
    return frame, pd.Series({"m1": draw(st.sampled_from([0.0, 0.1]))})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_frames() | repeated_claims())
def test_report_plan_matches_the_full_plan(case: tuple[pd.DataFrame, pd.Series]) -> None:
    """Random claims with missing keys, repeats, NaN and infinite bounds and tolerances."""
    frame, tolerance = case
    full, report = _both(frame, tolerance)
    assert report == full


def test_a_repeat_hides_only_claims_of_its_own_interval() -> None:
    """c1 repeats c0; c2 shares c0's source, document and low bound but not its high one, so
    it stays, and conflicts with c3 as c0 does."""
    frame = pd.DataFrame(
        {
            "id": ["c0", "c1", "c2", "c3"],
            "entity": "AZE",
            "metric": "m1",
            "period": "2009",
            "source": ["S1", "S1", "S1", "S2"],
            "document": "d1",
            "valid": True,
            "normalized_low": [1.0, 1.0, 1.0, 5.0],
            "normalized_high": [1.0, 1.0, 1.5, 5.0],
            "normalized_amount": [1.0, 1.0, 1.0, 5.0],
        }
    )
    full, report = _both(frame, pd.Series({"m1": 0.0}))
    assert full["pairs"] == [(0, 3), (2, 3)] and full["repeats"] == 1
    assert report == full
