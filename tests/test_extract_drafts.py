"""Drafts that are claims (issue 10): entity, period, stage, source, provisional metric, ids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.claims.files import load_claims
from reconcile.extract.claim_yaml import render_claim_yaml
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.entities import find_places, place_of_url
from reconcile.extract.periods import find_periods
from reconcile.extract.provisional import provisional_metric
from reconcile.extract.readers import read_document
from reconcile.extract.stages import find_basis, find_stage

DATA = Path(__file__).parent / "data" / "extract"
PACKAGED = load_catalogue(DATA / "no-catalogue-here")


def _by_value(name: str, **options: str) -> dict[str, Draft]:
    document = read_document(DATA / name)
    return {d.value: d for d in draft_claims(document, PACKAGED, **options)}  # type: ignore[arg-type]


def test_header_lines_give_the_outlet_date_and_address() -> None:
    document = read_document(DATA / "draft_rules.txt")
    assert document.published == date(2021, 6, 1)
    assert document.publisher == "Example Wire (syndicated copy)"
    assert document.url == "https://www.example.am/news/1"
    assert not any(d.span[0] < document.body_start for d in draft_claims(document, PACKAGED))


def test_each_figure_is_about_the_country_its_sentence_names() -> None:
    drafts = _by_value("draft_rules.txt", entity="AZE")
    assert drafts["$1.6 billion"].entity == "ARM"  # "Armenia spent $1.6 billion", not --entity
    assert drafts["900 million lari"].entity == "GEO"
    assert (drafts["120 billion drams"].entity, drafts["120 billion drams"].entity_basis) == (
        "AZE",
        "default",
    )


def test_budget_year_part_years_and_relative_years() -> None:
    drafts = _by_value("draft_rules.txt")
    assert drafts["320 billion drams"].period == "2022"  # the budget year, not 2021
    assert drafts["120 billion drams"].period == "2021-H1"  # never the full year
    assert drafts["45"].period == "2021-01..2021-05"  # since the beginning of the year
    assert drafts["300 billion drams"].period == "2022"  # an undated budget figure
    assert drafts["12"].period == "2020"  # last year


def test_stages_from_the_words_and_restatements_share_them() -> None:
    drafts = _by_value("draft_rules.txt")
    assert drafts["320 billion drams"].stage == "draft"
    assert drafts["$640 million"].stage == "draft"
    assert drafts["$640 million"].metric == drafts["320 billion drams"].metric == "defence_budget"
    assert drafts["300 billion drams"].stage == "revised"
    assert drafts["$1.6 billion"].stage == "executed"


def test_a_named_body_is_the_source_and_the_outlet_is_via() -> None:
    drafts = _by_value("draft_rules.txt")
    budget = drafts["320 billion drams"]
    assert (budget.source, budget.via) == ("finance ministry (ARM)", "Example Wire")
    assert (drafts["12"].source, drafts["12"].via) == ("Example Wire", None)


def test_ids_are_stable_and_unique_across_documents() -> None:
    first = [d.id for d in draft_claims(read_document(DATA / "draft_rules.txt"), PACKAGED)]
    again = [d.id for d in draft_claims(read_document(DATA / "draft_rules.txt"), PACKAGED)]
    other = [d.id for d in draft_claims(read_document(DATA / "boilerplate.html"), PACKAGED)]
    assert first == again
    assert len(set(first)) == len(first)
    assert not set(first) & set(other)
    assert first[0] == "draft-rules-178"


def test_html_drafts_the_article_not_the_page_around_it() -> None:
    document = read_document(DATA / "boilerplate.html")
    assert (document.publisher, document.url) == (
        "Daily Planet",
        "https://dailyplanet.example/ruritania-budget",
    )
    drafts = {d.value: d for d in draft_claims(document, PACKAGED)}
    assert set(drafts) == {"3.4 billion dollars", "3.6 billion dollars"}  # no menu or footer
    budget = drafts["3.4 billion dollars"]
    assert (budget.period, budget.stage, budget.line) == ("2025", "approved", 12)


def test_draft_files_validate_with_their_catalogue_entries(tmp_path: Path) -> None:
    for name in ("draft_rules.txt", "boilerplate.html"):
        document = read_document(DATA / name)
        text = render_claim_yaml([document], draft_claims(document, PACKAGED), PACKAGED)
        (tmp_path / f"{Path(name).stem}.yaml").write_text(text, encoding="utf-8")
    claims = load_claims([tmp_path])
    assert [f.located() for f in claims.findings if f.level == "error"] == []
    assert claims.catalogue.metrics["unreviewed_count_bridge_repaired"].reviewed is False
    assert claims.catalogue.resolve_source("Example Wire") == "Example Wire"
    assert claims.frame["valid"].all()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Armenia ranked 100th, Azerbaijan 64th and Georgia 92nd.", ["ARM", "AZE", "GEO"]),
        ("Ankara said the Turkish army and Kyiv agreed.", ["TUR", "TUR", "UKR"]),
        ("Бюджет Грузии вырос.", ["GEO"]),
        ("Stockholm International Peace Research Institute; the Kyiv Post.", []),
        ("South Korea and the U.S. signed; US$5 billion.", ["KOR", "USA"]),
    ],
)
def test_find_places(text: str, codes: list[str]) -> None:
    assert [p.code for p in find_places(text)] == codes


def test_place_of_url() -> None:
    assert place_of_url("https://www.rp.pl/x") == "POL"
    assert place_of_url("https://tass.com/x") is None


@pytest.mark.parametrize(
    ("sentence", "figure", "stage"),
    [
        ("It is planning to spend 5 billion, according to the draft budget.", "5 billion", "draft"),
        ("The budget passed last December called for 5 billion.", "5 billion", "approved"),
        (
            "The military will receive an additional 5 billion.",
            "an additional 5 billion",
            "revised",
        ),
        ("It surged from the planned 5 billion to 7 billion.", "5 billion", "draft"),
        ("5 billion has been allocated in the draft budget.", "5 billion", "draft"),
        ("5 billion has been allocated for defence.", "5 billion", "approved"),
        ("In the end 5 billion was spent.", "5 billion", "executed"),
        ("The ministry has 5 billion.", "5 billion", None),
    ],
)
def test_find_stage(sentence: str, figure: str, stage: str | None) -> None:
    start = sentence.index(figure)
    assert find_stage(sentence, start, start + len(figure)) == stage


def test_find_basis() -> None:
    assert find_basis("in constant (2023) US$") == "constant-2023"
    assert find_basis("at current prices") == "current"
    assert find_basis("it spent 5 billion") is None


@pytest.mark.parametrize(
    ("sentence", "published", "reference", "periods"),
    [
        ("the budget for FY2021-22", None, None, ["2021-2022"]),
        ("in January-June it spent", date(2024, 8, 1), None, ["2024-H1"]),
        ("in January-December 2021", None, None, ["2021"]),
        ("in the first half", date(2024, 8, 1), None, ["2024-H1"]),
        ("in the first nine months of 2023", None, None, ["2023-01..2023-09"]),
        ("since the beginning of the year", date(2024, 8, 15), None, ["2024-01..2024-07"]),
        ("compared to last year", None, "2021-2022", ["2020-2021"]),
        ("next year", date(2023, 9, 1), None, ["2024"]),
    ],
)
def test_period_rules(
    sentence: str, published: date | None, reference: str | None, periods: list[str]
) -> None:
    found = find_periods(sentence, published, None, reference)
    assert [p for mention in found for p in mention.periods] == periods


@pytest.mark.parametrize(
    ("sentence", "figure", "metric"),
    [
        ("the 2,750 tons of ammonium nitrate stored there", "2,750 tons", "ammonium_nitrate"),
        ("More than 2,700 tonnes of ammonium nitrate exploded", "2,700 tonnes", "ammonium_nitrate"),
        ("left 135 people dead", "135", "people_dead"),
        ("a list of 152 casualties", "152", "casualty"),
    ],
)
def test_provisional_metric_is_the_head_noun_phrase(
    sentence: str, figure: str, metric: str
) -> None:
    start = sentence.index(figure)
    found, _ = provisional_metric(sentence, start, start + len(figure))
    assert found == f"unreviewed_count_{metric}"
