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
# "60, 54 million lira": a decimal comma with a space after it, before a scale word; a range or
# a list of a 60 and a 54 million is never meant (their sizes are a million apart).
_SPACED_DECIMAL_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}), (\d{1,2})(?=\s*(?:trillion|billion|million|bn|mln|mn|tn)\b)", re.I
)
SPACED_DECIMAL = Finding(
    "ambiguous-number",
    "a comma and a space between two numbers before a scale word are read as a decimal comma "
    "('60, 54 million' is 60,54 million); write a range with 'to'",
)


def spaced_decimal(text: str) -> str | None:
    """The text with the space after a decimal comma taken out ("60,54 million"), or None."""
    joined = _SPACED_DECIMAL_RE.sub(r"\1,\2", text, count=1)
    return joined if joined != text else None


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


_LETTER_SCALES = {"m": "million", "b": "billion", "k": "thousand"}


def letter_scale_finding(scale: str) -> Finding | None:
    """The doubt about a one-letter scale after a count ("5m": million or metres?), or None."""
    if scale not in _LETTER_SCALES:
        return None
    return Finding(
        "ambiguous-unit",
        f"'{scale}' read as {_LETTER_SCALES[scale]}; write the word in full (or 'metres' for a "
        "length)",
    )
