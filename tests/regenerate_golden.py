"""Regenerate the golden report files (`make golden`); review the diff before committing."""

from __future__ import annotations

from pathlib import Path

from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.writer import render_report

HERE = Path(__file__).resolve().parent
CLAIMS = HERE / "data" / "golden" / "claims"
GOLDEN = HERE / "golden"
FORMATS = {"markdown": "report.md", "json": "report.json", "csv": "report.csv"}


def golden_report() -> dict[str, object]:
    """The report on the fixed golden claim set, with paths relative to the repo."""
    root = HERE.parent
    reconciliation = reconcile_claims([CLAIMS.relative_to(root)])
    return build_report(reconciliation)


def render_golden() -> dict[str, str]:
    """File name -> expected text for every golden format."""
    report = golden_report()
    return {name: render_report(report, fmt) for fmt, name in FORMATS.items()}


def main() -> None:
    """Write the golden files."""
    import os

    os.chdir(HERE.parent)
    GOLDEN.mkdir(exist_ok=True)
    for name, text in render_golden().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
