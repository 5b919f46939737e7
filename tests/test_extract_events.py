"""Elections, fires, prices and comparisons with another year (issue 10).

Articles and sentences written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft
from reconcile.extract.folders import draft_documents
from reconcile.figures.running_text import find_figures

PACKAGED = load_catalogue(None)
VOTE = """url: https://news.example/vote
published: 2025-05-20
outlet: News Example

Turnout in Ruritania's election was 61.2%

The electoral commission said 8.1 million people cast their ballots, a turnout of 61.2%, down \
from 64.5% in 2020. About 13.2 million people were eligible to vote.
"""
FIRE = """url: https://news.example/fire
published: 2025-08-02
outlet: News Example

Fires have burned 40,000 hectares in Portugal this year

Fires have burned more than 40,000 hectares in Portugal this year. There are 120 active fires, \
30 of them out of control.
"""
BUDGET = """url: https://news.example/ru
published: 2025-09-29
outlet: News Example

Расходы на образование в 2026 году составят 1,5 трлн рублей

Правительство внесло проект федерального бюджета на 2026 год. Расходы на образование составят \
1,5 трлн рублей, что на 12% больше, чем в 2025 году.
"""


def _drafted(tmp_path: Path, text: str) -> dict[str, Draft]:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    [item] = draft_documents([tmp_path / "doc.txt"], PACKAGED)
    return {d.value: d for d in item.drafts}


def test_an_election_its_turnout_votes_and_electorate(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, VOTE)
    assert drafts["61.2%"].metric == "voter_turnout"  # a level "down from" another, no change
    assert (drafts["64.5%"].metric, drafts["64.5%"].period) == ("voter_turnout", "2020")
    assert drafts["8.1 million"].metric == "votes_cast"
    # the year compared with does not go on to date the next sentence
    assert (drafts["About 13.2 million"].metric, drafts["About 13.2 million"].period) == (
        "registered_voters",
        "2025",
    )


def test_an_area_burned_and_a_count_of_fires(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, FIRE)
    assert drafts["more than 40,000 hectares"].metric == "area_burned"
    assert drafts["30"].metric != "area_burned"  # an area is written with its unit


def test_the_year_compared_with_is_not_the_figures(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, BUDGET)
    spending = [d for d in drafts.values() if d.value == "1,5 трлн рублей"]
    assert {d.period for d in spending} == {"2026"}
    assert {d.stage for d in spending} == {"draft"}  # "проект федерального бюджета"
    assert drafts["12%"].period == "2026"


@pytest.mark.parametrize(
    ("text", "written", "qualifier"),
    [
        ("Inflation edged up to 3.4% in May.", "3.4%", None),
        ("The ferry carries up to 300 people.", "up to 300", "up to"),
    ],
)
def test_up_to_after_a_verb_of_movement_is_no_bound(
    text: str, written: str, qualifier: str | None
) -> None:
    [(start, end, parsed)] = find_figures(text)
    assert (text[start:end], parsed.qualifier) == (written, qualifier)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The death toll passed 900 on Sunday.", "900"),  # went beyond: no budget's stage
        # a stage word inside an organisation's name
        ("The Flood Damage Reduction and Relief Council said 40 people were missing.", "40"),
    ],
)
def test_words_that_only_look_like_a_stage(sentence: str, figure: str) -> None:
    from reconcile.extract.stages import find_stage

    start = sentence.index(figure)
    assert find_stage(sentence, start, start + len(figure)) is None


ALLOCATION = """url: https://news.example/pk
published: 2025-06-11
outlet: News Example

Defence allocation raised

The government has allocated Rs2.5 trillion for defence in the budget for fiscal year 2025-26, \
an increase of 17 per cent over the Rs2.1tr allocated in the outgoing fiscal year.
"""


def test_the_sum_an_increase_is_over_is_of_the_year_before(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, ALLOCATION)
    assert drafts["Rs2.5 trillion"].period == "2025-2026"
    assert drafts["Rs2.1tr"].period == "2024-2025"


ANNUAL = """url: https://news.example/annual
published: 2025-04-20
outlet: News Example

World arms spending at a record

Global military spending rose to $2.7 trillion in 2024, researchers said. The 9 per cent \
increase was the steepest since 1988.

Ruritania spent $12 billion, while Freedonia's spending was $4 billion. Both plan to spend more.
"""


def test_a_past_tense_paragraph_goes_on_about_the_years_the_text_stated(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, ANNUAL)
    # "the steepest since 1988" is the record's span, not the figure's period
    assert (drafts["9 per cent"].period, drafts["9 per cent"].entity) == ("2024", "WLD")
    assert drafts["$12 billion"].period == "2024"
    assert drafts["$4 billion"].period == "2024"


def test_a_sum_against_a_budget_of_the_same_year_keeps_the_year(tmp_path: Path) -> None:
    text = """url: https://news.example/outturn
published: 2025-03-02
outlet: News Example

Outturn below plan

In 2024 the ministry actually spent 58.1 trillion won, against a budget of 59.4 trillion won.
"""
    drafts = _drafted(tmp_path, text)
    assert drafts["59.4 trillion won"].period == "2024"


CRASH = """url: https://news.example/crash
published: 2025-03-05
outlet: News Example

Ferry accident leaves 14 dead

A ferry capsized on a lake on Monday, killing 14 passengers and injuring 30, police said. The \
toll rose from 9 a day earlier.
"""


def test_a_toll_its_passengers_and_the_police_who_give_it(tmp_path: Path) -> None:
    drafts = {d.value: d for d in _drafted_all(tmp_path, CRASH)}
    assert drafts["14"].metric == "people_killed"
    assert drafts["30"].metric == "people_injured"
    assert drafts["30"].source.startswith("police")
    assert drafts["9"].metric == "people_killed"  # "the toll", not "a day earlier"


def _drafted_all(tmp_path: Path, text: str) -> list[Draft]:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    [item] = draft_documents([tmp_path / "doc.txt"], PACKAGED)
    return item.drafts


def test_a_count_of_homes_beside_a_toll_is_no_toll(tmp_path: Path) -> None:
    text = CRASH.replace("The \\\ntoll", "The toll").replace(
        "a day earlier.", "a day earlier. The storm injured 1,500 people and damaged 235,000 homes."
    )
    drafts = {d.value: d for d in _drafted_all(tmp_path, text)}
    assert drafts["1,500"].metric == "people_injured"
    assert drafts["235,000"].metric == "unreviewed_count_home_damaged"  # what was done to them
