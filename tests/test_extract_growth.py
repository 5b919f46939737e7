"""A change in percent measures the growth of the level it changes (issue 10).

Articles written for the test: a census, a company's results and a defence budget, each with
changes the generic change words ("up", "rose", "an increase of") describe.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft
from reconcile.extract.folders import draft_documents

PACKAGED = load_catalogue(None)
CENSUS = """url: https://stats.example/census
published: 2025-05-02
outlet: Stats Example

Ruritania counts 12 million people

Ruritania had 12,104,330 inhabitants in 2024, up 3.1% from the count of 2014, the statistics \
office said. The average yearly growth rate was 0.3% over the decade.
"""
RESULTS = """url: https://biz.example/acme
published: 2025-02-20
outlet: Biz Example

Acme Widgets Inc lifts profit

Acme Widgets Inc said revenue rose 6% to $4.2 billion in 2024, while orders fell 2% to $3.9 \
billion. Net income was $610 million.
"""
BUDGET = """url: https://news.example/budget
published: 2025-10-01
outlet: News Example

Parliament passes defence budget

Lawmakers approved a defence budget of 41 billion euros for 2026, an increase of 7% over this \
year.
"""


def _drafted(tmp_path: Path, text: str) -> dict[str, Draft]:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    [item] = draft_documents([tmp_path / "doc.txt"], PACKAGED)
    return {d.value: d for d in item.drafts}


def test_a_change_of_a_count_is_the_growth_of_that_count(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, CENSUS)
    assert drafts["3.1%"].metric == "population_growth"
    # no level in its sentence: the headline's measure
    assert drafts["0.3%"].metric == "population_growth"


def test_a_change_of_company_figures_is_their_growth_and_clauses_keep_apart(
    tmp_path: Path,
) -> None:
    drafts = _drafted(tmp_path, RESULTS)
    assert drafts["6%"].metric == "company_revenue_growth"
    assert drafts["$4.2 billion"].metric == "company_revenue"
    # the next clause's figures count orders, not revenue
    assert drafts["$3.9 billion"].metric == "unreviewed_money_order"
    assert drafts["-2%"].metric == "unreviewed_ratio_order_growth"
    assert drafts["$610 million"].metric == "company_net_income"
    # a company text's figures without a place are the company's
    assert {d.entity for d in drafts.values()} == {"acme-widgets"}


def test_a_change_of_a_budget_is_the_budgets_growth(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, BUDGET)
    assert drafts["7%"].metric == "defence_budget_growth"


def test_a_growth_metric_named_in_its_own_words_is_kept() -> None:
    from reconcile.extract.growth import settle_growth

    draft = Draft(
        document="d", value="2.1%", amount=2.1, low=2.05, high=2.15, unit="percent",
        metric="gdp_growth", entity="XXX", period="2024", source="s", quote="q", span=(25, 29),
        confidence=0.5, line=1,
    )  # fmt: skip
    sentence = "Economic growth reached 2.1% while the population rose to 9 million."
    settle_growth([draft], sentence, 0, PACKAGED, lambda unit: "population")
    assert draft.metric == "gdp_growth"


YEAR_ON_YEAR = """url: https://biz.example/acme-year
published: 2025-11-20
outlet: Biz Example

Acme Widgets Inc raises its dividend

Acme Widgets Inc reported net income of $1.9 billion for its fiscal year ended Sept. 30, up \
from $1.7 billion a year earlier. It proposed a dividend of $2.10 a share, up from $1.95.
"""


def test_a_year_earlier_and_an_undated_baseline_are_the_year_before(tmp_path: Path) -> None:
    drafts = _drafted(tmp_path, YEAR_ON_YEAR)
    assert (drafts["$1.9 billion"].period, drafts["$1.7 billion"].period) == ("2025", "2024")
    assert drafts["$2.10"].metric == "company_dividend_per_share"
    assert (drafts["$1.95"].metric, drafts["$1.95"].period) == (
        "company_dividend_per_share",
        "2024",
    )
