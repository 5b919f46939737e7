"""The one catalogue model: the packaged general catalogue, extended by a project's."""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue, read_catalogue


def test_the_packaged_catalogue_is_used_where_a_folder_has_none(tmp_path: Path) -> None:
    catalogue = load_catalogue(tmp_path)
    assert catalogue.origin == ["reconcile/data"]
    assert {"defence_budget", "military_expenditure", "people_killed", "gdp"} <= set(
        catalogue.metrics
    )
    assert catalogue.resolve_source("Stockholm International Peace Research Institute") == "SIPRI"
    assert catalogue.findings == []


def test_a_project_entry_extends_or_replaces_a_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "metrics.yaml").write_text(
        "metrics:\n"
        "  - {id: defence_budget, related: [tanks]}\n"
        "  - {id: gdp, label: Local GDP, kind: money, unit: EUR}\n"
        "  - {id: tanks, kind: count, unit: count, cues: [tanks]}\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    budget = catalogue.metrics["defence_budget"]
    assert budget.related[-1] == "tanks" and budget.kind == "money" and budget.cues
    assert catalogue.metrics["gdp"].unit == "EUR"
    assert not catalogue.metrics["tanks"].packaged
    assert catalogue.findings == []


def test_draft_entries_fill_gaps_and_never_replace(tmp_path: Path) -> None:
    catalogue = load_catalogue(tmp_path)
    data = {
        "metrics": [
            {"id": "gdp", "kind": "count", "unit": "count"},
            {"id": "unreviewed_fishing_boats", "kind": "count", "unit": "count"},
        ],
        "sources": [{"id": "SIPRI", "name": "someone else"}, {"id": "Daily Planet"}],
    }
    catalogue.add_entries(data, tmp_path / "draft.yaml", layer="draft")
    catalogue.add_entries(data, tmp_path / "other.yaml", layer="draft")
    assert catalogue.metrics["gdp"].kind == "money"
    assert not catalogue.metrics["unreviewed_fishing_boats"].reviewed
    assert catalogue.resolve_source("daily planet") == "Daily Planet"
    assert catalogue.sources["SIPRI"].reviewed
    assert catalogue.findings == []


def test_read_catalogue_reads_one_combined_file(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_text(
        "metrics:\n  - {id: m, kind: count, unit: count}\n  - {id: m, kind: count, unit: count}\n"
        "sources:\n  - {id: S, aliases: [Ess]}\n",
        encoding="utf-8",
    )
    catalogue = read_catalogue([path])
    assert list(catalogue.metrics) == ["m"]
    assert [f.code for f in catalogue.findings] == ["duplicate-id"]
    assert catalogue.resolve_source("ess") == "S"
