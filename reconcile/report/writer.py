"""Write reports to disk (atomically) and pick the renderer for a format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError
from reconcile.core.writing import write_text_atomic

__all__ = ["render_report", "write_reports", "write_text_atomic"]

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
