"""Where the claims of a folder are: the claim files, the catalogues beside them, the documents
they declare. Nothing here needs pandas: the out-of-core report (cli/scale.py) starts from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reconcile.core.errors import InputError

from .yaml_io import read_yaml

CLAIM_SUFFIXES = frozenset({".yaml", ".yml", ".csv", ".parquet"})
CATALOGUE_FILES = {"metrics.yaml", "sources.yaml", "accepted.yaml", "documents.yaml"}

# What library callers may pass for paths: one or many, str or Path.
PathsArgument = str | Path | Sequence[str | Path]


def claim_files(paths: PathsArgument) -> tuple[list[Path], Path]:
    """The claim files under the given paths, and the folder whose catalogues apply."""
    files: list[Path] = []
    folders: list[Path] = []
    paths = as_paths(paths)
    for path in paths:
        if path.is_dir():
            folders.append(path)
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in CLAIM_SUFFIXES
                    and p.name not in CATALOGUE_FILES
                    and not p.name.startswith((".", "_"))
                )
            )
        elif path.is_file():
            folders.append(path.parent)
            files.append(path)
        else:
            raise InputError(
                "no such file or folder",
                path=str(path),
                hint="give the claims folder, e.g. claims/",
            )
    if not files:
        raise InputError(
            "no claim files (*.yaml, *.csv) found",
            path=", ".join(str(p) for p in paths),
            hint="claims live in YAML files beside metrics.yaml and sources.yaml",
        )
    return files, folders[0]


def as_paths(paths: PathsArgument) -> list[Path]:
    """One path or many, as str or Path, as a list of Paths (for library callers)."""
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(path) for path in paths]


def declared_documents(folder: Path) -> set[str]:
    """The ids documents.yaml of a claims folder declares (what claim tables cite)."""
    path = folder / "documents.yaml"
    if not path.exists():
        return set()
    entries = (read_yaml(path) or {}).get("documents") or []
    return {str(e["id"]) for e in entries if isinstance(e, dict) and e.get("id")}
