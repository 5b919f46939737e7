"""Finding figures and drafting claims (reconcile.extract) and the extract command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue, read_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.periods import find_periods
from reconcile.extract.readers import parse_document, read_document
from reconcile.extract.sentences import split_sentences
from reconcile.figures.running_text import find_figures

DATA = Path(__file__).parent / "data" / "extract"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CATALOGUE = read_catalogue([DATA / "catalogue.yaml"])


def figures_in(text: str) -> list[str]:
    return [parsed.text for _, _, parsed in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It spent US$2.46 billion.", ["US$2.46 billion"]),
        ("nearly $5 billion in sales", ["nearly $5 billion"]),
        ("The country spent $22,7bn on it.", ["$22,7bn"]),
        ("a 23 percent increase", ["23 percent"]),
        ("8.1 billion manat to defense", ["8.1 billion manat"]),
        ("over one million tons of oil", ["over one million tons"]),
        ("It ranked 59th among 127 countries.", ["59th among 127 countries"]),
        ("the second-largest importer", ["second-largest importer"]),
        ("around 14–15 Mi-24, 12–13 Mi-8 and 7 Mi-2.", ["around 14–15", "12–13", "7"]),
        ("a range of up to 6000 km", ["up to 6000 km"]),
        ("has three branches", ["three"]),
        ("thousands of officers have been trained", ["thousands"]),
    ],
)
def test_finds_figures(text: str, expected: list[str]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was created on 26 June 1918.",  # calendar date
        "By July 15, 2023 the visit ended.",  # calendar date
        "Azerbaijan joined in 1994.",  # a year used as a date
        "From 2016 to 2020, nothing.",  # a span of years
        "The 1st Army Corps and the 641st unit.",  # ordinals that name units
        "the 18–110 military unit of mechanized infantry",  # a number that names a unit
        "MiG-29, S-300, T-80's, SA-13 and 9A52 systems",  # model numbers
        "a dozen 300mm rockets and 107-mm rockets, Cobra 4×4",  # calibres
        "See p. 184 and Project 722, P 223.",  # citation metadata and designations
        "a two-day official visit",  # durations that describe the story
        "over the past 15 years",  # a time window
        "one of the reasons",  # a pronoun
        "Triton 2 at their disposal",  # part of a name
    ],
)
def test_skips_what_is_not_a_figure(text: str) -> None:
    assert [f for f in figures_in(text) if f != "a dozen"] == []


def test_splits_sentences_but_not_abbreviations() -> None:
    text = "Gen. Smith met Dr. Jones. It cost $5 billion.\nNext line"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Gen. Smith met Dr. Jones.",
        "It cost $5 billion.",
        "Next line",
    ]


PUBLISHED = date(2026, 3, 13)


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        ("spent in 2009", ["2009"]),
        ("in 2009-2016", ["2009-2016"]),
        ("in 1918–20", ["1918-1920"]),
        ("From 2016 to 2020, purchases", ["2016-2020"]),
        ("between 2005 and 2010", ["2005-2010"]),
        ("for the periods 2014-2018 and 2018-2022", ["2014-2018", "2018-2022"]),
        ("From January through May 2023", ["2023-01..2023-05"]),
        ("In January–June 2024", ["2024-H1"]),
        ("in the first half of 2024", ["2024-H1"]),
        ("As of March 2011", ["2011-03"]),
        ("worth 1.4 billion manat last year", ["2025"]),
        ("the budget for next year", ["2027"]),
        ("this year", ["2026"]),
        ("only $1.473 billion was spent in that year", ["2009"]),
        ("Since 1992, they signed", ["1992-2026"]),
    ],
)
def test_finds_periods(sentence: str, periods: list[str]) -> None:
    found = find_periods(sentence, PUBLISHED, "2009")
    assert [p for m in found for p in m.periods] == periods


def _drafts(name: str) -> dict[str, list[Draft]]:
    drafts: dict[str, list[Draft]] = {}
    for draft in draft_claims(read_document(DATA / name), CATALOGUE, entity="RUR"):
        drafts.setdefault(draft.value, []).append(draft)
    return drafts


def test_drafts_from_plain_text() -> None:
    drafts = _drafts("article.txt")
    budget = drafts["3.2 billion dollars"][0]
    assert (budget.metric, budget.period, budget.source) == ("defence_budget", "2024", "FigInst")
    assert budget.entity == "RUR"
    assert budget.quote.startswith("Ruritania's defence budget for 2024")
    production = drafts["about 500 million dollars"][0]
    # last year; no authority named: the outlet, here the file name
    assert (production.period, production.source, production.source_basis) == (
        "2025",
        "article",
        "document",
    )
    spent = drafts["only $0.9 billion"][0]
    assert (spent.period, spent.source) == ("2009", "FigInst")  # in that year; X said
    assert drafts["40,000"][0].period == "2026"  # "now": as of publication
    assert drafts["over one million tons"][0].period == "2023-01..2023-05"
    assert drafts["$2.5 billion"][0].period == "2024-H1"
    rank = drafts["second-largest importer"]
    assert [(d.period, d.source) for d in rank] == [("2014-2018", "SIPRI"), ("2018-2022", "SIPRI")]
    assert not {"1", "641", "29", "300", "184", "26"} & set(drafts)


def test_drafts_from_wikitext_use_refs_and_infobox_citations() -> None:
    drafts = _drafts("wiki_pair.txt")
    active = drafts["126,000"][0]
    assert (active.metric, active.period, active.source) == ("active_personnel", "2020", "IISS")
    assert active.line == 4
    reserve = drafts["330,000"][0]
    assert (reserve.metric, reserve.source) == ("reserve_personnel", "Wikipedia")
    assert drafts["5%"][0].metric == "military_expenditure_gdp_share"
    assert drafts["220"][0].source == "Janes"  # the ref that closes the sentence
    assert drafts["2,200"][0].source == "Janes"  # a named ref reused before its definition
    assert drafts["US$2.46 billion"][0].source == "AzerNEWS"  # the ref, not the next clause
    assert drafts["only $1.473 billion"][0].source == "SIPRI"  # "according to" in the text
    assert drafts["up to 6000 km"][0].unit == "kilometer"  # {{convert}} expanded


def test_html_unattributed_figures_credit_the_publisher() -> None:
    drafts = _drafts("article.html")
    assert drafts["$4.2 billion"][0].source == "Example News"
    assert drafts["$4.2 billion"][0].period == "2025"


def test_undated_document_without_years_is_undated() -> None:
    document = parse_document("x.txt", "The country has three car plants.")
    (draft,) = draft_claims(document, CATALOGUE)
    assert draft.period == "undated"


def test_an_undecided_metric_is_provisional_from_what_the_figure_counts() -> None:
    document = parse_document("x.txt", "13 March 2026\n\nThe value was 42 widgets.")
    (draft,) = draft_claims(document, CATALOGUE)
    assert (draft.metric, draft.metric_phrase) == ("unreviewed_count_widget", "widget")
    assert draft.candidates == []


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from reconcile.__main__ import main

    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "article.txt")
    code, out, _ = run(
        ["extract", path, "--format", "json", "--claims", str(DATA / "catalogue.yaml")], capsys
    )
    assert code == 0
    drafts = json.loads(out)
    keys = {"document", "value", "amount", "low", "high", "unit", "metric", "entity", "period",
            "source", "quote", "span", "confidence"}  # fmt: skip
    assert keys <= set(drafts[0])
    assert drafts[0]["document"] == path


def test_extract_yaml_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts.yaml"
    args = ["extract", str(DATA / "article.txt"), "--out", str(out)]
    assert run(args, capsys)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# drafted by reconcile extract")
    code, _, err = run(args, capsys)
    assert code == 2
    assert (
        err == f"ERROR {out} exists\nhint: pass --force to overwrite it, or choose another --out\n"
    )
    assert run([*args, "--force"], capsys)[0] == 0


def test_extract_never_overwrites_a_curated_claim_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    curated = tmp_path / "000.yaml"
    curated.write_text("document:\n  id: x\nclaims: []\n", encoding="utf-8")
    code, _, err = run(
        ["extract", str(DATA / "article.txt"), "--out", str(curated), "--force"], capsys
    )
    assert code == 2
    assert err.startswith(f"ERROR {curated} is a curated claim file; drafts never overwrite one")


def test_extract_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["extract", str(DATA / "article.txt"), "--published", "13/03/2026"], capsys)
    assert code == 2
    assert err == "ERROR bad --published '13/03/2026'\nhint: write the date as YYYY-MM-DD\n"


def test_seed_drafts_have_the_key_figures() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found: {SEEDS}")
    claims = Path(__file__).resolve().parents[1] / "claims"
    catalogue = load_catalogue(claims)
    drafts = draft_claims(read_document(SEEDS / "001_e4fee655deeefa93.txt"), catalogue)
    by_value = {(d.value, d.period, d.source) for d in drafts}
    assert ("US$2.46 billion", "2009", "AzerNEWS") in by_value
    assert ("only $1.473 billion", "2009", "SIPRI") in by_value
    assert ("$1.5 billion", "2009", "IISS") in by_value
    assert ("126,000", "2020", "IISS") in by_value
    assert ("59th among 127 countries", "2017", "GlobalFirepower") in by_value


def test_a_period_in_another_clause_binds_to_the_figure_of_that_clause() -> None:
    drafts = _drafts("period_clauses.txt")
    periods = {value: [d.period for d in found] for value, found in drafts.items()}
    # "another 4 corvettes were bought between 2015 and 2018": the span is that clause's.
    assert periods["4"] == ["2015-2018"]
    assert periods["12"] == periods["30"] == periods["9"] == ["2026"]
    # A leading year still scopes over a later clause.
    assert periods["5.5 billion dollars"] == periods["12 percent"] == ["2024"]
    # A parenthetical marker dates the whole enumeration.
    assert periods["3"] == periods["6"] == periods["5"] == ["2019"]


def test_undated_encyclopedia_figures_take_a_year_from_their_paragraph() -> None:
    drafts = _drafts("nearby_years.wiki")
    periods = {
        value: [(d.period, d.period_basis) for d in found] for value, found in drafts.items()
    }
    assert periods["14"] == [("2012", "citation")]
    # No ref of its own: the ref just before it in the paragraph speaks for it.
    assert periods["six"] == [("2012", "paragraph-citation")]
    # No ref in the paragraph: the nearest stated year; a date gives its year, not its month.
    assert periods["40"] == periods["300"] == [("2004", "context")]
    # A ref without a date: the year stated in the next sentence.
    assert periods["12"] == [("2011", "context")]


def test_a_cited_web_address_dates_the_work_when_it_has_no_date() -> None:
    drafts = _drafts("cited_years.wiki")
    assert drafts["500"][0].period == "2007"  # /news/2007/05/: not the archive's 2010
    assert drafts["80"][0].period == "2009"  # its own date wins over its address


def test_a_year_to_date_is_the_part_of_the_year_before_the_report() -> None:
    drafts = _drafts("to_date.txt")
    assert drafts["76"][0].period == drafts["91"][0].period == "2011-01..2011-11"
    assert drafts["62"][0].period == "2010"
    assert drafts["30"][0].period == "2009"  # an earlier year is complete


def test_a_picture_caption_is_dated_by_the_year_in_its_file_name() -> None:
    drafts = _drafts("nearby_years.wiki")
    assert (drafts["18"][0].period, drafts["18"][0].period_basis) == ("2013", "caption")
    assert drafts["4"][0].period_basis != "caption"  # no year in the file name


def test_a_ref_that_names_a_dated_work_before_its_template_speaks_for_that_work() -> None:
    drafts = _drafts("cited_years.wiki")
    assert drafts["7"][0].period == "2009"  # "dated 18 June 2009", not the almanac's 2008


def test_progress_bar_goes_to_stderr_on_a_tty(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    from reconcile.report.inputs import progress_bar as _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    paths = [Path(f"doc{i}.txt") for i in range(6)]
    assert list(_progress(paths)) == paths
    assert "drafting" in terminal.getvalue()
    assert capsys.readouterr().out == ""
    assert _progress(paths[:2]) == paths[:2]  # short runs: no bar


def test_extract_outside_a_project_uses_the_packaged_catalogue_and_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["extract", str(DATA / "draft_rules.txt")], capsys)
    assert code == 0
    assert err == (
        "note: no catalogue in claims/: using the general catalogue shipped in reconcile/data "
        "(pass --claims DIR for a project's)\n"
    )
    assert 'metric: "defence_budget"' in out
    assert 'source: "finance ministry (ARM)"' in out and 'via: "Example Wire"' in out
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "rules.yaml").write_text(out, encoding="utf-8")
    code, out, _ = run(["validate", "drafts"], capsys)
    # The two bare "$" figures say which dollar they assumed; nothing else is said.
    assert code == 0 and out.endswith(": 0 errors, 2 warnings\n")
    assert out.count("warning assumed-currency: a bare '$'") == 2
