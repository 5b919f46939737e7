"""Tests for `reconcile diff`: revisions, additions and withdrawals between two claim folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from reconcile.__main__ import main
from reconcile.datasets.diff import diff_claims, diff_folders
from reconcile.datasets.imports import import_dataset

from .test_datasets_sipri import build_workbook


def _revise(book: object) -> None:
    sheet = book["Current US$"]  # type: ignore[index]
    sheet["D7"] = 1200.0  # Azerbaijan 2009 revised from 1,183.9
    sheet["C9"] = "xxx"  # USSR 2008 withdrawn
    sheet["E7"] = 1300.0  # Azerbaijan 2010 added (was '...')


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, Path]:
    """Two imports of the small workbook: as built, and with a revision, addition, withdrawal."""
    old = import_dataset("sipri", build_workbook(tmp_path / "old.xlsx"), tmp_path / "old")
    edited = build_workbook(tmp_path / "new.xlsx", edit=_revise)
    new = import_dataset("sipri", edited, tmp_path / "new", fmt="csv")
    assert old and new
    return tmp_path / "old", tmp_path / "new"


def test_diff_finds_revision_addition_and_withdrawal(releases: tuple[Path, Path]) -> None:
    """Each constructed change is found once, with the size of the revision."""
    result = diff_folders(*releases, entities=["AZE", "SUN"])
    current = [c for c in result["changes"] if c["series"] == "current-usd"]
    assert [(c["status"], c["entity"], c["period"]) for c in current] == [
        ("revised", "AZE", "2009"),
        ("added", "AZE", "2010"),
        ("withdrawn", "SUN", "2008"),
    ]
    revised = current[0]
    assert (revised["old"]["value"], revised["new"]["value"]) == (
        "1,183.9 million USD",
        "1,200.0 million USD",
    )
    assert revised["relative_change"] == pytest.approx(1200 / 1183.9 - 1)
    assert revised["change"] == pytest.approx(16.1e6)
    assert result["summary"]["revised"] >= 1


def test_diff_command_json(releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """`reconcile diff --format json` prints the library's dict."""
    assert main(["diff", *map(str, releases), "--entity", "AZE", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == diff_folders(*releases, entities=["AZE"])


def test_diff_table_output(releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """The table shows the revision with its size, and a summary line."""
    assert main(["diff", *map(str, releases), "--entity", "AZE"]) == 0
    out = capsys.readouterr().out
    assert "1,183.9 million USD -> 1,200.0 million USD (+1.4%)" in out
    assert "revised, " in out.splitlines()[-1]


def test_diff_hand_written_folders_by_id(tmp_path: Path) -> None:
    """Two versions of a YAML claims folder are matched by claim id."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree("claims", old)
    shutil.copytree("claims", new)
    path = new / "001_wikipedia_azerbaijani_armed_forces.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('value: "US$2.46 billion"', 'value: "US$2.5 billion"', 1)
    path.write_text(text, encoding="utf-8")
    (new / "003_car_manufacturing.yaml").unlink()
    result = diff_folders(old, new)
    revised = [c for c in result["changes"] if c["status"] == "revised"]
    assert [c["old"]["id"] for c in revised] == ["seed-001-011"]
    assert revised[0]["relative_change"] == pytest.approx(2.5 / 2.46 - 1)
    withdrawn = [c for c in result["changes"] if c["status"] == "withdrawn"]
    assert withdrawn and all(c["old"]["id"].startswith("seed-003") for c in withdrawn)
    assert result["summary"]["added"] == 0


def test_diff_claims_is_pure() -> None:
    """Frames in, frame out: an unchanged figure is not listed."""
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "entity": ["AZE", "AZE"],
            "metric": ["m", "m"],
            "period": ["1", "2"],
            "source": ["S", "S"],
            "series": ["x", "x"],
            "value": ["1", "2"],
            "amount": [1.0, 2.0],
        }
    )
    assert diff_claims(frame, frame).empty
    changed = frame.assign(value=["1", "3"], amount=[1.0, 3.0])
    assert list(diff_claims(frame, changed)["status"]) == ["revised"]
