"""Measure drafted claims against the curated claims: recall, precision, then period and source.

A figure is found when a draft of the same document has the same value: the same parsed
amount, interval and unit, or the same normalised text. Matching is one-to-one, nearest line
first. Metric, period and source accuracy are measured on the found figures only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.core.errors import InputError
from reconcile.figures.grammar import parse_value

from .attribution import resolve_source
from .drafts import Draft


@dataclass(slots=True)
class GoldClaim:
    """A curated claim, reduced to what the evaluation compares."""

    id: str
    document: str
    value: str
    metric: str
    period: str
    source: str
    line: int | None
    publisher_sources: frozenset[str] = frozenset()


@dataclass(slots=True)
class Evaluation:
    """Counts per document and overall, and the misses for a person to read."""

    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    missed: list[GoldClaim] = field(default_factory=list)
    extra: list[Draft] = field(default_factory=list)
    wrong: list[tuple[GoldClaim, Draft, str]] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        """Counts summed over documents."""
        keys = ("gold", "drafts", "found", "metric", "period", "source")
        return {k: sum(r[k] for r in self.rows.values()) for k in keys}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: counts, rates and the misses."""
        total = self.totals()
        return {
            "documents": self.rows,
            "total": total,
            **rates(total),
            "missed": [{"id": g.id, "document": g.document, "value": g.value} for g in self.missed],
            "extra": [
                {"document": d.document, "value": d.value, "line": d.line} for d in self.extra
            ],
            "wrong": [
                {
                    "id": g.id,
                    "field": what,
                    "gold": _gold_field(g, what),
                    "draft": _draft_field(d, what),
                }
                for g, d, what in self.wrong
            ],
        }


def _gold_field(gold: GoldClaim, what: str) -> str:
    return str(getattr(gold, what))


def _draft_field(draft: Draft, what: str) -> str:
    return str(getattr(draft, what))


def rates(total: dict[str, int]) -> dict[str, float]:
    """Recall, precision and the accuracies on found figures, as fractions."""
    found = total["found"]
    return {
        "recall": found / total["gold"] if total["gold"] else 0.0,
        "precision": found / total["drafts"] if total["drafts"] else 0.0,
        "metric_accuracy": total["metric"] / found if found else 0.0,
        "period_accuracy": total["period"] / found if found else 0.0,
        "source_accuracy": total["source"] / found if found else 0.0,
    }


def value_key(text: str) -> tuple[Any, ...] | None:
    """The parsed value (amount, low, high, unit) used to compare a draft with a claim."""
    parsed = parse_value(text)
    if not parsed.ok or parsed.amount is None:
        return None
    return (_round(parsed.amount), _round(parsed.low), _round(parsed.high), parsed.unit)


def _round(value: float | None) -> float | None:
    if value is None or math.isinf(value):
        return value
    return float(f"{value:.6g}")


def _normalise_text(text: str) -> str:
    return re.sub(r"[^\w%$.]+", " ", text.lower().replace("’", "'")).strip()


def _same_value(gold: GoldClaim, draft: Draft) -> bool:
    gold_key = value_key(gold.value)
    if gold_key is not None and gold_key == value_key(draft.value):
        return True
    return _normalise_text(gold.value) == _normalise_text(draft.value)


def evaluate_drafts(
    drafts: Sequence[Draft], gold: Sequence[GoldClaim], catalogue: Catalogue
) -> Evaluation:
    """Match drafts to curated claims per document and count what agrees."""
    evaluation = Evaluation()
    documents = sorted({g.document for g in gold})
    for document in documents:
        golds = [g for g in gold if g.document == document]
        mine = [d for d in drafts if d.document == document]
        row = {
            "gold": len(golds),
            "drafts": len(mine),
            "found": 0,
            "metric": 0,
            "period": 0,
            "source": 0,
        }
        pairs = sorted(
            (
                (abs((g.line or 0) - d.line), gi, di)
                for gi, g in enumerate(golds)
                for di, d in enumerate(mine)
                if _same_value(g, d)
            ),
        )
        used_gold: set[int] = set()
        used_draft: set[int] = set()
        for _, gi, di in pairs:
            if gi in used_gold or di in used_draft:
                continue
            used_gold.add(gi)
            used_draft.add(di)
            g, d = golds[gi], mine[di]
            row["found"] += 1
            checks = {
                "metric": d.metric == g.metric,
                "period": d.period == g.period,
                "source": _same_source(g, d, catalogue),
            }
            for what, ok in checks.items():
                row[what] += ok
                if not ok:
                    evaluation.wrong.append((g, d, what))
        evaluation.missed += [g for i, g in enumerate(golds) if i not in used_gold]
        evaluation.extra += [d for i, d in enumerate(mine) if i not in used_draft]
        evaluation.rows[document] = row
    return evaluation


def _same_source(gold: GoldClaim, draft: Draft, catalogue: Catalogue) -> bool:
    if draft.source_basis == "document":
        # "The document itself": right when the curator credited the publisher.
        return gold.source in gold.publisher_sources or draft.source == gold.source
    resolved = resolve_source(draft.source, catalogue) or draft.source
    return resolved == gold.source or draft.source == gold.source


def read_gold(claim_paths: Sequence[Path]) -> tuple[list[GoldClaim], Catalogue]:
    """Curated claims and the catalogue, from claims/ (through reconcile.claims)."""
    from reconcile.claims.files import load_claims

    claim_set = load_claims(list(claim_paths))
    sources = claim_set.sources
    nameless = {s.id for s in sources.values() if not s.aliases}
    publishers: dict[str, frozenset[str]] = {}
    for doc in claim_set.documents.values():
        own = {doc.publisher} if doc.publisher else set()
        publishers[doc.id] = frozenset(own | nameless)
    gold = [
        GoldClaim(
            id=str(row.id),
            document=str(row.document_file),
            value=str(row.value),
            metric=str(row.metric),
            period=str(row.period),
            source=str(row.source),
            line=_line(row.line),
            publisher_sources=publishers.get(str(row.document), frozenset(nameless)),
        )
        for row in claim_set.frame.itertuples()
        if isinstance(row.document_file, str)
    ]
    return gold, claim_set.catalogue


def _line(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def evaluate_extraction(claim_paths: Sequence[Path], seeds: Path) -> Evaluation:
    """Draft claims from every seed document named in claims/ and measure them."""
    from .drafts import draft_claims
    from .readers import read_document

    gold, catalogue = read_gold(claim_paths)
    drafts: list[Draft] = []
    root = seeds.resolve()
    for name in sorted({g.document for g in gold}):
        path = seeds / name
        if not path.resolve().is_relative_to(root):  # "../x" or "/etc/x" in a claim file
            raise InputError(
                f"document file {name!r} lies outside the seeds folder {seeds}",
                hint="document.file names a file inside --seeds (e.g. 000_x.txt)",
            )
        if path.exists():
            drafts += draft_claims(read_document(path), catalogue)
    return evaluate_drafts(drafts, gold, catalogue)
