"""Parts of a population, an undated lead, and a change written as an apposition: drafted from
sentences written here (none comes from a seed or the corpus)."""

from __future__ import annotations

from pathlib import Path

from reconcile.extract.subgroups import subgroup_metric
from tests.drafting import drafts_by_value as _drafts
from tests.drafting import drafts_of_text


def test_parts_of_a_population_are_measures_of_their_own(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Chile's census counted a total population of 18.5 million in 2024. Rural residents "
        "made up 2.1 million of them, the urban population stood at 16.4 million and the "
        "number of people aged 80 and over reached 0.6 million.",
    )
    assert drafts["18.5 million"].metric == "population"
    assert drafts["2.1 million"].metric == "unreviewed_count_rural_residents"
    assert drafts["16.4 million"].metric == "unreviewed_count_urban_population"
    assert drafts["0.6 million"].metric == "unreviewed_count_people_aged"


def test_words_that_restate_the_whole_keep_the_population() -> None:
    for clause in (
        "the country's total population reached 5 million",
        "its resident population was 5 million",
        "5 million people live there",
    ):
        at = clause.index("5")
        assert subgroup_metric(clause, at, at + 9, "count") is None, clause
    assert subgroup_metric("the foreign population was 5%", 26, 28, "percent") is None


def test_a_lead_dated_by_the_day_leaves_a_later_year_to_its_sentence(tmp_path: Path) -> None:
    drafts = drafts_of_text(
        tmp_path,
        "Landslide kills 31 in northern Peru\n\nLIMA, Feb 9 - A landslide killed 31 people, "
        "officials said on Sunday.\n\nIn 2017, rains in the same region killed 12 people.\n",
    )
    assert drafts["31"].period == "undated"  # not 2017, the year of the earlier disaster
    assert drafts["12"].period == "2017"


def test_a_change_written_as_an_apposition_is_an_increment(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Estonia raised its 2025 defence budget to 1.6 billion euros. The increase, worth "
        "about 300 million euros, comes from a new tax.",
    )
    assert drafts["about 300 million euros"].scope == "the increment only"
    assert drafts["1.6 billion euros"].scope is None


def test_the_whole_named_nearer_the_figure_than_a_part_is_the_population() -> None:
    clause = "Foreign residents numbered 1 million; the population reached 10 million"
    at = clause.index("10 million")
    assert subgroup_metric(clause, at, at + 10, "count") is None
    assert subgroup_metric(clause, 27, 36, "count") == (
        "unreviewed_count_foreign_residents",
        "foreign residents",
    )


def test_a_part_in_the_clause_before_is_not_the_figures(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Peru's population reached 34.4 million in 2024. The urban population rose to 27.1 "
        "million, and Lima remained the largest city with 10.1 million inhabitants.",
    )
    assert drafts["34.4 million"].metric == "population"
    assert drafts["27.1 million"].metric == "unreviewed_count_urban_population"
    assert drafts["10.1 million"].metric == "unreviewed_count_city_population"


def test_a_year_counted_from_and_a_multi_year_total_date_no_figure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Chile's population grew 0.6% in 2024, the slowest since the first census in 1835. The "
        "army plans a ten-year, 9 billion dollar modernisation.",
    )
    assert drafts["0.6%"].period == "2024"
    assert drafts["9 billion dollar"].scope == "a total over several years"


def test_the_subject_of_the_verb_that_gives_a_sum_names_its_measure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Nordwerk posted a net profit of 2.1 billion euros in 2024, and said bookings rose 12% "
        "to a record 40.2 billion euros. The death toll from the storm in Chile rose to 31.",
    )
    assert drafts["2.1 billion euros"].metric == "company_net_income"
    assert drafts["40.2 billion euros"].metric == "unreviewed_money_booking"  # not net profit
    assert drafts["31"].metric == "people_killed"  # the head is the toll, not the storm


def test_economic_output_is_gdp_and_a_rise_on_last_year_is_this_years(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Latvia will spend 3.1% of its economic output on defence in 2025. Allies will spend "
        "$20 billion in 2025, an increase of 12% on last year.",
    )
    assert drafts["3.1%"].metric == "military_expenditure_gdp_share"
    assert drafts["12%"].period == "2025"


def test_two_clauses_each_name_their_own_measure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Nordwerk said its net income totalled 600 million euros in 2024 and operating profit "
        "reached 900 million euros.",
    )
    assert drafts["600 million euros"].metric == "company_net_income"
    assert drafts["900 million euros"].metric == "company_operating_profit"


def test_a_count_after_including_is_a_part_and_a_headline_verb_names_its_sum(
    tmp_path: Path,
) -> None:
    drafts = _drafts(
        tmp_path,
        "Donors pledge $3 billion as repair bill rises to $12 billion. The storms killed 412 "
        "people, including 97 children, and the budget is Sh2.1 trillion in Kenya.",
    )
    assert drafts["97"].scope == "a part of the total"  # of the 412, not their contradiction
    assert drafts["412"].scope is None
    assert drafts["$12 billion"].metric == "unreviewed_money_repair_bill"  # not the pledge's
    assert drafts["Sh2.1 trillion"].unit == "KES"


def test_other_languages_name_the_share_and_the_revenue(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Расходы бюджета на 2026 год составят 44,1 трлн рублей, доходы - 42,7 трлн рублей. "
        "Дефицит ожидается на уровне 0,8% ВВП.",
    )
    assert drafts["44,1 трлн рублей"].metric == "state_budget_expenditure"
    assert drafts["42,7 трлн рублей"].metric == "state_budget_revenue"
    assert drafts["0,8%"].metric == "budget_deficit_gdp_share"  # not military spending's


def test_an_undated_sum_in_a_budget_text_is_the_budgets(tmp_path: Path) -> None:
    drafts = drafts_of_text(
        tmp_path,
        "Chile aprueba su presupuesto\n\nSANTIAGO, 10 de noviembre de 2025 - El Congreso aprobó "
        "un presupuesto de defensa de 2.100 millones de dólares para 2026.\n\nEl Ejército "
        "recibirá 900 millones de dólares.\n",
    )
    assert "10" not in drafts  # the dateline's day
    assert drafts["900 millones de dólares"].period == "2026"  # not 2025, the year written


def test_a_unit_of_a_company_and_its_demonym_are_not_the_company_or_a_country(
    tmp_path: Path,
) -> None:
    text = (
        "outlet: Example\npublished: 2024-08-01\n\nTata Motors profit rises\n\n"
        "Tata Motors reported revenue of Rs 1.08 lakh crore for the quarter. Jaguar Land Rover, "
        "its British luxury unit, posted revenue of £7.3 billion and a pre-tax profit of £690 "
        "million.\n"
    )
    drafts = drafts_of_text(tmp_path, text)
    unit = drafts["£7.3 billion"]
    assert unit.entity != "GBR"  # "British" says what the unit is, not whose figure it is
    assert unit.metric == "company_revenue"  # "pre-tax" is no word of the state's money
    assert unit.scope == "a unit of the company"  # never the group's revenue's contradiction
    assert drafts["Rs 1.08 lakh crore"].scope is None


def test_a_sentence_opening_subject_names_a_measure_unless_it_is_a_place() -> None:
    from reconcile.extract.verb_subjects import verb_subject

    said = "Bookings rose 23% to 50.6 billion euros."
    assert verb_subject(said, said.index("50.6")) == "bookings"
    for sentence in ("Germany reached 90.6 billion euros.", "It rose to 9 billion euros."):
        assert verb_subject(sentence, sentence.index("9")) == "", sentence


def test_a_subject_that_only_counts_keeps_the_cues_metric(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "Chile's army has 45,000 active troops. Troop numbers rose to 47,000 in 2024."
    )
    assert drafts["47,000"].metric == drafts["45,000"].metric == "active_personnel"
