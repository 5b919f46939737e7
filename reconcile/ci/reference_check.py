"""The CI side of --reference: claims that contradict the reference, against the baseline.

A contradiction with the reference is keyed like any conflict (entity, metric, period and the
two sources, see docs/ci.md), so a discrepancy already accepted between AzerNEWS and SIPRI is
also accepted when SIPRI's figure comes from the imported dataset.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from reconcile.compare.groups import fingerprint


@dataclass(frozen=True, slots=True)
class ReferenceContradiction:
    """A claim its reference contradicts, with the fingerprint and whether it is accepted."""

    fingerprint: str
    accepted: bool
    text: str


def reference_contradictions(
    paths: Sequence[Path],
    folder: Path,
    accepted: Collection[str],
    rates_files: Sequence[Path] = (),
) -> list[ReferenceContradiction]:
    """Reconcile the claims, compare them with the reference folder, list contradictions."""
    from reconcile.compare.reconciliation import build_report, reconcile_claims
    from reconcile.compare.reference import add_reference_to_report
    from reconcile.report.reference_notes import describe_reference

    reconciliation = reconcile_claims(paths, rates_files)
    report = build_report(reconciliation)
    add_reference_to_report(report, reconciliation, folder)
    found = []
    for group in report["groups"]:
        for claim in group["claims"]:
            for record in claim.get("reference", []):
                if record["verdict"] != "contradicts":
                    continue
                key = fingerprint(
                    group["entity"],
                    group["metric"],
                    group["period"],
                    claim["source"],
                    str(record["reference"]["source"]),
                )
                where = f"{claim['file']}:{claim['file_line']}"
                text = (
                    f"{where}: {claim['source']} {claim['value']!r} ({group['entity']} "
                    f"{group['metric']} {group['period']}) against {describe_reference(record)}"
                )
                found.append(ReferenceContradiction(key, key in accepted, text))
    return found
