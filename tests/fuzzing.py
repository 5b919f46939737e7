"""What fuzzing checks, shared by the hypothesis tests (make test) and scripts/fuzz.py (make fuzz).

The invariants: a figure is refused (ok False, no numbers) or read with low <= high and the
amount inside [low, high] where both ends are finite; nothing but a ReconcileError ever escapes;
every output is valid JSON. Regression seeds (inputs that once crashed or misread) live in
tests/data/fuzz/.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

from reconcile.core.errors import ReconcileError
from reconcile.core.parsed_value import ParsedValue

SEEDS = Path(__file__).parent / "data" / "fuzz"
CATALOGUE = Path(__file__).parent / "data" / "bad" / "claims"


class InvariantError(AssertionError):
    """A fuzzed input broke an invariant (not a crash: a wrong answer)."""


def check_parsed(value: ParsedValue) -> None:
    """Raise InvariantError when a parsed figure breaks an invariant."""
    numbers = (value.amount, value.low, value.high)
    if not value.ok:
        if any(n is not None for n in numbers):
            raise InvariantError(f"ok=false with numbers: {value!r}")
        return
    if value.amount is None or not math.isfinite(value.amount):
        raise InvariantError(f"ok=true without a finite amount: {value!r}")
    if any(n is not None and math.isnan(n) for n in numbers):
        raise InvariantError(f"NaN in {value!r}")
    low = -math.inf if value.low is None else value.low
    high = math.inf if value.high is None else value.high
    if low > high:
        raise InvariantError(f"low > high: {value!r}")
    if math.isfinite(low) and math.isfinite(high) and not low <= value.amount <= high:
        raise InvariantError(f"amount outside [low, high]: {value!r}")


def fuzz_figure(text: str, year: int | None = None) -> None:
    """Parse one figure and check it; parse_value must never raise."""
    from reconcile.core.json_text import dump_json
    from reconcile.figures.grammar import parse_value

    value = parse_value(text, year=year)
    check_parsed(value)
    dump_json(value.to_dict())


def fuzz_claim_files(files: dict[str, str | bytes]) -> None:
    """Reconcile one folder of claim files and render every format; only ReconcileError escapes."""
    folder = Path(tempfile.mkdtemp(prefix="reconcile-fuzz-"))
    try:
        for name in ("metrics.yaml", "sources.yaml"):
            shutil.copy(CATALOGUE / name, folder / name)
        for name, content in files.items():
            data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        reconcile_and_render(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def reconcile_and_render(folder: Path) -> dict[str, Any] | None:
    """The report of a claims folder in every format; None when the folder is refused."""
    import json

    from reconcile.compare.reconciliation import build_report, reconcile_claims
    from reconcile.report.writer import render_report

    try:
        report = build_report(reconcile_claims([folder]))
    except ReconcileError:
        return None
    for claim in (c for g in report["groups"] for c in g["claims"]):
        if claim["valid"] and claim["normalized_low"] is None:
            raise InvariantError(f"a valid claim without a normalised interval: {claim!r}")
    for fmt in ("markdown", "json", "csv", "html"):
        text = render_report(report, fmt)
        if fmt == "json":
            json.loads(text, parse_constant=_refuse_constant)
    return report


def _refuse_constant(name: str) -> None:
    raise InvariantError(f"{name} in JSON output")


def seed_figures() -> list[str]:
    """The parser's regression seeds, one figure per file."""
    paths = sorted((SEEDS / "parser").glob("*.txt"))
    return [p.read_text(encoding="utf-8").rstrip("\n") for p in paths]


def seed_claim_files() -> list[Path]:
    """The claim loader's regression seeds."""
    return sorted((SEEDS / "claims").glob("*"))
