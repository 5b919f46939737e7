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

from .attribution import find_named_source, inline_citations, source_of_citation
from .documents import Document
from .extract_catalogue import Catalogue
from .figures import find_figures, parse_value
from .metric_cues import pick_metric
from .periods_in_text import (
    YEAR_PATTERN,
    PeriodMention,
    find_periods,
    pick_period,
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
    years = [int(y) for y in re.findall(rf"(?<![\d,.$])({YEAR_PATTERN})(?!\d|,\d)", text)]
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
    drafts: list[Draft] = []
    previous: str | None = None
    index = 0
    context: str | None = None
    paragraph = -1
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if text.rfind("\n", 0, start) != paragraph:
            paragraph, context = text.rfind("\n", 0, start), None
        mentions: list[PeriodMention] | None = None
        explicit_here: str | None = None
        while index < len(figures) and figures[index][0] < end:
            figure_start, figure_end, parsed = figures[index]
            index += 1
            if figure_start < start:
                continue
            if mentions is None:
                mentions = find_periods(sentence, published, previous)
                in_sentence = tuple(
                    (a - start, b - start) for a, b, _ in figures[index - 1 :] if a < end
                )
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
                explicit_here = periods[-1]
            elif citation and year_of_citation(citation):
                periods, period_basis = (str(year_of_citation(citation)),), "citation"
            elif context and document.kind == "wikitext":
                periods, period_basis = (context,), "context"
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
        if document.kind == "wikitext":
            stated = mentions or find_periods(sentence, published, previous)
            if stated and stated[-1].kind != "anaphora":
                context = stated[-1].periods[-1]
    return drafts


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
