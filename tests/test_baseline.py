"""The baseline file: checked on reading, comments and order kept on writing, written atomically."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reconcile.ci.baseline import (
    AcceptedValue,
    BaselineEntry,
    dump_baseline,
    new_baseline,
    put_entry,
    read_baseline,
    remove_entry,
    write_baseline,
)
from reconcile.compare.groups import fingerprint
from reconcile.core.errors import InputError

DATA = Path("tests/data/check")
BAD = sorted((DATA / "bad_baselines").glob("*.yaml"))


def _expected(path: Path) -> tuple[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    message = lines[0].removeprefix("# expect: ").replace("{path}", str(path))
    return message, lines[1].removeprefix("# hint: ")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_baseline_is_refused_with_file_line_and_fix(path: Path) -> None:
    message, hint = _expected(path)
    with pytest.raises(InputError) as caught:
        read_baseline(path)
    assert str(caught.value) == message
    assert caught.value.hint == hint


def test_missing_baseline_carries_the_hint() -> None:
    with pytest.raises(InputError) as caught:
        read_baseline(Path("nowhere/accepted.yaml"), hint="create it")
    assert str(caught.value) == "nowhere/accepted.yaml: baseline not found"
    assert caught.value.hint == "create it"


@pytest.mark.parametrize("path", [Path("claims/accepted.yaml"), DATA / "claims/accepted.yaml"])
def test_reading_and_writing_unchanged_gives_the_same_bytes(path: Path) -> None:
    baseline = read_baseline(path)
    assert dump_baseline(baseline) == path.read_text(encoding="utf-8")


def test_seed_baseline_accepts_the_seed_discrepancies_with_reasons() -> None:
    entries = read_baseline(Path("claims/accepted.yaml")).entries
    # The two 2009 figures, and the active personnel a stated share implies (issue 11).
    assert set(entries) == {"c15ce58b329b6c19", "69d743b6bfd1c4d5", "1de1e63f097c9b3e"}
    assert {e.reason for e in entries.values()} == {"different-definition", "under-review"}
    assert entries["1de1e63f097c9b3e"].reason == "under-review"
    azernews = entries["c15ce58b329b6c19"]
    assert azernews.sources == ("AzerNEWS", "SIPRI")
    assert azernews.values == (
        AcceptedValue("seed-001-011", "AzerNEWS", "US$2.46 billion"),
        AcceptedValue("seed-001-012", "SIPRI", "only $1.473 billion"),
    )


def _entry(note: str) -> BaselineEntry:
    return BaselineEntry(
        fingerprint=fingerprint("AZE", "defence_budget", "2025", "Herald", "Gazette"),
        entity="AZE",
        metric="defence_budget",
        period="2025",
        sources=("Gazette", "Herald"),
        values=(AcceptedValue("h-1", "Herald", "$6.8 billion"),),
        reason="under-review",
        note=note,
        accepted_by="tester",
        accepted_on="2026-11-23",
    )


def test_put_entry_appends_then_replaces_in_place(tmp_path: Path) -> None:
    path = tmp_path / "accepted.yaml"
    shutil.copy(DATA / "claims/accepted.yaml", path)
    before = path.read_text(encoding="utf-8")
    baseline = read_baseline(path)
    put_entry(baseline, _entry("First note."))
    write_baseline(baseline)
    appended = path.read_text(encoding="utf-8")
    assert appended.startswith(before)
    assert appended[len(before) :] == (
        "  - fingerprint: 0e7f1df8c3b3c0a4\n"
        "    entity: AZE\n"
        "    metric: defence_budget\n"
        '    period: "2025"\n'
        "    sources: [Gazette, Herald]\n"
        "    values:\n"
        '      - {claim: h-1, source: Herald, value: "$6.8 billion"}\n'
        "    reason: under-review\n"
        '    note: "First note."\n'
        "    accepted_by: tester\n"
        "    accepted_on: 2026-11-23\n"
    ).replace("0e7f1df8c3b3c0a4", _entry("").fingerprint)
    baseline = read_baseline(path)
    put_entry(baseline, _entry("Second note."))
    write_baseline(baseline)
    replaced = path.read_text(encoding="utf-8")
    assert replaced == appended.replace("First note.", "Second note.")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_remove_entry_keeps_the_other_entries_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "accepted.yaml"
    shutil.copy(DATA / "claims/accepted.yaml", path)
    baseline = read_baseline(path)
    remove_entry(baseline, "ccc8abe6ab60c23c")
    write_baseline(baseline)
    text = path.read_text(encoding="utf-8")
    assert "ccc8abe6ab60c23c" not in text
    assert "# A misprint, kept as evidence of what the Herald printed." in text
    assert list(read_baseline(path).entries) == ["4ca3cde8c7164bcb", "43526efd051edf62"]


def test_new_baseline_starts_with_the_explanation(tmp_path: Path) -> None:
    baseline = new_baseline(tmp_path / "accepted.yaml")
    put_entry(baseline, _entry("A note."))
    write_baseline(baseline)
    text = (tmp_path / "accepted.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Accepted discrepancies: contradictions editors have reviewed")
    assert "version: 1\naccepted:\n  - fingerprint: " in text
    assert list(read_baseline(tmp_path / "accepted.yaml").entries) == [_entry("").fingerprint]
