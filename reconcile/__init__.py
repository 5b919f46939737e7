"""reconcile: reconcile conflicting figures across sources, with the receipts.

The library API a notebook needs, one name per pipeline step (see docs/architecture.md):

    import reconcile
    claims = reconcile.load_claims(["claims"])             # read claim files
    reconcile.parse_value("nearly $5 billion")             # read one figure
    result = reconcile.reconcile_claims(["claims"])        # normalise and compare
    report = reconcile.build_report(result)                # the report as plain data
    print(reconcile.render_report(report, "markdown"))     # or json, csv, html
    reconcile.explain(report, "seed-001-012")              # one figure's chain, as data

Names are loaded on first use, so `import reconcile` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reconcile.core.version import __version__

if TYPE_CHECKING:
    from reconcile.claims.files import load_claims
    from reconcile.compare.reconciliation import build_report, reconcile_claims, reconcile_frame
    from reconcile.extract.drafts import draft_claims
    from reconcile.extract.readers import read_document
    from reconcile.figures.grammar import parse_value
    from reconcile.normalize.claim_values import normalize_claims
    from reconcile.normalize.parsing import parse_figures
    from reconcile.normalize.validation import validate
    from reconcile.reference.rates import load_rate_table
    from reconcile.report.explain import explain
    from reconcile.report.writer import render_report, write_reports

# Public name -> the module that defines it.
_API = {
    "load_claims": "reconcile.claims.files",
    "parse_value": "reconcile.figures.grammar",
    "parse_figures": "reconcile.normalize.parsing",
    "load_rate_table": "reconcile.reference.rates",
    "normalize_claims": "reconcile.normalize.claim_values",
    "validate": "reconcile.normalize.validation",
    "reconcile_frame": "reconcile.compare.reconciliation",
    "reconcile_claims": "reconcile.compare.reconciliation",
    "build_report": "reconcile.compare.reconciliation",
    "render_report": "reconcile.report.writer",
    "write_reports": "reconcile.report.writer",
    "explain": "reconcile.report.explain",
    "read_document": "reconcile.extract.readers",
    "draft_claims": "reconcile.extract.drafts",
}

__all__ = [
    "__version__",
    "build_report",
    "draft_claims",
    "explain",
    "load_claims",
    "load_rate_table",
    "normalize_claims",
    "parse_figures",
    "parse_value",
    "read_document",
    "reconcile_claims",
    "reconcile_frame",
    "render_report",
    "validate",
    "write_reports",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
