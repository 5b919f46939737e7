"""The in-process DuckDB connection both DuckDB engines run on (compare/engine_duckdb.py on a
claims frame, compare/scale.py on claim tables): nothing but duckdb is imported for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any


def connect(memory_limit: str | None = None, temp_directory: str | None = None) -> Any:
    """An in-process DuckDB connection that spills to `temp_directory` above `memory_limit`."""
    import duckdb

    config: dict[str, Any] = {"preserve_insertion_order": False}
    if memory_limit:
        config["memory_limit"] = memory_limit
    if temp_directory:
        config["temp_directory"] = temp_directory
    connection = duckdb.connect(":memory:", config=config)
    connection.execute("SET enable_progress_bar = false")
    return connection


def concurrently(connection: Any, tasks: Sequence[Callable[[Any], Any]]) -> list[Any]:
    """Run each task (given a connection to the same database) at the same time, each on its
    own cursor, and return what each returned, in order.

    A scan of a Parquet file whose claims sit in one row group runs on one core, so two
    independent scans side by side use both. The tasks see the database's tables and views,
    not the TEMP ones of `connection` (those belong to it alone). The first error is raised
    once every task has stopped.
    """
    if len(tasks) < 2:
        return [task(connection) for task in tasks]
    from concurrent.futures import ThreadPoolExecutor

    cursors = [connection.cursor() for _ in tasks[1:]]
    try:
        with ThreadPoolExecutor(len(cursors)) as pool:
            futures = [
                pool.submit(task, cursor) for task, cursor in zip(tasks[1:], cursors, strict=True)
            ]
            try:
                first = tasks[0](connection)
            except BaseException:
                for cursor in cursors:
                    cursor.interrupt()
                raise
            return [first, *(future.result() for future in futures)]
    finally:
        for cursor in cursors:
            cursor.close()


def run_lanes(connection: Any, lanes: Sequence[Sequence[str]]) -> None:
    """Run each lane's statements in order, the lanes side by side (see concurrently)."""
    concurrently(connection, [partial(_run_statements, statements) for statements in lanes])


def _run_statements(statements: Sequence[str], cursor: Any) -> None:
    for statement in statements:
        cursor.execute(statement)
