"""Write reports to disk so that nothing is lost: whole sets swapped in, files atomically.

A report set is written into a staging folder beside the target and swapped in as a whole:
readers see the old complete set or the new one, never a mix. A run killed half-way leaves
only dot-named staging or backup folders, which the next run clears (restoring the old set
when the swap itself was cut short). Files get the modes the umask gives, as any editor's do.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError, UsageError
from reconcile.core.writing import umask_mode, write_text_atomic

__all__ = ["check_out_folder", "render_report", "write_reports", "write_text_atomic"]

FILE_NAMES = {
    "markdown": "report.md",
    "json": "report.json",
    "csv": "report.csv",
    "html": "report.html",
}
_STAGING = ".staging-"
_BACKUP = ".previous-"


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


def check_out_folder(folder: Path, *, force: bool = False) -> list[Path]:
    """The files of an --out folder, after refusing what write_reports would refuse.

    Called before reconciling too, so a refusal comes before any output.
    """
    given, folder = folder, Path(os.path.realpath(folder))
    recover_reports(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError("--out must be a folder", path=str(given))
    existing = sorted(folder.iterdir()) if folder.is_dir() else []
    old_reports = [p.name for p in existing if p.name in FILE_NAMES.values()]
    if old_reports and not force:
        raise UsageError(
            f"{given} already holds a report ({', '.join(old_reports)})",
            "pass --force to replace it, or give another --out folder",
        )
    subfolders = [p.name for p in existing if p.is_dir()]
    if subfolders:
        raise UsageError(
            f"--out {given} holds folders ({', '.join(subfolders[:3])}); "
            "reports are written into a folder of their own",
            "give a new or a reports-only folder, e.g. --out reports",
        )
    return existing


def write_reports(report: dict[str, Any], folder: Path, *, force: bool = False) -> list[Path]:
    """Write report.md, report.json, report.csv and report.html into `folder`, as one set.

    An existing report set is replaced only with `force` (as `extract --out` does). Other
    files in the folder (a README) are kept; a folder holding folders is refused.
    """
    existing = check_out_folder(folder, force=force)
    texts = {name: render_report(report, fmt) for fmt, name in FILE_NAMES.items()}
    target = Path(os.path.realpath(folder))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}{_STAGING}"))
    except OSError as error:
        raise InputError(
            f"cannot write reports here: {error.strerror}",
            path=str(folder),
            hint="give an --out folder you may write to",
        ) from error
    try:
        for path in existing:
            if path.name not in texts:
                os.link(path, staging / path.name)  # kept files: linked, not copied
        for name, text in texts.items():
            write_text_atomic(staging / name, text)
        mode = target.stat().st_mode & 0o7777 if target.exists() else umask_mode(0o777)
        os.chmod(staging, mode)
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / name for name in texts]


def _swap_in(staging: Path, folder: Path) -> None:
    """Put the staged folder where `folder` is; the old one is removed once the new is in."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    backup = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}{_BACKUP}"))
    os.rmdir(backup)  # only the unique name is wanted: rename needs it absent
    os.rename(folder, backup)
    os.rename(staging, folder)  # a crash between these two renames: recover_reports
    shutil.rmtree(backup, ignore_errors=True)


def recover_reports(folder: Path) -> None:
    """Clear what a killed run left beside `folder`; restore the old set if the swap was cut."""
    parent = folder.parent
    if not parent.is_dir():
        return
    for staging in parent.glob(f".{folder.name}{_STAGING}*"):
        shutil.rmtree(staging, ignore_errors=True)
    backups = sorted(parent.glob(f".{folder.name}{_BACKUP}*"), key=lambda p: p.stat().st_mtime)
    if backups and not folder.exists():
        os.rename(backups.pop(), folder)
    for backup in backups:
        shutil.rmtree(backup, ignore_errors=True)
