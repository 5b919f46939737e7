"""Figure forms that are read but flagged: what a careful reader would stop at."""

from __future__ import annotations

import re

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import ParsedValue

# "60, 54 million": a range, a list, or a decimal comma with a stray space; never read silently.
COMMA_RANGE = Finding(
    "ambiguous-number",
    "two numbers joined by a comma are read as a range; if the comma is a decimal comma "
    "('60,54'), write it without the space, and write a range with 'to'",
)
# "2020 billion liras": a scaled amount whose number is a plausible year (machine translation
# may put a year where the amount goes: "it was 1999 million dollars in 4,2").
_YEAR_AMOUNT_RE = re.compile(
    r"(?<![\d.,])(?:19|20)\d\d\s+(?:trillion|billion|million|thousand|bn|mln|mn|tn)\b", re.I
)


def report_year_like(text: str, result: ParsedValue) -> None:
    """An ambiguous-number finding when a scaled amount's number looks like a year."""
    if _YEAR_AMOUNT_RE.search(text):
        result.findings.append(
            Finding(
                "ambiguous-number",
                "the number before the scale word looks like a year; check that the text gives "
                "an amount here and not a year (a translation may have swapped them)",
            )
        )
