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

from benchmarks.bench_scale import write_claims_table
from reconcile.compare.causes import describe_cause, infer_causes, likely_causes
from reconcile.compare.scale_records import SEPARATOR, _with_causes

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


def test_records_are_ended_by_their_causes() -> None:
    """Each record gets its own cause and sentence, after SEPARATOR, in order."""
    records = [SEPARATOR + f'{{"claim_a":"c{i}"' for i in range(5)]
    causes = np.array([None, "scale", "currency", "rounding", "scale"], dtype=object)
    details = np.array([None, "1,000", "AZN", "", "1,000,000"], dtype=object)
    text = str(_with_causes(pa.array(records), causes, details), "utf-8")
    assert text.startswith(SEPARATOR)
    parsed = json.loads("[" + text.removeprefix(",") + "]")
    assert parsed == [
        {
            "claim_a": f"c{i}",
            "cause": causes[i],
            "cause_text": describe_cause(causes[i], details[i]),
        }
        for i in range(5)
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
