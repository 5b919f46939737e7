"""Find the figures in running text, skipping dates, years, model numbers and names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .figures import QUALIFIERS

_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|a dozen|dozen"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
_SUPERLATIVE = r"largest|biggest|strongest|greatest|highest|best|worst|lowest|smallest"
_SCALE = r"thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b"
_EXTRA_QUALIFIERS = ("a total of", "an additional", "to the excess of", "in excess of")
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
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH_NAME}\s+$")
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTH_NAME}\b|:\d\d)")
_ATTACHED_AFTER = re.compile(r"^(?:-?[A-Za-z]|[-/×]\d|\.\d|'s\b|’s\b)")


@cache
def _figure_regex() -> re.Pattern[str]:
    from .currencies import load_currencies
    from .units import unit_aliases

    currencies = load_currencies()
    quals = sorted([*QUALIFIERS, *_EXTRA_QUALIFIERS], key=len, reverse=True)
    qual = "|".join(
        re.escape(q).replace(r"\ ", r"\s+") + (r"\b" if q[-1].isalpha() else "") for q in quals
    )
    plain, assumed = unit_aliases()
    units = sorted(set(plain) | set(assumed), key=len, reverse=True)
    unit = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
    number = (
        rf"(?:{_NUMBER})(?:\s*(?:-|–|—|to)\s*(?:{_NUMBER}))?"
        rf"|(?:{_WORD_NUMBERS})(?:[\s-](?:{_WORD_NUMBERS}))*"
    )
    rank = (
        rf"(?:(?:ranked|ranks|ranking|placed)\s+)(?P<rank>\d+(?:st|nd|rd|th))"
        rf"(?:\s+(?:among|of|out\s+of)\s+\d[\d,]*(?:\s+countries)?)?"
        rf"|\d+(?:st|nd|rd|th)\s+(?:among|out\s+of)\s+\d[\d,]*(?:\s+countries)?"
        rf"|(?:{_ORDINAL})[\s-](?:{_SUPERLATIVE})(?:\s+[a-z]+)?"
        rf"|(?:one\s+of\s+)?(?:the\s+)?(?:\w+[’']s\s+)?top\s+(?:{_WORD_NUMBERS}|\d+)(?:\s+[a-z]+){{0,2}}"
        rf"|\w+[’']s\s+(?:{_SUPERLATIVE})(?:\s+[a-z]+){{1,2}}"
        rf"|(?:the|its)\s+(?:{_SUPERLATIVE})\s+[a-z]+(?=\s+(?:in|among)\s+the\b)"
        rf"|(?:in\s+the\s+low\s+|the\s+)?(?:thousands|hundreds|dozens)(?=\s+of\b|\.)"
    )
    figure = (
        rf"(?:(?P<qual>{qual})\s*)?(?P<cur>{currencies.prefix_pattern()})?\s?"
        rf"(?P<num>{number})"
        rf"(?:\s*(?P<scale>{_SCALE})(?![A-Za-z]))?"
        rf"(?:\s*(?P<suffix>%|percent\b|per\s+cent\b|{currencies.suffix_pattern()}|(?:{unit})\b)"
        rf"(?![-\w])(?:\s+per\s+(?:year|annum|month))?)?"
    )
    return re.compile(rf"(?P<rankfig>{rank})|(?P<figure>(?<![\w.,]){figure})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A figure found in text: its span and the text as written."""

    start: int
    end: int
    text: str


def find_figures(text: str) -> list[FigureMatch]:
    """Find the figures in running text, skipping dates, years, model numbers and names."""
    found: list[FigureMatch] = []
    for match in _scan_figures(text):
        start, end = match.span()
        value = match.group(0).strip()
        if match.group("rankfig"):
            if match.group("rank"):
                start = match.start("rank")
            found.append(FigureMatch(start, end, text[start:end].strip()))
            continue
        if not _is_figure(text, match):
            continue
        found.append(FigureMatch(start, start + len(value.rstrip(" ,.")), value.rstrip(" ,.")))
    return found


_ANCHOR_WORDS = (
    f"{_WORD_NUMBERS}|{_SUPERLATIVE}|top|thousands|hundreds|dozens|first|second|third|fourth|fifth"
)
# Scanned case-sensitively over a lower-cased copy: IGNORECASE makes this scan 5x slower.
_ANCHOR_RE = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{_ANCHOR_WORDS})\b")
_ANCHOR_ANY_CASE_RE = re.compile(_ANCHOR_RE.pattern, re.IGNORECASE)


def _scan_figures(text: str) -> Any:
    """Try the full figure grammar only at word starts just before digits and number words.

    Matching at a handful of positions per anchor instead of searching every character keeps
    plain text above 1 MB/s.
    """
    regex = _figure_regex()
    last_end = 0
    lowered = text.lower()
    # lower() may lengthen a few characters ("İ"); then offsets differ, so scan the original.
    anchors = (
        _ANCHOR_RE.finditer(lowered)
        if len(lowered) == len(text)
        else _ANCHOR_ANY_CASE_RE.finditer(text)
    )
    for anchor in anchors:
        if anchor.start() < last_end:
            continue
        window = max(last_end, anchor.start() - 40)
        starts = [m.start() for m in _WORD_START_RE.finditer(text, window, anchor.start())]
        limit = min(len(text), anchor.end() + 80)
        for position in [*starts, anchor.start()]:
            match = regex.match(text, position, limit)
            if match and match.end() > anchor.start():
                yield match
                last_end = match.end()
                break
        else:
            last_end = anchor.end()


_WORD_START_RE = re.compile(r"(?<![\w.,'’$€£₼~≈<>-])[\w$€£₼~≈<>]")


def _is_figure(text: str, match: re.Match[str]) -> bool:
    number = match.group("num")
    start, end = match.start("num"), match.end("num")
    before, after = text[max(0, start - 30) : start], text[end : end + 40]
    bare = not (match.group("qual") or match.group("cur") or match.group("scale"))
    bare = bare and not match.group("suffix")
    plain = not (match.group("cur") or match.group("scale") or match.group("suffix"))
    if plain and re.fullmatch(r"(?:1[89]|20)\d\d(?:\s*(?:[-–—/]|to|and)\s*\d{2,4})?", number):
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
