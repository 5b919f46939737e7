"""compare_claims on Spark: the Ibis plan (compare/plan_ibis.py) compiled to Spark SQL.

The claims are written as Parquet into a temporary folder, read by Spark, and the plan's
three outputs come back as Arrow. Without a session of the caller's, a local one is started
(`local[2]`, few shuffle partitions, no UI, errors only in the log, every temporary file
under one temporary folder) and stopped afterwards. Nothing is downloaded: the plan needs no
Spark package beyond pyspark's own jars.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .engine_duckdb import plan_input
from .groups import Comparison

# Spark's log4j2 configuration: errors only, on stderr. The shell's own logger is named too,
# or Spark announces that it sets the level to WARN.
_LOG4J2 = """\
rootLogger.level = error
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
logger.submit.name = org.apache.spark.deploy.SparkSubmit
logger.submit.level = error
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def spark_problem() -> str | None:
    """Why the Spark engine cannot run here (pyspark, Ibis or Java missing), or None."""
    for module, package in (("pyspark", "pyspark"), ("ibis", "ibis-framework")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed"
    if not _java():
        return "no Java runtime (java is not on PATH and JAVA_HOME is not set)"
    return None


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


@contextlib.contextmanager
def local_session(
    cores: int = 2, shuffle_partitions: int = 4, config: dict[str, str] | None = None
) -> Iterator[Any]:
    """A local SparkSession whose files all live in one temporary folder, removed afterwards;
    the session already active in this process, if any, is used (and left running) instead."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    with tempfile.TemporaryDirectory(prefix="reconcile-spark-") as folder:
        base = Path(folder)
        (base / "log4j2.properties").write_text(_LOG4J2, encoding="utf-8")
        java_options = (
            f"-Djava.io.tmpdir={base} -Dlog4j2.configurationFile=file:{base}/log4j2.properties"
        )
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            SparkSession.builder.master(f"local[{cores}]")
            .appName("reconcile")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
            .config("spark.default.parallelism", str(cores))
            .config("spark.local.dir", str(base / "local"))
            .config("spark.sql.warehouse.dir", str(base / "warehouse"))
            .config("spark.sql.catalogImplementation", "in-memory")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.driver.extraJavaOptions", java_options)
            .config("spark.executor.extraJavaOptions", java_options)
        )
        for key, value in (config or {}).items():
            builder = builder.config(key, value)
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def compare_claims_spark(
    frame: pd.DataFrame,
    tolerances: pd.Series | None = None,
    *,
    copy: bool = True,
    session: Any = None,
) -> Comparison:
    """compare_claims, with the relational steps run by Spark (the same Comparison); a local
    session is started for the call when `session` is None."""
    if session is None:
        with local_session() as started:
            return compare_claims_spark(frame, tolerances, copy=copy, session=started)
    import ibis
    import pyarrow.parquet as pq

    from .engine_ibis import run_plan, tolerances_arrow

    claims = frame.copy() if copy else frame
    connection = ibis.pyspark.connect(session)
    with tempfile.TemporaryDirectory(prefix="reconcile-spark-input-") as folder:
        claims_path = Path(folder) / "claims.parquet"
        tolerances_path = Path(folder) / "tolerances.parquet"
        pq.write_table(plan_input(claims), claims_path)
        pq.write_table(tolerances_arrow(tolerances), tolerances_path)
        claims_table = connection.read_parquet(claims_path)
        tolerances_table = connection.read_parquet(tolerances_path)
        # Arrow straight from Spark: Ibis' to_pyarrow goes through pandas (toPandas).
        return run_plan(
            claims,
            claims_table,
            tolerances_table,
            lambda table: session.sql(connection.compile(table)).toArrow(),
        )
