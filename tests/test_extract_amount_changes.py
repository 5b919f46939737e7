"""Changes stated as amounts, losses and the text's own exchange rate (extract/amount_changes.py,
extract/arithmetic.py, extract/stages.py), on sentences written here."""

from __future__ import annotations

from pathlib import Path

from tests.drafting import drafts_by_value as _drafts


def test_an_amount_of_change_is_an_increment_and_a_fall_is_negative(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Norway's defence budget for 2025 is $9.6 billion. The increase is worth about $950 "
        "million. That is an increase of $900 million. The budget rose by $850 million to $9.6 "
        "billion. Spending fell by 2 billion kroner to 70 billion kroner.",
    )
    for change in ("about $950 million", "$900 million", "$850 million"):
        assert drafts[change].scope == "the increment only"  # not a level of the budget
    assert drafts["$9.6 billion"].scope is None
    reached = drafts["$850 million"].relations["change_of"]  # the $9.6 billion it rose to
    assert reached == drafts["$9.6 billion"].id  # the later of the two, in its sentence
    fall = next(d for v, d in drafts.items() if "2 billion" in v)
    assert fall.value.startswith("-") and "change_of" in fall.relations


def test_a_loss_under_a_profit_metric_is_negative(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Contoso AG reported a net profit of 1.7 billion euros in 2025, compared with a net loss "
        "of 2.2 billion euros a year earlier.",
    )
    loss = next(d for v, d in drafts.items() if "2.2" in v)
    assert loss.value == "-2.2 billion euros" and "a loss" in loss.repair
    assert loss.period == "2024"
    assert drafts["1.7 billion euros"].value == "1.7 billion euros"


def test_the_texts_own_exchange_rate_is_no_figure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Romania's defence budget is 44.2 billion lei ($9.6 billion) in 2025, at an exchange "
        "rate of 4.6 lei to the dollar. The leu traded at 4.97 lei per euro.",
    )
    assert not any(d.amount is not None and d.amount < 100 for d in drafts.values())
    assert drafts["$9.6 billion"].relations.get("rate") == "4.6 RON/USD"


def test_a_change_in_percentage_points_is_no_level_of_the_rate(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Norway's unemployment rose 0.5 percentage points to 4.2% in 2024.")
    assert drafts["0.5 percentage points"].scope == "the increment only"
    assert drafts["4.2%"].scope is None


def test_an_amount_added_is_an_increment_and_from_a_year_is_the_base(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Parliament approved defence spending of 90 billion kroner for 2026, including 4.9 "
        "billion kroner added during budget talks. Norway's 2026 defence budget is up 10% from "
        "2025.",
    )
    added = next(d for v, d in drafts.items() if v.startswith("4.9"))
    assert added.scope == "the increment only"
    assert drafts["10%"].period == "2026"  # not the year it rose from


def test_an_increment_is_no_part_of_a_share(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Britain will raise defence spending to 2.5% of GDP by 2030, an extra £75 billion over "
        "six years.",
    )
    assert "share_of" not in drafts["2.5%"].relations  # £75 billion is no 2.5% of GDP
    assert drafts["£75 billion"].scope is not None
