"""Reconcile any mix of claim files and articles: articles are drafted on the fly.

The drafts are written as claim YAML into a temporary folder (the text `reconcile extract
--out FOLDER` would write) and read with the reviewed claims by one loader, so they get the same
validation and reconciliation. Their rows keep `reviewed: false` and name the article itself as
their file, with the line in the article.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.claims.paths import PathsArgument, as_paths
from reconcile.compare.reconciliation import Reconciliation, reconcile_claims
from reconcile.extract.inputs import split_inputs

if TYPE_CHECKING:
    from reconcile.extract.folders import DraftedDocument


def reconcile_inputs(
    paths: PathsArgument,
    rates_files: PathsArgument = (),
    *,
    progress: Callable[[list[Path]], Iterable[Path]] = list,
    engine: str = "pandas",
    memory_limit: str | None = None,
) -> tuple[Reconciliation, list[DraftedDocument]]:
    """Reconcile claim files and articles together; returns the drafted articles too."""
    inputs = split_inputs(as_paths(paths))
    options: dict[str, Any] = {"engine": engine, "memory_limit": memory_limit}
    if not inputs.documents:
        return reconcile_claims(inputs.claims, rates_files, **options), []
    from reconcile.extract.folders import catalogue_for, draft_documents

    drafted = draft_documents(inputs.documents, catalogue_for(inputs.claims), progress=progress)
    with tempfile.TemporaryDirectory(prefix="reconcile-drafts-") as folder:
        by_file: dict[str, DraftedDocument] = {}
        for item in drafted:
            path = Path(folder) / item.file_name
            path.write_text(item.text, encoding="utf-8")
            by_file[str(path)] = item
        reconciliation = reconcile_claims([*inputs.claims, Path(folder)], rates_files, **options)
    _point_at_articles(reconciliation, by_file)
    return reconciliation, drafted


def _point_at_articles(reconciliation: Reconciliation, by_file: dict[str, DraftedDocument]) -> None:
    """Drafted rows and their findings name the article and its line, not the temporary file."""
    frame = reconciliation.comparison.claims
    article = frame["path"].map(lambda p: str(by_file[p].path) if p in by_file else None)
    drafted = article.notna()
    if drafted.any():
        frame.loc[drafted, "path_line"] = frame.loc[drafted, "line"]
        frame.loc[drafted, "path"] = article[drafted]
    reconciliation.findings = [
        replace(f, path=str(by_file[f.path].path), line=None) if f.path in by_file else f
        for f in reconciliation.findings
    ]


def progress_bar(paths: list[Path]) -> Iterable[Path]:
    """A progress bar on stderr for long inputs on a terminal."""
    if len(paths) < 5 or not sys.stderr.isatty():
        return paths
    from rich.progress import track

    from .terminal import pipe_console

    console = pipe_console(file=sys.stderr)
    return track(paths, description="drafting", console=console, transient=True)


__all__: Sequence[str] = ("progress_bar", "reconcile_inputs")
