"""What a figure is about: the country of its sentence and the noun it counts, on sentences
written here."""

from __future__ import annotations

from pathlib import Path

from reconcile.extract.drafts import draft_claims
from reconcile.extract.readers import read_document
from tests.drafting import PACKAGED
from tests.drafting import drafts_by_value as _drafts


def test_a_place_in_a_relative_clause_is_not_the_figures_country(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "Finland, which borders Russia, has about 24,000 active troops in 2025."
    )
    assert drafts["about 24,000"].entity == "FIN"


def test_a_counted_noun_that_is_no_word_of_the_metric_leaves_it_undecided(
    tmp_path: Path,
) -> None:
    drafts = _drafts(
        tmp_path,
        "Storms destroyed 9,500 homes in 2024, according to the interior ministry. The army "
        "has 50,000 reservists.",
    )
    assert drafts["9,500"].metric == "unreviewed_count_home_destroyed"  # not the ministry's troops
    assert drafts["50,000"].metric == "reserve_personnel"  # its own noun is the metric's


def test_a_headline_that_says_kill_names_the_death_toll(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Floods in Kenya kill at least 40, thousands of homes destroyed")
    assert drafts["at least 40"].metric == "people_killed"


def test_a_year_after_a_baseline_figure_dates_that_figure_only(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Georgia's turnout was 58.9% in 2024, up from 51.9% in 2020, with 3.5 million "
        "registered voters.",
    )
    assert drafts["51.9%"].period == "2020"
    assert drafts["3.5 million"].period == "2024"  # not the baseline's year


def test_a_percentage_of_another_whole_keeps_its_own_measure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Ruling party wins Georgian election with 54% of vote\n\nThe ruling party won 53.9% of "
        "the vote in 2024, with 99% of precincts counted.",
    )
    assert drafts["53.9%"].metric == "vote_share"
    assert drafts["99%"].metric == "unreviewed_ratio_precinct"


def test_a_company_the_headline_and_lead_open_with_is_the_entity(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Northwind Energy swings to profit\n\nOSLO, Nov 12, 2025 (Reuters) - Northwind Energy "
        "reported a net profit of 1.7 billion euros for 2025, as orders rose 17% to 16.4 billion "
        "euros. Revenue climbed 9.1% to 10.1 billion euros.",
    )
    assert {d.entity for d in drafts.values()} == {"northwind-energy"}
    assert drafts["10.1 billion euros"].metric == "company_revenue"
    assert drafts["16.4 billion euros"].metric == "unreviewed_money_order"  # the clause's own
    assert "change_from" not in drafts["17%"].relations  # the profit is no base of the orders


def test_a_headline_opening_with_a_place_names_no_company(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Romania raises defence spending\n\nBUCHAREST, Feb 18 (Reuters) - Romania approved a "
        "defence budget of 44.2 billion lei for 2026.",
    )
    assert {d.entity for d in drafts.values()} == {"ROU"}


def test_a_year_earlier_than_a_quarter_is_that_quarter_a_year_before(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Contoso AG made a net profit of 1.7 billion euros in the fourth quarter of 2025, up from "
        "1.1 billion euros a year earlier.",
    )
    assert drafts["1.1 billion euros"].period == "2024-Q4"


def test_two_counts_of_one_noun_are_told_apart_by_what_was_done_to_them(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "The quake destroyed 2,310 homes and damaged a further 9,800 in 2025. Elsewhere 640 "
        "homes were destroyed.",
    )
    assert drafts["2,310"].metric == drafts["640"].metric == "unreviewed_count_home_destroyed"
    assert drafts["9,800"].metric == "unreviewed_count_home_damaged"  # not set against 2,310


def test_an_undated_documents_other_figures_take_the_year_the_others_date_it_to(
    tmp_path: Path,
) -> None:
    from reconcile.extract.folders import draft_documents

    (tmp_path / "dated.txt").write_text(
        "outlet: A\npublished: 2023-02-07\n\nThe earthquake killed 41 people.\n", encoding="utf-8"
    )
    (tmp_path / "undated.txt").write_text(
        "outlet: B\npublished: unknown\n\nThe earthquake killed 45 people. Rescuers cleared 900 "
        "tonnes of rubble.\n",
        encoding="utf-8",
    )
    drafted = {
        i.path.stem: i.drafts for i in draft_documents(sorted(tmp_path.glob("*.txt")), PACKAGED)
    }
    rubble = next(d for d in drafted["undated"] if d.unit == "tonne")
    assert rubble.period == "2023" and "other documents" in rubble.period_basis
    toll = next(d for d in drafted["undated"] if d.amount == 45)  # an update: no anchor
    assert toll.period == "2023" and toll.period_basis.startswith("the other documents")


def test_a_us_defense_budget_article_reads_its_request_lines_and_scope(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Pentagon seeks $900 billion for 2027\n\nWASHINGTON, March 2, 2026 (Reuters) - The "
        "Pentagon asked Congress for $900.5 billion for fiscal 2027. Including nuclear weapons "
        "work, the total request is $950.1 billion. The request includes $40.2 billion for missile "
        "defense and $30.3 billion to modernise the bomber fleet.",
    )
    assert drafts["$900.5 billion"].metric == "defence_budget"
    assert drafts["$950.1 billion"].scope == "including nuclear weapons"
    assert drafts["$950.1 billion"].period == "2027"
    assert drafts["$40.2 billion"].metric == "unreviewed_money_missile_defense"  # a line within
    assert drafts["$30.3 billion"].metric != "defence_budget"


def test_a_density_is_no_population(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "Kenya's population was 52 million in 2024, or 91 people per square kilometre."
    )
    assert drafts["52 million"].metric == "population"
    assert drafts["91"].metric == "unreviewed_count_people_per_square_kilometre"


def test_a_share_of_gdp_of_a_provisional_part_is_that_parts_share(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Floods hit Kenya in 2024\n\nThe bank estimated direct damage in Kenya at $3.1 billion, "
        "equal to 2% of the country's 2023 GDP. Some 800,000 people were affected.",
    )
    share = drafts["equal to 2%"]
    assert share.metric == "unreviewed_ratio_direct_damage_gdp_share"
    assert share.relations == {"share_of": "gdp", "part": drafts["$3.1 billion"].id}
    assert drafts["Some 800,000"].period != "2023"  # the GDP's year dates no other figure


def test_a_time_window_and_an_age_range_are_no_figures(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Japan's population shrank for the first time in six decades in 2024. About 59% of "
        "residents are between 15 and 64 years old.",
    )
    assert set(drafts) == {"About 59%"}


def test_an_undated_text_is_not_dated_by_an_earlier_event_it_compares_with(tmp_path: Path) -> None:
    path = tmp_path / "fire.txt"
    path.write_text(
        "outlet: Example\n\nFires in Chile have killed at least 60 people. The previous worst "
        "fire, in 2014, killed 15 people.\n",
        encoding="utf-8",
    )
    drafts = {d.value: d for d in draft_claims(read_document(path), PACKAGED)}
    assert drafts["at least 60"].period == "undated"  # not 2014
    assert drafts["15"].period == "2014"


def test_a_when_clause_after_a_year_dates_its_figure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Ruritania has postponed its first census since 2006, when the count found 14 million "
        "people. The statistics office puts the population at about 21 million.",
    )
    assert drafts["14 million"].period == "2006"
    assert drafts["about 21 million"].period == "2025"  # the text's year, not 2006's


def test_respectively_gives_each_figure_its_own_metric(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Health and education will receive 90 billion shillings and 300 billion shillings, "
        "respectively, in 2025.",
    )
    assert drafts["90 billion shillings"].metric == "budget_health"
    assert drafts["300 billion shillings"].metric == "budget_education"


def test_a_defence_share_of_gdp_its_money_and_a_dateline(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Latvia to spend 3.1% of GDP on defence\n\nRIGA, 26 Sept 2024 (Reuters) - Latvia will "
        "spend 3.1% of its gross domestic product on defence next year, or about 1.3 billion "
        "euros. Per capita, that is roughly 700 euros, the most after Poland's. Defence takes "
        "up 10% of total state spending.",
    )
    body = next(d for v, d in drafts.items() if v == "3.1%" and d.relations)
    # "next year" of the text (published 2025), not the dateline's September
    assert (body.metric, body.period) == ("military_expenditure_gdp_share", "2026")
    assert drafts["about 1.3 billion euros"].metric == "military_expenditure"  # not the GDP
    assert drafts["roughly 700 euros"].entity == "LVA"  # Poland is only compared with
    assert drafts["10%"].metric == "military_expenditure_government_share"


def test_an_alliances_figure_is_the_alliances(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "The United States spent $900 billion in 2024. Military spending by NATO members "
        "totalled $1,400 billion. Poland spends 4% of GDP, the most in NATO.",
    )
    assert drafts["$900 billion"].entity == "USA"
    assert drafts["$1,400 billion"].entity == "nato"
    assert drafts["4%"].entity == "POL"


def test_a_japanese_style_budget_article(tmp_path: Path) -> None:
    path = tmp_path / "jp.txt"
    path.write_text(
        "outlet: Example\npublished: 2025-12-20\n\nThe cabinet approved a record 9.1 trillion yen "
        "defence budget for the fiscal year starting in April, up 9% from the current year, as "
        "it pursues a five-year 43 trillion yen buildup. Japan aims for 2% of GDP by 2027, from "
        "about 1.8% now.\n",
        encoding="utf-8",
    )
    drafts = {d.value: d for d in draft_claims(read_document(path), PACKAGED)}
    assert drafts["9.1 trillion yen"].period == "2026"  # the April after December 2025
    assert drafts["9%"].relations["change_of"] == drafts["9.1 trillion yen"].id  # not the 43
    assert drafts["43 trillion yen"].scope == "a total over several years"
    assert drafts["about 1.8%"].period == "2025"  # "now", not the year before 2027


def test_the_subject_of_a_share_of_gdp_names_which_share(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Israel's deficit is forecast at 6.6% of GDP in 2025, compared with 4.2% in 2024. "
        "Military spending is 5.3% of GDP.",
    )
    assert drafts["6.6%"].metric == drafts["4.2%"].metric == "budget_deficit_gdp_share"
    assert drafts["5.3%"].metric == "military_expenditure_gdp_share"


def test_a_count_of_what_else_was_done_is_not_the_toll(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "More than 300 people were killed in the attack and about 90 taken hostage."
    )
    assert drafts["More than 300"].metric == "people_killed"
    assert drafts["about 90"].metric != "people_killed"


def test_raised_by_a_percentage_to_an_amount_is_a_growth_and_its_level(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Pakistan unveils defence budget\n\nISLAMABAD, June 10, 2025 - Pakistan raised its "
        "defence budget by 20.2% to Rs2.55 trillion for the fiscal year 2025-26. Last year's "
        "allocation was Rs2.12 trillion.",
    )
    growth = drafts["20.2%"]
    level = next(d for v, d in drafts.items() if "2.55" in v)
    assert (growth.metric, growth.relations["change_of"]) == ("defence_budget_growth", level.id)
    assert level.metric == "defence_budget"
    assert next(d for v, d in drafts.items() if "2.12" in v).metric == "defence_budget"


def test_an_indian_and_a_british_budget_article(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "India allocated Rs 6,81,210 crore to the defence ministry for 2025-26, a 9.5 per cent "
        "rise over the previous year's Rs 6.22 lakh crore. Defence accounts for 13.45 per cent "
        "of total central government expenditure. Britain will spend £87 billion a year by the "
        "end of the decade. The army has 73,000 full-time trained soldiers.",
    )
    assert drafts["Rs 6.22 lakh crore"].period == "2024-2025"  # the fiscal year before
    assert drafts["13.45 per cent"].metric == "military_expenditure_government_share"
    assert drafts["£87 billion"].period == "2030"
    assert drafts["73,000"].period == "2025"  # "trained" is no past tense: the text's year


def test_a_humanitarian_report_reads_need_and_displacement_to_date(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Nearly 30 million people in Yemen, more than half the population, need humanitarian "
        "assistance. More than 4 million have been forced from their homes since the war began "
        "in March 2015.",
    )
    assert drafts["Nearly 30 million"].metric == "people_affected"  # not the population
    displaced = drafts["More than 4 million"]
    assert (displaced.metric, displaced.period) == ("people_displaced", "2025")  # to date


def test_a_toll_counted_in_a_place_is_that_places(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Floods struck Peru and Chile in 2024, with 310 deaths in Chile and 95 in Peru. Chile "
        "has 5,000 troops in Peru.",
    )
    assert drafts["310"].entity == "CHL"  # not Peru, the place named last before it
    assert drafts["95"].entity == "PER"
    assert drafts["5,000"].entity == "CHL"  # troops in a place are their country's


def test_a_region_figure_is_the_region_named_nearest_before_it(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "The Philippines had 112.7 million people in 2024. Calabarzon remained the most populous "
        "region with 16.9 million residents, followed by the National Capital Region with 14.0 "
        "million.",
    )
    assert drafts["16.9 million"].entity == "ph-40"
    assert drafts["14.0 million"].entity == "ph-00"  # not Calabarzon's again


def test_where_people_fled_to_is_not_whose_figure_it_is(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Fighting in Myanmar has displaced 3 million people since 2021. Some 1.2 million have "
        "fled abroad, mostly to Thailand, India and Bangladesh. The toll is put at 6,000 to "
        "50,000.",
    )
    assert drafts["Some 1.2 million"].entity == "MMR"  # not Thailand, where they went
    assert drafts["6,000 to 50,000"].entity == "MMR"  # nor a country of that list


def test_parts_of_the_whole_before_and_a_baseline_of_as_many_as(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Chile will spend 9.1 billion dollars on defence in 2025. Of that, 6.2 billion dollars "
        "will come from the state budget. The army numbers about 80,000 soldiers, twice as many "
        "as in 2010.",
    )
    assert drafts["6.2 billion dollars"].scope == "a part of the total"
    assert drafts["about 80,000"].period != "2010"  # the year compared with
