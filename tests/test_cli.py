"""The command line: every command documented, helpful errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.__main__ import main
from reconcile.cli.main import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    return sorted(action.choices)  # type: ignore[arg-type]


def test_there_are_commands() -> None:
    assert {"parse", "report", "validate", "check", "accept", "extract", "eval-extract"} <= set(
        commands()
    )


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    assert f"reconcile {command}" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_with_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out
    assert "exit codes:" in out or "0 " in out


def test_misspelt_command_suggests_the_right_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reprot"]) == 2
    err = capsys.readouterr().err
    assert "hint: did you mean 'report'?" in err


def test_parse_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "US$2.46 billion", "banana", "--format", "json"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    for key in (
        "text",
        "ok",
        "amount",
        "low",
        "high",
        "unit",
        "qualifier",
        "rank_of",
        "normalized",
        "findings",
    ):
        assert key in first
    assert first["low"] == pytest.approx(2.455e9) and first["unit"] == "USD"
    assert second["ok"] is False and second["findings"][0]["code"] == "unparseable"


def test_parse_needs_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == 2
    assert capsys.readouterr().err == (
        "ERROR no figures given\nhint: pass figures as arguments or --file FILE\n"
    )


def test_parse_reads_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = tmp_path / "figures.txt"
    figures.write_text("59th among 127 countries\n\n1,000 manat\n", encoding="utf-8")
    assert main(["parse", "--file", str(figures), "--year", "2004", "--format", "json"]) == 0
    rank, manat = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (rank["amount"], rank["rank_of"], rank["percentile"]) == (59, 127, 46.5)
    assert manat["normalized"]["unit"] == "AZN"
    assert manat["normalized"]["amount"] == pytest.approx(0.2)


def test_bad_basis_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "$1", "--basis", "real"]) == 2
    assert "use constant-YEAR" in capsys.readouterr().err


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "tests/data/golden/claims"]) == 2  # one unparseable value
    assert main(["validate", "tests/data/check/claims"]) == 0
