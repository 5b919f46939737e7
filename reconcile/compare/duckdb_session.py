"""The in-process DuckDB connection both DuckDB engines run on (compare/engine_duckdb.py on a
claims frame, compare/scale.py on claim tables): nothing but duckdb is imported for it."""

from __future__ import annotations

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
