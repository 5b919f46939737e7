"""What every figure of a document is drafted against (`Scene`), and one figure (`Figure`).

The scene is read once per document: its reference and budget periods, the default entity,
the outlet, citations, the countries it names and the stage its lead gives its budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.core.patterns import MONTH, WEEKDAYS, YEAR
from reconcile.figures.grammar import ParsedValue

from .attribution import inline_citations, outlet_name, resolve_source
from .companies import Company, main_company
from .documents import Citation, Document
from .entities import Place, find_places, main_place, place_of_url
from .period_binding import stated_periods
from .sentences import split_sentences
from .stages import text_stage

# "budget for 2021-22", "the 2024 state budget", "FY 2021": read around each budget word.
_BUDGET_WORD_RE = re.compile(
    r"budget|fiscal year|financial year|\bfy|\bfiscal(?=\s+(?:19|20)\d\d)|haushalt|бюджет|budżet"
    r"|presupuesto|bütçe"
)


_PERIOD_AFTER_RE = re.compile(
    rf"\s*(?:(?:[\w’']+\s+){{0,3}}?(?:for|of|für|на|na|para|pour|de|del)\s+)?(?:the\s+)?(?:year\s+)?"
    rf"(?P<p>{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?)(?!\d|,\d)"
)


# A year not after a digit, comma or point: that test comes after the year's first digit (a
# pattern that opens with a digit is scanned many times faster than one that opens with a test).
_FISCAL_SPAN_RE = re.compile(
    rf"((?:1(?<![\d,.]1)[89]|2(?<![\d,.]2)0)\d\d)\s*[-–/]\s*({YEAR}|\d\d)(?![\d,.%])"
)
_PERIOD_BEFORE_RE = re.compile(
    rf"(?<![\d,.$])(?P<p>{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?)\s+(?:state\s+|federal\s+|union\s+|"
    r"national\s+|annual\s+|defen[cs]e\s+)?$"
)


_BUDGET_WORDS_RE = re.compile(
    r"\b(?:budget|allocat\w*|spend\w*|spent|expenditures?|revenues?|deficit|outlay|appropriat\w*|"
    r"earmarked|funding|financ\w*|fiscal|request(?:s|ed)?)\b"
    # the same in Russian, Ukrainian, Polish, German, French, Spanish and Turkish (stems)
    r"|бюджет|расход|видатк|budżet|wydatk|haushalt|ausgaben|etat|dépenses|presupuest|gasto|bütçe"
    r"|harcama"
)


@dataclass(slots=True)
class Scene:
    """What every figure of a document is drafted against."""

    document: Document
    catalogue: Catalogue
    published: date | None
    reference: str | None
    budget_period: str | None
    inferred: int | None
    entity: str | None
    outlet: str
    citations: list[Citation]
    offsets: list[int]
    places: list[Place]
    main_place: str | None
    stated: list[tuple[int, str]]
    lead_stage: str | None = None
    fiscal_aliases: dict[str, str] = field(default_factory=dict)  # "2021" -> "2021-2022"
    company: Company | None = None  # the company the text is about (companies.py)
    lead_end: int = 0  # where the headline and the lead paragraph end
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Figure:
    """One figure of a sentence, with the sentence around it."""

    start: int
    end: int
    parsed: ParsedValue
    sentence: tuple[int, int]
    others: tuple[tuple[int, int], ...]  # the sentence's figures, relative to its start
    units: tuple[str | None, ...] = ()  # their units
    restates: Any = None  # the Draft (drafts.py) this figure restates, if any
    repair: Any = None  # the Repair (repairs.py) it was read with, if any
    carried: str | None = None  # the period the paragraph's sentence before gives, if any


@lru_cache(maxsize=256)
def document_slug(name: str) -> str:
    """A document's id part: its file stem, lower case, in letters, digits and hyphens."""
    stem = Path(name).stem or name
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def read_scene(
    document: Document,
    catalogue: Catalogue,
    entity: str | None,
    published: date | None,
    source: str | None,
    figure_starts: list[int] | None = None,
    anchor: str | None = None,
    companies: tuple[Company, ...] = (),
) -> Scene:
    """The scene of a document; places are looked for in the headline and in the paragraphs
    that hold a figure (`figure_starts`; every paragraph when None)."""
    text = document.text
    published = published or document.published
    budget_period, fiscal_aliases = _budget_period(text)
    reference = budget_period if budget_period and "-" in budget_period else None
    if published is None and reference is None:
        reference = budget_period or anchor
    if published is None and anchor is not None:
        budget_period = budget_period or anchor
    citations = sorted(
        [*document.citations, *inline_citations(text, catalogue)], key=lambda c: c.offset
    )
    places = _places(text, document.body_start, figure_starts)
    title_end = text.find("\n", document.body_start + 1)
    outlet = source or outlet_name(document.publisher, document.url, Path(document.name).stem)
    sentences = split_sentences(text) if document.kind == "wikitext" else []
    return Scene(
        document=document,
        catalogue=catalogue,
        published=published,
        reference=reference,
        budget_period=budget_period,
        fiscal_aliases=fiscal_aliases,
        inferred=None if published else _infer_year(text) or _year_of(anchor),
        entity=entity,
        outlet=resolve_source(outlet, catalogue) or outlet,
        citations=citations,
        offsets=[c.offset for c in citations],
        places=places,
        main_place=main_place(places, title_end) or place_of_url(document.url),
        stated=stated_periods(text, sentences, published) if sentences else [],
        lead_stage=_lead_stage(text, document.body_start),
        company=main_company(text[document.body_start :], companies),
        lead_end=_line_end(text, _next_line(text, title_end)),
    )


def _next_line(text: str, at: int) -> int:
    """Where the next non-empty line after `at` starts."""
    found = re.compile(r"\n\s*(?=\S)").search(text, at)
    return found.end() if found else len(text)


def _places(text: str, body_start: int, figure_starts: list[int] | None) -> list[Place]:
    if figure_starts is None:
        return [p for p in find_places(text) if p.start >= body_start]
    spans: list[tuple[int, int]] = [(body_start, _line_end(text, _line_end(text, body_start) + 1))]
    for start in figure_starts:
        if start >= spans[-1][1]:
            spans.append((text.rfind("\n", 0, start) + 1, _line_end(text, start)))
    places = []
    for low, high in spans:
        places += [
            replace(p, start=p.start + low, end=p.end + low) for p in find_places(text[low:high])
        ]
    return places


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _lead_stage(text: str, body_start: int) -> str | None:
    """The stage a news text's headline and first sentence give its budget ("draft budget")."""
    lines = [line for line in text[body_start : body_start + 2000].split("\n") if line.strip()]
    if not lines:
        return None
    # A short first line is a headline, and the lead sentence follows it.
    lead = lines[0] if len(lines[0]) > 150 or len(lines) == 1 else f"{lines[0]}\n{lines[1]}"
    lead = lead[:400]
    return text_stage(lead) if talks_budget(lead) else None


def _year_of(period: str | None) -> int | None:
    return int(period[:4]) if period and period[:4].isdigit() else None


# A year a text looks ahead to ("by 2030", "until 2025", Russian and Ukrainian "до", Polish "do",
# German "bis", French "d'ici" / "jusqu'en", Spanish "hasta" / "para") is a target, not a year the
# text was written in or about.
_TARGET_YEAR_RE = re.compile(
    r"(?:\b(?:by|until|till|through|do|bis|hasta|para|jusqu'en|d'ici)|(?<!\w)до)\s+(?:the\s+)?"
    r"(?:(?:end|year)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def _infer_year(text: str) -> int | None:
    """The latest year an undated text names, leaving out the targets it looks ahead to and
    the years of earlier events it compares with. A lead that dates its news by the day alone
    ("KINSHASA, May 6 - ... said on Saturday") and names no year leaves the text undated: a
    year further down ("In 2014, similar floods killed 26") is background, not the text's."""
    years = [
        (m.start(), int(m.group(1)))
        for m in re.finditer(rf"(?<![\d,.$])({YEAR})(?!\d|,\d)", text)
        if not _TARGET_YEAR_RE.search(text, max(0, m.start() - 20), m.start())
        and not _EARLIER_EVENT_RE.search(_sentence_around(text, m.start()))
    ]
    lead_end = _lead_end(text)
    if _DAY_DATED_RE.search(text, 0, lead_end) and not any(at < lead_end for at, _ in years):
        return None
    return max(year for _, year in years) if years else None


# A lead's own day: a weekday, "today", "yesterday", or a dateline's month and day.
_DAY_DATED_RE = re.compile(
    rf"(?i:\b(?:{'|'.join(WEEKDAYS)}|today|yesterday|tonight)\b)"
    rf"|^[A-Z][A-Z .'-]+,\s+(?:{MONTH})\s+\d{{1,2}}\b",
    re.MULTILINE,
)


def _lead_end(text: str) -> int:
    """Where the lead ends: the end of the first paragraph after the headline."""
    first = _BLANK_LINE_RE.search(text)
    if first is None:
        return len(text)
    second = _BLANK_LINE_RE.search(text, first.end())
    return second.start() if second else len(text)


_BLANK_LINE_RE = re.compile(r"\n\s*\n")


# A sentence about an earlier event than the text's own: "The previous worst fire, in 2014,
# killed 15", "the last census, in 2011, ...": its year says when that was, not when the text is.
_EARLIER_EVENT_RE = re.compile(
    r"\b(?:previous|prior|former|last|earlier|since|ago|than\s+in|compared\s+(?:with|to))\b",
    re.IGNORECASE,
)


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _budget_period(text: str) -> tuple[str | None, dict[str, str]]:
    """The budget or fiscal year a text is about ("the 2024 state budget", "budget for 2021-22"),
    and the short names it uses for a fiscal year: a text that names one fiscal year "2021-22"
    and also speaks of "Budget 2021" (or "FY2022") means that fiscal year by the single year."""
    counts: dict[str, int] = {}
    lowered = text.lower() if len(text.lower()) == len(text) else text
    for index, word in enumerate(_BUDGET_WORD_RE.finditer(lowered)):
        if index == 100:
            break  # a text names its budget year early; a long one need not be read to the end
        found = _PERIOD_AFTER_RE.match(lowered, word.end(), word.end() + 60)
        found = found or _PERIOD_BEFORE_RE.search(lowered, max(0, word.start() - 30), word.start())
        if not found:
            continue
        label = re.sub(r"\s+", "", found.group("p")).replace("–", "-")
        if "-" in label:
            first, second = label.split("-")
            label = f"{first}-{second if len(second) == 4 else first[:2] + second}"
            if int(label[5:]) != int(first) + 1:
                continue  # a span of several years is no fiscal year
        counts[label] = counts.get(label, 0) + 1
    spans = [label for label in counts if "-" in label] or _fiscal_spans(lowered)
    aliases: dict[str, str] = {}
    if len(spans) == 1:
        span = spans[0]
        for year in (span[:4], span[5:]):
            if year in counts:
                aliases[year] = span
                counts[span] = counts.get(span, 0) + counts.pop(year)
    return (max(counts, key=lambda k: counts[k]) if counts else None), aliases


def _fiscal_spans(text: str) -> list[str]:
    """The distinct fiscal-year spans a text writes anywhere ("2021-22": two consecutive years)."""
    spans = set()
    for match in _FISCAL_SPAN_RE.finditer(text):
        first, second = match.group(1), match.group(2)
        second = second if len(second) == 4 else first[:2] + second
        if int(second) == int(first) + 1:
            spans.add(f"{first}-{second}")
    return sorted(spans)


@lru_cache(maxsize=64)
def talks_budget(sentence: str) -> bool:
    """True when a sentence speaks of a budget or of spending."""
    return bool(_BUDGET_WORDS_RE.search(sentence.lower()))


def paragraph_before(text: str, start: int) -> str:
    """The paragraph up to `start` (at most 400 characters)."""
    return text[max(text.rfind("\n", 0, start) + 1, start - 400) : start]


def about_budget(text: str, sentence: tuple[int, int], money: bool) -> bool:
    """True when a figure speaks of a budget: its sentence does, or it is a sum of money in a
    paragraph about one ("This year's allocation includes ... The pension bill is lower than
    last year's, when it stood at 1.3 billion")."""
    own = text[sentence[0] : sentence[1]]
    return talks_budget(own) or (money and talks_budget(paragraph_before(text, sentence[0])))


def is_parenthetical(sentence: str, span: tuple[int, int]) -> bool:
    return sentence.rfind("(", 0, span[0]) > sentence.rfind(")", 0, span[0])
