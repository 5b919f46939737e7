"""Which figure a stage word belongs to, and the stage a text's lead gives (issue 10).

Sentences written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.extract.stages import find_stage, text_stage


def _stage(sentence: str, figure: str, *others: str) -> str | None:
    start = sentence.index(figure)
    spans = [(start, start + len(figure))]
    spans += [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return find_stage(sentence, start, start + len(figure), tuple(sorted(spans)))


def test_a_stage_word_right_before_another_figure_is_that_figures() -> None:
    sentence = "Spending falls to $3.1 billion compared with the revised estimate of $3.4 billion."
    assert _stage(sentence, "$3.4 billion", "$3.1 billion") == "revised"
    # the first is the new budget, set against a revised one
    assert _stage(sentence, "$3.1 billion", "$3.4 billion") == "approved"


def test_a_figure_beside_a_revised_one_without_a_contrast_gets_no_stage_from_it() -> None:
    sentence = "Spending is $3.1 billion and the revised estimate is $3.4 billion."
    assert _stage(sentence, "$3.1 billion", "$3.4 billion") is None


@pytest.mark.parametrize(
    ("lead", "stage"),
    [
        ("The draft budget for 2025, approved by the cabinet on Monday, gives 4 billion.", "draft"),
        ("Outlay rises to 5 billion against last year's revised estimate of 4.8 billion.", None),
        ("Parliament approved the budget on Friday.", "approved"),
        ("The government allocated 4 billion to the army.", "approved"),
    ],
)
def test_the_lead_stage_is_the_budgets_own_word_not_one_figures(
    lead: str, stage: str | None
) -> None:
    assert text_stage(lead) == stage


@pytest.mark.parametrize(
    ("sentence", "figure", "stage"),
    [
        ("Проект бюджета предусматривает 9 млрд на армию.", "9 млрд", "draft"),
        ("Расходы сократятся на 2 млрд.", "2 млрд", "revised"),
        ("Budżet uchwalony przez Sejm to 40 mld zł.", "40 mld zł", "approved"),
        ("Im Entwurf stehen 50 Mrd. Euro.", "50 Mrd. Euro", "draft"),
    ],
)
def test_stage_words_of_other_languages(sentence: str, figure: str, stage: str) -> None:
    assert _stage(sentence, figure) == stage


def test_a_budget_that_provides_for_a_figure_is_adopted_in_other_languages() -> None:
    assert _stage("Budżet przewiduje 30 mld zł na armię.", "30 mld zł") == "approved"
    assert _stage("В бюджете заложено 9 млрд рублей.", "9 млрд рублей") == "approved"


def test_a_quote_that_opens_the_next_sentence_may_follow_the_stop_unspaced() -> None:
    from reconcile.extract.sentences import split_sentences

    text = "Расходы составят 9 млрд.«Это рекорд», сказал министр."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Расходы составят 9 млрд.",
        "«Это рекорд», сказал министр.",
    ]


def test_an_increment_between_lets_the_stage_word_through_to_the_level() -> None:
    sentence = "The budget was cut by $2 billion to $40 billion."
    assert _stage(sentence, "$40 billion", "$2 billion") == "revised"
    # another level between still keeps it
    sentence = "The cut left $2 billion for roads and $40 billion for the rest."
    assert _stage(sentence, "$40 billion", "$2 billion") is None


def test_the_same_figure_said_another_way_lets_the_stage_word_through() -> None:
    sentence = "The adopted plan gives 2.4 percent of GDP, that is $31 billion, to the army."
    assert _stage(sentence, "$31 billion", "2.4 percent") == "approved"


def test_a_lead_stage_word_counts_only_when_it_stages_a_budget() -> None:
    lead = "The figures follow the method adopted by each member's statistics office."
    assert text_stage(lead) is None
    assert text_stage("Lawmakers adopted the spending plan for 2026 on Friday.") == "approved"


@pytest.mark.parametrize(
    ("sentence", "figure", "stage"),
    [
        ("Road spending was $4.2 billion in 2019.", "$4.2 billion", "executed"),
        ("Health expenditure, which was 8 billion in 2022, rose again.", "8 billion", "executed"),
        ("Spending was expected to reach $5 billion.", "$5 billion", None),
        ("Spending is $5 billion this year.", "$5 billion", None),
    ],
)
def test_spending_in_the_past_tense_is_what_was_spent(
    sentence: str, figure: str, stage: str | None
) -> None:
    assert _stage(sentence, figure) == stage


def test_an_allocation_that_grew_by_the_end_of_the_year_was_revised() -> None:
    sentence = "The 12 billion allocated to roads had grown to 14 billion by the end of the year."
    assert _stage(sentence, "14 billion", "12 billion") == "revised"
    assert _stage(sentence, "12 billion", "14 billion") == "approved"


SCHOOLS = """url: https://news.example/schools
published: 2025-02-02
outlet: News Example

Council sets its 2025 budget

The council approved a budget of EUR 900 million for 2025. This year's allocation includes EUR 120 \
million for schools. The transport bill is higher than last year's, when it stood at EUR 80 million.
"""


def test_a_sum_in_a_paragraph_about_a_budget_takes_the_budgets_stage(tmp_path: Path) -> None:
    from reconcile.claims.catalogue import load_catalogue
    from reconcile.extract.folders import draft_documents

    (tmp_path / "schools.txt").write_text(SCHOOLS, encoding="utf-8")
    done = draft_documents([tmp_path / "schools.txt"], load_catalogue(None))
    drafts = {d.value: d for d in done[0].drafts}
    assert drafts["EUR 80 million"].stage == "approved"
