"""A drafted claim: what `reconcile extract` writes for a person to review."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Draft:
    """A drafted claim for a person to review."""

    document: str
    value: str
    amount: float | None
    low: float | None
    high: float | None
    unit: str | None
    metric: str
    entity: str
    period: str
    source: str
    quote: str
    span: tuple[int, int]
    line: int
    confidence: float
    candidates: list[str] = field(default_factory=list)
    period_basis: str = ""
    source_basis: str = ""
    entity_basis: str = ""
    stage: str | None = None
    basis: str | None = None
    scope: str | None = None  # what the figure includes or leaves out ("excluding pensions")
    via: str | None = None
    metric_phrase: str = ""  # what a provisional metric measures ("ammonium nitrate")
    repair: str = ""  # how a figure written out of order was read (repairs.py)
    id: str = ""
    # Relation fields the sentence states (docs/claims-format.md): field -> claim id or value.
    relations: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        out = asdict(self)
        out["span"] = list(self.span)
        for key in ("low", "high"):
            if out[key] is not None and abs(out[key]) == float("inf"):
                out[key] = None
        return out
