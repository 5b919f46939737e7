"""Drafts in the claim file format (docs/claims-format.md), with the catalogue entries they need.

Each document block lists its claims, then the unreviewed catalogue entries its claims use that
the catalogue lacks: provisional metrics (`unreviewed_<what it measures>`) and new sources (the
outlet, or an authority the text names). `reconcile validate` reads those entries as drafts,
so a folder of drafts validates with no manual edit; a person reviews them into claims/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.claims.files import DRAFT_MARKER

from .attribution import INSTITUTION_RE
from .documents import Document
from .drafts import Draft, document_slug
from .provisional import is_provisional, metric_kind

HEADER = f"{DRAFT_MARKER}: review every claim before moving it into claims/"


def _q(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def render_claim_yaml(
    documents: list[Document], drafts: list[Draft], catalogue: Catalogue | None = None
) -> str:
    """Drafts as claim YAML, one block per document (`---` between blocks)."""
    catalogue = catalogue or Catalogue()
    out = [HEADER]
    for document in documents:
        mine = [d for d in drafts if d.document == document.name]
        out += ["---", *_document_block(document), "claims:" if mine else "claims: []"]
        for draft in mine:
            out += _claim_lines(draft)
        out += _catalogue_lines(document, mine, catalogue)
    return "\n".join(out) + "\n"


def _document_block(document: Document) -> list[str]:
    lines = ["document:", f"  id: {document_slug(document.name)}"]
    lines.append(f"  file: {_q(Path(document.name).name)}")
    if document.url:
        lines.append(f"  url: {_q(document.url)}")
    if document.title:
        lines.append(f"  title: {_q(document.title)}")
    if document.published:
        lines.append(f"  published: {document.published.isoformat()}")
    if document.publisher:
        lines.append(f"  publisher: {_q(document.publisher)}")
    lines.append(f"  lines: {'wikitext' if document.kind == 'wikitext' else 'file'}")
    return lines


def _claim_lines(draft: Draft) -> list[str]:
    note = (
        f"unreviewed; confidence {draft.confidence}; period from {draft.period_basis}; "
        f"entity from {draft.entity_basis}; source from {draft.source_basis}; "
        f"span {draft.span[0]}-{draft.span[1]}"
    )
    if draft.repair:
        note += f"; {draft.repair}"
    if draft.metric_phrase:
        note += f"; provisional metric for {draft.metric_phrase!r}"
    if draft.candidates:
        note += f"; other metrics: {', '.join(draft.candidates)}"
    lines = [
        f"  - id: {_q(draft.id)}",
        f"    entity: {_q(draft.entity)}",
        f"    metric: {_q(draft.metric)}",
        f"    period: {_q(draft.period)}",
        f"    value: {_q(draft.value)}",
        f"    source: {_q(draft.source)}",
    ]
    if draft.via:
        lines.append(f"    via: {_q(draft.via)}")
    if draft.stage:
        lines.append(f"    stage: {draft.stage}")
    if draft.basis:
        lines.append(f"    basis: {draft.basis}")
    if draft.scope:
        lines.append(f"    scope: {_q(draft.scope)}")
    for name, value in draft.relations.items():
        lines.append(f"    {name}: {_q(value)}")
    return [
        *lines,
        f"    quote: {_q(draft.quote)}",
        f"    line: {draft.line}",
        f"    note: {_q(note)}",
    ]


def _catalogue_lines(document: Document, drafts: list[Draft], catalogue: Catalogue) -> list[str]:
    """The metrics and sources the drafts use that only a project catalogue or nothing defines,
    so that a folder of drafts reads on its own (a copy never replaces the catalogue's entry)."""
    metrics: dict[str, Draft] = {}
    sources: dict[str, str] = {}
    for draft in drafts:
        known = catalogue.metrics.get(draft.metric)
        if (known is None and is_provisional(draft.metric)) or (known and not known.packaged):
            metrics.setdefault(draft.metric, draft)
        for name, is_outlet in (
            (draft.source, draft.source_basis == "document"),
            (draft.via, True),
        ):
            owner = catalogue.resolve_source(name) if name else None
            if name and owner is None:
                sources.setdefault(name, "news" if is_outlet else _source_kind(name))
            elif owner and not catalogue.sources[owner].packaged:
                sources.setdefault(owner, catalogue.sources[owner].kind)
    lines: list[str] = []
    if metrics:
        lines.append("metrics:  # provisional: map each to a catalogue metric when reviewing")
        lines += [_metric_line(catalogue, metric_id, draft) for metric_id, draft in metrics.items()]
    if sources:
        lines.append("sources:  # new: check each, then add it to sources.yaml")
        host = _host(document.url)
        for name, kind in sources.items():
            known_source = catalogue.sources.get(name)
            label = known_source.name if known_source else name
            aliases = f", aliases: [{_q(host)}]" if host and kind == "news" else ""
            lines.append(
                f"  - {{id: {_q(name)}, name: {_q(label)}, kind: {kind}{aliases}, reviewed: false}}"
            )
    return lines


def _metric_line(catalogue: Catalogue, metric_id: str, draft: Draft) -> str:
    known = catalogue.metrics.get(metric_id)
    extra = ""
    if known is not None:
        kind, unit, label = known.kind, known.unit, known.label
        extra = f", tolerance: {known.tolerance}" if known.tolerance else ""
    else:
        kind, unit = metric_kind(draft.unit)
        label = f"Unreviewed: {draft.metric_phrase or metric_id}"
    return (
        f"  - {{id: {_q(metric_id)}, label: {_q(label)}, kind: {kind}, "
        f"unit: {_q(unit)}{extra}, reviewed: false}}"
    )


def _source_kind(name: str) -> str:
    return "government" if INSTITUTION_RE.search(name) else "other"


def _host(url: str | None) -> str | None:
    if not url:
        return None
    return re.sub(r"^https?://(?:www\d*\.)?", "", url).split("/")[0] or None


def drafts_as_json(drafts: list[Draft]) -> list[dict[str, Any]]:
    """The JSON form of the drafts."""
    return [d.to_dict() for d in drafts]
