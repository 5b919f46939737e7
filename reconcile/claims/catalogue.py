"""The metric and source catalogues that sit beside the claims (metrics.yaml, sources.yaml)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.core.errors import Finding, InputError

from .yaml_io import line_of, read_yaml

METRIC_KINDS = ("money", "count", "quantity", "rank", "ratio")


@dataclass(frozen=True, slots=True)
class Metric:
    """What a figure measures: its kind, canonical unit, comparison tolerance and cue words."""

    id: str
    label: str
    kind: str
    unit: str
    tolerance: float = 0.0
    cues: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """An authority figures are attributed to."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Catalogue:
    """Metrics and sources by id, and the problems found reading them."""

    metrics: dict[str, Metric] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    _source_names: dict[str, str] = field(default_factory=dict)

    def resolve_source(self, name: str) -> str | None:
        """The source id for an id, name or alias (case-insensitive), or None."""
        return self._source_names.get(name.strip().lower())

    def suggest(self, wrong: str, choices: list[str]) -> str:
        """' (did you mean 'x'?)' for the closest choice, or ''."""
        close = difflib.get_close_matches(wrong, choices, n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""


def _entries(data: Any, key: str, path: Path) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(
            f"expected a top-level '{key}:' list",
            path=str(path),
            line=1,
            hint=f"see docs/claims-format.md for the layout of {path.name}",
        )
    return list(data[key])


def load_catalogue(directory: Path) -> Catalogue:
    """Read metrics.yaml and sources.yaml from a claims folder."""
    catalogue = Catalogue()
    metrics_path = directory / "metrics.yaml"
    sources_path = directory / "sources.yaml"
    for path in (metrics_path, sources_path):
        if not path.exists():
            raise InputError(
                f"catalogue {path.name} not found beside the claims",
                path=str(path),
                hint="every claims folder needs metrics.yaml and sources.yaml; "
                "copy them from the project's claims/ folder to start",
            )
    for entry in _entries(read_yaml(metrics_path), "metrics", metrics_path):
        _add_metric(catalogue, entry, metrics_path)
    for entry in _entries(read_yaml(sources_path), "sources", sources_path):
        _add_source(catalogue, entry, sources_path)
    for metric in catalogue.metrics.values():
        for related in metric.related:
            if related not in catalogue.metrics:
                catalogue.findings.append(
                    Finding(
                        "unknown-metric",
                        f"metric '{metric.id}' lists unknown related metric '{related}'"
                        + catalogue.suggest(related, list(catalogue.metrics)),
                        str(metrics_path),
                    )
                )
    return catalogue


def _add_metric(catalogue: Catalogue, entry: Any, path: Path) -> None:
    line = line_of(entry)
    try:
        metric = Metric(
            id=str(entry["id"]),
            label=str(entry.get("label", entry["id"])),
            kind=str(entry["kind"]),
            unit=str(entry["unit"]),
            tolerance=float(entry.get("tolerance") or 0.0),
            cues=tuple(str(c) for c in entry.get("cues") or ()),
            related=tuple(str(r) for r in entry.get("related") or ()),
        )
    except (KeyError, TypeError, ValueError) as error:
        catalogue.findings.append(
            Finding(
                "bad-metric",
                f"metric entry lacks or mangles {error}: needs id, kind, unit",
                str(path),
                line,
            )
        )
        return
    if metric.kind not in METRIC_KINDS:
        catalogue.findings.append(
            Finding(
                "bad-metric",
                f"metric '{metric.id}' has kind '{metric.kind}'; use one of "
                + ", ".join(METRIC_KINDS),
                str(path),
                line,
            )
        )
        return
    if metric.id in catalogue.metrics:
        catalogue.findings.append(
            Finding(
                "duplicate-id",
                f"metric '{metric.id}' is defined twice; the first is kept",
                str(path),
                line,
            )
        )
        return
    catalogue.metrics[metric.id] = metric


def _add_source(catalogue: Catalogue, entry: Any, path: Path) -> None:
    line = line_of(entry)
    try:
        source = Source(
            id=str(entry["id"]),
            name=str(entry.get("name", entry["id"])),
            kind=str(entry.get("kind", "other")),
            aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        )
    except (KeyError, TypeError) as error:
        catalogue.findings.append(
            Finding("bad-source", f"source entry lacks {error}: needs at least id", str(path), line)
        )
        return
    for name in (source.id, source.name, *source.aliases):
        key = name.strip().lower()
        owner = catalogue._source_names.get(key)
        if owner is not None and owner != source.id:
            catalogue.findings.append(
                Finding(
                    "duplicate-id",
                    f"source name {name!r} belongs to both '{owner}' and "
                    f"'{source.id}'; it stays with '{owner}'",
                    str(path),
                    line,
                )
            )
            continue
        catalogue._source_names[key] = source.id
    catalogue.sources[source.id] = source
