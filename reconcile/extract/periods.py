"""Find the periods written in a sentence: a table of named rules, applied in order.

Each rule is a regex with a resolver. The first rule that matches at a position wins, so more
specific forms come first ("January-June 2024" before "June 2024" before "2024"). Years
relative to the text ("last year", "next year") are resolved against the document's reference
period: its publication year, or its fiscal year when the text reports by fiscal years.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reconcile.core.patterns import MONTH, MONTHS, YEAR

_SPAN = rf"{YEAR}\s*[-–—/]\s*(?:{YEAR}|\d\d)"
_ORDINAL_MONTHS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                   "ten": 10, "eleven": 11}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in a sentence: where, and the period ids it stands for."""

    start: int
    end: int
    periods: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class PeriodContext:
    """What relative periods resolve against."""

    published: date | None
    previous: str | None
    reference: str | None  # "2021" or a fiscal span "2021-2022"


Resolver = Callable[[re.Match[str], PeriodContext], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class PeriodRule:
    """A named way of writing a period: its regex and how a match becomes period labels."""

    name: str
    pattern: str
    resolve: Resolver


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _full_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


def month_span(first: int, last: int, year: str) -> str:
    """The label of months first..last of a year: a half, a quarter, the year, or a range."""
    if (first, last) == (1, 12):
        return year
    named = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
    if (first, last) in named:
        return f"{year}-{named[(first, last)]}"
    return f"{year}-{first:02d}..{year}-{last:02d}"


def shift_period(period: str, offset: int) -> str:
    """A year or a span of years moved by whole years ("2021-2022", -1: "2020-2021"); a
    quarter, half or month keeps its part of the year ("2025-Q4", -1: "2024-Q4")."""
    parts = period.split("-")
    if all(p.isdigit() and len(p) == 4 for p in parts):
        return "-".join(str(int(p) + offset) for p in parts)
    part = re.fullmatch(r"(\d{4})(-(?:Q[1-4]|H[12]|\d\d))", period)
    if part:
        return f"{int(part.group(1)) + offset}{part.group(2)}"
    return period


def _reference_year(context: PeriodContext) -> str | None:
    if context.reference:
        return context.reference[:4]
    return str(context.published.year) if context.published else None


def _next_start(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    """The year of the next start of a fiscal year from the publication date ("starting in
    April", written in December 2023: fiscal 2024; written in February 2024: fiscal 2024)."""
    if context.published is None:
        return ()
    month = _month(m["fm"])
    year = context.published.year + (1 if month < context.published.month else 0)
    return (str(year),)


def _list(m: re.Match[str], _: PeriodContext) -> tuple[str, ...]:
    items = re.findall(rf"({YEAR})\s*[-–—/]\s*({YEAR}|\d\d)", m.group("items"))
    return tuple(f"{a}-{_full_year(a, b)}" for a, b in items)


def _fiscal(m: re.Match[str], _: PeriodContext) -> tuple[str, ...]:
    first, second = m.group("f1"), m.group("f2")
    return (f"{first}-{_full_year(first, second)}",) if second else (first,)


def _months(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    year = m.group("my") or _reference_year(context)
    return (month_span(_month(m.group("m1")), _month(m.group("m2")), year),) if year else ()


def _half(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    year = m.group("hy") or _reference_year(context)
    return (f"{year}-H{1 if m.group('which').lower() == 'first' else 2}",) if year else ()


def _quarter_word(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    """ "the fourth quarter (of 2023)": that quarter of the year given, else the reference
    year."""
    year = m.group("qwy") or context.previous or _reference_year(context)
    quarter = ("first", "second", "third", "fourth").index(m.group("qw").lower()) + 1
    return (f"{year[:4]}-Q{quarter}",) if year else ()


def _first_months(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    count = m.group("n").lower()
    months = int(count) if count.isdigit() else _ORDINAL_MONTHS.get(count, 0)
    year = m.group("ny") or _reference_year(context)
    return (month_span(1, months, year),) if year and 1 <= months <= 12 else ()


def _to_date(_: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    """ "Since the beginning of the year": January to the month of the report, never the year."""
    published = context.published
    if published is None:
        return ()
    return (month_span(1, max(published.month - 1, 1), str(published.year)),)


def _since(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    end = context.published.year if context.published else None
    return (f"{m.group('sy')}-{end}" if end and end > int(m.group("sy")) else m.group("sy"),)


def _relative(m: re.Match[str], context: PeriodContext) -> tuple[str, ...]:
    return _relative_offset(m.group("rel").split()[0].lower(), context)


def _relative_offset(word: str, context: PeriodContext) -> tuple[str, ...]:
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "a": -1}.get(word, 0)
    if context.reference:
        return (shift_period(context.reference, offset),)
    if context.published is not None:
        return (str(context.published.year + offset),)
    if word in {"this", "current"} and context.previous:
        return (context.previous,)
    return ()


# "this year", "last year", "next year" in Russian, Ukrainian, Polish, German, French, Spanish.
_LAST_WORDS = ("прошлом", "минувшем", "минулому", "zeszłym", "ubiegłym", "ubiegłoroczn",
               "vergangenen", "letzten", "dernière", "dernier", "pasado")  # fmt: skip
_NEXT_WORDS = ("следующем", "будущем", "наступному", "przyszłym", "nächsten", "kommenden",
               "prochaine", "prochain", "próximo", "que viene")  # fmt: skip


def _relative_word(words: str, context: PeriodContext) -> tuple[str, ...]:
    lowered = words.lower()
    if any(w in lowered for w in _LAST_WORDS):
        word = "last"
    elif any(w in lowered for w in _NEXT_WORDS):
        word = "next"
    else:
        word = "this"
    return _relative_offset(word, context)


RULES: tuple[PeriodRule, ...] = (
    PeriodRule(
        "list",
        rf"periods?\s+(?P<items>{_SPAN}(?:\s*(?:,|and)\s*{_SPAN})+)",
        _list,
    ),
    PeriodRule(
        "fiscal",
        rf"\b(?:fiscal|financial)\s+year\s+(?:starting|beginning|that\s+starts|which\s+starts)"
        rf"\s+(?:in\s+|on\s+)?(?:\d{{1,2}}\s+)?(?:{MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<fs>{YEAR})",
        lambda m, _: (m["fs"],),  # "the fiscal year starting in April 2024" is fiscal 2024
    ),
    PeriodRule(
        "fiscal",
        rf"\b(?:fiscal|financial)\s+year\s+(?:starting|beginning|that\s+starts|which\s+starts)"
        rf"\s+(?:in\s+|on\s+)?(?:\d{{1,2}}\s+)?(?P<fm>{MONTH})(?![\w\s,]*\d{{4}})",
        _next_start,  # "the fiscal year starting in April", written in December 2023: 2024
    ),
    PeriodRule(
        "fiscal",
        rf"\b(?:fy|fiscal\s+year|financial\s+year)\s*'?(?P<f1>{YEAR})"
        rf"(?:\s*[-–/]\s*(?P<f2>{YEAR}|\d\d))?(?!\d)",
        _fiscal,
    ),
    PeriodRule(
        "months",
        rf"\b(?P<m1>{MONTH})\s*(?:-|–|—|to|through|until)\s*(?P<m2>{MONTH})(?:\s+(?P<my>{YEAR}))?\b",
        _months,
    ),
    PeriodRule(
        "half",
        rf"(?P<which>first|second)\s+half\s*(?:of\s+(?:(?P<hy>{YEAR})|the\s+year|this\s+year))?",
        _half,
    ),
    PeriodRule(
        "months",
        rf"(?:first|past)\s+(?P<n>\d\d?|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
        rf"(?:\s+of\s+(?:(?P<ny>{YEAR})|the\s+year|this\s+year))?",
        _first_months,
    ),
    PeriodRule(
        "to-date",
        r"since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year|year\s+to\s+date"
        r"|so\s+far\s+this\s+year",
        _to_date,
    ),
    PeriodRule(
        "quarter", rf"q(?P<q>[1-4])\s+(?P<qy>{YEAR})", lambda m, _: (f"{m['qy']}-Q{m['q']}",)
    ),
    PeriodRule(
        "quarter",
        rf"(?P<qw>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<qwy>{YEAR}))?",
        _quarter_word,
    ),
    PeriodRule(
        "range",
        rf"(?:from|between)\s+(?P<r1>{YEAR})\s+(?:to|and|until|through|till)\s+(?P<r2>{YEAR})",
        lambda m, _: (f"{m['r1']}-{m['r2']}",),
    ),
    PeriodRule("since", rf"since\s+(?P<sy>{YEAR})", _since),
    PeriodRule(
        "span",
        rf"(?P<s1>{YEAR})\s*[-–—/]\s*(?P<s2>{YEAR}|\d\d)(?!\d)",
        lambda m, _: (f"{m['s1']}-{_full_year(m['s1'], m['s2'])}",),
    ),
    PeriodRule(
        "monthyear",
        rf"(?P<mm>{MONTH})\s+(?P<mmy>{YEAR})",
        lambda m, _: (f"{m['mmy']}-{_month(m['mm']):02d}",),
    ),
    PeriodRule("year", rf"(?<![\d,.$])(?P<y>{YEAR})(?!\d|,\d)", lambda m, _: (m["y"],)),
    PeriodRule(
        "earlier",
        r"\b(?:a|one)\s+year\s+(?:earlier|before)\b|\bthe\s+year\s+before\b"
        r"|\b(?:the\s+)?(?:prior|preceding)\s+year\b",
        # with no year of its own, the sentence is of the year it is read in: as "last year"
        lambda _, c: (shift_period(c.previous, -1),) if c.previous else _relative_offset("last", c),
    ),
    PeriodRule(
        "relative",
        r"\bthe\s+end\s+of\s+(?:the|this)\s+decade\b",
        # "by the end of the decade", written in 2024: 2030, the year its plans name
        lambda _, c: (str(c.published.year // 10 * 10 + 10),) if c.published else (),
    ),
    PeriodRule(
        "relative",
        r"\b(?P<rel>(?:last|this|next|current|coming|past|previous)\s+year|a\s+year\s+ago)\b",
        _relative,
    ),
    PeriodRule(
        "anaphora",
        r"\b(?:that|the\s+same)\s+year\b",
        lambda _, c: (c.previous,) if c.previous else (),
    ),
)


# "This year", "last year", "next year" in other languages: a pass of its own, run only on a
# sentence that has one of their words (the main alternation is tried at every position).
OTHER_RULES: tuple[PeriodRule, ...] = (
    PeriodRule(
        "relative",
        r"(?P<rel2>(?<!\w)(?:в\s+)?(?:этом|текущем|прошлом|минувшем|следующем|будущем)\s+году"
        r"|(?<!\w)(?:у\s+)?(?:цьому|поточному|минулому|наступному)\s+році"
        r"|\bw\s+(?:tym|bieżącym|zeszłym|ubiegłym|przyszłym|przyszłym)\s+roku|\b(?:tegoroczn|ubiegłoroczn)\w*"
        r"|\b(?:in\s+diesem|im\s+(?:laufenden|vergangenen|letzten|nächsten|kommenden))\s+jahr\b"
        r"|\bcette\s+année\b|\bl['’]année\s+(?:dernière|prochaine)\b|\bl['’]an\s+(?:dernier|prochain)\b"
        r"|\b(?:este|el\s+próximo|el\s+pasado)\s+año\b|\bel\s+año\s+(?:pasado|próximo|que\s+viene)\b)",
        lambda m, c: _relative_word(m["rel2"], c),
    ),
)
_OTHER_HINT_RE = re.compile(r"году|році|roku|roczn|jahr|année|l['’]an\b|año")


def _compile(rules: tuple[PeriodRule, ...]) -> re.Pattern[str]:
    # One alternation with a group per rule; matched case-sensitively against lower-cased text
    # (IGNORECASE is several times slower). The rule's group is an empty one after its
    # pattern: it still closes last (`lastgroup`), and a branch that opens with a letter, not
    # a group, is skipped at once where the text has another letter (three times faster).
    parts = [f"(?:{rule.pattern.lower()})(?P<rule{i}>)" for i, rule in enumerate(rules)]
    return re.compile("|".join(parts).replace("(?p<", "(?P<"))


_PERIOD_RE = _compile(RULES)
_OTHER_RE = _compile(OTHER_RULES)
_PERIOD_IGNORECASE_RE = re.compile(_PERIOD_RE.pattern, re.IGNORECASE)
# Matched case-sensitively against the lower-cased sentence (IGNORECASE is several times slower).
_PERIOD_HINT_RE = re.compile(
    rf"{YEAR}|year|decade|q[1-4]|quarter|half|months|{MONTH.lower()}|fy|году|році|roku|roczn|jahr|année"
    r"|l['’]an\b|año"
)


# "on the year before", "compared with a year earlier": the baseline a change is measured on.
_BASELINE_RE = re.compile(r"\b(?:on|over|from|than|with|against|versus|vs\.?|to)\s+$")


_SPAN_RE = re.compile(r"\d{4}-\d{4}")


def find_periods(
    sentence: str, published: date | None, previous: str | None, reference: str | None = None
) -> list[PeriodMention]:
    """Period expressions in one sentence, resolved ("last year" against the reference)."""
    found: list[PeriodMention] = []
    lowered, regex = sentence.lower(), _PERIOD_RE
    if not _PERIOD_HINT_RE.search(lowered):
        return found
    context = PeriodContext(published, previous, reference)
    if len(lowered) != len(sentence):  # a few characters lengthen when lower-cased ("İ")
        lowered, regex = sentence, _PERIOD_IGNORECASE_RE
    for match in regex.finditer(lowered):
        index = int((match.lastgroup or "rule0")[4:])
        rule = RULES[index]
        if rule.name == "earlier":
            if _BASELINE_RE.search(lowered, max(0, match.start() - 16), match.start()):
                continue  # "a 12 percent rise on the year before": the change's baseline
            if found:  # "$12.4 billion for 2023, up from $11.5 billion a year earlier"
                context = PeriodContext(published, found[-1].periods[-1], reference)
        elif rule.name == "relative" and found and _SPAN_RE.fullmatch(found[-1].periods[-1]):
            # "for 2024-25, a rise over the previous year's": the fiscal year before that one
            context = PeriodContext(published, previous, found[-1].periods[-1])
        periods = rule.resolve(match, context)
        if periods:
            found.append(PeriodMention(match.start(), match.end(), periods, rule.name))
    if _OTHER_HINT_RE.search(sentence.lower()):
        for match in _OTHER_RE.finditer(lowered):
            rule = OTHER_RULES[int((match.lastgroup or "rule0")[4:])]
            periods = rule.resolve(match, context)
            if periods:
                found.append(PeriodMention(match.start(), match.end(), periods, rule.name))
        found.sort(key=lambda m: m.start)
    return found
