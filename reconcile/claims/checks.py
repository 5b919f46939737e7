"""Check each claim row: one named rule per field, applied in order, each giving its problems.

A rule returns (code, message) pairs; every problem becomes a Finding with file and line, and the
row is kept with valid=False so nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reconcile.core.errors import Finding, processing
from reconcile.core.periods import parse_period

from .catalogue import Catalogue

REQUIRED = ("id", "entity", "metric", "period", "value", "source")
STAGES = ("draft", "approved", "revised", "executed")
_ENTITY_RE = re.compile(r"^(?:[A-Z]{3}(?:-[A-Z]{3})?|[a-z0-9]+(?:-[a-z0-9]+)*)$")
_BASIS_RE = re.compile(r"^(?:current|constant-\d{4})$")

Problem = tuple[str, str]


@dataclass(slots=True)
class CheckContext:
    """What the rules need beyond the row: the catalogue, the documents and the ids seen."""

    catalogue: Catalogue
    documents: Mapping[str, Any]  # the claim files' documents, by id
    seen_ids: dict[str, str] = field(default_factory=dict)
    resolved_source: str | None = None


def suggest(wrong: str, choices: Sequence[str]) -> str:
    """A ' (did you mean ...?)' suffix for the closest choice, or ''."""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _required(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    return [("missing-field", f"claim lacks '{key}'") for key in REQUIRED if row[key] in (None, "")]


def _unique_id(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    claim_id = row["id"]
    if not claim_id:
        return []
    if claim_id in context.seen_ids:
        where = context.seen_ids[claim_id]
        return [
            (
                "duplicate-id",
                f"claim id '{claim_id}' is already used at {where}; give this claim a new id",
            )
        ]
    context.seen_ids[claim_id] = f"{row['path']}:{row['path_line']}"
    return []


def _known_metric(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    metric = row["metric"]
    if not metric or metric in context.catalogue.metrics:
        return []
    hint = suggest(metric, list(context.catalogue.metrics))
    return [("unknown-metric", f"unknown metric '{metric}'" + hint)]


def _known_source(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    source = row["source"]
    context.resolved_source = None
    if not source:
        return []
    context.resolved_source = context.catalogue.resolve_source(source)
    if context.resolved_source is not None:
        return []
    hint = suggest(source, list(context.catalogue.sources))
    return [("unknown-source", f"unknown source '{source}'" + hint + "; add it to sources.yaml")]


def _valid_period(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    if not row["period"]:
        return []
    try:
        parse_period(row["period"])
    except ValueError as error:
        return [("bad-period", str(error))]
    return []


def _valid_entity(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    entity = row["entity"]
    if not entity:
        return []
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


def _valid_stage(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    if row["stage"] and row["stage"] not in STAGES:
        return [("bad-stage", f"stage '{row['stage']}' is not one of " + ", ".join(STAGES))]
    return []


def _valid_basis(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    if row["basis"] and not _BASIS_RE.match(row["basis"]):
        message = f"basis '{row['basis']}': write 'current' or 'constant-YEAR' (e.g. constant-2023)"
        return [("bad-basis", message)]
    return []


def _known_document(row: dict[str, Any], context: CheckContext) -> list[Problem]:
    if row["document"] is None:
        return [("unknown-document", "the claim's file has no valid document block")]
    if row["document"] not in context.documents:
        return [
            (
                "unknown-document",
                f"unknown document '{row['document']}'; "
                "declare it in a YAML claim file or in documents.yaml",
            )
        ]
    return []


# The rules, in the order their findings are reported.
RULES: tuple[Callable[[dict[str, Any], CheckContext], list[Problem]], ...] = (
    _required,
    _unique_id,
    _known_metric,
    _known_source,
    _valid_period,
    _valid_entity,
    _valid_stage,
    _valid_basis,
    _known_document,
)


def check_claims(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    documents: Mapping[str, Any],
    findings: list[Finding],
) -> None:
    """Validate each row in place: sources resolved to catalogue ids, bad rows marked invalid."""
    context = CheckContext(catalogue, documents)
    for index, raw in frame.iterrows():
        row = {str(key): (None if _missing(value) else value) for key, value in raw.items()}
        with processing(f"claim {row['id']!r} at {row['path']}:{row['path_line']}"):
            problems = [problem for rule in RULES for problem in rule(row, context)]
        if context.resolved_source is not None:
            frame.at[index, "source"] = context.resolved_source
        for code, message in problems:
            line = None if pd.isna(row["path_line"]) else int(row["path_line"])
            findings.append(Finding(code, message, row["path"], line, claim=row["id"]))
        if problems:
            frame.at[index, "valid"] = False


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
