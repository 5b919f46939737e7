"""Tests for the World Bank WDI importer and for imported folders as claim folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.__main__ import main
from reconcile.claims.files import load_claims
from reconcile.core.errors import InputError
from reconcile.datasets.imports import import_dataset
from reconcile.datasets.wdi import import_wdi

from .conftest import SHARED

DATA = Path("tests/data/datasets")
WDI_FILE = SHARED / "reference" / "WB_WDI_PA.NUS.FCRF_2025-07-01.csv"


def test_population_file() -> None:
    """Countries become claims by indicator code; empty cells and aggregates are left out."""
    result = import_wdi(DATA / "wdi_population.csv")
    frame = result.frame.set_index("id")
    assert list(frame.index) == [
        "wdi-sp.pop.totl-AZE-2022",
        "wdi-sp.pop.totl-AZE-2023",
        "wdi-sp.pop.totl-AZE-2024",
        "wdi-sp.pop.totl-ARM-2022",
        "wdi-sp.pop.totl-ARM-2023",
    ]
    claim = frame.loc["wdi-sp.pop.totl-AZE-2024"]
    assert (claim["metric"], claim["value"], claim["cell"], claim["line"]) == (
        "population",
        "10153958",
        "G6",
        6,
    )
    assert result.release == "2025-07-01"
    assert [f.message for f in result.findings] == [
        "1 rows are aggregates (regions, income groups), not countries; they are not imported"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "wdi_unknown_indicator.csv",
            "unknown WDI indicator 'FP.CPI.TOTL.ZG'; the importer knows PA.NUS.FCRF, "
            "SP.POP.TOTL, NY.GDP.MKTP.CD, MS.MIL.XPND.CD, MS.MIL.XPND.GD.ZS",
        ),
        ("wdi_bad_cell.csv", "cell E6 (AZE, 2023): 'ten million' is not a number"),
    ],
)
def test_bad_wdi_files(tmp_path: Path, name: str, message: str) -> None:
    """An unknown indicator or a non-numeric cell: a clear error and nothing written."""
    with pytest.raises(InputError) as error:
        import_dataset("wdi", DATA / name, tmp_path / "out")
    assert str(error.value) == f"{DATA / name}:6: {message}"
    assert not (tmp_path / "out").exists()


def test_another_layout_is_refused(tmp_path: Path) -> None:
    """A CSV of another layout is not a WDI file."""
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a World Bank WDI indicator file"):
        import_wdi(path)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_imported_folder_is_a_claims_folder(tmp_path: Path, fmt: str) -> None:
    """`report` reads an import (Parquet or CSV) like any claims folder, with no errors."""
    out = tmp_path / "population"
    import_dataset("wdi", DATA / "wdi_population.csv", out, fmt=fmt)
    claims = load_claims([out])
    assert len(claims.frame) == 5 and claims.frame["valid"].all()
    assert claims.findings == []
    assert set(claims.frame["document_file"]) == {"wdi_population.csv"}
    assert main(["report", str(out), "--format", "json"]) == 0


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    """A non-empty --out folder is refused without --force and replaced whole with it."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="the output folder exists and is not empty"):
        import_dataset("wdi", DATA / "wdi_population.csv", out)
    assert (out / "keep.txt").exists()
    import_dataset("wdi", DATA / "wdi_population.csv", out, force=True)
    assert sorted(p.name for p in out.iterdir()) == [
        "PROVENANCE.md",
        "documents.yaml",
        "metrics.yaml",
        "sources.yaml",
        "wdi-wdi-population.parquet",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_import_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`reconcile import wdi` prints what it wrote and how many figures."""
    out = tmp_path / "pop"
    assert main(["import", "wdi", str(DATA / "wdi_population.csv"), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        "5 figures from wdi_population.csv (World Bank World Development Indicators, "
        "release 2025-07-01); 1 warnings\n"
    )
    assert f"wrote {out}/metrics.yaml" in captured.err


def test_shipped_exchange_rates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped WDI exchange-rate file: AZN 2024 is the 1.7 peg."""
    if not WDI_FILE.is_file():
        pytest.skip(f"{WDI_FILE} not found: the reference files live in ../shared")
    frame = import_wdi(WDI_FILE).frame.set_index("id")
    claim = frame.loc["wdi-pa.nus.fcrf-AZE-2024"]
    assert (claim["metric"], float(claim["amount"])) == ("exchange_rate", 1.7)
    out = tmp_path / "fx"
    import_dataset("wdi", WDI_FILE, out)
    assert main(["diff", str(out), str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["revised"], summary["added"], summary["withdrawn"]) == (0, 0, 0)
