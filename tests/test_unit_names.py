"""unit_names.csv: rebuilt byte for byte from pint, and the parser reads the same units with it."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.reference.units import read_unit_words

REPO_ROOT = Path(__file__).resolve().parents[1]
TABLE = REPO_ROOT / "reconcile" / "data" / "unit_names.csv"


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    """scripts/build_unit_names.py gives the committed table (same pint version)."""
    out = tmp_path / "unit_names.csv"
    script = REPO_ROOT / "scripts" / "build_unit_names.py"
    command = [sys.executable, str(script), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == TABLE.read_bytes()


def _written_forms() -> list[str]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    units = [row["written"] for row in rows if row["kind"] == "unit"]
    prefixes = [row["written"] for row in rows if row["kind"] == "prefix" and row["written"]]
    words = [
        "troops", "countries", "units", "tanks", "other", "eff.", "branches", "car", "Js",
        "K2", "B-52", "km2", "m^2", "fb-1", "kWh", "MW", "sq km", "cubic meters", "km per day",
        "meters squared", "tons per year", "kilometres", "gigawatt hours", "in", "ha", "yr",
        "mph", "people", "soldiers", "aircraft", "ships", "pcs", "NM", "nmi", "Mt", "kt",
    ]  # fmt: skip
    plurals = [f"{unit}s" for unit in units[::3]]
    prefixed = [prefix + unit for prefix in prefixes[::7] for unit in units[::41]]
    return words + units + plurals + prefixed


@pytest.mark.parametrize("at_end", [True, False])
def test_table_first_reads_what_pint_reads(at_end: bool) -> None:
    """Consulting the table before pint changes no reading, for every name pint knows."""
    for word in _written_forms():
        for text in (f" {word}", f" {word} of it"):
            expected = read_unit_words(text, at_end=at_end, table_first=False)
            assert read_unit_words(text, at_end=at_end, table_first=True) == expected, text


def test_seed_report_does_not_build_pint() -> None:
    """`reconcile report claims/` reads no unit only pint knows: pint stays unloaded."""
    code = (
        "import sys\n"
        "from reconcile.__main__ import main\n"
        "sys.argv = ['reconcile', 'report', 'claims/', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pint' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "False", result.stderr
