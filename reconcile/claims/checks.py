"""Check each claim row: one named rule per field, applied in order, each giving its problems.

A rule returns (code, message) pairs; every problem becomes a Finding with file and line, and the
row is kept with valid=False so nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from reconcile.core.errors import Finding, findings_at_rows, processing
from reconcile.core.periods import parse_period

from .catalogue import Catalogue

if TYPE_CHECKING:
    import pandas as pd

REQUIRED = ("id", "entity", "metric", "period", "value", "source")
STAGES = ("draft", "approved", "revised", "executed")
_ENTITY_RE = re.compile(r"^(?:[A-Z]{3}(?:-[A-Z]{3})?|[a-z0-9]+(?:-[a-z0-9]+)*)$")
_BASIS_RE = re.compile(r"^(?:current|constant-\d{4})$")

Problem = tuple[str, str]


@dataclass(slots=True)
class CheckContext:
    """What the rules need beyond the value: the catalogue and the documents."""

    catalogue: Catalogue
    documents: Mapping[str, Any]  # the claim files' documents, by id


def suggest(wrong: str, choices: Sequence[str]) -> str:
    """A ' (did you mean ...?)' suffix for the closest choice, or ''."""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Rules on one field's value: each distinct value is checked once, whatever the number of rows.
ValueRule = Callable[[str, "CheckContext"], list[Problem]]


def _known_metric(metric: str, context: CheckContext) -> list[Problem]:
    if metric in context.catalogue.metrics:
        return []
    hint = suggest(metric, list(context.catalogue.metrics))
    return [("unknown-metric", f"unknown metric '{metric}'" + hint)]


def _known_source(source: str, context: CheckContext) -> list[Problem]:
    if context.catalogue.resolve_source(source) is not None:
        return []
    hint = suggest(source, list(context.catalogue.sources))
    return [("unknown-source", f"unknown source '{source}'" + hint + "; add it to sources.yaml")]


def _valid_period(period: str, context: CheckContext) -> list[Problem]:
    try:
        parse_period(period)
    except ValueError as error:
        return [("bad-period", str(error))]
    return []


def _valid_entity(entity: str, context: CheckContext) -> list[Problem]:
    if len(entity) == 3 and entity.isalpha() and entity.islower():
        return [
            (
                "bad-entity",
                f"entity '{entity}' looks like an ISO 3166 code "
                f"written in lower case (did you mean '{entity.upper()}'?)",
            )
        ]
    if _ENTITY_RE.match(entity):
        return []
    hint = f" (did you mean '{entity.upper()}'?)" if len(entity) == 3 else ""
    return [
        (
            "bad-entity",
            f"entity '{entity}' is neither an ISO 3166 alpha-3 "
            "code (AZE), a pair of them (ISR-AZE), nor a lower-case slug" + hint,
        )
    ]


def _valid_stage(stage: str, context: CheckContext) -> list[Problem]:
    if stage not in STAGES:
        return [("bad-stage", f"stage '{stage}' is not one of " + ", ".join(STAGES))]
    return []


def _valid_basis(basis: str, context: CheckContext) -> list[Problem]:
    if not _BASIS_RE.match(basis):
        message = f"basis '{basis}': write 'current' or 'constant-YEAR' (e.g. constant-2023)"
        return [("bad-basis", message)]
    return []


def _known_document(document: str, context: CheckContext) -> list[Problem]:
    if document not in context.documents:
        return [
            (
                "unknown-document",
                f"unknown document '{document}'; "
                "declare it in a YAML claim file or in documents.yaml",
            )
        ]
    return []


# The rules, in the order their findings are reported: the required fields and unique ids
# (rules on the row), then one rule per field. An empty field is the required-field rule's.
RULES: tuple[tuple[str, ValueRule], ...] = (
    ("metric", _known_metric),
    ("source", _known_source),
    ("period", _valid_period),
    ("entity", _valid_entity),
    ("stage", _valid_stage),
    ("basis", _valid_basis),
    ("document", _known_document),
)
_NO_DOCUMENT = ("unknown-document", "the claim's file has no valid document block")


@dataclass(slots=True)
class _Problems:
    """Problems found so far, as parallel lists: row, rule order, code, message."""

    rows: list[np.ndarray] = field(default_factory=list)
    order: list[np.ndarray] = field(default_factory=list)
    codes: list[np.ndarray] = field(default_factory=list)
    messages: list[np.ndarray] = field(default_factory=list)

    def add(self, rows: np.ndarray, order: int, code: str, messages: np.ndarray | str) -> None:
        if not len(rows):
            return
        self.rows.append(rows)
        self.order.append(np.full(len(rows), order, dtype=np.int64))
        self.codes.append(np.full(len(rows), code, dtype=object))
        text = np.full(len(rows), messages, dtype=object) if isinstance(messages, str) else messages
        self.messages.append(text)


def check_claims(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    documents: Mapping[str, Any],
    findings: list[Finding],
) -> None:
    """Validate each row in place: sources resolved to catalogue ids, bad rows marked invalid.

    Column by column: each rule sees each distinct value once, and findings come out in row
    order, then rule order, as if every row had been checked in turn.
    """
    # pandas only here: the rules above also check the out-of-core tables, which need none
    import pandas as pd

    context = CheckContext(catalogue, documents)
    problems = _Problems()
    order = 0
    for key in REQUIRED:
        missing = _blank(frame[key])
        if key == "value" and "amount" in frame:  # a table's parsed figure stands for it
            missing = missing & frame["amount"].isna().to_numpy()
        problems.add(np.flatnonzero(missing), order, "missing-field", f"claim lacks '{key}'")
        order += 1
    _check_ids(frame, problems, order)
    order += 1
    for column, rule in RULES:
        codes, values = pd.factorize(frame[column].astype(object))
        if column == "document":  # missing: no document block; "" is an undeclared id
            problems.add(np.flatnonzero(codes < 0), order, *_NO_DOCUMENT)
        for index, value in enumerate(values):
            if column != "document" and str(value) == "":
                continue  # the required-field rule's, or an optional field left empty
            with processing(f"{column} {str(value)[:200]!r}"):
                found = rule(str(value), context)
            for code, message in found:
                problems.add(np.flatnonzero(codes == index), order, code, message)
        if column == "source":
            resolved = [catalogue.resolve_source(str(v)) for v in values]
            source = frame["source"].to_numpy(dtype=object).copy()
            known = np.array([r is not None for r in resolved] + [False])[codes]
            source[known] = np.array([*resolved, None], dtype=object)[codes[known]]
            frame["source"] = source
        order += 1
    _report(frame, problems, findings)


def _blank(column: pd.Series) -> np.ndarray:
    values = column.astype(object)
    return np.array((values.isna() | (values == "")).to_numpy(dtype=bool))


def _check_ids(frame: pd.DataFrame, problems: _Problems, order: int) -> None:
    """A claim id used before: the finding names where it was first used."""
    import pandas as pd

    ids = frame["id"].astype(object)
    present = ~_blank(frame["id"])
    repeated = np.flatnonzero(ids.duplicated(keep="first").to_numpy() & present)
    if not len(repeated):
        return
    first = ~ids.duplicated(keep="first").to_numpy() & present
    where = pd.Series(
        frame["path"].astype(str).to_numpy()[first]
        + ":"
        + frame["path_line"].astype(object).astype(str).to_numpy()[first],
        index=ids.to_numpy()[first],
    )
    taken = ids.to_numpy()[repeated]
    messages = np.array(
        [
            f"claim id '{claim_id}' is already used at {place}; give this claim a new id"
            for claim_id, place in zip(taken, where.loc[taken].to_numpy(), strict=True)
        ],
        dtype=object,
    )
    problems.add(repeated, order, "duplicate-id", messages)


def _report(frame: pd.DataFrame, problems: _Problems, findings: list[Finding]) -> None:
    import pandas as pd

    if not problems.rows:
        return
    rows = np.concatenate(problems.rows)
    order = np.concatenate(problems.order)
    sequence = np.lexsort((np.arange(len(rows)), order, rows))
    rows = rows[sequence]
    codes = np.concatenate(problems.codes)[sequence]
    messages = np.concatenate(problems.messages)[sequence]
    paths = frame["path"].to_numpy(dtype=object)[rows]
    lines = pd.to_numeric(frame["path_line"], errors="coerce").to_numpy(dtype=float)[rows]
    ids = frame["id"].astype(object).to_numpy()[rows]
    claims = [None if _missing(claim) else claim for claim in ids]
    levels = ["error"] * len(rows)
    findings.extend(findings_at_rows(list(codes), list(messages), (paths, lines, claims), levels))
    valid = frame["valid"].to_numpy(dtype=bool).copy()
    valid[rows] = False
    frame["valid"] = valid


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
