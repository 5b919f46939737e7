"""Drafts of texts in other languages: cue words by stem, sentences, target years (issue 10).

Every sentence here is written for the test; none comes from the seeds or the corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.metric_cues import pick_metric
from reconcile.extract.readers import read_document
from reconcile.extract.scene import _infer_year
from reconcile.extract.sentences import split_sentences

PACKAGED = load_catalogue(None)


def _drafts(tmp_path: Path, body: str, published: str = "2022-03-01") -> dict[str, Draft]:
    path = tmp_path / "article.txt"
    header = f"url: https://news.example/a\npublished: {published}\noutlet: Example\n\n"
    path.write_text(header + body + "\n", encoding="utf-8")
    return {d.value: d for d in draft_claims(read_document(path), PACKAGED)}


def _metric(sentence: str, figure: str, unit: str | None) -> str:
    start = sentence.index(figure)
    return pick_metric(sentence, start, start + len(figure), unit, PACKAGED)[0]


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "metric"),
    [
        ("Правительство направит на оборону страны 12 млрд.", "12 млрд", "RUB", "defence_budget"),
        ("Оборонный бюджет вырос до 9 млрд.", "9 млрд", "UAH", "defence_budget"),
        ("Wydatki na obronność wyniosą 40 mld zł.", "40 mld zł", "PLN", "defence_budget"),
        (
            "Der Verteidigungshaushalt steigt auf 50 Mrd. Euro.",
            "50 Mrd. Euro",
            "EUR",
            "defence_budget",
        ),
        (
            "Le budget de la défense atteindra 44 milliards.",
            "44 milliards",
            "EUR",
            "defence_budget",
        ),
        ("В результате взрыва погибли 12 человек.", "12", "count", "people_killed"),
        ("Военные расходы выросли до 3 млрд.", "3 млрд", "RUB", "defence_budget"),
        ("Ponad 30 osób zostało rannych.", "30", "count", "people_injured"),
        ("Die Stadt hat 80.000 Einwohner.", "80.000", "count", "population"),
    ],
)
def test_cues_in_other_languages_match_their_inflected_forms(
    sentence: str, figure: str, unit: str | None, metric: str
) -> None:
    assert _metric(sentence, figure, unit) == metric


def test_a_stem_cue_needs_a_word_boundary_and_three_letters() -> None:
    # "оборон*" must not match inside another word, and "ar*" would be too short to be a stem.
    assert _metric("Это непротивоборонный случай: 12 млрд.", "12 млрд", "RUB") != "defence_budget"


def test_a_cue_right_after_another_figure_is_that_figures() -> None:
    # "GDP" completes "2 percent", so it says nothing about the money figure after it.
    sentence = "The plan gives the army 2 percent of GDP, or $30 billion, next year."
    start = sentence.index("$30 billion")
    others = ((sentence.index("2 percent"), sentence.index("2 percent") + 9),)
    metric = pick_metric(sentence, start, start + 11, "USD", PACKAGED, others=others)[0]
    assert metric == "defence_budget"
    # a cue after a full stop is the next sentence's, not a complement
    text = "The navy had 3. The defence budget was $2 billion."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The navy had 3.",
        "The defence budget was $2 billion.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Бюджет вырос. В этом году он больше.", ["Бюджет вырос.", "В этом году он больше."]),
        ("Wzrost o 3 proc. PKB jest duży. Tak.", ["Wzrost o 3 proc. PKB jest duży.", "Tak."]),
        ("Około 5 tys. osób. Nowe zdanie.", ["Około 5 tys. osób.", "Nowe zdanie."]),
        ("It cost $5 bn. The rest was paid later.", ["It cost $5 bn.", "The rest was paid later."]),
        ("Zakup ok. 20 czołgów. Koniec.", ["Zakup ok. 20 czołgów.", "Koniec."]),
    ],
)
def test_sentences_open_with_a_capital_of_any_script(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The budget rose in 2019 and will double by 2030.", 2019),
        ("Wydatki mają rosnąć do 2030 r., a w 2020 r. wynosiły mniej.", 2020),
        ("Расходы вырастут до 2035 года; в 2021 году они были ниже.", 2021),
        ("Bis 2028 soll der Etat steigen.", None),
        ("The plan runs until the end of 2027; it started in 2018.", 2018),
        ("The budget rose in 2019 and 2021.", 2021),
    ],
)
def test_an_undated_text_is_not_dated_by_the_targets_it_looks_ahead_to(
    text: str, year: int | None
) -> None:
    assert _infer_year(text) == year


def test_a_polish_figure_after_a_share_of_gdp_is_the_budget(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Rząd planuje, że w 2023 r. na obronę trafi 2,2 proc. PKB, czyli 60 mld zł. "
        "Udział ma rosnąć do 3 proc. PKB do 2035 r.",
        published="unknown",
    )
    assert drafts["60 mld zł"].metric == "defence_budget"
    assert drafts["60 mld zł"].period == "2023"


def test_the_language_cue_file_names_only_packaged_metrics() -> None:
    cued = {m.id for m in PACKAGED.metrics.values() if any("*" in c for c in m.cues)}
    assert {"defence_budget", "people_killed", "population"} <= cued


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Udział wyniesie 2,4 proc. PKB.", "2,4 proc"),
        ("Der Anteil stieg um 3 Prozent.", "3 Prozent"),
    ],
)
def test_percent_words_of_other_languages_are_read_in_running_text(text: str, value: str) -> None:
    from reconcile.figures.running_text import find_figures

    [(_, _, parsed)] = find_figures(text)
    assert (parsed.text, parsed.unit) == (value, "percent")


def test_the_cue_tree_prefers_the_longer_cue_over_a_stem_that_starts_it() -> None:
    from reconcile.core.patterns import trie_alternation

    regex = re.compile(rf"(?:{trie_alternation(['обор*', 'оборонн* бюджет*'], stem='*')})(?!\w)")
    assert regex.match("оборонного бюджета").group(0) == "оборонного бюджета"
    assert regex.match("обороны").group(0) == "обороны"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Расходы в прошлом году составили 5 млрд.", "2021"),
        ("W przyszłym roku wydatki wzrosną.", "2023"),
        ("Im laufenden Jahr steigt der Etat.", "2022"),
        ("Les dépenses de l'an dernier étaient faibles.", "2021"),
        ("El presupuesto de este año es mayor.", "2022"),
    ],
)
def test_this_last_and_next_year_in_other_languages(text: str, period: str) -> None:
    from datetime import date

    from reconcile.extract.periods import find_periods

    [mention] = find_periods(text, date(2022, 5, 1), None)
    assert mention.periods == (period,)


HAUSHALT = """Regierung legt Haushaltsentwurf vor

Die Regierung hat den Entwurf für den Landeshaushalt 2027 gebilligt. Er sieht Ausgaben von \
90 Milliarden Euro vor. Der Verteidigungsetat soll um 2 Milliarden Euro auf 11 Milliarden Euro \
steigen, die Neuverschuldung liegt bei 4 Milliarden Euro.
"""


def test_a_german_draft_budget_its_lines_stage_and_increment(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, HAUSHALT, published="2026-07-01")
    spending = drafts["90 Milliarden Euro"]
    assert (spending.metric, spending.period, spending.stage) == (
        "state_budget_expenditure",
        "2027",
        "draft",
    )
    assert drafts["2 Milliarden Euro"].scope == "the increment only"
    assert (drafts["11 Milliarden Euro"].metric, drafts["11 Milliarden Euro"].period) == (
        "defence_budget",
        "2027",
    )
    assert drafts["4 Milliarden Euro"].metric == "state_budget_deficit"


def test_a_cue_after_another_figure_is_that_figures_in_other_languages(tmp_path: Path) -> None:
    body = "Бюджет на 2027 рік\n\nВидатки на оборону становитимуть 3,1 трлн грн, або 27% ВВП.\n"
    drafts = _drafts(tmp_path, body, published="2026-10-01")
    assert drafts["3,1 трлн грн"].metric == "defence_budget"  # not GDP, the percentage's


def test_a_scaled_amount_takes_the_currency_before_it_in_spanish(tmp_path: Path) -> None:
    body = (
        "Presupuesto de defensa\n\nEl Gobierno aprobó un presupuesto de defensa de 21.000 "
        "millones de euros para 2027, frente a los 19.500 millones de 2026.\n"
    )
    drafts = _drafts(tmp_path, body, published="2026-10-01")
    later = next(d for d in drafts.values() if "19.500" in d.value)
    assert (later.unit, later.period) == ("EUR", "2026")


def test_a_sum_with_no_words_of_its_own_goes_on_about_the_sentence_before(
    tmp_path: Path,
) -> None:
    body = (
        "Budżet obronny\n\nWydatki na obronność wyniosą 200 mld zł w 2027 roku. "
        "W 2026 roku było to 180 mld zł.\n"
    )
    drafts = _drafts(tmp_path, body, published="2026-09-01")
    assert drafts["180 mld zł"].metric == drafts["200 mld zł"].metric == "defence_budget"


def test_russian_federal_spending_and_an_increment_by_more(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(
        "published: 2024-09-30\noutlet: Example\n\nПравительство предложило увеличить расходы на "
        "оборону до 11,2 трлн рублей, что на 2 трлн рублей больше. Расходы федерального бюджета "
        "составят 40,1 трлн рублей.\n",
        encoding="utf-8",
    )
    drafts = {d.value: d for d in draft_claims(read_document(path), load_catalogue(None))}
    assert drafts["2 трлн рублей"].scope == "the increment only"
    assert drafts["40,1 трлн рублей"].metric == "state_budget_expenditure"
