"""Tell articles from claim files among the paths a command is given (no extraction imported:
`reconcile report claims/` pays nothing for articles it does not have)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.claims.paths import CATALOGUE_FILES, CLAIM_SUFFIXES
from reconcile.core.errors import InputError

DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".html", ".htm", ".xhtml", ".wiki", ".wikitext", ".mediawiki", ".md", ".json"}
)


@dataclass(slots=True)
class Inputs:
    """Command-line paths sorted into claim files or folders, and article files."""

    claims: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)


def split_inputs(paths: Sequence[Path]) -> Inputs:
    """Claim files and folders holding claim files, apart from articles (read recursively).

    A folder may hold both: its claim files are read as claims (with the catalogue beside
    them) and its articles are drafted.
    """
    inputs = Inputs()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if any(_is_claim_file(p) for p in found):
                inputs.claims.append(path)
            inputs.documents += [p for p in found if p.suffix.lower() in DOCUMENT_SUFFIXES]
        elif path.is_file():
            if _is_claim_file(path) or path.name in CATALOGUE_FILES:
                inputs.claims.append(path)
            elif path.suffix.lower() in DOCUMENT_SUFFIXES:
                inputs.documents.append(path)
            else:
                raise InputError(
                    f"not a claim file or an article ({path.suffix or 'no suffix'})",
                    path=str(path),
                    hint="claims are .yaml/.csv/.parquet; articles .txt, .html or .wiki",
                )
        else:
            raise InputError("no such file or folder", path=str(path), hint="check the path")
    return inputs


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "_")) for part in path.relative_to(root).parts)


def _is_claim_file(path: Path) -> bool:
    return path.suffix.lower() in CLAIM_SUFFIXES and path.name not in CATALOGUE_FILES
