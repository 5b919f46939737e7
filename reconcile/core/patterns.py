"""Text patterns shared by every stage: years, month names, and regex alternations of words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

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

# The months' full names ("january" ... "december") and the days of the week, lower case.
MONTH_NAMES: tuple[str, ...] = tuple(
    max((name for name, number in MONTHS.items() if number == n), key=len) for n in range(1, 13)
)
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip

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


def trie_alternation(
    terms: Iterable[str], *, flexible_space: bool = False, stem: str | None = None
) -> str:
    """The same language as `alternation`, written as a prefix tree ("ab|ac" as "a(?:b|c)").

    Python's re tries the branches of an alternation one by one; a tree shares the common
    prefixes, which makes an alternation of hundreds of names (every currency) many times
    faster. Longer terms are still preferred: a node tries its children before ending.
    With `stem`, that character in a term matches any run of word characters ("оборон*"),
    tried after the node's letters so that the longer literal wins.
    """
    root: dict[str, Any] = {}
    for term in set(terms):
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return "(?!)"
    return _trie_pattern(root, flexible_space, stem)


def _trie_pattern(node: dict[str, Any], flexible_space: bool, stem: str | None = None) -> str:
    branches = []
    for char in sorted((c for c in node if c), key=lambda c: (c == stem, c)):
        if char == stem:
            head = r"\w*"
        else:
            head = r"\s+" if flexible_space and char == " " else re.escape(char)
        branches.append(head + _trie_pattern(node[char], flexible_space, stem))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# "up" that is part of a verb of composition, not a rise: "women make up 51 %", "add up to".
_PHRASAL = ("make", "makes", "made", "making", "add", "adds", "added", "sum", "sums", "end",
            "ended", "take", "takes", "took", "set", "sets")  # fmt: skip
UP_AS_RISE = "".join(f"(?<!{verb} )" for verb in _PHRASAL) + "up"


# The words that set two figures side by side ("X as against Y", "X compared with Y", "X, up
# from Y"): the second is the first's counterpart (its baseline, another stage, another year).
SET_AGAINST = (
    r"as\s+against|as\s+compared\s+(?:to|with)|compared\s+(?:to|with)|against|versus|vs\.?"
    r"|up\s+from|down\s+from|from"
)


def fold_accents(text: str) -> str:
    """The text without its combining marks ("bolívars" -> "bolivars", "São" -> "Sao")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
