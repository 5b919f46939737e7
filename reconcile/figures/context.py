"""A figure read together with the sentence it came from.

English writes the unit once for a coordinated pair of numbers: "45 and 50 mg", "5 or 6 percent",
"between 2 and 3 billion dollars". Read alone, the first number of the pair is a bare count;
read in its sentence it takes the unit of the number after it. The unit is only borrowed from
the figure that follows immediately (after `and`, `or`, `to` or a dash), and the result says
so in a `unit-from-context` finding.
"""

from __future__ import annotations

import re

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import ParsedValue

from .grammar import DEFAULT_WIDEN, parse_value

# What may join the two numbers of a pair, then the second number and what follows it.
_PAIR_AFTER_RE = re.compile(
    r"^\s*,?\s*(?:and|or|to|-|–|—)\s*(?P<number>[-−]?\d[\d.,]*)(?P<rest>\s*[^\s,;:()]+(?:\s+[^\s,;:()]+)?)",
    re.IGNORECASE,
)
_END_PUNCTUATION = ".!?"


def parse_in_context(
    text: str,
    sentence: str | None,
    *,
    year: int | None = None,
    dollar: str = "USD",
    widen: float = DEFAULT_WIDEN,
) -> ParsedValue:
    """Parse `text` as parse_value does; a bare number before "and 50 mg" in `sentence` is mg."""
    parsed = parse_value(text, year=year, dollar=dollar, widen=widen)
    if not sentence or not parsed.ok or parsed.unit != "count" or parsed.noun:
        return parsed
    after = _text_after(text, sentence)
    pair = _PAIR_AFTER_RE.match(after) if after is not None else None
    if pair is None:
        return parsed
    for rest in _unit_candidates(pair.group("rest")):
        second = parse_value(pair.group("number") + rest, year=year, dollar=dollar, widen=widen)
        if not second.ok or second.unit in {None, "count", "rank"} or second.findings:
            continue
        shared = parse_value(text + rest, year=year, dollar=dollar, widen=widen)
        if shared.ok and shared.unit == second.unit and not shared.findings:
            return _borrowed(text, shared, f"{pair.group('number')}{rest}".strip())
    return parsed


def _unit_candidates(rest: str) -> list[str]:
    """What follows the second number: its two words, then its first word alone."""
    rest = rest.rstrip(_END_PUNCTUATION)
    lead = rest[: len(rest) - len(rest.lstrip())]
    words = rest.split()
    return [lead + " ".join(words[:count]) for count in (2, 1) if count <= len(words)]


def _borrowed(text: str, shared: ParsedValue, written: str) -> ParsedValue:
    shared.text = text
    shared.findings.append(
        Finding(
            "unit-from-context",
            f"{text!r} has no unit of its own; it takes {shared.unit!r} from {written!r} "
            f"after it; write the unit after both numbers if that is wrong",
            level="warning",
        )
    )
    return shared


def _text_after(text: str, sentence: str) -> str | None:
    """The sentence after the first place `text` is written as a whole word, or None."""
    match = re.search(rf"(?<![\w.,]){re.escape(text.strip())}(?![\w])", sentence)
    return sentence[match.end() :] if match else None
