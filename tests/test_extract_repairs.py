"""Figures written out of order or in part (extract/repairs.py), on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.readers import read_document

PACKAGED = load_catalogue(None)


def _drafts(tmp_path: Path, body: str) -> list[Draft]:
    path = tmp_path / "article.txt"
    path.write_text("outlet: Example\npublished: 2022-05-01\n\n" + body + "\n", encoding="utf-8")
    return draft_claims(read_document(path), PACKAGED)


def test_a_year_written_where_the_amount_goes_is_read_back_and_said_so(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "Norway's defence spending, which was 2019 billion kroner in 61,5, rose."
    )
    [draft] = [d for d in drafts if d.unit == "NOK"]
    assert (draft.amount, draft.period) == (pytest.approx(61.5e9), "2019")
    assert "2019 billion kroner in 61,5" in draft.repair
    assert not any(d.amount == 2019e9 for d in drafts)


def test_a_year_like_amount_without_a_number_after_it_is_left_alone(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "The fund held 2019 million euros in reserves.")
    assert [d.amount for d in drafts if d.unit == "EUR"] == [2019e6]
    assert all(not d.repair for d in drafts)


def test_a_scale_written_once_for_two_years_applies_to_both(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "The defence budget was 8.2 in 2018 and 9.5 billion euros in 2019.")
    by_period = {d.period: d for d in drafts if d.unit == "EUR"}
    assert by_period["2018"].amount == pytest.approx(8.2e9)
    assert by_period["2019"].amount == pytest.approx(9.5e9)
    assert "written once" in by_period["2018"].repair


def test_a_scaled_amount_takes_the_currency_of_the_figure_just_before(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "The defence budget was $3.1 billion in 2020. It reached 3.4 billion in 2021."
    )
    later = next(d for d in drafts if d.period == "2021")
    assert (later.unit, later.amount) == ("USD", pytest.approx(3.4e9))
    assert "$3.1 billion" in later.repair


def test_a_counted_noun_keeps_its_figure_a_count(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Aid reached $2 billion. About 1.2 million people were helped.")
    people = next(d for d in drafts if d.amount == 1.2e6)
    assert people.unit != "USD" and not people.repair


def test_of_several_currencies_in_reach_the_series_of_the_same_size_lends_it(
    tmp_path: Path,
) -> None:
    drafts = _drafts(
        tmp_path,
        "Spending was $4.2 billion in 2019. The 2024 plan is 150 billion rubles. "
        "It was 4.5 billion in 2020.",
    )
    later = next(d for d in drafts if d.period == "2020")
    assert later.unit == "USD"


def test_an_uncued_figure_beside_another_measure_does_not_take_the_headlines_metric(
    tmp_path: Path,
) -> None:
    drafts = _drafts(
        tmp_path,
        "Flood death toll rises to 40\n\nThe 60 evacuated were among the 900 people who were "
        "injured. Rescuers searched the river banks four times. Officials said 70 were found.",
    )
    by_amount = {d.amount: d for d in drafts}
    assert by_amount[40].metric == "people_killed"
    assert by_amount[900].metric == "people_injured"
    assert by_amount[60].metric != "people_killed"  # the sentence names another measure
    assert by_amount[4].metric != "people_killed"  # "four times" is a multiple
    assert by_amount[70].metric == "people_killed"  # nothing else named: the headline's


def test_one_in_five_is_a_proportion_not_two_counts(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Doctors said one in five of the 900 people hurt needed surgery.")
    [share] = [d for d in drafts if d.unit == "percent"]
    assert (share.amount, share.value) == (20.0, "20 percent")
    assert "'one in five'" in share.repair
    assert not any(d.amount in (1.0, 5.0) for d in drafts)


def test_a_figure_restated_with_that_is_takes_the_original_metric_and_period(
    tmp_path: Path,
) -> None:
    drafts = _drafts(tmp_path, "The 2023 defence budget is EUR 12 billion, that is $13 billion.")
    euro, dollar = sorted((d for d in drafts if d.unit in {"EUR", "USD"}), key=lambda d: d.unit)
    assert (
        (dollar.metric, dollar.period) == (euro.metric, euro.period) == ("defence_budget", "2023")
    )
    assert dollar.period_basis == "restated"


@pytest.mark.parametrize(
    "body",
    [
        "The budget is $3 billion. The population is 1.2 million.",
        "The budget is $3 billion. The country's population reached 2.9 billion.",
    ],
)
def test_a_count_near_a_money_figure_does_not_take_its_currency(tmp_path: Path, body: str) -> None:
    drafts = _drafts(tmp_path, body)
    assert [d.unit for d in drafts if d.unit == "USD"] == ["USD"]


@pytest.mark.parametrize(
    "second",
    ["up from 15.8 billion a year earlier", "while 3.9 billion will go to roads"],
)
def test_a_scaled_amount_the_sentence_goes_on_after_takes_the_currency_before(
    tmp_path: Path, second: str
) -> None:
    drafts = _drafts(tmp_path, f"The fund held 19.7 billion euros in 2021, {second}.")
    assert sorted(d.unit for d in drafts if d.amount in (15.8e9, 3.9e9, 19.7e9)) == ["EUR", "EUR"]


def test_a_bracketed_restatement_does_not_lend_its_currency(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Spending is 141 billion rubles ($1.9 billion) in 2022. Of that, 3.1 billion will go "
        "to schools.",
    )
    [part] = [d for d in drafts if d.amount == 3.1e9]
    assert part.unit == "RUB"  # a part of the ruble total, not of its dollar aside


def test_an_amount_in_a_sentence_that_counts_people_stays_without_currency(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Aid reached $2 billion. The refugees, some 1.5 billion people in all, will go on.",
    )
    drafts += _drafts(
        tmp_path, "Aid reached $2 billion. Of the residents, 1.2 billion will go home."
    )
    assert all(d.unit != "USD" for d in drafts if d.amount in (1.5e9, 1.2e9))


def test_a_bounded_proportion_keeps_its_bound(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Fewer than one in twenty workers earns the minimum wage.")
    [share] = [d for d in drafts if d.unit == "percent"]
    assert (share.value, share.low, share.high) == ("Fewer than 5 percent", 0.0, 5.0)


def test_an_amount_restated_in_brackets_takes_the_currency_its_sentence_writes_after_it(
    tmp_path: Path,
) -> None:
    drafts = _drafts(
        tmp_path,
        "The health budget will be cut by 60 million ($21 million) to 700 million lari in 2022.",
    )
    [cut] = [d for d in drafts if d.amount == 60e6]
    assert cut.unit == "GEL" and "the figure after it" in cut.repair


def test_a_count_restated_as_a_share_stays_a_count(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Some 60 million (25 percent) live on 700 million lari a year.")
    assert [d.unit for d in drafts if d.amount == 60e6] == ["count"]


def test_a_decimal_comma_with_a_space_is_one_figure_in_running_text(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "The ministry had 71, 25 million lira in 2022.")
    [draft] = [d for d in drafts if d.unit == "TRY"]
    assert draft.value == "71, 25 million lira" and "decimal comma" in draft.repair
    assert not any(d.amount == 71 for d in drafts)
