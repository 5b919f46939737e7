"""Draft claims from a document: value, metric, period, source, quote, span and confidence.

Pure: takes a `Document` (documents.py) and a `Catalogue` (extract_catalogue.py) and returns
`Draft` records; reading files and writing drafts live in cli_extract.py. The stages are in
figures_in_text.py, sentences.py, periods_in_text.py, attribution.py and metric_cues.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.core.patterns import YEAR
from reconcile.figures.grammar import find_figures, parse_value

from .attribution import find_named_source, inline_citations, source_of_citation
from .documents import Citation, Document, find_published_date
from .metric_cues import pick_metric
from .periods import (
    PeriodMention,
    find_periods,
    pick_period,
    to_date_period,
    year_of_citation,
)
from .sentences import split_sentences

DOCUMENT_SOURCE = "document"


@dataclass(slots=True)
class Draft:
    """A drafted claim for a person to review."""

    document: str
    value: str
    amount: float | None
    low: float | None
    high: float | None
    unit: str | None
    metric: str
    entity: str
    period: str
    source: str
    quote: str
    span: tuple[int, int]
    line: int
    confidence: float
    candidates: list[str] = field(default_factory=list)
    period_basis: str = ""
    source_basis: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        out = asdict(self)
        out["span"] = list(self.span)
        for key in ("low", "high"):
            if out[key] is not None and abs(out[key]) == float("inf"):
                out[key] = None
        return out


def _infer_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(rf"(?<![\d,.$])({YEAR})(?!\d|,\d)", text)]
    return max(years) if years else None


def draft_claims(
    document: Document,
    catalogue: Catalogue,
    *,
    entity: str | None = None,
    published: date | None = None,
) -> list[Draft]:
    """Draft one claim per figure (per period, when one figure is given for several)."""
    text = document.text
    published = published or document.published
    inferred = None if published else _infer_year(text)
    entity = entity or "unknown"
    citations = sorted(
        [*document.citations, *inline_citations(text, catalogue)], key=lambda c: c.offset
    )
    offsets = [c.offset for c in citations]
    figures = find_figures(text)
    figure_starts = [figure[0] for figure in figures]
    drafts: list[Draft] = []
    previous: str | None = None
    index = 0
    sentences = split_sentences(text)
    stated = _stated_periods(text, sentences, published) if document.kind == "wikitext" else []
    for start, end in sentences:
        sentence = text[start:end]
        mentions: list[PeriodMention] | None = None
        explicit_here: str | None = None
        while index < len(figures) and figures[index][0] < end:
            figure_start, figure_end, parsed = figures[index]
            index += 1
            if figure_start < start:
                continue
            if mentions is None:
                mentions = find_periods(sentence, published, previous)
                last = bisect.bisect_left(figure_starts, end, index - 1)
                in_sentence = tuple((a - start, b - start) for a, b, _ in figures[index - 1 : last])
            rel_start, rel_end = figure_start - start, figure_end - start
            field = next((f for f in document.fields if f.start <= figure_start < f.end), None)
            paragraph_end = text.find("\n", figure_end)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            citation = field.citation if field else None
            if field is None:
                at = bisect.bisect_left(offsets, figure_end)
                if at < len(citations) and citations[at].offset <= paragraph_end:
                    citation = citations[at]
            mention = pick_period(mentions, rel_start, rel_end, sentence, in_sentence)
            periods: tuple[str, ...]
            if mention and mention.kind == "anaphora":
                periods, period_basis = (explicit_here or mention.periods[0],), "anaphora"
            elif mention:
                periods, period_basis = mention.periods, mention.kind
                if len(periods) == 1 and mention.kind == "year":
                    reported = _date_of_citation(citation) if citation else None
                    periods = (to_date_period(sentence, periods[0], reported or published),)
                explicit_here = periods[-1]
            elif citation and year_of_citation(citation):
                periods, period_basis = (str(year_of_citation(citation)),), "citation"
            elif dated := [y for a, b, y in document.dated if a <= figure_start < b]:
                periods, period_basis = (dated[0],), "caption"
            elif document.kind == "wikitext" and (
                found := _year_nearby(text, figure_start, start, end, citation, citations, stated)
            ):
                periods, period_basis = (found[0],), found[1]
            elif published:
                periods, period_basis = (str(published.year),), "published"
            elif inferred:
                periods, period_basis = (str(inferred),), "inferred"
            else:
                periods, period_basis = ("undated",), "undated"
            year = int(periods[0][:4]) if periods[0][:4].isdigit() else None
            if year is not None and parsed.kind == "money":
                # A currency name may mean another currency in another year ("manat", 2005).
                parsed = parse_value(parsed.text, year=year)
            low = max([start, *(o for o in offsets if o <= figure_start)])
            high = min([end, *(o for o in offsets if o >= figure_end)])
            named = find_named_source(text[low:high], figure_start - low, catalogue)
            if named and not named.startswith("?"):
                source, source_basis = named, "named"
            elif citation is not None:
                source = source_of_citation(citation, catalogue) or DOCUMENT_SOURCE
                source_basis = "infobox-citation" if field else "citation"
            elif named:
                source, source_basis = named[1:], "named"
            else:
                source, source_basis = document.publisher or DOCUMENT_SOURCE, "document"
            metric, candidates, metric_confidence = pick_metric(
                sentence, rel_start, rel_end, parsed.unit, catalogue, field.name if field else None
            )
            confidence = (
                0.4 * metric_confidence
                + 0.3 * (1.0 if mention else 0.6 if period_basis != "undated" else 0.2)
                + 0.3 * (0.9 if source_basis != "document" else 0.6)
            )
            for period in periods:
                drafts.append(
                    Draft(
                        document=document.name,
                        value=" ".join(parsed.text.split()),
                        amount=parsed.amount,
                        low=parsed.low,
                        high=parsed.high,
                        unit=parsed.unit,
                        metric=metric,
                        entity=entity,
                        period=period,
                        source=source,
                        quote=_quote(sentence, rel_start, rel_end),
                        span=(figure_start, figure_end),
                        line=document.line_at(figure_start),
                        confidence=round(confidence, 2),
                        candidates=candidates,
                        period_basis=period_basis,
                        source_basis=source_basis,
                    )
                )
        if explicit_here:
            previous = explicit_here
    return drafts


def _date_of_citation(citation: Citation) -> date | None:
    """The publication date of a cited work, when its reference gives one."""
    return find_published_date(citation.fields.get("date", ""))


def _stated_periods(
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


def _year_nearby(
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


def _quote(sentence: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence, or when it is long the clause around the figure."""
    if len(sentence) > limit:
        left = max(
            sentence.rfind(";", 0, start), sentence.rfind(". ", 0, start), start - limit // 2
        )
        right_candidates = [i for i in (sentence.find(";", end), sentence.find(". ", end)) if i > 0]
        right = min([*right_candidates, end + limit // 2])
        sentence = sentence[max(0, left) : right].strip(" ;,.")
    return " ".join(sentence.split())
