"""Verdict rules: which differences are contradictions (compare/verdicts.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.reconciliation import build_report, reconcile_claims

SOURCES = """sources:
  - {id: MoF, name: Ministry of Finance, kind: government}
  - {id: Daily, name: The Daily, kind: news}
  - {id: Weekly, name: The Weekly, kind: news}
  - {id: Institute, name: An Institute, kind: research-institute}
"""


def _claims(
    folder: Path, *claims: tuple[str, str, str, dict[str, str]], metric: str = "defence_budget"
) -> dict[str, Any]:
    """One claim file per (document, source, value, extra fields); returns the report."""
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    for number, (document, source, value, extra) in enumerate(claims):
        published = extra.pop("published", None)
        lines = [
            "document:",
            f"  id: {document}",
            f"  file: {document}.txt",
            *([f"  published: {published}"] if published else []),
            "claims:",
            f"  - id: c{number}",
            "    entity: RUR",
            f"    metric: {metric}",
            '    period: "2020"',
            f'    value: "{value}"',
            f"    source: {source}",
            *(f"    {key}: {text}" for key, text in extra.items()),
        ]
        path = folder / f"{number:02d}_{document}.yaml"
        if path.exists():  # a second claim of the same document
            lines = (
                path.read_text(encoding="utf-8").splitlines() + lines[lines.index("claims:") + 1 :]
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build_report(reconcile_claims(folder))


def _only_group(report: dict[str, Any]) -> dict[str, Any]:
    groups = [g for g in report["groups"] if g["verdict"] != "single"]
    assert len(groups) == 1, [g["verdict"] for g in report["groups"]]
    return groups[0]


def test_an_outturn_against_the_adopted_budget_is_a_stage_difference(tmp_path: Path) -> None:
    group = _only_group(
        _claims(
            tmp_path,
            ("law", "MoF", "$300 million", {"stage": "approved"}),
            ("outturn", "Daily", "$387 million", {"stage": "executed"}),
        )
    )
    assert group["verdict"] == "stage-difference"
    assert [c["kind"] for c in group["conflicts"]] == ["stage-difference"]
    assert group["conflicts"][0]["stated_gap"] == pytest.approx(0.29)


def test_a_draft_against_the_adopted_budget_stays_a_contradiction(tmp_path: Path) -> None:
    group = _only_group(
        _claims(
            tmp_path,
            ("draft", "MoF", "$301 million", {"stage": "draft"}),
            ("law", "Daily", "$307 million", {"stage": "approved"}),
        )
    )
    assert group["verdict"] == "conflict"
    assert group["conflicts"][0]["cause"] == "budget-stage"


def test_an_independent_estimate_is_not_a_budget_stage(tmp_path: Path) -> None:
    group = _only_group(
        _claims(
            tmp_path,
            ("law", "MoF", "$2.46 billion", {"stage": "approved"}),
            ("estimate", "Institute", "$1.473 billion", {"stage": "executed"}),
        )
    )
    assert group["verdict"] == "conflict"


def test_two_figures_one_source_gives_in_one_article_differ_by_definition(
    tmp_path: Path,
) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    group = _only_group(
        _claims(
            tmp_path,
            ("article", "Daily", "$267 million", {}),
            ("article", "Daily", "$117.6 million", {}),
        )
    )
    assert group["verdict"] == "definition-difference"
    # The same two figures from two sources in one article are a contradiction.
    other = tmp_path / "other"
    other.mkdir()
    group = _only_group(
        _claims(
            other,
            ("article", "Daily", "$267 million", {}),
            ("article", "MoF", "$117.6 million", {}),
        )
    )
    assert group["verdict"] == "conflict"


def test_a_running_tally_that_rose_is_a_revision_and_one_that_fell_is_not(tmp_path: Path) -> None:
    group = _only_group(
        _claims(
            tmp_path,
            ("early", "Daily", "135", {"published": "2020-08-05"}),
            ("later", "Weekly", "154", {"published": "2020-08-07"}),
            metric="people_killed",
        )
    )
    assert group["verdict"] == "revision"
    fell = tmp_path / "fell"
    fell.mkdir()
    group = _only_group(
        _claims(
            fell,
            ("early", "Daily", "154", {"published": "2020-08-05"}),
            ("later", "Weekly", "135", {"published": "2020-08-07"}),
            metric="people_killed",
        )
    )
    assert group["verdict"] == "conflict"


@pytest.mark.parametrize(
    ("low", "high", "verdict", "gap"),
    [
        ("$2 billion", "$2.4 billion", "within-rounding", 0.2),  # overlaps only as "1.5-2.5 bn"
        ("nearly $5 billion", "$4.85 billion", "consistent", 0.030928),
        ("$245.8 billion", "$245.8 billion", "consistent", 0.0),
    ],
)
def test_round_figures_are_not_wildcards(
    tmp_path: Path, low: str, high: str, verdict: str, gap: float
) -> None:
    group = _only_group(_claims(tmp_path, ("one", "Daily", low, {}), ("two", "MoF", high, {})))
    assert group["verdict"] == verdict
    assert group["stated_gap"] == pytest.approx(gap, abs=1e-6)


def test_the_gap_shown_is_between_the_stated_amounts(tmp_path: Path) -> None:
    group = _only_group(
        _claims(
            tmp_path,
            ("one", "Daily", "60,000", {}),
            ("two", "MoF", "67,000", {}),
            metric="population",
        )
    )
    conflict = group["conflicts"][0]
    assert conflict["gap"] == pytest.approx(0.0231, abs=1e-3)  # the intervals' distance
    assert conflict["kind"] == "contradiction"
    assert conflict["stated_gap"] == pytest.approx(7 / 60, abs=1e-6)  # what a reader computes


@pytest.mark.parametrize(("published", "verdict"), [(None, "agrees"), ("2022-01-10", "mismatch")])
def test_a_text_restating_its_figure_at_the_rate_of_when_it_was_written_agrees(
    tmp_path: Path, published: str | None, verdict: str
) -> None:
    """PLN 50 billion for 2020 restated at the 2019 PLN/EUR rate: right for a text written
    in 2019 (or undated, the rate having moved 3 %), a conversion-date slip for one of 2022."""
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    lines = ["document:", "  id: plan", "  file: plan.txt"]
    lines += [f"  published: {published}"] if published else []
    lines += [
        "claims:",
        '  - {id: pln, entity: POL, metric: defence_budget, period: "2020", '
        'value: "PLN 50 billion", source: Daily, line: 1}',
        '  - {id: eur, entity: POL, metric: defence_budget, period: "2020", '
        'value: "€11.63 billion", source: Daily, line: 1, equivalent_of: pln}',
    ]
    (tmp_path / "plan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build_report(reconcile_claims(tmp_path))
    (relation,) = report["relations"]
    assert relation["verdict"] == verdict
    assert relation["cause"] == (None if verdict == "agrees" else "conversion-date")
    assert "it matches the 2019 average rate" in relation["detail"]


@pytest.mark.parametrize(
    ("published", "verdict"), [("2020-12-26", "agrees"), ("2022-05-01", "mismatch")]
)
def test_a_budget_restated_before_its_year_may_use_a_forecast_rate(
    tmp_path: Path, published: str, verdict: str
) -> None:
    """UAH 267 billion for 2021 as $9.19 billion (29 UAH/USD, the budget's forecast; the 2021
    average was 27.3): fine in a text of December 2020, a wrong conversion in one of 2022."""
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    lines = ["document:", "  id: law", "  file: law.txt", f"  published: {published}", "claims:"]
    lines += [
        '  - {id: uah, entity: UKR, metric: defence_budget, period: "2021", '
        'value: "267 billion hryvnias", source: Daily, line: 1}',
        '  - {id: usd, entity: UKR, metric: defence_budget, period: "2021", '
        'value: "$9.19 billion", source: Daily, line: 1, equivalent_of: uah}',
    ]
    (tmp_path / "law.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (relation,) = build_report(reconcile_claims(tmp_path))["relations"]
    assert relation["verdict"] == verdict


def test_a_within_rounding_group_shows_its_stated_gap_in_every_format(tmp_path: Path) -> None:
    from reconcile.report.writer import render_report

    report = _claims(
        tmp_path, ("one", "Daily", "$2 billion", {}), ("two", "MoF", "$2.4 billion", {})
    )
    for fmt in ("markdown", "html"):
        assert "agree within rounding (stated figures 20% apart)" in render_report(report, fmt)


def _write_tallies(folder: Path, injured: str) -> None:
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    rows = [
        ("early", "2020-08-05", "people_killed", "154"),
        ("later", "2020-08-06", "people_killed", "more than 4,000"),
        ("other", "2020-08-06", "people_injured", injured),
    ]
    for number, (document, published, metric, value) in enumerate(rows):
        (folder / f"{number}.yaml").write_text(
            f"document:\n  id: {document}\n  file: {document}.txt\n  published: {published}\n"
            f"claims:\n  - id: c{number}\n    entity: RUR\n    metric: {metric}\n"
            f'    period: "2020"\n    value: "{value}"\n    source: Daily\n',
            encoding="utf-8",
        )


def test_a_tally_that_matches_a_related_tally_is_a_label_slip_not_a_revision(
    tmp_path: Path,
) -> None:
    _write_tallies(tmp_path, "some 4,000")
    report = build_report(reconcile_claims(tmp_path))
    killed = next(g for g in report["groups"] if g["metric"] == "people_killed")
    [pair] = killed["conflicts"]
    assert (killed["verdict"], pair["kind"], pair["cause"]) == (
        "conflict",
        "contradiction",
        "related-metric",
    )
    (tmp_path / "2.yaml").unlink()  # without the injured figure it reads as an update
    killed = next(
        g for g in build_report(reconcile_claims(tmp_path))["groups"]
        if g["metric"] == "people_killed"
    )  # fmt: skip
    assert killed["verdict"] == "revision"


@pytest.mark.parametrize(("dollars", "verdict"), [("$116 million", "consistent"),
                                                   ("$125 million", "conflict")])  # fmt: skip
def test_figures_in_two_currencies_agree_within_what_a_rate_moves(
    tmp_path: Path, dollars: str, verdict: str
) -> None:
    # 100.4 million euros is about $114.5 million at the 2020 reference rate
    report = _claims(
        tmp_path,
        ("one", "Daily", "EUR 100.4 million", {}),
        ("two", "Weekly", dollars, {}),
    )
    [group] = [g for g in report["groups"] if len(g["claims"]) == 2]
    assert group["verdict"] == verdict


def test_an_open_ended_tally_matches_only_figures_near_its_bound(tmp_path: Path) -> None:
    _write_tallies(tmp_path, "12,000")  # "more than 4,000" killed is no slip for 12,000 injured
    report = build_report(reconcile_claims(tmp_path))
    killed = next(g for g in report["groups"] if g["metric"] == "people_killed")
    assert killed["verdict"] == "revision"


def test_a_restatement_labelled_in_the_wrong_currency_is_a_currency_slip(tmp_path: Path) -> None:
    # 5,000 million hryvnias restated as "UAH 180 million": 27.8 to one, the dollar's rate
    # (the 2020 reference rate is 26.96: 3 % off, within what a writer's rate of the day is).
    report = _claims(
        tmp_path,
        ("budget", "Daily", "UAH 5,000 million", {}),
        ("budget", "Daily", "UAH 180 million", {}),
    )
    [group] = [g for g in report["groups"] if len(g["claims"]) == 2]
    [pair] = group["conflicts"]
    assert (pair["kind"], pair["cause"]) == ("contradiction", "currency")


def test_two_figures_in_one_currency_near_the_dollar_are_no_currency_slip(tmp_path: Path) -> None:
    # EUR 9.0 billion against EUR 7.9 billion: 1.14 to one, the euro's 2020 rate to the dollar,
    # but a gap this size between two euro figures says nothing about a currency label.
    report = _claims(
        tmp_path,
        ("one", "Daily", "EUR 9.0 billion", {}),
        ("two", "Weekly", "EUR 7.9 billion", {}),
    )
    [group] = [g for g in report["groups"] if len(g["claims"]) == 2]
    [pair] = group["conflicts"]
    assert pair["cause"] != "currency"
