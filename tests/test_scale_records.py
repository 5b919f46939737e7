"""The out-of-core report's conflict records: causes on NumPy columns as on a frame, records
ended by their causes in Arrow, and no pandas in the process that writes them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from benchmarks.bench_scale import write_claims_table
from reconcile.compare.causes import describe_cause, infer_causes, likely_causes
from reconcile.compare.scale_records import NO_CAUSE, SEPARATOR, _with_causes

REPO_ROOT = Path(__file__).resolve().parents[1]


def _pairs(n: int) -> pd.DataFrame:
    """Pairs whose ratios are near a power of ten, an exchange rate, or nothing, some with a
    converted side, missing amounts and units of both kinds."""
    rng = np.random.default_rng(7)
    amount_a = rng.choice([1.0, 2.5, 40.0, np.nan], n)
    factor_a = rng.choice([1.0, 1.0, 1 / 1.7, 1 / 29.1], n)
    ratio = rng.choice([1.005, 1.4, 1000.0, 1.7, 29.1, 1e6 * 1.01, 0.5], n)
    gap = rng.choice([0.001, 0.015, 0.3], n)
    return pd.DataFrame(
        {
            "gap": gap,
            "ratio": ratio,
            "amount_a": amount_a,
            "amount_b": amount_a * ratio,
            "unit_a": rng.choice(["USD", "AZN", "UAH"], n).astype(object),
            "unit_b": rng.choice(["USD", "AZN"], n).astype(object),
            "normalized_amount_a": amount_a * factor_a,
            "normalized_amount_b": amount_a * factor_a * ratio,
        }
    )


def test_causes_on_arrays_are_the_frames_causes() -> None:
    """likely_causes on a dict of NumPy arrays (the out-of-core batches) gives infer_causes'
    answer on the same pairs as a frame (the pandas report)."""
    frame = _pairs(400)
    expected = infer_causes(frame)
    columns = {name: frame[name].to_numpy() for name in frame.columns}
    cause, detail = likely_causes(columns, len(frame))
    # the frame holds the causes as text, where None is NaN
    assert list(cause) == [None if pd.isna(c) else c for c in expected["cause"]]
    assert list(detail) == [None if pd.isna(d) else d for d in expected["cause_detail"]]
    assert {"scale", "currency", "rounding", None} <= set(cause)


@pytest.mark.parametrize(
    "causes",
    [
        [None, "scale", "currency", "rounding", "scale"],  # most pairs: every record ended again
        [None, None, "scale", *[None] * 16, "rounding"],  # a few: the text around them kept
        [None, None, None],  # none: the records as DuckDB wrote them
    ],
)
def test_records_are_ended_by_their_causes(causes: list[str | None]) -> None:
    """Each record gets its own cause and sentence in place of the no-cause ending, after
    SEPARATOR, in order (non-ASCII text too)."""
    n = len(causes)
    records = [SEPARATOR + f'{{"claim_a":"c{i}","entity":"Ελλάδα"' + NO_CAUSE for i in range(n)]
    words = {"scale": "1,000", "currency": "AZN", "rounding": ""}
    cause = np.array(causes, dtype=object)
    detail = np.array([words.get(str(c)) for c in causes], dtype=object)
    text = str(_with_causes(pa.array(records), cause, detail), "utf-8")
    assert text.startswith(SEPARATOR)
    parsed = json.loads("[" + text.removeprefix(",") + "]")
    assert parsed == [
        {
            "claim_a": f"c{i}",
            "entity": "Ελλάδα",
            "cause": cause[i],
            "cause_text": describe_cause(cause[i], detail[i]),
        }
        for i in range(n)
    ]


def test_the_out_of_core_report_does_not_import_pandas(tmp_path: Path) -> None:
    """pandas costs about 0.3 s of CPU at start-up, which the out-of-core report does not need."""
    folder = write_claims_table(tmp_path / "claims", 500)
    script = (
        "import sys, contextlib, io\n"
        "from reconcile.cli.main import run\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = run(['report', {str(folder)!r}, '--format', 'json', '--engine', 'duckdb'])\n"
        "assert code == 0 and '\"conflicts\"' in out.getvalue()\n"
        "print(sorted(m for m in ('pandas', 'ibis', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_records_go_to_a_file_as_to_a_string(tmp_path: Path) -> None:
    """The records' bytes go straight to a UTF-8 file's byte stream, after the text before
    them, and read back as the text a string stream gets (non-ASCII text too)."""
    from io import StringIO

    from reconcile.report.scale_json import write_scale_json

    def batches() -> list[tuple[memoryview, int]]:
        texts = [SEPARATOR + '{"entity":"Côte d’Ivoire"}', SEPARATOR + '{"entity":"Ελλάδα"}']
        return [(memoryview("".join(texts).encode("utf-8")), 2), (memoryview(b""), 0)]

    header = {"version": "1.1", "summary": {"claims": 2}}
    expected = StringIO()
    assert write_scale_json(expected, header, batches()) == 2
    path = tmp_path / "report.json"
    with path.open("w", encoding="utf-8") as handle:
        write_scale_json(handle, header, batches())
    assert path.read_text(encoding="utf-8") == expected.getvalue()
    assert json.loads(expected.getvalue())["conflicts"][1] == {"entity": "Ελλάδα"}


@pytest.mark.parametrize("slips", [1, 60])  # a few pairs with a cause, or most
def test_out_of_core_causes_are_the_pandas_reports(tmp_path: Path, slips: int) -> None:
    """The out-of-core report gives each conflicting pair the cause the pandas report gives it
    (figures written a thousand times too large, in a few groups or in most)."""
    from contextlib import redirect_stdout
    from io import StringIO

    from reconcile.__main__ import main

    folder = write_claims_table(tmp_path / "claims", 500)
    path = folder / "claims-0000.parquet"
    table = pq.read_table(path).to_pandas()
    slipped = np.arange(slips) * 5 + 3  # one claim of each of the first groups
    table.loc[slipped, ["amount", "low", "high"]] *= 1000
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
    causes = {}
    for engine in ("pandas", "duckdb"):
        out = StringIO()
        with redirect_stdout(out):
            assert main(["report", str(folder), "--format", "json", "--engine", engine]) == 0
        conflicts = json.loads(out.getvalue())["conflicts"]
        causes[engine] = {(c["claim_a"], c["claim_b"]): c["cause"] for c in conflicts}
    assert causes["duckdb"] == causes["pandas"]
    assert sum(c == "scale" for c in causes["duckdb"].values()) >= slips
