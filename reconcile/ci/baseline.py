"""The baseline of accepted discrepancies: read and check it, change it, write it back.

The file is read and written with ruamel.yaml's round trip, so the comments, the key order
and the quoting an editor chose survive `reconcile accept` and `check --update-baseline`.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.compare.groups import fingerprint
from reconcile.core.errors import InputError

# Why a discrepancy was accepted: docs/ci.md explains when to use each code.
REASONS = {
    "different-definition": "the figures measure different things (allocation and spending, "
    "coverage, price basis)",
    "different-period": "the figures are for different periods although filed under one",
    "known-error": "one figure is known to be wrong; the claim is kept as evidence",
    "under-review": "not yet reviewed: accepted for now so CI passes, needs a human reason",
    "other": "explained in the note",
}
BASELINE_VERSION = 1
FINGERPRINT_PATTERN = re.compile(r"^[0-9a-f]{16}$")
HEADER = """\
Accepted discrepancies: contradictions editors have reviewed, which `reconcile check` does
not fail on. Each entry is keyed by a fingerprint of entity, metric, period and the two
sources (never values or line numbers). Add entries with
  reconcile accept FINGERPRINT --reason CODE --note "why"
reason: different-definition | different-period | known-error | under-review | other
See docs/ci.md.
"""


@dataclass(frozen=True, slots=True)
class AcceptedValue:
    """One figure of an accepted discrepancy, as stated, with the claim that states it."""

    claim: str
    source: str
    value: str


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted discrepancy."""

    fingerprint: str
    entity: str
    metric: str
    period: str
    sources: tuple[str, str]
    values: tuple[AcceptedValue, ...]
    reason: str
    note: str
    accepted_by: str
    accepted_on: str
    line: int | None = None

    def stated_values(self) -> frozenset[tuple[str, str]]:
        """The (source, value as stated) pairs that were accepted."""
        return frozenset((v.source, v.value) for v in self.values)


@dataclass(slots=True)
class Baseline:
    """The accepted entries, in file order, and the round-trip document they came from."""

    path: Path
    entries: dict[str, BaselineEntry] = field(default_factory=dict)
    document: Any = None
    exists: bool = True


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # The indentation of claims/*.yaml; a wide line so that long notes are never re-wrapped.
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def read_baseline(path: Path, hint: str | None = None) -> Baseline:
    """Read and check a baseline file; a missing file is an InputError carrying `hint`."""
    if not path.is_file():
        raise InputError("baseline not found", path=str(path), hint=hint)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read the baseline: {error.strerror}", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError(
            f"the baseline is not UTF-8 text (byte {error.start})",
            path=str(path),
            hint="save it as UTF-8",
        ) from error
    document = _load_document(text, path)
    if document is None:
        raise InputError(
            "the baseline is empty",
            path=str(path),
            hint="write 'version: 1' and 'accepted: []', or delete the file and run "
            "'reconcile check --update-baseline' to create it",
        )
    if isinstance(document, dict) and document.get("version", BASELINE_VERSION) != BASELINE_VERSION:
        raise InputError(
            f"baseline version {document.get('version')!r} is not one this reconcile reads "
            f"(version {BASELINE_VERSION})",
            path=str(path),
            line=_line_of_key(document, "version"),
            hint="upgrade reconcile, or write 'version: 1' if the file was edited by hand",
        )
    return Baseline(path, parse_baseline(document, path), document)


def _load_document(text: str, path: Path) -> Any:
    """The round-trip document, bounded like claim files (no alias bombs, no duplicate keys)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from reconcile.claims.yaml_io import check_yaml_bounds

    check_yaml_bounds(text, path)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(
            f"invalid YAML: {error.problem or error.context or 'syntax error'}",
            path=str(path),
            line=mark.line + 1 if mark is not None else None,
            hint="check indentation and quoting there; values with ':' or '#' need quotes",
        ) from error
    except YAMLError as error:
        raise InputError(f"invalid YAML: {error}", path=str(path)) from error
    except ValueError as error:  # a date YAML reads as a date but the calendar refuses
        raise InputError(
            f"not a date: {error}",
            path=str(path),
            line=_bad_date_line(text),
            hint="write dates as YYYY-MM-DD, e.g. accepted_on: 2026-11-23",
        ) from error


_DATE_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _bad_date_line(text: str) -> int | None:
    """The first line holding a date-like value the calendar refuses (2026-13-45)."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DATE_RE.finditer(line):
            try:
                datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number
    return None


def _line_of_key(document: Any, key: str) -> int | None:
    lc = getattr(document, "lc", None)
    try:
        return int(lc.key(key)[0]) + 1 if lc is not None else None
    except (KeyError, TypeError):
        return None


def new_baseline(path: Path) -> Baseline:
    """An empty baseline (not yet written) with the explanatory header."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    document = CommentedMap()
    document["version"] = BASELINE_VERSION
    document["accepted"] = CommentedSeq()
    document.yaml_set_start_comment(HEADER)
    return Baseline(path, {}, document, exists=False)


def parse_baseline(document: Any, path: Path) -> dict[str, BaselineEntry]:
    """The entries of a loaded baseline document, checked; the first problem raises."""
    if not isinstance(document, dict) or not isinstance(document.get("accepted", []), list):
        raise InputError(
            "a baseline is a mapping with a list under 'accepted'",
            path=str(path),
            hint="start the file with 'accepted:' and one '- fingerprint: ...' entry per item",
        )
    entries: dict[str, BaselineEntry] = {}
    for item in document.get("accepted") or []:
        entry = _parse_entry(item, path)
        if entry.fingerprint in entries:
            first = entries[entry.fingerprint].line
            raise InputError(
                f"fingerprint {entry.fingerprint} is accepted twice (first at line {first})",
                path=str(path),
                line=entry.line,
                hint="keep one of the two entries",
            )
        entries[entry.fingerprint] = entry
    return entries


def _line(node: Any) -> int | None:
    """The 1-based line of a ruamel round-trip node, when it has one."""
    lc = getattr(node, "lc", None)
    return int(lc.line) + 1 if lc is not None and lc.line is not None else None


def _parse_entry(item: Any, path: Path) -> BaselineEntry:
    line = _line(item)

    def fail(message: str, hint: str | None = None) -> InputError:
        return InputError(message, path=str(path), line=line, hint=hint)

    if not isinstance(item, dict):
        raise fail("each accepted entry is a mapping (fingerprint, entity, metric, ...)")
    required = ["fingerprint", "entity", "metric", "period", "sources", "values", "reason"]
    required += ["note", "accepted_by", "accepted_on"]
    missing = [key for key in required if item.get(key) in (None, "")]
    if missing:
        raise fail(
            f"accepted entry lacks {', '.join(missing)}",
            "add them, or add the entry with 'reconcile accept FINGERPRINT --reason CODE "
            "--note ...'",
        )
    sources = item["sources"]
    if not isinstance(sources, list) or len(sources) != 2:
        raise fail("'sources' must list the two sources, e.g. [AzerNEWS, SIPRI]")
    reason = str(item["reason"])
    if reason not in REASONS:
        raise fail(f"unknown reason '{reason}'", f"use one of: {', '.join(REASONS)}")
    values = item["values"]
    if not isinstance(values, list) or not all(
        isinstance(v, dict) and {"claim", "source", "value"} <= set(v) for v in values
    ):
        raise fail("'values' must list {claim, source, value} for each figure accepted")
    entry = BaselineEntry(
        fingerprint=str(item["fingerprint"]),
        entity=str(item["entity"]),
        metric=str(item["metric"]),
        period=str(item["period"]),
        sources=(str(sources[0]), str(sources[1])),
        values=tuple(
            AcceptedValue(str(v["claim"]), str(v["source"]), str(v["value"])) for v in values
        ),
        reason=reason,
        note=str(item["note"]),
        accepted_by=str(item["accepted_by"]),
        accepted_on=_parse_date(item["accepted_on"], fail),
        line=line,
    )
    expected = fingerprint(entry.entity, entry.metric, entry.period, *entry.sources)
    if entry.fingerprint != expected:
        raise fail(
            f"fingerprint {entry.fingerprint} does not match its entity, metric, period and "
            f"sources (they give {expected})",
            "do not edit fingerprints or those fields by hand; re-accept with 'reconcile accept'",
        )
    return entry


def _parse_date(value: Any, fail: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise fail(f"accepted_on '{value}' is not an ISO date", "write it as YYYY-MM-DD") from None


def _entry_node(entry: BaselineEntry) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    sources = CommentedSeq(sorted(entry.sources))
    sources.fa.set_flow_style()
    values = CommentedSeq()
    for value in entry.values:
        pair = CommentedMap(claim=value.claim, source=value.source)
        pair["value"] = DoubleQuotedScalarString(value.value)
        pair.fa.set_flow_style()
        values.append(pair)
    node = CommentedMap()
    node["fingerprint"] = entry.fingerprint
    node["entity"] = entry.entity
    node["metric"] = entry.metric
    node["period"] = DoubleQuotedScalarString(entry.period)
    node["sources"] = sources
    node["values"] = values
    node["reason"] = entry.reason
    node["note"] = DoubleQuotedScalarString(entry.note)
    node["accepted_by"] = entry.accepted_by
    node["accepted_on"] = datetime.date.fromisoformat(entry.accepted_on)
    return node


def put_entry(baseline: Baseline, entry: BaselineEntry) -> None:
    """Add an entry, or replace the one with its fingerprint where it stands."""
    from ruamel.yaml.comments import CommentedSeq

    accepted = baseline.document.get("accepted")
    if accepted is None:
        accepted = baseline.document["accepted"] = CommentedSeq()
    node = _entry_node(entry)
    for index, item in enumerate(accepted):
        if isinstance(item, dict) and str(item.get("fingerprint")) == entry.fingerprint:
            accepted[index] = node
            break
    else:
        accepted.append(node)
    baseline.entries[entry.fingerprint] = entry


def remove_entry(baseline: Baseline, fingerprint_: str) -> None:
    """Remove the entry with this fingerprint."""
    accepted = baseline.document.get("accepted") or []
    for index, item in enumerate(accepted):
        if isinstance(item, dict) and str(item.get("fingerprint")) == fingerprint_:
            del accepted[index]
            break
    baseline.entries.pop(fingerprint_, None)


def dump_baseline(baseline: Baseline) -> str:
    """The baseline as YAML text, comments and order kept."""
    stream = io.StringIO()
    _yaml().dump(baseline.document, stream)
    return stream.getvalue()


@contextmanager
def baseline_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the baseline (a lock file beside it) while it is changed.

    Concurrent `accept` and `check --update-baseline` runs wait for each other, and each
    re-reads the file under the lock, so every change lands.
    """
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(f".{path.name}.lock")
    with open(lock, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def change_baseline(path: Path, change: Callable[[Baseline], bool | None]) -> Baseline:
    """Re-read the baseline under its lock, apply `change` and write it; returns it as written.

    The file is left as it is when `change` returns False and the file exists.
    """
    with baseline_lock(path):
        baseline = read_baseline(path) if path.exists() else new_baseline(path)
        if change(baseline) is not False or not baseline.exists:
            write_baseline(baseline)
    return baseline


def write_baseline(baseline: Baseline) -> None:
    """Write the baseline atomically: readers see the old file or the new one."""
    from reconcile.core.writing import write_text_atomic

    write_text_atomic(baseline.path, dump_baseline(baseline))
    baseline.exists = True
