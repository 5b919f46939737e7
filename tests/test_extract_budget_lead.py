"""The budget a text's lead is about dates the budget's other sums (issue 10).

Articles written for the test.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.folders import draft_documents

LEAD = """url: https://news.example/plan
published: 2025-12-20
outlet: News Example

Cabinet backs record spending plan

The cabinet on Friday approved a defence budget of 7.1 trillion yen for the fiscal year \
starting in April 2026.

The budget is the largest ever. It sets aside 600 billion yen for ships.
"""
PARAGRAPH = """url: https://news.example/assembly
published: 2025-12-20
outlet: News Example

Assembly passes 2026 defence budget

The assembly passed a defence budget of 50 trillion won for 2026.

Spending on ships was set at 9 trillion won. The ministry had asked for 51 trillion won, but \
the assembly took 1 trillion won out.
"""


def _drafted(tmp_path: Path, text: str) -> dict[str, str]:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    [item] = draft_documents([tmp_path / "doc.txt"], load_catalogue(None))
    return {d.value: d.period for d in item.drafts}


def test_the_leads_budget_period_dates_the_budgets_other_sums(tmp_path: Path) -> None:
    periods = _drafted(tmp_path, LEAD)
    assert periods["7.1 trillion yen"] == "2026"
    # a sum in a paragraph about the budget, not the year of publication (2025)
    assert periods["600 billion yen"] == "2026"


def test_a_sum_in_a_paragraph_about_the_budget_is_of_the_budgets_year(tmp_path: Path) -> None:
    periods = _drafted(tmp_path, PARAGRAPH)
    assert periods["9 trillion won"] == "2026"
    assert periods["51 trillion won"] == "2026"
    assert periods["1 trillion won"] == "2026"


def test_a_line_of_the_budget_is_not_the_headlines_total(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        PARAGRAPH.replace(
            "The ministry", "Another 8 trillion won will go to pay rises. The ministry"
        ),
        encoding="utf-8",
    )
    [item] = draft_documents([tmp_path / "doc.txt"], load_catalogue(None))
    metrics = {d.value: d.metric for d in item.drafts}
    assert metrics["50 trillion won"] == "defence_budget"
    assert metrics["9 trillion won"] == "unreviewed_money_ship"
    assert metrics["8 trillion won"] == "unreviewed_money_pay_rise"
