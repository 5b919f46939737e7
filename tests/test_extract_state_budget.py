"""A state budget's total, revenue, deficit and changes, in a currency written with one letter
(issue 10). Text written for the test.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.folders import draft_documents
from reconcile.extract.stages import INCREMENT

BUDGET = """url: https://news.example/ng-budget
published: 2026-01-03
outlet: News Example

President signs N30 trillion 2026 budget

The president on Friday signed the 2026 Appropriation Bill of N30 trillion into law, after \
lawmakers raised the draft sent to them in October by N1.5 trillion. The budget projects \
revenue of N19 trillion and a deficit of N10 trillion.
"""


def test_a_state_budget_in_naira(tmp_path: Path) -> None:
    (tmp_path / "budget.txt").write_text(BUDGET, encoding="utf-8")
    [item] = draft_documents([tmp_path / "budget.txt"], load_catalogue(None))
    drafts = {d.value: d for d in item.drafts}
    total = drafts["N30 trillion"]
    assert (total.unit, total.metric, total.period, total.stage) == (
        "NGN",
        "state_budget_expenditure",
        "2026",
        "approved",
    )
    assert drafts["N1.5 trillion"].scope == INCREMENT
    # each cue is the figure's it introduces
    assert drafts["N19 trillion"].metric == "state_budget_revenue"
    assert drafts["N10 trillion"].metric == "state_budget_deficit"


def test_one_letter_currencies_need_a_scaled_amount() -> None:
    from reconcile.figures.running_text import find_figures

    assert [p.unit for _, _, p in find_figures("a plan of R1.2 billion")] == ["ZAR"]
    assert find_figures("wear N95 masks on the R2 road") == []
