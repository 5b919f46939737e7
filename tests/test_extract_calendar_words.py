"""Days and months date a figure; they never name what it measures (issue 10).

Text written for the test.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.folders import draft_documents
from reconcile.extract.provisional import provisional_metric

FLOOD = """url: https://news.example/flood
published: 2024-05-08
outlet: News Example

Flood death toll tops 300

The number of people killed by the floods that hit the north of the country last week rose \
above 300 on Tuesday, rescue workers said.
"""


def test_a_weekday_after_a_figure_keeps_it_with_the_headlines_toll(tmp_path: Path) -> None:
    (tmp_path / "flood.txt").write_text(FLOOD, encoding="utf-8")
    [item] = draft_documents([tmp_path / "flood.txt"], load_catalogue(None))
    metrics = {d.value: d.metric for d in item.drafts}
    assert metrics["above 300"] == "people_killed"


def test_calendar_words_are_no_provisional_phrase() -> None:
    sentence = "Exports reached 40 tonnes on Friday in March."
    start = sentence.index("40 tonnes")
    assert provisional_metric(sentence, start, start + 9, "tonne")[1] == "export"


def test_the_speaker_of_a_sentence_names_no_measure() -> None:
    from reconcile.extract.metric_cues import pick_metric

    catalogue = load_catalogue(None)
    sentence = "The toll rose to 300 killed on Tuesday, rescue workers said."
    start = sentence.index("300")
    assert pick_metric(sentence, start, start + 3, "count", catalogue)[0] == "people_killed"
    sentence = "Some 300 were hired last year, factory workers said."
    start = sentence.index("300")
    assert pick_metric(sentence, start, start + 3, "count", catalogue)[0] != "company_employees"
