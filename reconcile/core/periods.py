"""Periods a figure is for: a year, a span of years, or a part of a year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import YEAR as _YEAR

_PATTERNS = [
    ("year", re.compile(rf"^(?P<start>{_YEAR})$")),
    ("span", re.compile(rf"^(?P<start>{_YEAR})-(?P<end>{_YEAR})$")),
    ("half", re.compile(rf"^(?P<start>{_YEAR})-H(?P<part>[12])$")),
    ("quarter", re.compile(rf"^(?P<start>{_YEAR})-Q(?P<part>[1-4])$")),
    (
        "months",
        re.compile(
            rf"^(?P<start>{_YEAR})-(?P<m1>0[1-9]|1[0-2])\.\.(?P<end>{_YEAR})-(?P<m2>0[1-9]|1[0-2])$"
        ),
    ),
    ("month", re.compile(rf"^(?P<start>{_YEAR})-(?P<m1>0[1-9]|1[0-2])$")),
]
UNDATED = "undated"
PERIOD_HELP = (
    'write a year ("2009"), a span ("2009-2016"), a half or quarter ("2024-H1", "2024-Q2"), '
    'months ("2023-01..2023-05"), or "undated"'
)


@dataclass(frozen=True, slots=True)
class Period:
    """A parsed period: its label as written, first and last calendar year, and its kind."""

    label: str
    kind: str  # year | span | half | quarter | months | month | undated
    start_year: int | None
    end_year: int | None

    @property
    def is_full_years(self) -> bool:
        """True for a year or a span of whole years (the only periods summed in a series)."""
        return self.kind in {"year", "span"}


def parse_period(text: object) -> Period:
    """Parse a period label; raises ValueError with the accepted forms when it is not one."""
    return _parse_label(str(text).strip())


@lru_cache(maxsize=8192)
def _parse_label(label: str) -> Period:
    # Cached: claim sets repeat a few hundred labels millions of times; a Period is frozen.
    if label.lower() == UNDATED:
        return Period(UNDATED, "undated", None, None)
    for kind, pattern in _PATTERNS:
        match = pattern.match(label)
        if not match:
            continue
        start = int(match.group("start"))
        end = (
            int(match.group("end")) if "end" in match.groupdict() and match.group("end") else start
        )
        if end < start:
            raise ValueError(f"period {label!r} ends before it starts")
        if kind == "months" and (end, match.group("m2")) < (start, match.group("m1")):
            raise ValueError(f"period {label!r} ends before it starts")
        return Period(label, kind, start, end)
    raise ValueError(f"unknown period {label!r}: {PERIOD_HELP}")
