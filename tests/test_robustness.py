"""Bad input never crashes, never goes silent, never loses an editor's work (issue 15)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reconcile.__main__ import main
from reconcile.core.json_text import dump_json
from reconcile.figures.grammar import parse_value
from reconcile.report.hygiene import csv_cell, markdown_cell, terminal_text
from reconcile.report.writer import recover_reports, write_reports

BAD = Path(__file__).parent / "data" / "bad"
CATALOGUE = BAD / "claims"


def test_an_alias_bomb_is_refused_in_under_a_second_and_100_mb(tmp_path: Path) -> None:
    bomb = BAD / "yaml-alias-bomb" / "claims" / "c.yaml"
    program = textwrap.dedent(
        f"""
        import resource, time
        from pathlib import Path
        from reconcile.claims.yaml_io import read_yaml
        from reconcile.core.errors import InputError
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        try:
            read_yaml(Path({str(bomb)!r}))
        except InputError as error:
            print("refused", error)
        print(time.perf_counter() - start)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    refused, seconds, grown_kb = result.stdout.splitlines()
    assert refused.startswith("refused ") and "alias bomb" in refused
    assert float(seconds) < 1.0
    assert int(grown_kb) < 100 * 1024


def _conflicting_claims(folder: Path, count: int) -> None:
    """`count` entities, each with two conflicting figures: `count` fingerprints."""
    folder.mkdir()
    for name in ("metrics.yaml", "sources.yaml"):
        (folder / name).write_text((CATALOGUE / name).read_text())
    claims = []
    for n in range(count):
        for source, value in (("SIPRI", "$1.5 billion"), ("IISS", "$2.5 billion")):
            claims.append(
                f"  - {{id: e{n}-{source}, entity: slug-{n}, metric: military_expenditure, "
                f'period: "2009", value: "{value}", source: {source}}}'
            )
    text = "document: {id: d, file: d.txt}\nclaims:\n" + "\n".join(claims) + "\n"
    (folder / "c.yaml").write_text(text)


def test_ten_concurrent_accepts_of_different_fingerprints_all_land(tmp_path: Path) -> None:
    from reconcile.ci.baseline import read_baseline
    from reconcile.ci.check import check

    claims = tmp_path / "claims"
    _conflicting_claims(claims, 10)
    baseline = tmp_path / "accepted.yaml"
    items = check([claims], baseline, allow_missing=True).items
    fingerprints = sorted(item.fingerprint for item in items)
    assert len(fingerprints) == 10
    env = {**os.environ, "NO_COLOR": "1", "RECONCILE_USER": "tester"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "reconcile", "accept", fp, str(claims), "--baseline",
             str(baseline), "--reason", "other", "--note", f"note {fp}"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for fp in fingerprints
    ]  # fmt: skip
    outcomes = [(run.communicate(timeout=300)[1], run.returncode) for run in runs]
    assert all(code == 0 for _, code in outcomes), outcomes
    assert sorted(read_baseline(baseline).entries) == fingerprints


def test_update_baseline_rereads_the_file_under_the_lock(tmp_path: Path) -> None:
    """An entry accepted while a check ran is kept when that check updates the baseline."""
    import datetime

    from reconcile.ci.baseline import read_baseline
    from reconcile.ci.check import accept, check, update_baseline

    claims = tmp_path / "claims"
    _conflicting_claims(claims, 2)
    baseline = tmp_path / "accepted.yaml"
    result = check([claims], baseline, allow_missing=True)  # sees an empty baseline
    first = result.items[0].fingerprint
    accept(first, "known-error", "one is wrong", "editor", [claims], baseline)
    update_baseline(result, "ci", datetime.date(2026, 1, 1))
    entries = read_baseline(baseline).entries
    assert entries[first].reason == "known-error"  # not overwritten as under-review
    assert len(entries) == 2


def test_csv_cells_never_start_a_formula_after_any_line_break() -> None:
    attack = "harmless text\r=cmd|' /C calc'!A0"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(["x", csv_cell(attack), csv_cell("=1+1")])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert len(rows) == 1
    for text in buffer.getvalue().replace("\r", "\n").splitlines():
        assert not text.startswith(("=", "+", "-", "@"))
    assert rows[0][2] == "'=1+1"
    assert csv_cell("a\n@SUM(A1)") == "a @SUM(A1)"
    assert csv_cell(-5) == "-5" and csv_cell(1.5) == "1.5"


def test_markdown_cells_escape_pipes_html_links_and_line_breaks() -> None:
    assert markdown_cell("a|b") == "a\\|b"
    assert markdown_cell("x\r\ny\rz") == "x y z"
    assert markdown_cell("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)>"
    assert markdown_cell("[click](http://evil)") == "\\[click\\](http://evil)"
    assert markdown_cell("back\\|slash") == "back\\\\\\|slash"


def test_terminal_text_strips_escape_sequences_and_controls_but_keeps_text() -> None:
    text = (
        "\x1b]0;title\x07\x1b[31mred\x1b[0m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b2J\x00ok"
    )
    assert terminal_text(text) == "red link ok"
    assert terminal_text("plain, ünïcode ₼ and\nlines") == "plain, ünïcode ₼ and\nlines"


def test_markdown_report_escapes_claim_ids_and_values(tmp_path: Path) -> None:
    from reconcile.report.formats import render_markdown

    claims = tmp_path / "claims"
    claims.mkdir()
    for name in ("metrics.yaml", "sources.yaml"):
        (claims / name).write_text((CATALOGUE / name).read_text())
    (claims / "c.yaml").write_text(
        "document: {id: d, file: d.txt}\nclaims:\n"
        '  - {id: "a|b", entity: AZE, metric: military_expenditure, period: "2009", '
        'value: "$1.5 billion", source: SIPRI, quote: "<script>x</script>\\rmore"}\n'
        '  - {id: "c", entity: AZE, metric: military_expenditure, period: "2009", '
        'value: "$2.5 billion", source: IISS}\n'
    )
    from reconcile.compare.reconciliation import build_report, reconcile_claims

    text = render_markdown(build_report(reconcile_claims([claims])))
    assert "a\\|b" in text and "| a|b" not in text
    assert "<script>" not in text and "\r" not in text


def test_report_sets_are_swapped_in_whole_and_need_force(tmp_path: Path) -> None:
    report = {"x": 1}
    out = tmp_path / "reports"
    out.mkdir()
    (out / "README.md").write_text("kept\n")
    previous_umask = os.umask(0o022)
    rendered = {"markdown": "# one\n", "json": "{}\n", "csv": "a\n", "html": "<p>\n"}
    import reconcile.report.writer as writer

    original = writer.render_report
    writer.render_report = lambda _report, fmt: rendered[fmt]  # type: ignore[assignment]
    try:
        write_reports(report, out)
        with pytest.raises(Exception, match="already holds a report"):
            write_reports(report, out)
        rendered["markdown"] = "# two\n"
        write_reports(report, out, force=True)
    finally:
        writer.render_report = original
        os.umask(previous_umask)
    assert (out / "report.md").read_text() == "# two\n"
    assert (out / "README.md").read_text() == "kept\n"
    assert oct((out / "report.md").stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]  # no staging left


def test_a_run_killed_mid_swap_is_recovered_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    backup = tmp_path / ".reports.previous-abc"
    backup.mkdir()
    (backup / "report.md").write_text("old complete set\n")
    staging = tmp_path / ".reports.staging-def"
    staging.mkdir()
    (staging / "report.md").write_text("half")
    recover_reports(out)
    assert (out / "report.md").read_text() == "old complete set\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_a_killed_report_run_leaves_the_old_set_whole(tmp_path: Path) -> None:
    """kill -9 while rendering: the old report set is untouched, and nothing is left over."""
    out = tmp_path / "reports"
    assert main(["report", str(BAD / "missing-entity" / "claims"), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    program = textwrap.dedent(
        f"""
        import os, signal
        import reconcile.report.writer as writer
        real = writer.write_text_atomic
        calls = []
        def dying(path, text):
            calls.append(path)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            real(path, text)
        writer.write_text_atomic = dying
        from reconcile.__main__ import main
        main(["report", {str(BAD / "bare-mapping" / "claims")!r}, "--out", {str(out)!r},
              "--force", "--format", "json"])
        """
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=120)
    assert run.returncode == -9
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert main(["report", str(BAD / "bare-mapping" / "claims"), "--out", str(out), "--force"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("$999 trillion trillion", "stacked-scale"),
        ("9" * 400, "too-large"),
        ("0th of 0 countries", "impossible-rank"),
        ("3rd of 0", "impossible-rank"),
    ],
)
def test_figures_that_cannot_be_real_are_refused_without_numbers(text: str, code: str) -> None:
    parsed = parse_value(text)
    assert not parsed.ok
    assert parsed.amount is None and parsed.low is None and parsed.high is None
    assert code in [f.code for f in parsed.findings]


@pytest.mark.parametrize("text", ["nearly 5110-4000", "nearly 4000-5110", "about 10-20"])
def test_the_amount_lies_inside_its_own_interval(text: str) -> None:
    parsed = parse_value(text)
    assert parsed.ok and parsed.low is not None and parsed.high is not None
    assert parsed.amount is not None and parsed.low <= parsed.amount <= parsed.high


def test_json_output_never_holds_nan_or_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        dump_json({"a": float("inf"), "b": [float("nan"), 1.5]}) == '{"a": null, "b": [null, 1.5]}'
    )
    main(["parse", "9" * 400, "more than 5", "--format", "json"])
    for line in capsys.readouterr().out.splitlines():
        json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


def test_an_unexpected_exception_is_exit_2_naming_the_claim(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reconcile.normalize.claim_values as claim_values

    def broken(text: str, **_: object) -> None:
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(claim_values, "parse_value", broken)
    code = main(["report", str(BAD / "missing-entity" / "claims")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "ERROR internal error, please report: ZeroDivisionError: float division by zero "
        "(while processing claim 'g-1', value '$1.5 billion')"
    )
