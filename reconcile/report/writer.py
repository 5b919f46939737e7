"""Write reports to disk (atomically) and pick the renderer for a format."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError

FILE_NAMES = {
    "markdown": "report.md",
    "json": "report.json",
    "csv": "report.csv",
    "html": "report.html",
}


def render_report(report: dict[str, Any], fmt: str) -> str:
    """The report as text in one format: markdown, json, csv or html."""
    from .formats import render_csv, render_json, render_markdown
    from .html import render_html

    renderers = {
        "markdown": render_markdown,
        "json": render_json,
        "csv": render_csv,
        "html": render_html,
    }
    return renderers[fmt](report)


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new version, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        # mkstemp makes the file private (0600); a report gets the mode the umask gives.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_reports(report: dict[str, Any], folder: Path) -> list[Path]:
    """Write report.md, report.json, report.csv and report.html into `folder`."""
    if folder.exists() and not folder.is_dir():
        raise InputError("--out must be a folder", path=str(folder))
    written = []
    for fmt, name in FILE_NAMES.items():
        path = folder / name
        write_text_atomic(path, render_report(report, fmt))
        written.append(path)
    return written
