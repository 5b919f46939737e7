"""Two figures or one range: "from X to Y" and "between X and Y" in running text.

"Estimates range from 112 to 131" and "between 2 and 3 million" are one range; "the toll rose
from 112 to 131" and "climbed by 19 to 131" are two figures (where a measure was and where it
went, or by how much and to what). A first end written without its scale or unit ("from $1.2 to
$1.5 billion") takes the second's in both readings.
"""

from __future__ import annotations

import re

from reconcile.core.parsed_value import ParsedValue

from .grammar import parse_value

Found = list[tuple[int, int, ParsedValue]]

# A verb of change before "from X to Y" or "by X to Y": two figures (where it was and where it
# went, or by how much and to what), not a range.
_CHANGED_BEFORE_RE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|gr[eo]w(?:s|n|ing)?|increas\w*|decreas\w*|declin\w*|fell|"
    r"fall(?:s|en|ing)?|drop\w*|jump\w*|climb\w*|soar\w*|surg\w*|plung\w*|slump\w*|tumbl\w*|"
    r"slid|slip\w*|edg\w*|cut|rais\w*|lower\w*|reduc\w*|boost\w*|expand\w*|shr[ai]nk\w*|"
    r"swell\w*|swollen|went\s+(?:up|down)|go(?:es)?\s+(?:up|down)|revised\s+(?:up|down)\w*)"
    r"(?:\s+(?:sharply|slightly|steadily|further|again))?\s+(?:(?P<by>by\s+)|(?P<from>from\s+))?$",
    re.IGNORECASE,
)
_FROM_TO_RE = re.compile(r"(?P<from>from\s+)?(?P<a>\S.*?)\s+to\s+(?P<b>\S.*)", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d[\d,.]*")


def moved_between(
    text: str, start: int, written: str, parsed: ParsedValue
) -> list[tuple[int, int, ParsedValue]] | None:
    """ "rose from 112 to 131", "climbed by 19 to 131": the two figures, or None when the
    range is a range ("3 to 5 percent", "by 4 to 6 percent")."""
    parts = _FROM_TO_RE.fullmatch(written)
    moved = _CHANGED_BEFORE_RE.search(text, max(0, start - 40), start)
    if parts is None or moved is None or not (parts["from"] or moved["by"] or moved["from"]):
        return None
    second = parse_value(parts["b"])
    number = _NUMBER_RE.search(parts["b"])
    if not second.ok or number is None or not _NUMBER_RE.search(parts["a"]):
        return None
    first = parse_value(first_end(parts["a"], parts["b"], number))
    if not first.ok or first.amount is None or second.amount is None:
        return None
    if moved["by"] and abs(second.amount) <= 2 * abs(first.amount):
        return None  # "rose by 4 to 6 percent": a range of the change
    a, b = start + parts.start("a"), start + parts.start("b")
    return [(a, a + len(parts["a"]), first), (b, b + len(parts["b"]), second)]


def first_end(a: str, b: str, number: re.Match[str]) -> str:
    """The first of two figures set as a range ("from 1.2 to 1.5 billion dollars"), with the
    scale and unit it leaves to the second when its own words are the start of the second's."""
    own = _NUMBER_RE.search(a)
    if own is None:
        return a
    head, tail = a[: own.start()], a[own.end() :]
    b_head, b_tail = b[: number.start()], b[number.end() :]
    if not b_tail.startswith(tail):
        return a
    if not head.endswith(b_head):
        if not all(c.isalpha() or c.isspace() for c in head):
            return a  # "from €5 to $6 billion": its own currency
        head += b_head  # "from about 1.2 to $1.5 billion"
    return head + own.group(0) + b_tail


_BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_GAP_RE = re.compile(r"\s+and\s+", re.IGNORECASE)


def join_ranges(text: str, found: Found) -> Found:
    """ "between 2 and 3 million" is one range (2-3 million), not 2 and 3 million; so is "$1.2
    to $1.5 billion", which the grammar reads as two figures; after a verb of change the two
    stay two, the first with the second's scale ("rose from $1.2 to $1.5 billion")."""
    joined: Found = []
    for start, end, parsed in found:
        if joined and start < joined[-1][1]:
            continue  # the second end of a range read with the first ("€2.5bn-€3bn")
        dashed = _dashed_range(text, start, end)
        if dashed is not None:
            joined.append(dashed)
            continue
        if joined and _AND_GAP_RE.fullmatch(text, joined[-1][1], start):
            both = _range_between(text, joined[-1][0], end)
            if both is not None:
                joined[-1] = (joined[-1][0], end, both)
                continue
        if joined and _TO_GAP_RE.fullmatch(text, joined[-1][1], start):
            first = joined[-1]
            moved = _CHANGED_BEFORE_RE.search(text, max(0, first[0] - 40), first[0])
            same = first[2].unit in (None, "count", parsed.unit)
            both = None if moved or not same else _as_range(parse_value(text[first[0] : end]))
            if both is not None:
                joined[-1] = (first[0], end, both)
                continue
            if moved and (number := _NUMBER_RE.search(parsed.text)):
                reread = parse_value(first_end(first[2].text, parsed.text, number))
                if reread.ok and reread.unit == parsed.unit:
                    joined[-1] = (first[0], first[1], reread)
        joined.append((start, end, parsed))
    return joined


def _as_range(parsed: ParsedValue) -> ParsedValue | None:
    """The reading when it is a range of two ends in one unit (low below high), else None."""
    if not parsed.ok or parsed.low is None or parsed.high is None or parsed.low >= parsed.high:
        return None
    if any(f.code == "conflicting-unit" for f in parsed.findings):
        return None  # "by 14.98% to Rs2.12 trillion": a change and what it reached
    return parsed


def _dashed_range(text: str, start: int, end: int) -> tuple[int, int, ParsedValue] | None:
    """ "€2.5bn-€3bn", "2.5bn-3bn euros": a range whose second end repeats the scale (and the
    currency), read whole with the currency words after it."""
    dashed = _DASH_SECOND_END_RE.match(text, end)
    if dashed is None:
        return None
    base = _as_range(parse_value(text[start : dashed.end()]))
    if base is not None and base.unit not in (None, "count"):
        return (start, dashed.end(), base)
    words = _WORDS_AFTER_RE.match(text, dashed.end())
    # the currency words after it, as few as say it ("2.5bn-3bn euros", "... US dollars")
    stops = [words.end(1)] + [words.end(2)] * bool(words.group(2)) if words else []
    for stop in stops:
        both = _as_range(parse_value(text[start:stop]))
        money = both is not None and len(both.unit or "") == 3 and (both.unit or "").isupper()
        if both is not None and money and both.noun is None:
            return (start, stop, both)
    return None if base is None else (start, dashed.end(), base)


_DASH_SECOND_END_RE = re.compile(
    r"[-–]\s*(?:[€$£¥₹]|US\$)?\d[\d.,]*\s*(?:bn|mn|m|k|tn|billion|million|trillion)\b"
)
_WORDS_AFTER_RE = re.compile(r"(\s+[^\W\d_]+)(\s+[^\W\d_]+)?")
_TO_GAP_RE = re.compile(r"\s+to\s+", re.IGNORECASE)


def _range_between(text: str, first: int, end: int) -> ParsedValue | None:
    if not _BETWEEN_BEFORE_RE.search(text, max(0, first - 12), first):
        return None
    both = parse_value(text[first:end])
    if both.ok and both.low is not None and both.high is not None and both.low < both.high:
        return both
    return None
