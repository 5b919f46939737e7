"""A figure as parsed: the interval in the stated unit, and what was decided on the way."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .errors import Finding


@dataclass(slots=True)
class ParsedValue:
    """A figure read from text: the interval in the stated unit, and what was decided."""

    text: str
    ok: bool
    amount: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    rank_of: int | None = None
    percentile: float | None = None
    noun: str | None = None
    year_hint: int | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """money, rank, ratio, count or quantity, from the unit."""
        return kind_of_unit(self.unit)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (open interval ends become null)."""
        return {
            "text": self.text,
            "ok": self.ok,
            "amount": self.amount,
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "rank_of": self.rank_of,
            "percentile": self.percentile,
            "noun": self.noun,
            "findings": [f.to_dict() for f in self.findings],
        }


def _json_number(value: float | None) -> float | None:
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    return value


def kind_of_unit(unit: str | None) -> str:
    """The kind of figure a unit implies."""
    if unit is None:
        return "unknown"
    if unit == "rank":
        return "rank"
    if unit == "percent":
        return "ratio"
    if unit == "count":
        return "count"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return "quantity"
