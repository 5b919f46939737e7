"""Find the periods written in a sentence and bind them to figures.

Explicit years and spans, parts of years ("January through May 2023", "first half of 2024"),
years relative to the document date ("last year"), anaphora ("that year"), and the year a cited
work speaks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reconcile.core.patterns import MONTH, MONTHS, YEAR

from .documents import Citation

_SPAN = rf"{YEAR}\s*[-–—/]\s*(?:{YEAR}|\d\d)"
_PERIOD_RE = re.compile(
    rf"(?P<list>periods?\s+(?P<items>{_SPAN}(?:\s*(?:,|and)\s*{_SPAN})+))"
    rf"|(?P<months>(?P<m1>{MONTH})\s*(?:-|–|—|to|through|until)\s*(?P<m2>{MONTH})\s+(?P<my>{YEAR}))"
    rf"|(?P<half>(?P<which>first|second)\s+half\s+of\s+(?P<hy>{YEAR}))"
    rf"|(?P<quarter>Q(?P<q>[1-4])\s+(?P<qy>{YEAR}))"
    rf"|(?P<range>(?:from|between)\s+(?P<r1>{YEAR})\s+(?:to|and|until|through|till)\s+(?P<r2>{YEAR}))"
    rf"|(?P<since>since\s+(?P<sy>{YEAR}))"
    rf"|(?P<span>(?P<s1>{YEAR})\s*[-–—/]\s*(?P<s2>{YEAR}|\d\d))(?!\d)"
    rf"|(?P<monthyear>(?P<mm>{MONTH})\s+(?P<mmy>{YEAR}))"
    rf"|(?<![\d,.$])(?P<year>{YEAR})(?!\d|,\d)"
    rf"|(?P<relative>\b(?:last|this|next|current|coming|past)\s+year\b)"
    rf"|(?P<anaphora>\b(?:that|the\s+same)\s+year\b)",
    re.IGNORECASE,
)


# The same, matched case-sensitively against lower-cased text (IGNORECASE is several times slower).
_PERIOD_LOWER_RE = re.compile(_PERIOD_RE.pattern.lower().replace("(?p<", "(?P<"))
_PERIOD_HINT_RE = re.compile(rf"{YEAR}|year|Q[1-4]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in a sentence: where, and the period ids it stands for."""

    start: int
    end: int
    periods: tuple[str, ...]
    kind: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _full_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


def find_periods(
    sentence: str, published: date | None, previous: str | None
) -> list[PeriodMention]:
    """Period expressions in one sentence, resolved ("last year" against the publication date)."""
    found: list[PeriodMention] = []
    if not _PERIOD_HINT_RE.search(sentence):
        return found
    lowered = sentence.lower()
    regex = _PERIOD_LOWER_RE
    if len(lowered) != len(sentence):  # a few characters lengthen when lower-cased ("İ")
        lowered, regex = sentence, _PERIOD_RE
    for match in regex.finditer(lowered):
        kind = match.lastgroup or ""
        g = match.group
        periods: tuple[str, ...] = ()
        if g("list"):
            items = re.findall(rf"({YEAR})\s*[-–—/]\s*({YEAR}|\d\d)", g("items"))
            periods, kind = tuple(f"{a}-{_full_year(a, b)}" for a, b in items), "list"
        elif g("months"):
            periods, kind = (_month_span(_month(g("m1")), _month(g("m2")), g("my")),), "months"
        elif g("half"):
            periods, kind = (f"{g('hy')}-H{1 if g('which').lower() == 'first' else 2}",), "half"
        elif g("quarter"):
            periods, kind = (f"{g('qy')}-Q{g('q')}",), "quarter"
        elif g("range"):
            periods, kind = (f"{g('r1')}-{g('r2')}",), "range"
        elif g("since"):
            end = published.year if published else None
            periods = (f"{g('sy')}-{end}" if end and end > int(g("sy")) else g("sy"),)
            kind = "since"
        elif g("span"):
            periods, kind = (f"{g('s1')}-{_full_year(g('s1'), g('s2'))}",), "span"
        elif g("monthyear"):
            periods, kind = (f"{g('mmy')}-{_month(g('mm')):02d}",), "monthyear"
        elif g("year"):
            periods, kind = (g("year"),), "year"
        elif g("relative"):
            word = g("relative").split()[0].lower()
            if published is not None:
                offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
                periods = (str(published.year + offset),)
            elif word in {"this", "current"} and previous:
                periods = (previous,)
            kind = "relative"
        elif g("anaphora") and previous:
            periods, kind = (previous,), "anaphora"
        if periods:
            found.append(PeriodMention(match.start(), match.end(), periods, kind))
    return found


def _month_span(first: int, last: int, year: str) -> str:
    named = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
    if (first, last) in named:
        return f"{year}-{named[(first, last)]}"
    return f"{year}-{first:02d}..{year}-{last:02d}"


# A clause ends at a comma or semicolon followed by a space (not the comma in "1,473").
_CLAUSE_END_RE = re.compile(r"[,;](?=\s)")


def pick_period(
    mentions: list[PeriodMention],
    start: int,
    end: int,
    sentence: str = "",
    figures: tuple[tuple[int, int], ...] = (),
) -> PeriodMention | None:
    """The period mention that binds to a figure at [start, end) of its sentence.

    With the sentence and its figures' spans: a mention in another clause that has a figure of
    its own belongs to that figure ("220 tanks, 162 more were bought between 2005 and 2010,
    595 vehicles": the span is not the period of 220 or 595).
    """
    best: tuple[float, PeriodMention] | None = None
    for mention in mentions:
        distance: float
        if mention.end <= start:
            distance = start - mention.end
        elif mention.start >= end:
            distance = (mention.start - end) * 0.8  # "$1.67 billion in 2022": after binds tighter
        else:
            continue
        if figures and _owned_elsewhere(mention, start, sentence, figures):
            continue
        if mention.kind in {"list", "range", "months", "span", "half", "quarter"}:
            distance *= 0.7
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def _owned_elsewhere(
    mention: PeriodMention, start: int, sentence: str, figures: tuple[tuple[int, int], ...]
) -> bool:
    """True when the mention belongs to a figure of its own clause, not to this one.

    That is when the mention's clause has a figure and either the mention follows this figure
    with that figure in between ("220 tanks, 162 more bought in 2005-2010"), or it precedes a
    list item that starts with a figure ("... in 2005-2010, 595 vehicles"). A leading mention
    still scopes over later clauses ("The 2025 budget is 8.1 billion, a 23 percent rise").
    """
    if not _CLAUSE_END_RE.search(sentence, *sorted((mention.start, start))):
        return False
    if sentence.rfind("(", 0, mention.start) > sentence.rfind(")", 0, mention.start):
        return False  # a marker such as "(IISS 2007)" dates the whole enumeration
    own = _clause(sentence, mention.start)
    others = [a for a, _ in figures if own[0] <= a < own[1] and a != start]
    if not others:
        return False
    if mention.start > start:
        return any(start < a < mention.start for a in others)
    clause_start = _clause(sentence, start)[0]
    return any(a == clause_start for a, _ in figures)


def _clause(sentence: str, position: int) -> tuple[int, int]:
    """The clause around a position: from after the last comma or semicolon to the next."""
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(sentence, 0, position)]
    start = ends[-1] if ends else 0
    while start < len(sentence) and sentence[start].isspace():
        start += 1
    after = _CLAUSE_END_RE.search(sentence, position)
    return start, after.start() if after else len(sentence)


_TO_DATE_RE = re.compile(r"\b(?:to\s+date|so\s+far|thus\s+far|year\s+to\s+date)\b", re.I)


def to_date_period(sentence: str, period: str, reported: date | None) -> str:
    """ "76 deaths to date for 2011", reported on 14 November 2011: January to November 2011."""
    if (
        reported is None
        or period != str(reported.year)
        or reported.month == 12
        or not _TO_DATE_RE.search(sentence)
    ):
        return period
    return _month_span(1, reported.month, period)


# A year as a folder of a dated web address: ".../chronicle/2002/chronicle_10/01.htm".
_URL_YEAR_RE = re.compile(rf"/({YEAR})/")


def year_of_citation(citation: Citation) -> str | None:
    """The year a cited work speaks for: an edition year in its title, else its date.

    The date a ref writes in its own words before a cite template first (the work it names
    first), then the work's own date, then a year in its web address (news sites file articles
    by year), then the date it was accessed.
    """
    title = citation.fields.get("title", "")
    edition = re.search(rf"\b({YEAR})\s*$", title)
    if edition:
        return edition.group(1)
    for key in ("prose-date", "year", "date", "url", "access-date", "accessdate"):
        value = citation.fields.get(key, "")
        found = _URL_YEAR_RE.search(value) if key == "url" else re.search(YEAR, value)
        if found:
            return found.group(1) if key == "url" else found.group(0)
    found = re.search(rf"\b{YEAR}\b", f"{title} {citation.text}")
    return found.group(0) if found else None
