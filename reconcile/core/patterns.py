"""Text patterns shared by every stage: years, month names, and regex alternations of words."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A calendar year as sources write it, 1800-2099: "2009", "1994". Claim period labels use
# the same range, so a label and a year in running text always mean the same thing.
YEAR = r"(?:1[89]|20)\d\d"

# Month names and their usual abbreviations, each mapped to its number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# A month name or abbreviation, with an optional full stop ("Sept.", "March").
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


def alternation(terms: Iterable[str], *, flexible_space: bool = False) -> str:
    """A regex alternation of literal terms, longest first so the longest match wins.

    With `flexible_space`, a space in a term matches any run of white space ("finance
    ministry" also matches "finance\\nministry"). An empty list gives a pattern that never
    matches, so callers need no special case.
    """
    ordered = sorted(set(terms), key=len, reverse=True)
    escaped = (re.escape(term) for term in ordered)
    if flexible_space:
        escaped = (term.replace(r"\ ", r"\s+") for term in escaped)
    return "|".join(escaped) or "(?!)"
