"""The catalogue extraction reads: metric cue words and the names sources go by."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Metric:
    """The part of a catalogue metric that extraction needs."""

    id: str
    kind: str
    unit: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A catalogue source: its id and every name it goes by."""

    id: str
    names: tuple[str, ...]


@dataclass(slots=True)
class Catalogue:
    """Metric cue words and source names, from claims/metrics.yaml and claims/sources.yaml."""

    metrics: list[Metric] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def prepared(self, key: str, build: Callable[[Catalogue], Any]) -> Any:
        """A regex or index built once per catalogue by `build` and kept under `key`."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]


def normalise_name(name: str) -> str:
    """A name as compared: lower case, plain apostrophes, single spaces, no "www."."""
    name = name.lower().replace("’", "'").replace("www.", "")
    return re.sub(r"\s+", " ", name).strip(" .,'\"")


def read_catalogue(paths: list[Any]) -> Catalogue:
    """Read metric cues and source names from catalogue YAML files or directories of them."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    catalogue = Catalogue()
    seen_metrics: set[str] = set()
    seen_sources: set[str] = set()
    for file in files:
        data = yaml.load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            continue
        for entry in data.get("metrics") or []:
            if entry.get("id") and entry["id"] not in seen_metrics:
                seen_metrics.add(entry["id"])
                cues = tuple(str(c) for c in entry.get("cues") or [])
                catalogue.metrics.append(
                    Metric(
                        entry["id"], str(entry.get("kind", "")), str(entry.get("unit", "")), cues
                    )
                )
        for entry in data.get("sources") or []:
            if entry.get("id") and entry["id"] not in seen_sources:
                seen_sources.add(entry["id"])
                names = [str(entry.get("name", "")), *(str(a) for a in entry.get("aliases") or [])]
                catalogue.sources.append(Source(entry["id"], tuple(n for n in names if n)))
    return catalogue
