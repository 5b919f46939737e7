"""What a figure is about: the country of its sentence and the noun it counts, on sentences
written here."""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.readers import read_document

PACKAGED = load_catalogue(None)


def _drafts(tmp_path: Path, body: str) -> dict[str, Draft]:
    path = tmp_path / "article.txt"
    path.write_text("outlet: Example\npublished: 2025-03-01\n\n" + body + "\n", encoding="utf-8")
    return {d.value: d for d in draft_claims(read_document(path), PACKAGED)}


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
    assert drafts["9,500"].metric == "unreviewed_count_home"  # not the ministry's troops
    assert drafts["50,000"].metric == "reserve_personnel"  # its own noun is the metric's


def test_a_headline_that_says_kill_names_the_death_toll(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "Floods in Kenya kill at least 40, thousands of homes destroyed")
    assert drafts["at least 40"].metric == "people_killed"
