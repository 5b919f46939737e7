"""Drafts of articles on other topics: company results and a disaster (issue 10).

The articles are written for the test; the rules they exercise are general: a company named
with its legal form, "a year earlier", a noun that says what a figure counts, a cue of the
next clause, a paragraph that goes on about one period, "N more" as an increment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.companies import companies_in, main_company
from reconcile.extract.drafts import Draft
from reconcile.extract.folders import draft_documents
from reconcile.extract.stages import INCREMENT

PACKAGED = load_catalogue(None)
RESULTS = """url: https://biz.example/results
published: 2025-03-04
outlet: Business Example

Northwind Traders Ltd lifts sales

Northwind Traders Ltd reported revenue of EUR 8.6 billion for 2024, up 5 percent from EUR 8.2 \
billion a year earlier. Operating profit rose to EUR 910 million. The group employs 31,000 \
people and plans to hire 1,200 more.
"""
FOLLOW_UP = """url: https://markets.example/northwind
published: 2025-03-05
outlet: Markets Example

Northwind's 2024 turnover reaches EUR 8.5bn

Northwind said its turnover reached EUR 8.5bn in 2024, while operating profit was EUR 0.9bn.
"""
STORM = """url: https://news.example/storm
published: 2024-09-12
outlet: Example News

Storm death toll rises to 48

At least 48 people were killed, officials said. About 2 million people were affected and 120,000 \
were evacuated. Some 3,400 homes were destroyed.
"""


def _drafted(tmp_path: Path, **texts: str) -> dict[str, list[Draft]]:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    done = draft_documents(sorted(tmp_path.glob("*.txt")), PACKAGED)
    return {item.path.stem: item.drafts for item in done}


def _by_value(drafts: list[Draft]) -> dict[str, Draft]:
    return {d.value: d for d in drafts}


def test_a_company_named_with_its_legal_form_is_the_entity_of_its_figures(
    tmp_path: Path,
) -> None:
    drafts = _by_value(_drafted(tmp_path, results=RESULTS)["results"])
    revenue = drafts["EUR 8.6 billion"]
    assert (revenue.entity, revenue.metric, revenue.period) == (
        "northwind-traders",
        "company_revenue",
        "2024",
    )
    assert drafts["EUR 910 million"].metric == "company_operating_profit"
    assert drafts["EUR 910 million"].period == "2024"  # the paragraph goes on about 2024
    assert drafts["31,000"].metric == "company_employees"


def test_a_year_earlier_is_the_year_before_the_sentences_own(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, results=RESULTS)["results"])
    assert drafts["EUR 8.2 billion"].period == "2023"
    assert drafts["EUR 8.2 billion"].metric == "company_revenue"


def test_n_more_is_an_increment(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, results=RESULTS)["results"])
    assert drafts["1,200"].scope == INCREMENT


def test_another_text_knows_the_company_by_its_short_name(tmp_path: Path) -> None:
    drafted = _drafted(tmp_path, results=RESULTS, follow_up=FOLLOW_UP)
    follow = _by_value(drafted["follow_up"])
    turnover = [d for d in drafted["follow_up"] if d.metric == "company_revenue"]
    assert turnover and {d.entity for d in turnover} == {"northwind-traders"}
    # "EUR 8.5bn in 2024, while operating profit was ...": the profit cue is the next clause's
    assert follow["EUR 0.9bn"].metric == "company_operating_profit"
    assert all(d.metric == "company_revenue" for d in follow.values() if d.amount == 8.5e9)


def test_a_disaster_text_keeps_its_measures_apart(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, storm=STORM)["storm"])
    assert drafts["At least 48"].metric == "people_killed"
    assert drafts["About 2 million"].metric == "people_affected"
    assert drafts["120,000"].metric == "people_displaced"
    assert drafts["Some 3,400"].metric not in {"people_killed", "people_affected"}  # homes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Globex Holdings and Initech Ltd said ...", ["Globex", "Initech"]),
        ("The Contoso AG board met. Contoso shares fell.", ["Contoso"]),
        ("The State Bank Group raised rates.", []),
    ],
)
def test_companies_are_names_written_with_a_legal_form(text: str, names: list[str]) -> None:
    assert [c.name for c in companies_in(text)] == names


def test_the_main_company_is_the_one_named_most() -> None:
    text = "Globex Corp bought Initech Ltd. Globex said Globex would grow."
    company = main_company(text)
    assert company is not None and company.slug == "globex"


def test_a_period_right_after_the_figure_set_against_this_one_is_that_figures(
    tmp_path: Path,
) -> None:
    text = (
        "outlet: Example\npublished: 2025-02-02\n\nThe 2025-26 budget for roads is Rs 2.4 lakh "
        "crore as against the revised allocation of Rs 2.6 lakh crore last year.\n"
    )
    drafts = _by_value(_drafted(tmp_path, roads=text)["roads"])
    assert drafts["Rs 2.6 lakh crore"].period == "2024-2025"
    assert drafts["Rs 2.4 lakh crore"].period == "2025-2026"


BUDGET_REQUEST = """url: https://news.example/request
published: 2023-08-31
outlet: Example News

Ministry seeks record 6.4 trillion won budget

The defence ministry requested 6.4 trillion won for the fiscal year starting in January 2024, \
up 9 percent over this year's 5.9 trillion won. The request includes 800 billion won for drones.
"""


def test_a_headline_figure_takes_the_period_of_the_body_figure_it_restates(
    tmp_path: Path,
) -> None:
    drafts = _drafted(tmp_path, request=BUDGET_REQUEST)["request"]
    periods = {(d.value, d.line): d.period for d in drafts}
    assert periods[("6.4 trillion won", 5)] == periods[("6.4 trillion won", 7)] == "2024"


def test_a_line_for_a_purpose_is_not_the_headlines_total(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, request=BUDGET_REQUEST)["request"])
    assert drafts["800 billion won"].metric != "defence_budget"


def test_a_rise_over_this_years_figure_is_measured_from_it(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, request=BUDGET_REQUEST)["request"])
    change = drafts["9 percent"]
    assert change.relations.get("change_of") == drafts["6.4 trillion won"].id
    assert change.relations.get("change_from") == drafts["5.9 trillion won"].id


NORDIC = """outlet: Example\npublished: 2024-04-22

Nordic budgets

Norway's defence spending rose 9 percent to NOK 92 billion last year. Iceland, which joined \
the alliance in 1949, spends 0.1% of GDP on defence.
"""


def test_an_aside_year_and_a_relative_year_do_not_date_the_next_figure(tmp_path: Path) -> None:
    drafts = _by_value(_drafted(tmp_path, nordic=NORDIC)["nordic"])
    share = drafts["0.1%"]
    assert (share.metric, share.period) == ("military_expenditure_gdp_share", "2024")
    assert drafts["NOK 92 billion"].period == "2023"


ECONOMY = """outlet: Example\npublished: 2024-03-01

Chile's economy grew 1.8% in 2023

South America's copper giant saw GDP expand 1.8 percent in 2023 to 300 trillion pesos. \
Unemployment rose to 8.5 percent in the fourth quarter. The benchmark rate stands at 7.25%.
"""


def test_an_economy_text_keeps_growth_gdp_unemployment_and_rates_apart(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, economy=ECONOMY)["economy"]
    found = {(d.value, d.line): d for d in drafts}
    assert found[("1.8 percent", 6)].metric == "gdp_growth"
    assert found[("300 trillion CLP", 6)].metric == "gdp"  # Chile's pesos
    assert {d.entity for d in drafts} == {"CHL"}  # "South America" is no country
    unemployment = found[("8.5 percent", 6)]
    assert (unemployment.metric, unemployment.period) == ("unemployment_rate", "2023-Q4")
    assert found[("7.25%", 6)].metric == "policy_rate"
    assert found[("7.25%", 6)].period == "2024"  # present tense: not the sentence before's year


def test_a_sentence_opening_with_the_whole_names_no_metric_for_its_parts(tmp_path: Path) -> None:
    text = (
        "outlet: Example\npublished: 2024-03-01\n\nRuritania's health budget rises\n\n"
        "The health budget is 90 billion euros in 2024. Of the health budget, 45 billion euros "
        "will go to hospitals. The total budget of 600 billion euros was approved in 2024.\n"
    )
    drafts = {d.amount: d for d in _drafted(tmp_path, health=text)["health"]}
    assert drafts[90e9].metric == "budget_health"
    assert drafts[45e9].metric != "budget_health"  # a line of it, named by its purpose
    assert drafts[600e9].metric == "state_budget_expenditure"  # not the headline's


def test_a_sentence_naming_its_own_measure_does_not_take_the_headlines(tmp_path: Path) -> None:
    text = (
        "outlet: Example\npublished: 2024-03-01\n\nRuritania's population tops 9 million\n\n"
        "The population reached 9.1 million in 2023. The median age is 31. Women make up 51 "
        "percent of the total. Officials put losses at 40 million euros. The total was 9.1 "
        "million. The economy is expected to grow 2.5% in 2024.\n"
    )
    drafts = {d.value: d for d in _drafted(tmp_path, pop=text)["pop"]}
    assert drafts["31"].metric == "unreviewed_count_median_age"  # not the population
    assert drafts["51 percent"].metric == "unreviewed_ratio_women"  # a share, not a growth
    assert drafts["40 million euros"].metric == "unreviewed_money_loss"
    assert {d.metric for v, d in drafts.items() if v.startswith("9.1")} == {"population"}
    assert drafts["2.5%"].metric == "gdp_growth"
