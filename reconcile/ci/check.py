"""CI mode: set the report's contradictions against the baseline of accepted ones.

Each fingerprint gets a state, named as SARIF names them: `new` (not in the baseline),
`updated` (in the baseline, but the figures as stated differ from those accepted), `unchanged`
and `absent` (accepted, but no longer found). New and updated fail; absent is only reported.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.core.errors import UsageError

from .baseline import (
    REASONS,
    AcceptedValue,
    Baseline,
    BaselineEntry,
    change_baseline,
    new_baseline,
    put_entry,
    read_baseline,
    remove_entry,
)

STATES = ("new", "updated", "unchanged", "absent")
FAILING_STATES = frozenset({"new", "updated"})


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One fingerprint: its state, the conflicting pairs and claims now, and what was accepted."""

    fingerprint: str
    state: str
    entity: str
    metric: str
    period: str
    sources: tuple[str, str]
    conflicts: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    accepted: BaselineEntry | None = None

    def values(self) -> tuple[AcceptedValue, ...]:
        """The figures of this discrepancy now, as a baseline entry stores them."""
        found = {AcceptedValue(c["id"], c["source"], c["value"]) for c in self.claims}
        return tuple(sorted(found, key=lambda v: (v.source, v.value, v.claim)))

    @property
    def failed(self) -> bool:
        """Whether this item fails the check."""
        return self.state in FAILING_STATES


@dataclass(slots=True)
class CheckResult:
    """The states of every fingerprint, with the report and baseline they came from."""

    items: list[CheckItem]
    report: dict[str, Any]
    baseline: Baseline
    changes: list[str] = field(default_factory=list)

    def count(self, state: str) -> int:
        """How many fingerprints are in this state."""
        return sum(1 for item in self.items if item.state == state)

    @property
    def failed(self) -> bool:
        """True when a contradiction is new or updated."""
        return any(item.failed for item in self.items)

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Findings that left a claim out of reconciliation (bad input)."""
        findings: list[dict[str, Any]] = self.report["findings"]
        return [f for f in findings if f.get("level", "error") == "error"]


def compare_with_baseline(
    report: dict[str, Any], entries: dict[str, BaselineEntry]
) -> list[CheckItem]:
    """The pure core: the state of every fingerprint in the report and in the baseline."""
    items = []
    seen: set[str] = set()
    # Claims in report order, by id: an item lists its claims in the order the report shows.
    claim_at = {c["id"]: c for g in report["groups"] for c in g["claims"]}
    order = {claim_id: n for n, claim_id in enumerate(claim_at)}
    for key, conflicts in _discrepancies(report).items():
        fingerprint, entity, metric, period = key
        ids = {c[side] for c in conflicts for side in ("claim_a", "claim_b")}
        ids |= {other for c in conflicts for other in c.get("others", ())}
        first = conflicts[0]
        item = CheckItem(
            fingerprint=fingerprint,
            state="new",
            entity=entity,
            metric=metric,
            period=period,
            sources=_sorted_pair(first["source_a"], first["source_b"]),
            conflicts=tuple(conflicts),
            claims=tuple(claim_at[i] for i in sorted(ids & claim_at.keys(), key=order.__getitem__)),
        )
        accepted = entries.get(fingerprint)
        if accepted is not None:
            now = frozenset((v.source, v.value) for v in item.values())
            state = "unchanged" if now == accepted.stated_values() else "updated"
            item = _replace(item, state=state, accepted=accepted)
        items.append(item)
        seen.add(fingerprint)
    for fingerprint, entry in entries.items():
        if fingerprint not in seen:
            items.append(
                CheckItem(
                    fingerprint=fingerprint,
                    state="absent",
                    entity=entry.entity,
                    metric=entry.metric,
                    period=entry.period,
                    sources=entry.sources,
                    accepted=entry,
                )
            )
    return items


def _discrepancies(
    report: dict[str, Any],
) -> dict[tuple[str, str, str, str], list[dict[str, Any]]]:
    """Conflicting pairs, and stated arithmetic that does not hold, by fingerprint (in order)."""
    found: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for group in report["groups"]:
        for conflict in group["conflicts"]:
            if conflict.get("kind", "contradiction") != "contradiction":
                continue  # a stage, revision or definition difference is not a contradiction
            key = (conflict["fingerprint"], group["entity"], group["metric"], group["period"])
            found.setdefault(key, []).append(conflict)
    for record in report.get("relations") or []:
        if record["verdict"] == "mismatch":
            key = (record["fingerprint"], record["entity"], record["metric"], record["period"])
            found.setdefault(key, []).append(record)
    return found


def _sorted_pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first <= second else (second, first)


def _replace(item: CheckItem, **changes: Any) -> CheckItem:
    from dataclasses import replace

    return replace(item, **changes)


def make_entry(
    item: CheckItem, reason: str, note: str, accepted_by: str, accepted_on: datetime.date
) -> BaselineEntry:
    """The baseline entry that accepts an item as it stands now."""
    return BaselineEntry(
        fingerprint=item.fingerprint,
        entity=item.entity,
        metric=item.metric,
        period=item.period,
        sources=item.sources,
        values=item.values(),
        reason=reason,
        note=note,
        accepted_by=accepted_by,
        accepted_on=accepted_on.isoformat(),
    )


def baseline_hint(paths: Sequence[Path]) -> str:
    """How to create a baseline for these paths."""
    shown = " ".join(str(p) for p in paths) or "claims/"
    return (
        f"create it with 'reconcile check {shown} --update-baseline' (accepts every current "
        "contradiction as under-review), or pass --baseline FILE"
    )


def check(
    paths: Sequence[Path],
    baseline_path: Path,
    rates_files: Sequence[Path] = (),
    allow_missing: bool = False,
) -> CheckResult:
    """Reconcile the claims and set their contradictions against the baseline."""
    from reconcile.compare.reconciliation import build_report, reconcile_claims

    if allow_missing and not baseline_path.exists():
        baseline = new_baseline(baseline_path)
    else:
        baseline = read_baseline(baseline_path, hint=baseline_hint(paths))
    report = build_report(reconcile_claims(paths, rates_files))
    return CheckResult(compare_with_baseline(report, baseline.entries), report, baseline)


def update_baseline(
    result: CheckResult,
    accepted_by: str,
    accepted_on: datetime.date,
    add_new: bool = True,
    prune: bool = False,
) -> CheckResult:
    """Add new contradictions as under-review (and drop absent ones if asked); write the file.

    Updated entries are never refreshed here: their changed figures need a human, who
    re-accepts them with `reconcile accept`. The returned result is checked against the file
    as written, and lists what changed.
    """
    baseline = result.baseline
    changes: list[str] = []

    def change(fresh: Baseline) -> bool:
        # Against the file as it is now (under the lock), not as it was when the check began.
        for item in compare_with_baseline(result.report, fresh.entries):
            if add_new and item.state == "new":
                note = "added by 'reconcile check --update-baseline'; not yet reviewed"
                entry = make_entry(item, "under-review", note, accepted_by, accepted_on)
                put_entry(fresh, entry)
                changes.append(f"added {item.fingerprint} as under-review ({_describe(item)})")
            elif prune and item.state == "absent":
                remove_entry(fresh, item.fingerprint)
                changes.append(f"removed {item.fingerprint}, no longer found ({_describe(item)})")
        return bool(changes)

    if add_new or prune:
        baseline = change_baseline(baseline.path, change)
    items = compare_with_baseline(result.report, baseline.entries)
    return CheckResult(items, result.report, baseline, changes)


def _describe(item: CheckItem) -> str:
    return f"{item.entity} {item.metric} {item.period}: {' vs '.join(item.sources)}"


def accept(
    fingerprint: str,
    reason: str,
    note: str,
    accepted_by: str,
    paths: Sequence[Path],
    baseline_path: Path,
    rates_files: Sequence[Path] = (),
    accepted_on: datetime.date | None = None,
) -> BaselineEntry:
    """Accept one contradiction of the current report: add (or refresh) its baseline entry."""
    if reason not in REASONS:
        close = difflib.get_close_matches(reason, list(REASONS), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UsageError(f"unknown reason '{reason}'", f"{hint}use one of: {', '.join(REASONS)}")
    if not note.strip():
        raise UsageError("the note is empty", "say in one sentence why the figures differ")
    result = check(paths, baseline_path, rates_files, allow_missing=True)
    current = {item.fingerprint: item for item in result.items if item.state != "absent"}
    item = current.get(fingerprint)
    if item is None:
        close = difflib.get_close_matches(fingerprint, list(current), n=1, cutoff=0.5)
        if close:
            hint = f"did you mean {close[0]} ({_describe(current[close[0]])})?"
        else:
            hint = "run 'reconcile check' to list the fingerprints of current contradictions"
        raise UsageError(f"no contradiction with fingerprint '{fingerprint}'", hint)
    entry = make_entry(
        item, reason, note.strip(), accepted_by, accepted_on or datetime.date.today()
    )
    change_baseline(baseline_path, lambda fresh: put_entry(fresh, entry))
    return entry
