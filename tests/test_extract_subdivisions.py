"""A territorial figure of a state or city is that part's, not the country's (issue 10).

Text written for the test.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.folders import draft_documents
from reconcile.extract.subdivisions import part_of_country

CENSUS = """url: https://wire.example/mexico-census
published: 2021-01-26
outlet: Wire Example

Mexico counts 126 million people

GUADALAJARA (Wire) - Mexico's population was 126,014,024 in 2020, the statistics office said.
Jalisco had 8.3 million residents, while the city of Monterrey counted 1.1 million.
"""


def test_states_and_cities_are_their_own_entities(tmp_path: Path) -> None:
    (tmp_path / "census.txt").write_text(CENSUS, encoding="utf-8")
    [item] = draft_documents([tmp_path / "census.txt"], load_catalogue(None))
    entities = {d.value: d.entity for d in item.drafts if d.metric == "population"}
    # the dateline's city is where the story was filed, not what the figure counts
    assert entities["126,014,024"] == "MEX"
    assert entities["8.3 million"] == "mx-jal"
    assert entities["1.1 million"] == "monterrey"
    # the headline's figure no cue names takes the metric of the body figure it restates
    assert entities["126 million"] == "MEX"


def test_names_are_matched_without_accents_and_only_within_the_country() -> None:
    assert part_of_country("Sao Paulo state has 46 million people", "BRA") == "br-sp"
    assert part_of_country("Sao Paulo state has 46 million people", "ARG") is None
    assert part_of_country("Quezon City has 3 million people", "PHL") == "quezon"


def test_a_parliament_or_government_seat_names_its_country() -> None:
    from reconcile.extract.entities import find_places

    for text, code in [
        ("The Bundestag approved the plan.", "DEU"),
        ("Deputies of the Verkhovna Rada voted.", "UKR"),
        ("The Knesset passed it.", "ISR"),
    ]:
        assert [p.code for p in find_places(text)] == [code], text


def test_a_national_currency_names_the_country_of_a_text_that_names_none(tmp_path: Path) -> None:
    text = """url: https://news.example/plan
published: 2025-09-02
outlet: News Example

Ministry seeks record budget

The defence ministry has requested 61.2 trillion won for next year, but the finance ministry is \
expected to approve no more than 60 trillion won. Spending grew by 32 percent since 2020.
"""
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    [item] = draft_documents([tmp_path / "plan.txt"], load_catalogue(None))
    drafts = {d.value: d for d in item.drafts}
    assert {d.entity for d in drafts.values()} == {"KOR"}
    # the ministry that approves it names no measure: the sentence's budget
    assert drafts["no more than 60 trillion won"].metric == "defence_budget"
