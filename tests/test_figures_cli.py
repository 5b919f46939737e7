"""`reconcile parse`: exit 2 when no figure could be read, and the findings in JSON."""

from __future__ import annotations

import json

import pytest

from reconcile.__main__ import main


def test_parse_exits_2_when_no_figure_could_be_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "banana", "--format", "json"]) == 2
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["ok"] is False
    assert record["findings"][0]["code"] == "unparseable"


def test_parse_reports_unread_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "20 B-52 bombers", "PLN 50 mld", "--format", "json"]) == 0
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["amount"] == 20 and first["findings"][0]["code"] == "extra-text"
    assert second["unit"] == "PLN" and second["amount"] == 50e9
