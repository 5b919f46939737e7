"""Bind period mentions to figures: the nearest mention in the figure's own clause, the date
a running count is reported to, and the year a cited work speaks for.
"""

from __future__ import annotations

import re
from datetime import date

from reconcile.core.patterns import SET_AGAINST, YEAR

from .documents import Citation, find_published_date
from .periods import PeriodMention, find_periods, month_span

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
        if mention.end <= start and _WHEN_AFTER_RE.match(sentence, mention.end, start):
            # "the first census since 2006, when the count found 140 million": 2006's figure
            return PeriodMention(
                mention.start, mention.end, (mention.periods[-1][:4],), "when-clause"
            )
        if _DATELINE_AFTER_RE.match(sentence, mention.end):
            continue  # "TALLINN, 27 Sept 2024 (Reuters) - ...": when it was filed
        if _BEGAN_BEFORE_RE.search(sentence, max(0, mention.start - 60), mention.start):
            continue  # "12 million displaced since the war began in April 2023": a count to date
        if mention.kind == "since" and _RECORD_BEFORE_RE.search(
            sentence, max(0, mention.start - 50), mention.start
        ):
            continue  # "the steepest rise since 2009": the record's span, not the figure's
        distance: float
        if mention.end <= start:
            if _dates_a_baseline(sentence, mention.start, figures):
                continue  # "58.9%, up from 51.9% in 2020, with 2.1 million ...": 51.9's year
            distance = start - mention.end
        elif mention.start >= end:
            if sentence[mention.end : mention.end + 2] in {"'s", "’s"}:
                continue  # "X, against last year's Y": a possessive dates what follows it
            if _set_against_another(sentence, end, mention.start, figures):
                continue  # "X as against Y last year": the period is Y's
            if _BASELINE_BEFORE_RE.search(sentence, max(0, mention.start - 30), mention.start):
                continue  # "X, 70 % more than in 2023": the year compared with, not X's
            if _FROM_YEAR_RE.search(sentence, max(0, mention.start - 12), mention.start) and not (
                _SPAN_ON_RE.match(sentence, mention.end)
            ):
                continue  # "up 10% from 2024": the year the change is from
            distance = (mention.start - end) * 0.8  # "$1.67 billion in 2022": after binds tighter
        else:
            continue
        if figures and _owned_elsewhere(mention, start, sentence, figures):
            continue
        if _in_aside(sentence, mention.start, start):
            continue  # "Finland, which joined NATO in 2023, spends 2.3%": the aside's year
        if mention.kind in {"list", "range", "months", "span", "half", "quarter"}:
            distance *= 0.7
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


# Before the date an event began, in a since-clause: "since the war began in", "since the
# first census in" (the year of the event counted from, not the figure's).
_BEGAN_BEFORE_RE = re.compile(
    r"\bsince\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:began|started|erupted|broke\s+out)"
    r"\s+)?(?:in|on)\s+$",
    re.IGNORECASE,
)


# After a dateline's date: the agency and the dash ("27 Sept 2024 (Reuters) - ").
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s")


# After a year, a clause of what happened then, up to the figure: "in 2006, when the count
# found 140 million".
_WHEN_AFTER_RE = re.compile(r"\s*,?\s*when\b[^,;.]*$", re.IGNORECASE)


# A superlative or a first before "since": "the highest since 2009", "for the first time since".
_RECORD_BEFORE_RE = re.compile(
    r"\b(?:\w+est|most|least|highest|lowest|largest|biggest|first\s+time|first|record)\b"
    r"[^.;]*$",
    re.IGNORECASE,
)


# The words that set a period after a figure against it: "more than in 2023", "compared with
# 2023", Russian/Ukrainian "чем в 2023 году" / "ніж у", Polish "niż w", French "par rapport à",
# German "gegenüber" / "im Vergleich zu", Spanish "respecto a" / "que en".
_BASELINE_BEFORE_RE = re.compile(
    r"(?:\bthan|\bcompared\s+(?:with|to)|\bagainst|\bover|\bas\s+(?:many|much|high|large)\s+as"
    r"|(?<!\w)чем|(?<!\w)ніж|\bniż"
    r"|\bpar\s+rapport\s+(?:à|au)|\bgegenüber|\bim\s+vergleich\s+zu|\brespecto\s+(?:a|al)"
    r"|\bque|(?:%|\bper\s*cent|\bpercent)\s+on)\s+(?:(?:in|в|у|w|en|à|im|the|last)\s+)?$",
    re.IGNORECASE,
)


_FROM_YEAR_RE = re.compile(
    r"\b(?:up|down|rise|rose|fell|fall|increase|decrease)?\s*from\s+(?:the\s+)?$", re.I
)
_SPAN_ON_RE = re.compile(r"\s*(?:to|-|–|—|until|through|till)\s*\d")


# "X as against Y", "X, up from Y", "X compared with Y": two figures set side by side.
_AGAINST_RE = re.compile(rf"\b(?:{SET_AGAINST}|than)\b", re.IGNORECASE)


def _set_against_another(
    sentence: str, end: int, mention_start: int, figures: tuple[tuple[int, int], ...]
) -> bool:
    """A mention right after another figure that this one is set against is that figure's."""
    return any(
        end <= a and b <= mention_start and mention_start - b <= 12
        and _AGAINST_RE.search(sentence, end, a) is not None
        for a, b in figures
    )  # fmt: skip


_BASELINE_LEAD_RE = re.compile(
    r"\b(?:up\s+from|down\s+from|from|compared\s+(?:with|to)|against|versus|than)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _dates_a_baseline(
    sentence: str, mention_start: int, figures: tuple[tuple[int, int], ...]
) -> bool:
    """A mention right after a figure something is compared with ("up from 51.9% in 2020")
    dates that figure, not the figures after it."""
    return any(
        b <= mention_start and mention_start - b <= 12
        and _BASELINE_LEAD_RE.search(sentence, max(0, a - 30), a) is not None
        for a, b in figures
    )  # fmt: skip


# A non-restrictive relative clause: ", which joined NATO in 2023,".
_ASIDE_RE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,", re.IGNORECASE)


def _in_aside(sentence: str, position: int, figure: int) -> bool:
    """The position lies in a relative clause set off by commas that does not hold the figure."""
    return any(
        m.start() < position < m.end() and not m.start() < figure < m.end()
        for m in _ASIDE_RE.finditer(sentence)
    )


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
        return True  # "116.1 billion, and in 2019 it was 102 billion": 2019 is 102's
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
    return month_span(1, reported.month, period)


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


def date_of_citation(citation: Citation) -> date | None:
    """The publication date of a cited work, when its reference gives one."""
    return find_published_date(citation.fields.get("date", ""))


def stated_periods(
    text: str, sentences: list[tuple[int, int]], published: date | None
) -> list[tuple[int, str]]:
    """Every period stated in the text, as (offset, period); dates count for their year."""
    stated = []
    for start, end in sentences:
        for mention in find_periods(text[start:end], published, None):
            if mention.kind in {"anaphora", "relative"}:
                continue
            period = mention.periods[-1]
            if mention.kind == "monthyear":
                period = period[:4]  # "from August 2003" dates the paragraph's year, not a month
            stated.append((start + mention.start, period))
    return stated


def year_nearby(
    text: str,
    position: int,
    sentence_start: int,
    sentence_end: int,
    citation: Citation | None,
    citations: list[Citation],
    stated: list[tuple[int, str]],
) -> tuple[str, str] | None:
    """An encyclopedia's undated figure: the year of the last citation before it in its
    paragraph (when it has none of its own), else the nearest year stated in the paragraph.

    Wikipedia convention: a citation supports the text back to the previous one, so the work
    cited just before speaks for the paragraph; a stated year dates the sentences around it.
    """
    paragraph_start = text.rfind("\n", 0, position) + 1
    paragraph_end = text.find("\n", position)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    if citation is None:
        before = [c for c in citations if paragraph_start <= c.offset <= position]
        year = year_of_citation(before[-1]) if before else None
        if year:
            return year, "paragraph-citation"
    nearby = [
        (abs(at - position), period)
        for at, period in stated
        if paragraph_start <= at < paragraph_end and not sentence_start <= at < sentence_end
    ]
    return (min(nearby)[1], "context") if nearby else None
