"""Statements side by side on one DuckDB database (compare/duckdb_session.py)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("duckdb")

from reconcile.compare.duckdb_session import concurrently, connect, run_lanes


def test_tasks_see_the_database_and_return_in_order() -> None:
    connection = connect()
    connection.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000)")

    def total(cursor: Any) -> int:
        return int(cursor.execute("SELECT sum(n) FROM numbers").fetchall()[0][0])

    def largest(cursor: Any) -> int:
        return int(cursor.execute("SELECT max(n) FROM numbers").fetchall()[0][0])

    assert concurrently(connection, [total, largest, total]) == [499500, 999, 499500]
    connection.close()


def test_lanes_build_tables_the_joining_statements_read() -> None:
    connection = connect()
    run_lanes(
        connection,
        [
            ["CREATE TABLE a AS SELECT 1 AS x", "CREATE TABLE b AS SELECT x + 1 AS x FROM a"],
            ["CREATE TABLE c AS SELECT 10 AS x"],
        ],
    )
    assert connection.execute("SELECT (SELECT x FROM b) + (SELECT x FROM c)").fetchall() == [(12,)]
    connection.close()


@pytest.mark.parametrize("failing", [0, 1])
def test_an_error_in_any_lane_is_raised(failing: int) -> None:
    connection = connect()
    lanes = [["CREATE TABLE a AS SELECT 1 AS x"], ["CREATE TABLE b AS SELECT 2 AS x"]]
    lanes[failing] = ["SELECT * FROM no_such_table"]
    with pytest.raises(Exception, match="no_such_table"):
        run_lanes(connection, lanes)
    connection.close()
