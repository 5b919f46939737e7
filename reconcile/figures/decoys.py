"""What looks like a figure in running text but is not one.

Calendar dates, years used as dates, ordinals and numbers that name units, model numbers and
calibres, citation metadata, time windows ("the past 15 years") and pronouns ("one of").
"""

from __future__ import annotations

import re

from reconcile.core.patterns import MONTH, YEAR

_NAME_BEFORE = re.compile(
    r"\b(?:project|no|nos|article|section|resolution|page|pp?|vol|volume|issue|isbn|series|"
    r"unit|code|flight|route|model|type|class|version|mark|mk)\.?\s*$",
    re.IGNORECASE,
)
_DESIGNATION_BEFORE = re.compile(r"(?:[°#№]|\b[A-Z]\s|[A-Za-z][-/]|[A-Za-z]|\d[-/.:x×]|[x×])$")
# "the 18–110 military unit", "641st unit": a number before a singular formation noun names it.
_FORMATION_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:unit|division|brigade|regiment|battalion|army|squadron|fleet|flotilla)\b"
    r"(?!\s+[a-z]+s\b)",
    re.IGNORECASE,
)
_PROPER_BEFORE = re.compile(
    r"(?<![.!?\n]\s)(?<![.!?\n])\b(?!(?:The|A|An|In|On|At|Of|By|For|With|And|But|Some|About|Over|Nearly|Only|All|Its|Their|His|Her|Our|Since|From|To|Until|During|After|Before|Around|Total|There)\s)[A-Z][a-z]+\s$"
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(r"\b(?:last|past|next|previous|coming|first|recent)\s+$", re.I)
_WINDOW_AFTER = re.compile(r"^\s+(?:years?|decades?|months?|weeks?|days?|centur(?:y|ies))\b", re.I)
_PRONOUN_ONE = re.compile(r"^\s+(?:of|another|day|side|way)\b|^-", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b{MONTH}\s+$")
_DATE_AFTER = re.compile(rf"^\s*(?:{MONTH}\b|:\d\d)")
_ATTACHED_AFTER = re.compile(r"^(?:-?[A-Za-z]|[-/×]\d|\.\d|'s\b|’s\b)")


def is_figure(text: str, match: re.Match[str]) -> bool:
    """False when a match of the figure grammar at this place in the text is not a figure."""
    number = match.group("num")
    start, end = match.start("num"), match.end("num")
    before, after = text[max(0, start - 30) : start], text[end : end + 40]
    bare = not (match.group("qual") or match.group("cur") or match.group("scale"))
    bare = bare and not match.group("suffix")
    plain = not (match.group("cur") or match.group("scale") or match.group("suffix"))
    if plain and re.fullmatch(rf"{YEAR}(?:\s*(?:[-–—/]|to|and)\s*\d{{2,4}})?", number):
        return False  # a year or a span of years: a date, not a figure
    if bare and number[0].isdigit() and _FORMATION_AFTER.match(after):
        return False
    if (
        bare
        and number[0].isdigit()
        and _PROPER_BEFORE.search(before)
        and not re.match(r"^\s+[a-z]+s\b", text[end : end + 30])
    ):
        return False  # "Triton 2": part of a name
    if number[0].isalpha() and _DEFINITE_BEFORE.search(before):
        return False  # "the two countries": a reference, not a count
    if number[0].isdigit() and (
        _NAME_BEFORE.search(before)
        or _DESIGNATION_BEFORE.search(before)
        or _DATE_BEFORE.search(before)
    ):
        return False
    tail = text[match.end() : match.end() + 12]
    if not match.group("suffix") and not match.group("scale") and _ATTACHED_AFTER.match(tail):
        return False  # MiG-29, 300mm, 9A52, 641st, two-day, 4x4
    if _DATE_AFTER.match(after) and number[0].isdigit():
        return False
    if _WINDOW_BEFORE.search(before) and _WINDOW_AFTER.match(after):
        return False  # "the last 15 years": a time window, not a figure
    if number.lower() == "one" and (
        _PRONOUN_ONE.match(after) or re.search(r"\b(?:no|the|any|every)\s+$", before, re.I)
    ):
        return False
    if bare and re.fullmatch(r"\d{1,3}", number) and re.match(r"^\s*(?:caliber|calibre)\b", after):
        return False
    return not (bare and number.lower() in {"hundred", "dozen"})
