"""Measuring drafts against curated claims (reconcile.extract_eval) and its command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.claims.catalogue import Catalogue, Source
from reconcile.extract.drafts import Draft
from reconcile.extract.evaluation import GoldClaim, evaluate_drafts, evaluate_extraction, value_key

DATA = Path(__file__).parent / "data" / "extract"
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def draft(value: str, *, line: int = 1, source: str = "X", basis: str = "named") -> Draft:
    return Draft("d.txt", value, None, None, None, None, "m", "E", "2020", source, "q", (0, 1),
                 line, 1.0, source_basis=basis)  # fmt: skip


def gold(value: str, *, line: int = 1, source: str = "X") -> GoldClaim:
    return GoldClaim("g", "d.txt", value, "m", "2020", source, line, frozenset({"Pub"}))


@pytest.mark.parametrize(
    ("curated", "drafted"),
    [
        ("nearly 20 countries", "nearly 20"),
        ("the strongest army in the South Caucasus", "the strongest army"),
        ("$7 million per year", "$7 million"),
        ("four other", "four"),
    ],
)
def test_values_match_on_the_parsed_interval(curated: str, drafted: str) -> None:
    assert value_key(curated) == value_key(drafted)


def _catalogue_with(source_id: str) -> Catalogue:
    catalogue = Catalogue()
    catalogue.add_source(Source(source_id, source_id))
    return catalogue


def test_about_and_bare_figures_differ() -> None:
    assert value_key("about 106") != value_key("106")


def test_matching_is_one_to_one_nearest_line_first() -> None:
    catalogue = _catalogue_with("X")
    result = evaluate_drafts(
        [draft("2", line=10), draft("2", line=50)],
        [gold("2", line=49), gold("2", line=11), gold("3", line=5)],
        catalogue,
    )
    assert result.rows["d.txt"] == {"gold": 3, "drafts": 2, "found": 2, "metric": 2,
                                    "period": 2, "source": 2}  # fmt: skip
    assert [g.value for g in result.missed] == ["3"]


def test_the_document_itself_matches_the_publisher() -> None:
    catalogue = _catalogue_with("X")
    result = evaluate_drafts(
        [draft("5", source="document", basis="document")], [gold("5", source="Pub")], catalogue
    )
    assert result.rows["d.txt"]["source"] == 1


def test_evaluate_small_fixture() -> None:
    result = evaluate_extraction([DATA / "claims"], DATA).to_dict()
    # "40,000 troops, the ministry said": the ministry is the authority, not the publisher
    assert result["total"] == {"gold": 4, "drafts": 9, "found": 3, "metric": 3, "period": 2,
                               "source": 2}  # fmt: skip
    assert result["missed"] == [
        {"id": "test-article-04", "document": "article.txt", "value": "7 billion dollars"}
    ]
    assert result["recall"] == 0.75


def test_eval_extract_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    from reconcile.__main__ import main

    code = main(["eval-extract", str(DATA / "claims"), "--seeds", str(DATA), "--format", "json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["total"]["found"] == 3
    code = main(["eval-extract", str(DATA / "claims"), "--seeds", str(DATA / "nope")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"ERROR {DATA / 'nope'}: seed folder not found\nhint: pass --seeds DIR\n"
    )


def test_seed_targets() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found: {SEEDS}")
    result = evaluate_extraction([ROOT / "claims"], SEEDS).to_dict()
    # Measured, not tuned: recall and precision meet the targets; see the report for period.
    assert result["recall"] >= 0.95
    assert result["precision"] >= 0.90
    assert result["source_accuracy"] >= 0.85
