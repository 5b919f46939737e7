"""Issue 16: claims at scale. Parquet claim tables to the JSON report with the DuckDB engine,
against the DuckDB floor (read, convert, group, overlap) measured in the same run; YAML folders.

Each measured run is a fresh `reconcile report` process, so its peak RSS is its own. The floor
is measured the same way, as a fresh process that imports DuckDB and runs the floor's query
(like for like: both pay for starting Python and importing what they need); the floor's query
timed inside a process that has already imported DuckDB is printed beside it. Both run with
the package's modules compiled once beforehand, as an installed package's are, also where
PYTHONDONTWRITEBYTECODE is set (the compiled files go to a folder of the benchmark's own).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["S0", "S1", "S2", "S3", "S4"]
CATALOGUE = {
    "sources.yaml": "sources:\n"
    + "".join(f"  - id: {s}\n    name: Source {s}\n    kind: other\n" for s in SOURCES),
    "metrics.yaml": "metrics:\n  - id: military_expenditure\n",
    "documents.yaml": "documents:\n"
    + "".join(f"  - id: D{d}\n    title: Document {d}\n" for d in range(7)),
}


def write_claims_table(folder: Path, n: int, seed: int = 3, files: int = 1) -> Path:
    """n claims as Parquet with parsed columns, 5 a group, a fifth of the groups conflicting
    (the shape of benchmarks/run.py's claims_frame), and the catalogues beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CATALOGUE.items():
        (folder / name).write_text(text, encoding="utf-8")
    per_file = -(-n // files)
    for part in range(files):
        start, stop = part * per_file, min(n, (part + 1) * per_file)
        pq.write_table(_table(start, stop, seed + part), folder / f"claims-{part:04d}.parquet")
    return folder


def _table(start: int, stop: int, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    index = np.arange(start, stop)
    group = index // 5
    truth = 1e6 + (group * 2654435761 % 10_000_000_000).astype(float)
    noise = rng.uniform(0.9995, 1.0005, len(index))
    conflicted = (group % 5 == 0) & (index % 5 == 4)
    azn = index % 3 == 0
    year = 2000 + group % 20
    rate = np.where(azn, np.array([_azn_rate(y) for y in range(2000, 2020)])[year - 2000], 1.0)
    amount = truth * noise * np.where(conflicted, 1.4, 1.0) * rate
    entity = pa.array(np.char.add("place-", (group // 20).astype(str)))
    return pa.table(
        {
            "id": pa.array(np.char.add("c", index.astype(str))),
            "document": pa.array(np.char.add("D", (index % 7).astype(str))),
            "entity": entity,
            "metric": pa.array(["military_expenditure"] * len(index)),
            "period": pa.array(year.astype(str)),
            "source": pa.array(np.array(SOURCES)[index % 5]),
            "amount": amount,
            "low": amount * 0.999,
            "high": amount * 1.001,
            "unit": pa.array(np.where(azn, "AZN", "USD")),
        }
    )


def _azn_rate(year: int) -> float:
    from reconcile.reference.rates import load_rate_table

    quote = load_rate_table().quote("AZN", year)
    assert quote is not None
    return float(quote.rate)


# Peak RSS through a small launcher: Linux counts in a process's ru_maxrss the memory of the
# process it was forked from (the high-water mark of the image exec replaced), so a report
# forked straight from this benchmark, which has just built ten million claims in NumPy,
# would show the benchmark's 2.6 GB. The launcher forks the report from its own small image
# and passes on what wait4 says of it.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"maxrss_kb={usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _environment(work: Path | None) -> dict[str, str] | None:
    """The environment of a measured process: compiled modules kept in `work`/pycache."""
    if work is None:
        return None
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return environment


def run_report(folder: Path, *extra: str, work: Path | None = None) -> dict[str, Any]:
    """`reconcile report FOLDER --format json` in its own process: seconds, peak RSS (of that
    process alone, from wait4 in a launcher) and the summary at the top of its output."""
    command = ["-m", "reconcile", "report", str(folder), "--format", "json", *extra]
    import tempfile

    start = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:  # a file, so a chatty stderr cannot block
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, *command], cwd=ROOT, stdout=subprocess.PIPE,
            stderr=stderr, env=_environment(work),
        )  # fmt: skip
        assert process.stdout is not None
        head = process.stdout.read(1 << 16)
        size = len(head)
        for chunk in iter(lambda: process.stdout.read(1 << 20), b""):  # type: ignore[union-attr]
            size += len(chunk)
        process.wait()
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", errors="replace")
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{command} exited {process.returncode}: {errors[-2000:]}")
    maxrss_kb = int(errors.rsplit("maxrss_kb=", 1)[1].split()[0])
    text = head.decode("utf-8", errors="replace")
    summary = json.loads(text[text.index('"summary"') + 10 : text.index("}") + 1])
    return {"seconds": seconds, "peak_gb": maxrss_kb / 1024 / 1024, "bytes": size,
            "summary": summary}  # fmt: skip


def _floor_query(folder: Path) -> str:
    rates = "SELECT * FROM (VALUES ('USD', 1.0), ('AZN', 1.7)) rates(unit, rate)"
    query = f"""
        SELECT entity, metric, period, max(low / rate) > min(high / rate) AS conflict
        FROM read_parquet('{folder}/*.parquet') JOIN ({rates}) USING (unit)
        GROUP BY ALL
    """
    return f"SELECT count(*) FILTER (WHERE conflict) FROM ({query})"


def duckdb_floor(folder: Path) -> float:
    """Read, convert (a rate join), group and test overlap, in DuckDB alone: the floor's query
    in this process (DuckDB already imported)."""
    import duckdb

    connection = duckdb.connect()
    start = time.perf_counter()
    connection.execute(_floor_query(folder)).fetchall()
    return time.perf_counter() - start


def duckdb_floor_process(folder: Path, work: Path | None = None) -> float:
    """The floor as the report is measured: a fresh process that starts Python, imports
    DuckDB, runs the floor's query and prints its count; wall seconds."""
    script = f"import duckdb; print(duckdb.connect().execute({_floor_query(folder)!r}).fetchall())"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        env=_environment(work),
    )  # fmt: skip
    return time.perf_counter() - start


def bench_parquet(
    n: int,
    work: Path,
    *,
    target: float | None,
    floor_ratio: float | None = None,
    memory_gb: float | None = None,
    memory: str | None = None,
) -> dict[str, Any]:
    """n Parquet claims to the JSON report with --engine duckdb, and the floor in the same run."""
    need_gb = n * 120 / 1e9 * 3  # the table, and DuckDB's spill files
    free_gb = shutil.disk_usage(work).free / 1e9
    if free_gb < need_gb:
        return {"name": f"parquet-report-{n:,}", "skipped": f"{free_gb:.0f} GB free disk",
                "ok": False}  # fmt: skip
    folder = write_claims_table(work / f"parquet-{n}", n, files=max(1, n // 10_000_000))
    extra = ["--engine", "duckdb"] + (["--memory-limit", memory] if memory else [])
    if n <= 1_000_000:
        # warm the file cache and compile the modules once; then three of each, interleaved
        # (a change in the machine's load would otherwise fall on one side), best of each
        run_report(folder, *extra, work=work)
        runs = [(run_report(folder, *extra, work=work), duckdb_floor_process(folder, work))
                for _ in range(3)]  # fmt: skip
        result = min((r for r, _ in runs), key=lambda r: float(r["seconds"]))
        floor = min(f for _, f in runs)
    else:
        result, floor = run_report(folder, *extra, work=work), duckdb_floor_process(folder, work)
    in_process = min(duckdb_floor(folder) for _ in range(3))
    shutil.rmtree(folder, ignore_errors=True)
    ratio = result["seconds"] / floor
    out: dict[str, Any] = {
        "name": f"parquet-report-{n:,}",
        "claims": n,
        "seconds": round(result["seconds"], 2),
        "duckdb_floor_seconds": round(floor, 3),
        "ratio_to_floor": round(ratio, 1),
        "floor_query_in_process_seconds": round(in_process, 3),
        "ratio_to_floor_query": round(result["seconds"] / in_process, 1),
        "peak_rss_gb": round(result["peak_gb"], 2),
        "conflict_pairs": result["summary"]["conflict_pairs"],
        "json_mb": round(result["bytes"] / 1e6, 1),
        "memory_limit": memory,
        "target_seconds": target,
        "target_ratio": floor_ratio,
        "target_rss_gb": memory_gb,
    }
    out["ok"] = (
        (target is None or result["seconds"] < target)
        and (floor_ratio is None or ratio <= floor_ratio)
        and (memory_gb is None or result["peak_gb"] < memory_gb)
    )
    return out


def write_yaml_claims(folder: Path, n: int, per_file: int = 2_000, seed: int = 5) -> Path:
    """n claims in YAML files (per_file each) with distinct figures as people write them."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CATALOGUE.items():
        (folder / name).write_text(text, encoding="utf-8")
    # Each group's sources agree (the same figure written four ways); in a fifth of the groups
    # the fifth source says 40 % more.
    shapes = ["US${:.2f} billion", "${:.2f} bn", "USD {:.2f} billion", "about ${:.2f} billion"]
    truth = rng.uniform(1, 99, -(-n // 5))
    for part in range(-(-n // per_file)):
        lines = [f"document:\n  id: Y{part}\n  title: Claims {part}\nclaims:\n"]
        for i in range(part * per_file, min(n, (part + 1) * per_file)):
            group = i // 5
            factor = 1.4 if group % 5 == 0 and i % 5 == 4 else 1.0
            value = shapes[i % 4].format(truth[group] * factor)
            lines.append(
                f"  - id: y{i}\n    entity: place-{group // 20}\n    metric: military_expenditure\n"
                f"    period: '{2000 + group % 20}'\n    value: '{value}'\n"
                f"    source: {SOURCES[i % 5]}\n"
            )
        (folder / f"claims-{part:04d}.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def bench_yaml(n: int, work: Path, *, target: float, memory_gb: float) -> dict[str, Any]:
    """n claims in YAML files to the JSON report: seconds and peak RSS of that process."""
    folder = write_yaml_claims(work / f"yaml-{n}", n)
    result = run_report(folder, work=work)
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "name": f"yaml-report-{n:,}",
        "claims": n,
        "seconds": round(result["seconds"], 2),
        "peak_rss_gb": round(result["peak_gb"], 2),
        "target_seconds": target,
        "target_rss_gb": memory_gb,
        "ok": result["seconds"] < target and result["peak_gb"] < memory_gb,
    }


def main() -> None:
    """`python -m benchmarks.bench_scale`: only issue 16's benchmarks, printed as `make bench`
    prints them (the 1e6 Parquet report with its floor, 200,000 YAML claims, 1e7 Parquet)."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--skip-big", action="store_true", help="skip the 10,000,000 claims")
    parser.add_argument("--quick", action="store_true", help="a hundredth of each size")
    args = parser.parse_args()
    scale = 100 if args.quick else 1
    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as work:
        folder = Path(work)
        results = [bench_parquet(1_000_000 // scale, folder, target=1.5, floor_ratio=3.0)]
        results.append(bench_yaml(200_000 // scale, folder, target=20.0, memory_gb=1.0))
        if not args.skip_big and not args.quick:
            results.append(
                bench_parquet(10_000_000, folder, target=10.0, memory_gb=2.0, memory="1GB")
            )
    for result in results:
        status = "ok  " if result.get("ok") else "MISS"
        details = ", ".join(f"{k}={v}" for k, v in result.items() if k not in {"name", "ok"})
        print(f"{status} {result['name']}: {details}", flush=True)


if __name__ == "__main__":
    main()
