"""Changes stated as amounts and the text's own exchange rate (extract/amount_changes.py,
extract/arithmetic.py), on sentences written here."""

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


def test_an_amount_of_change_is_not_drafted_as_the_level(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Norway's defence budget for 2025 is $9.6 billion. The increase is worth about $950 "
        "million. The budget rose by $850 million to $9.6 billion. Spending fell by 2 billion "
        "kroner to 70 billion kroner.",
    )
    assert drafts["$9.6 billion"].metric == "defence_budget"
    for change in ("about $950 million", "$850 million"):
        assert drafts[change].metric == "unreviewed_money_defence_budget_change"
    reached = drafts["$850 million"].relations["change_of"]  # the $9.6 billion it rose to
    assert reached == drafts["$9.6 billion"].id  # the later of the two, in its sentence
    fall = next(d for v, d in drafts.items() if "2 billion" in v)
    assert fall.value.startswith("-") and fall.amount is not None  # the sign the wording gives
    assert fall.metric.endswith("_change") and "change_of" in fall.relations


def test_an_additional_allocation_stays_with_the_budget_as_a_later_stage(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path, "Norway's army will receive an additional 4 billion kroner this year."
    )
    assert not any(d.metric.endswith("_change") for d in drafts.values())


def test_the_texts_own_exchange_rate_is_no_figure(tmp_path: Path) -> None:
    drafts = _drafts(
        tmp_path,
        "Romania's defence budget is 44.2 billion lei ($9.6 billion) in 2025, at an exchange "
        "rate of 4.6 lei to the dollar. The leu traded at 4.97 lei per euro.",
    )
    assert not any(d.amount is not None and d.amount < 100 for d in drafts.values())
    assert drafts["$9.6 billion"].relations.get("rate") == "4.6 RON/USD"
