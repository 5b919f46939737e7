"""The library side of `reconcile validate`: read and normalise claims, collect every problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reconcile.claims.files import load_claims
from reconcile.reference.rates import load_rate_table

from .claim_values import normalize_claims


def validate(paths: Sequence[Path], rates_files: Sequence[Path] = ()) -> dict[str, Any]:
    """Check claim files; returns counts and every finding (nothing is rewritten)."""
    claim_set = load_claims(paths)
    _, _, findings = normalize_claims(
        claim_set.frame, claim_set.metrics, load_rate_table(tuple(rates_files))
    )
    every = [*claim_set.findings, *findings]
    return {
        "files": len(claim_set.files),
        "claims": len(claim_set.frame),
        "errors": sum(1 for f in every if f.level == "error"),
        "warnings": sum(1 for f in every if f.level == "warning"),
        "findings": [f.to_dict() for f in every],
    }
