"""The catalogue of bad inputs: each tests/data/bad/<class>/ folder holds the input files and an
expected.yaml (command, exit code, the exact lines a user sees). No bad input may give a
traceback, exit 1 (CI reads 1 as "contradiction found"), or put a control code on a terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reconcile.__main__ import main

BAD = Path(__file__).parent / "data" / "bad"
CLASSES = sorted(p.parent.name for p in BAD.glob("*/expected.yaml"))


@pytest.mark.parametrize("name", CLASSES)
def test_bad_input_gives_its_message_and_exit_code(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = BAD / name
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    code = main(expected["command"])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    lines = output.splitlines()
    for message in expected["message"]:
        assert any(message in line for line in lines), f"{message!r} not in:\n{output}"
    assert code == expected["exit"], output
    assert "Traceback" not in output
    assert "internal error" not in output
    assert "\x1b" not in output and "\x07" not in output


def test_the_catalogue_covers_every_reproducer_of_issue_15() -> None:
    reproducers = {
        "missing-entity", "missing-metric", "missing-period", "missing-value", "missing-source",
        "missing-entity-check", "bare-mapping", "line-superscript", "line-superscript-validate",
        "line-word", "rank-zero-field", "documents-list", "csv-short-row",
        "csv-unterminated-quote", "csv-huge-field", "csv-quote-in-header", "baseline-bad-date",
        "baseline-empty",
        "baseline-version-99", "out-not-writable", "extract-out-not-writable",
        "parse-file-not-utf8", "rates-not-utf8", "yaml-alias-bomb", "yaml-duplicate-key",
        "value-stacked-scale", "value-too-large", "extract-pdf", "extract-binary",
        "extract-bad-json", "eval-extract-outside-seeds", "value-control-codes",
        "out-has-reports",
    }  # fmt: skip
    assert reproducers <= set(CLASSES), reproducers - set(CLASSES)
