"""Articles as inputs: `report` drafts them on the fly, `extract --out FOLDER` one file each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.cli.main import run
from reconcile.core.errors import InputError
from reconcile.extract.folders import split_inputs

ARTICLE = """title: Budget news
published: 2021-03-02

Ruritania's defence budget for 2021 is 12.5 billion dollars, the finance ministry said.
"""
OTHER = """title: Budget news again
published: 2021-05-02

Ruritania will spend $14 billion on defence in 2021, according to the defence ministry.
"""


def _articles(folder: Path) -> Path:
    (folder / "docs" / "deeper").mkdir(parents=True)
    (folder / "docs" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "docs" / "deeper" / "two.txt").write_text(OTHER, encoding="utf-8")
    return folder / "docs"


def test_split_inputs_reads_folders_recursively_and_refuses_strange_files(tmp_path: Path) -> None:
    docs = _articles(tmp_path)
    inputs = split_inputs([docs, Path("claims")])
    assert [p.name for p in inputs.documents] == ["two.txt", "one.txt"]
    assert inputs.claims == [Path("claims")]
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="not a claim file or an article"):
        split_inputs([tmp_path / "x.pdf"])


def test_report_on_articles_marks_drafted_rows_unreviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _articles(tmp_path)
    assert run(["report", str(docs), "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    claims = [c for g in report["groups"] for c in g["claims"]]
    assert len(claims) >= 2
    assert all(c["reviewed"] is False for c in claims)
    # Each drafted row names its article and the line in it, not a temporary file.
    assert {Path(c["file"]).name for c in claims} == {"one.txt", "two.txt"}
    assert all(c["file_line"] == 4 for c in claims)
    assert "drafted 2 unreviewed claims from 2 articles" in captured.err


def test_report_mixes_reviewed_claims_and_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _articles(tmp_path)
    assert run(["report", "claims", str(docs / "one.txt"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    claims = [c for g in report["groups"] for c in g["claims"]]
    reviewed = {c["reviewed"] for c in claims if c["file"].startswith("claims")}
    assert reviewed == {True}
    assert [c["reviewed"] for c in claims if c["file"].endswith("one.txt")] == [False]


def test_extract_to_a_folder_writes_one_file_per_article_and_never_a_reviewed_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _articles(tmp_path)
    out = tmp_path / "drafts"
    assert run(["extract", str(docs), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["one.yaml", "two.yaml"]
    # The folder reads on its own: validate finds no error, report reconciles it.
    assert run(["validate", str(out)]) == 0
    assert run(["report", str(out), "--format", "json"]) == 0
    capsys.readouterr()
    # A second extract keeps earlier drafts unless --force; a reviewed file never changes.
    reviewed = out / "one.yaml"
    text = reviewed.read_text(encoding="utf-8").split("\n", 1)[1]  # header removed: reviewed
    reviewed.write_text(text, encoding="utf-8")
    assert run(["extract", str(docs), "--out", str(out), "--force"]) == 0
    err = capsys.readouterr().err
    assert "reviewed claims are never overwritten" in err
    assert reviewed.read_text(encoding="utf-8") == text
    assert "wrote " + str(out / "two.yaml") in err
    assert run(["extract", str(docs), "--out", str(out)]) == 0
    assert "an earlier draft (pass --force" in capsys.readouterr().err


def test_preliminary_and_final_census_counts_are_stages_not_a_contradiction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "early.txt").write_text(
        "title: Census\npublished: 2022-03-01\n\n"
        "Preliminary results of the 2021 census put Ruritania's population at 2,963,900.\n",
        encoding="utf-8",
    )
    (tmp_path / "late.txt").write_text(
        "title: Census\npublished: 2022-11-20\n\n"
        "The final results of the 2021 census put Ruritania's population at 2,970,100.\n",
        encoding="utf-8",
    )
    assert run(["report", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (group,) = [g for g in report["groups"] if g["metric"] == "population"]
    assert [c["stage"] for c in group["claims"]] == ["draft", "revised"]
    assert group["verdict"] == "stage-difference"


@pytest.mark.parametrize(
    ("fmt", "mark"),
    [("table", "(unreviewed)"), ("markdown", "(unreviewed)"), ("html", "(unreviewed)"),
     ("tsv", "(unreviewed)"), ("csv", ",False,")],
)  # fmt: skip
def test_every_format_marks_drafted_rows_unreviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, mark: str
) -> None:
    docs = _articles(tmp_path)
    assert run(["report", str(docs), "--format", fmt, "--all"]) == 0
    out = capsys.readouterr().out
    assert out.count(mark) >= 2
    # Reviewed claims carry no mark.
    assert run(["report", "claims", "--format", fmt, "--all"]) == 0
    assert mark not in capsys.readouterr().out


def test_an_increment_is_not_set_against_a_level_as_a_contradiction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text(
        "title: a\npublished: 2021-02-01\n\n"
        "Ruritania's defence budget for 2021 rose by $2 billion to $50 billion.\n",
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(
        "title: b\npublished: 2021-03-01\n\n"
        "Parliament gave the armed forces an additional $3 billion for 2021, the ministry said.\n",
        encoding="utf-8",
    )
    assert run(["report", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (group,) = [
        g for g in report["groups"] if g["metric"] == "defence_budget" and g["period"] == "2021"
    ]
    scopes = {c["value"]: c["scope"] for c in group["claims"]}
    assert scopes["$2 billion"] == scopes["an additional $3 billion"] == "the increment only"
    assert scopes["$50 billion"] is None
    assert group["verdict"] != "conflict"
    assert {c["kind"] for c in group["conflicts"]} <= {"definition-difference"}


def test_a_capitals_population_is_the_citys_and_a_difference_is_an_increment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "census.txt").write_text(
        "title: Census\npublished: 2022-06-30\n\n"
        "The population of Bulgaria fell to 6.52 million in 2021, the census showed.\n"
        "That is 844,000 fewer people than in 2011.\n"
        "About 1.3 million people live in Sofia.\n",
        encoding="utf-8",
    )
    assert run(["report", str(tmp_path), "--format", "json", "--all"]) == 0
    report = json.loads(capsys.readouterr().out)
    where = {c["value"]: (g["entity"], c["scope"]) for g in report["groups"] for c in g["claims"]}
    assert where["6.52 million"] == ("BGR", None)
    assert where["844,000"] == ("BGR", "the increment only")
    assert where["About 1.3 million"] == ("sofia", None)  # the city's, not the country's
    assert all(g["verdict"] != "conflict" for g in report["groups"])


def test_a_rising_death_toll_across_reports_is_a_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {
        "one.txt": (
            "2023-02-06",
            "A magnitude 6.1 quake in Ruritania killed more than 130 people.",
        ),
        "two.txt": ("2023-02-08", "The death toll from the floods in Ruritania rose to 589."),
        "three.txt": (
            "2023-02-09",
            "Officials in Ruritania said 614 people had died in the floods.",
        ),
    }
    for name, (published, sentence) in texts.items():
        (tmp_path / name).write_text(
            f"title: t\npublished: {published}\n\n{sentence}\n", encoding="utf-8"
        )
    assert run(["report", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (group,) = [g for g in report["groups"] if g["metric"] == "people_killed"]
    assert len(group["claims"]) == 3  # the magnitude is a reading, not a toll
    assert any(g["metric"] == "unreviewed_count_magnitude" for g in report["groups"])
    assert group["verdict"] == "revision"
    assert {c["kind"] for c in group["conflicts"]} == {"revision"}


def test_a_report_on_claims_alone_imports_no_extraction() -> None:
    """The drafting machinery is loaded only when an article is among the inputs."""
    import subprocess
    import sys

    code = (
        "import sys, io, contextlib\n"
        "from reconcile.cli.main import run\n"
        "quiet = io.StringIO()\n"
        "with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):\n"
        "    run(['report', 'claims'])\n"
        "print('reconcile.extract.drafts' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_restatement_against_another_texts_agreeing_original_is_a_conversion_date_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text(
        "title: a\npublished: 2024-09-30\n\n"
        "Russia plans to spend 12.1 trillion roubles ($130 billion) on defence in 2025.\n",
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(
        "title: b\npublished: 2024-10-02\n\nRussia's 2025 defence budget is 12.1 trillion "
        "roubles.\n",
        encoding="utf-8",
    )
    assert run(["report", str(tmp_path), "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    (group,) = [g for g in report["groups"] if g["metric"] == "defence_budget"]
    values = {c["id"]: c["value"] for c in group["claims"]}
    causes = {
        frozenset((values[c["claim_a"]], values[c["claim_b"]])): c["cause"]
        for c in group["conflicts"]
    }
    assert causes[frozenset(("$130 billion", "12.1 trillion roubles"))] == "conversion-date"


def test_a_figure_implied_by_growth_is_no_contradiction_with_a_multi_year_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text(
        "title: a\npublished: 2025-12-20\n\nJapan approved a 9.1 trillion yen defence budget for "
        "2026, up 9% from 2025, as it pursues a five-year 43 trillion yen buildup.\n",
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(
        "title: b\npublished: 2025-03-01\n\nJapan's defence budget for 2025 is 8.4 trillion "
        "yen, part of a five-year 43 trillion yen plan.\n",
        encoding="utf-8",
    )
    assert run(["report", str(tmp_path), "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    kinds = {c["kind"] for g in report["groups"] for c in g["conflicts"] if g["period"] == "2025"}
    assert "contradiction" not in kinds


def test_an_html_tables_rows_and_column_headers_say_whose_figure_and_what(
    tmp_path: Path,
) -> None:
    from reconcile.claims.catalogue import load_catalogue
    from reconcile.extract.drafts import draft_claims
    from reconcile.extract.readers import read_document

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2025-02-10'></head><body>"
        "<article><h1>Nordic defence budgets</h1><p>The Nordic states all plan to raise their "
        "defence spending in 2026, the ministries said on Monday.</p><table><tr><th>Country</th>"
        "<th>2026 budget</th><th>Share of GDP</th></tr><tr><td>Finland</td><td>€6.8 billion"
        "</td><td>2.4%</td></tr><tr><td>Norway</td><td>NOK 110 billion</td><td>2.2%</td></tr>"
        "</table></article></body></html>",
        encoding="utf-8",
    )
    drafts = draft_claims(read_document(page), load_catalogue(None))
    rows = {d.value: (d.entity, d.metric, d.period) for d in drafts}
    assert rows["€6.8 billion"] == ("FIN", "defence_budget", "2026")
    assert rows["NOK 110 billion"] == ("NOR", "defence_budget", "2026")
    assert rows["2.4%"][:2] == ("FIN", "military_expenditure_gdp_share")
    assert rows["2.2%"][:2] == ("NOR", "military_expenditure_gdp_share")


def test_a_wikitext_tables_column_headers_name_its_cells(tmp_path: Path) -> None:
    from reconcile.claims.catalogue import load_catalogue
    from reconcile.extract.drafts import draft_claims
    from reconcile.extract.readers import read_document

    page = tmp_path / "army.wiki"
    page.write_text(
        "The '''Finnish Defence Forces''' are the military of [[Finland]].\n\n"
        "{{Infobox national military\n| percent_GDP = 2.4% (2025)\n}}\n\n"
        '{| class="wikitable"\n! Year !! Budget !! Share of GDP\n|-\n| 2023 || €6.1 billion '
        "|| 2.3%\n|-\n| 2024 || €6.4 billion || 2.4%\n|}\n",
        encoding="utf-8",
    )
    drafts = draft_claims(read_document(page), load_catalogue(None))
    rows = {(d.value, d.period): d.metric for d in drafts}
    assert rows[("2.3%", "2023")] == rows[("2.4%", "2024")] == "military_expenditure_gdp_share"
    assert rows[("2.4%", "2025")] == "military_expenditure_gdp_share"  # the infobox key
    assert rows[("€6.1 billion", "2023")] == "defence_budget"
