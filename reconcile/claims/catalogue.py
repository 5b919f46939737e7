"""The one catalogue model: metrics and sources, for claim loading and for extraction alike.

A general catalogue ships in the package (reconcile/data/metrics.yaml, sources.yaml); a project's
claims/metrics.yaml and sources.yaml extend it, and an entry with a packaged id replaces it. Draft
claim files may declare unreviewed entries (`reviewed: false`) for the provisional metrics and
new authorities they use; those never replace an entry already known.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reconcile.core.errors import Finding, InputError

from .yaml_io import line_of, read_yaml

METRIC_KINDS = ("money", "count", "quantity", "rank", "ratio")
PACKAGED = "reconcile/data"


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
    reviewed: bool = True
    packaged: bool = False
    running: bool = False  # a running tally (a death toll): later reports revise it
    territorial: bool = (
        False  # measured over a territory: a capital's is the city's, not the land's
    )
    growth_of: str | None = None  # the level whose change in percent this metric is


@dataclass(frozen=True, slots=True)
class Source:
    """An authority figures are attributed to, and every name it goes by."""

    id: str
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    reviewed: bool = True
    packaged: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The name and the aliases."""
        return tuple(n for n in (self.name, *self.aliases) if n)


@dataclass(slots=True)
class Catalogue:
    """Metrics and sources by id, and the problems found reading them."""

    metrics: dict[str, Metric] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)
    _source_names: dict[str, str] = field(default_factory=dict, repr=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def resolve_source(self, name: str) -> str | None:
        """The source id for an id, name or alias (case-insensitive), or None."""
        return self._source_names.get(name.strip().lower())

    def suggest(self, wrong: str, choices: list[str]) -> str:
        """' (did you mean 'x'?)' for the closest choice, or ''."""
        close = difflib.get_close_matches(wrong, choices, n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""

    def prepared(self, key: str, build: Callable[[Catalogue], Any]) -> Any:
        """A regex or index built once per catalogue by `build` and kept under `key`."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]

    def add_metric(self, metric: Metric, *, replace: bool = False) -> bool:
        """Add a metric; an existing id is replaced only with `replace`. True when added."""
        if metric.id in self.metrics and not replace:
            return False
        self.metrics[metric.id] = metric
        self._cache.clear()
        return True

    def add_source(self, source: Source, *, replace: bool = False) -> list[str]:
        """Add a source; returns the names already owned by another source (left with it)."""
        if source.id in self.sources:
            if not replace:
                return []
            old = self.sources[source.id]
            for name in (old.id, *old.names):
                if self._source_names.get(name.strip().lower()) == source.id:
                    del self._source_names[name.strip().lower()]
        taken = []
        for name in (source.id, *source.names):
            key = name.strip().lower()
            owner = self._source_names.get(key)
            if owner is not None and owner != source.id:
                taken.append(name)
                continue
            self._source_names[key] = source.id
        self.sources[source.id] = source
        self._cache.clear()
        return taken

    def add_entries(self, data: Any, path: Path, *, layer: str = "project") -> None:
        """Add the `metrics:` and `sources:` entries of one YAML mapping.

        layer "packaged" and "project" entries are reviewed; a project entry replaces a packaged
        one of the same id. "draft" entries (from draft claim files) only fill gaps.
        """
        seen: set[tuple[str, str]] = set()
        for key, add in (("metrics", _add_metric), ("sources", _add_source)):
            entries = data.get(key) if isinstance(data, dict) else None
            for entry in entries or []:
                add(self, entry, path, layer, seen)


def normalise_name(name: str) -> str:
    """A name as compared: lower case, plain apostrophes, single spaces, no "www."."""
    name = name.lower().replace("’", "'").replace("www.", "")
    return re.sub(r"\s+", " ", name).strip(" .,'\"")


def packaged_files() -> list[Path]:
    """The general catalogue shipped in the package."""
    from importlib import resources

    data = Path(str(resources.files("reconcile") / "data"))
    return [data / "metrics.yaml", data / "sources.yaml"]


def _read_packaged(catalogue: Catalogue) -> None:
    """The packaged metrics and sources, with their cues in other languages
    (data/metric_cues.yaml: metric -> language -> cues; it only adds cues)."""
    for path in packaged_files():
        _read_layer(catalogue, path, "packaged")
    path = packaged_files()[0].with_name("metric_cues.yaml")
    for metric_id, languages in (read_yaml(path).get("metrics") or {}).items():
        metric = catalogue.metrics.get(str(metric_id))
        if metric is None:
            raise InputError(f"cues for unknown metric '{metric_id}'", path=str(path),
                             line=line_of(languages), hint="use an id of metrics.yaml")  # fmt: skip
        added = [str(c) for cues in languages.values() for c in cues if str(c) not in metric.cues]
        catalogue.add_metric(replace(metric, cues=(*metric.cues, *added)), replace=True)


def load_catalogue(directory: Path | None, *, packaged: bool = True) -> Catalogue:
    """The packaged catalogue extended by metrics.yaml and sources.yaml of a claims folder.

    Without `packaged`, both files must be in the folder (the catalogue of that folder alone);
    with no folder, the packaged catalogue alone.
    """
    catalogue = Catalogue()
    if packaged:
        _read_packaged(catalogue)
        catalogue.origin.append(PACKAGED)
    for name, key in (("metrics.yaml", "metrics"), ("sources.yaml", "sources")):
        if directory is None:
            break
        path = directory / name
        if not path.exists():
            if packaged:
                continue
            raise InputError(
                f"catalogue {name} not found beside the claims",
                path=str(path),
                hint="every claims folder needs metrics.yaml and sources.yaml; "
                "copy them from the project's claims/ folder to start",
            )
        _read_layer(catalogue, path, "project", key)
        if str(directory) not in catalogue.origin:
            catalogue.origin.append(str(directory))
    check_related(catalogue, (directory or Path()) / "metrics.yaml")
    return catalogue


def read_catalogue(paths: Iterable[Path | str], *, packaged: bool = False) -> Catalogue:
    """A catalogue from YAML files (or folders of them) holding `metrics:` and/or `sources:`."""
    catalogue = Catalogue()
    if packaged:
        _read_packaged(catalogue)
    for path in map(Path, paths):
        for file in sorted(path.glob("*.yaml")) if path.is_dir() else [path]:
            data = read_yaml(file) or {}
            if isinstance(data, dict) and ("metrics" in data or "sources" in data):
                catalogue.add_entries(data, file)
                catalogue.origin.append(str(file))
    return catalogue


def check_related(catalogue: Catalogue, path: Path) -> None:
    """A finding for every related metric that is not in the catalogue."""
    for metric in catalogue.metrics.values():
        for related in metric.related:
            if related not in catalogue.metrics:
                catalogue.findings.append(
                    Finding(
                        "unknown-metric",
                        f"metric '{metric.id}' lists unknown related metric '{related}'"
                        + catalogue.suggest(related, list(catalogue.metrics)),
                        str(path),
                    )
                )


def _read_layer(catalogue: Catalogue, path: Path, layer: str, key: str | None = None) -> None:
    data = read_yaml(path)
    if key is not None and (not isinstance(data, dict) or not isinstance(data.get(key), list)):
        raise InputError(
            f"expected a top-level '{key}:' list",
            path=str(path),
            line=1,
            hint=f"see docs/claims-format.md for the layout of {path.name}",
        )
    catalogue.add_entries(data, path, layer=layer)


def _add_metric(
    catalogue: Catalogue, entry: Any, path: Path, layer: str, seen: set[tuple[str, str]]
) -> None:
    line = line_of(entry)
    try:
        base = catalogue.metrics.get(str(entry["id"])) if layer == "project" else None
        if base is not None and not ("kind" in entry and "unit" in entry):
            metric = _extended(base, entry)  # a project entry that only adds cues or relations
        else:
            metric = Metric(
                id=str(entry["id"]),
                label=str(entry.get("label", entry["id"])),
                kind=str(entry["kind"]),
                unit=str(entry["unit"]),
                tolerance=float(entry.get("tolerance") or 0.0),
                cues=tuple(str(c) for c in entry.get("cues") or ()),
                related=tuple(str(r) for r in entry.get("related") or ()),
                reviewed=layer != "draft" and entry.get("reviewed", True) is not False,
                packaged=layer == "packaged",
                running=entry.get("running") is True,
                territorial=entry.get("territorial") is True,
                growth_of=str(entry["growth_of"]) if entry.get("growth_of") else None,
            )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
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
    if ("metric", metric.id) in seen and layer != "draft":
        catalogue.findings.append(
            Finding(
                "duplicate-id",
                f"metric '{metric.id}' is defined twice; the first is kept",
                str(path),
                line,
            )
        )
        return
    seen.add(("metric", metric.id))
    catalogue.add_metric(metric, replace=layer == "project")


def _extended(base: Metric, entry: Any) -> Metric:
    """A packaged metric with a project's label, tolerance, extra cues and relations."""
    cues = (*base.cues, *(str(c) for c in entry.get("cues") or () if str(c) not in base.cues))
    related = (*base.related, *(str(r) for r in entry.get("related") or ()))
    return Metric(
        id=base.id,
        label=str(entry.get("label", base.label)),
        kind=base.kind,
        unit=base.unit,
        tolerance=float(entry.get("tolerance", base.tolerance) or 0.0),
        cues=cues,
        related=tuple(dict.fromkeys(related)),
        packaged=False,
        running=entry.get("running", base.running) is True,
        territorial=entry.get("territorial", base.territorial) is True,
        growth_of=str(entry.get("growth_of") or base.growth_of or "") or None,
    )


def _add_source(
    catalogue: Catalogue, entry: Any, path: Path, layer: str, seen: set[tuple[str, str]]
) -> None:
    line = line_of(entry)
    try:
        source = Source(
            id=str(entry["id"]),
            name=str(entry.get("name", entry["id"])),
            kind=str(entry.get("kind", "other")),
            aliases=tuple(str(a) for a in entry.get("aliases") or ()),
            reviewed=layer != "draft" and entry.get("reviewed", True) is not False,
            packaged=layer == "packaged",
        )
    except (KeyError, TypeError, AttributeError) as error:
        catalogue.findings.append(
            Finding("bad-source", f"source entry lacks {error}: needs at least id", str(path), line)
        )
        return
    if layer == "draft" and source.id in catalogue.sources:
        return
    taken = catalogue.add_source(source, replace=layer == "project")
    if layer == "draft":
        return
    for name in taken:
        owner = catalogue.resolve_source(name)
        catalogue.findings.append(
            Finding(
                "duplicate-id",
                f"source name {name!r} belongs to both '{owner}' and "
                f"'{source.id}'; it stays with '{owner}'",
                str(path),
                line,
            )
        )
