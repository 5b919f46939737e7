"""Draft claims from a document: entity, metric, period, stage, source, quote, span, confidence.

Pure: takes a `Document` (documents.py) and a `Catalogue` (claims/catalogue.py) and returns
`Draft` records; rendering them as claim files is claim_yaml.py. `draft_claims` runs named
stages per figure: locate (infobox field, citation), date (periods.py, period_binding.py),
attribute (attribution.py), measure (metric_cues.py, provisional.py), place (entities.py) and
stage (stages.py). A figure in parentheses right after another ("301 billion drams ($620
million)") restates it and shares its entity, metric, period and stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue
from reconcile.core.patterns import YEAR
from reconcile.core.periods import UNDATED
from reconcile.figures.grammar import ParsedValue, find_figures, parse_value

from .attribution import (
    find_named_source,
    inline_citations,
    name_authority,
    outlet_name,
    qualify_authority,
    resolve_source,
    source_of_citation,
)
from .documents import Citation, Document, InfoboxField
from .entities import Place, find_places, main_place, pick_place, place_of_url
from .metric_cues import UNKNOWN_METRIC, pick_metric
from .period_binding import (
    date_of_citation,
    pick_period,
    stated_periods,
    to_date_period,
    year_nearby,
    year_of_citation,
)
from .periods import PeriodMention, find_periods
from .provisional import PREFIX, provisional_metric
from .sentences import split_sentences
from .stages import find_basis, find_stage

# "budget for 2021-22", "the 2024 state budget", "FY 2021": read around each budget word.
_BUDGET_WORD_RE = re.compile(r"budget|fiscal year|financial year|\bfy")
_PERIOD_AFTER_RE = re.compile(
    rf"\s*(?:(?:[\w’']+\s+){{0,3}}?(?:for|of)\s+)?(?:the\s+)?(?:year\s+)?"
    rf"(?P<p>{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?)(?!\d|,\d)"
)
_PERIOD_BEFORE_RE = re.compile(
    rf"(?<![\d,.$])(?P<p>{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?)\s+(?:state\s+|federal\s+|union\s+|"
    r"national\s+|annual\s+|defen[cs]e\s+)?$"
)
_BUDGET_WORDS_RE = re.compile(
    r"\b(?:budget|allocat\w*|spend\w*|spent|expenditures?|revenues?|deficit|outlay|appropriat\w*|"
    r"earmarked|funding|financing)\b"
)
# "X ($Y)", "X (about $Y)", "($Y/€Z)": the second figure restates the first in another unit.
_RESTATEMENT_RE = re.compile(
    r"^\s*(?:\(|/|,?\s+or\s+)\s*(?:about|around|approximately|approx\.|some|nearly|almost|~|=)?\s*$"
)


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
    entity_basis: str = ""
    stage: str | None = None
    basis: str | None = None
    via: str | None = None
    metric_phrase: str = ""  # what a provisional metric measures ("ammonium nitrate")
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        out = asdict(self)
        out["span"] = list(self.span)
        for key in ("low", "high"):
            if out[key] is not None and abs(out[key]) == float("inf"):
                out[key] = None
        return out


@dataclass(slots=True)
class _Scene:
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
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Figure:
    """One figure of a sentence, with the sentence around it."""

    start: int
    end: int
    parsed: ParsedValue
    sentence: tuple[int, int]
    others: tuple[tuple[int, int], ...]  # the sentence's figures, relative to its start
    units: tuple[str | None, ...] = ()  # their units
    restates: Draft | None = None


@lru_cache(maxsize=256)
def document_slug(name: str) -> str:
    """A document's id part: its file stem, lower case, in letters, digits and hyphens."""
    stem = Path(name).stem or name
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def draft_claims(
    document: Document,
    catalogue: Catalogue,
    *,
    entity: str | None = None,
    published: date | None = None,
    source: str | None = None,
) -> list[Draft]:
    """Draft one claim per figure (per period, when one figure is given for several)."""
    scene = _read_scene(document, catalogue, entity, published, source)
    text = document.text
    figures = [f for f in find_figures(text) if f[0] >= document.body_start]
    starts = [f[0] for f in figures]
    drafts: list[Draft] = []
    previous: str | None = None
    for start, end in split_sentences(text):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if first == last:
            continue
        sentence = text[start:end]
        mentions = find_periods(sentence, scene.published, previous, scene.reference)
        others = tuple((a - start, b - start) for a, b, _ in figures[first:last])
        units = tuple(p.unit for _, _, p in figures[first:last])
        explicit: str | None = None
        before: Draft | None = None
        in_sentence: list[Draft] = []
        for figure_start, figure_end, parsed in figures[first:last]:
            figure = _Figure(figure_start, figure_end, parsed, (start, end), others, units)
            if before is not None and _restates(text, before, figure):
                figure.restates = before
            made = _draft_figure(scene, figure, mentions, explicit)
            if made:
                _share_metric(made, in_sentence, figure.restates)
                in_sentence += made
                if made[0].period_basis not in {"anaphora", "restated"} and made[
                    0
                ].period_basis in {m.kind for m in mentions}:
                    explicit = made[-1].period
                before = made[0]
                drafts += made
        previous = explicit or previous
    return drafts


def _read_scene(
    document: Document,
    catalogue: Catalogue,
    entity: str | None,
    published: date | None,
    source: str | None,
) -> _Scene:
    text = document.text
    published = published or document.published
    budget_period = _budget_period(text)
    reference = budget_period if budget_period and "-" in budget_period else None
    if published is None and reference is None:
        reference = budget_period
    citations = sorted(
        [*document.citations, *inline_citations(text, catalogue)], key=lambda c: c.offset
    )
    places = [p for p in find_places(text) if p.start >= document.body_start]
    title_end = text.find("\n", document.body_start + 1)
    outlet = source or outlet_name(document.publisher, document.url, Path(document.name).stem)
    sentences = split_sentences(text) if document.kind == "wikitext" else []
    return _Scene(
        document=document,
        catalogue=catalogue,
        published=published,
        reference=reference,
        budget_period=budget_period,
        inferred=None if published else _infer_year(text),
        entity=entity,
        outlet=resolve_source(outlet, catalogue) or outlet,
        citations=citations,
        offsets=[c.offset for c in citations],
        places=places,
        main_place=main_place(places, title_end) or place_of_url(document.url),
        stated=stated_periods(text, sentences, published) if sentences else [],
        lead_stage=_lead_stage(text, document.body_start),
    )


def _lead_stage(text: str, body_start: int) -> str | None:
    """The stage a news text's headline and first sentence give its budget ("draft budget")."""
    lead = text[body_start : body_start + 400]
    return find_stage(lead, len(lead), len(lead)) if _talks_budget(lead) else None


def _infer_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(rf"(?<![\d,.$])({YEAR})(?!\d|,\d)", text)]
    return max(years) if years else None


def _budget_period(text: str) -> str | None:
    """The budget or fiscal year a text is about ("the 2024 state budget", "budget for 2021-22")."""
    counts: dict[str, int] = {}
    lowered = text.lower() if len(text.lower()) == len(text) else text
    for word in _BUDGET_WORD_RE.finditer(lowered):
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
    return max(counts, key=lambda k: counts[k]) if counts else None


@lru_cache(maxsize=64)
def _talks_budget(sentence: str) -> bool:
    """True when a sentence speaks of a budget or of spending."""
    return bool(_BUDGET_WORDS_RE.search(sentence.lower()))


def _restates(text: str, before: Draft, figure: _Figure) -> bool:
    gap = text[before.span[1] : figure.start]
    return (
        bool(_RESTATEMENT_RE.match(gap))
        and _money_or(before) == "money"
        and figure.parsed.unit is not None
        and before.unit != figure.parsed.unit
        and len(figure.parsed.unit) == 3
    )


def _draft_figure(
    scene: _Scene, figure: _Figure, mentions: list[PeriodMention], explicit: str | None
) -> list[Draft]:
    """The drafts of one figure: one per period it is given for."""
    text = scene.document.text
    start, end = figure.sentence
    sentence = text[start:end]
    rel_start, rel_end = figure.start - start, figure.end - start
    field, citation = _locate(scene, figure)
    periods, period_basis = _date_figure(scene, figure, mentions, explicit, field, citation)
    parsed = figure.parsed
    year = int(periods[0][:4]) if periods[0][:4].isdigit() else None
    if year is not None and parsed.kind == "money":
        # A currency name may mean another currency in another year ("manat", 2005).
        parsed = parse_value(parsed.text, year=year)
    entity, entity_basis = _place_figure(scene, figure)
    source, source_basis, via = _attribute(scene, figure, field, citation, entity)
    metric, candidates, metric_confidence, phrase = _measure(scene, figure, parsed, field)
    primary = tuple(o for o in figure.others if not _is_parenthetical(sentence, o))
    stage = find_stage(sentence, rel_start, rel_end, primary)
    if stage is None and _talks_budget(sentence):
        stage = scene.lead_stage
    restated = figure.restates
    if restated is not None:
        if is_provisional(metric) or not is_provisional(restated.metric):
            metric, phrase = restated.metric, restated.metric_phrase
        entity, stage = restated.entity, restated.stage
        periods, period_basis = (restated.period,), "restated"
    confidence = (
        0.4 * metric_confidence
        + 0.3
        * (
            1.0
            if mentions and period_basis != "published"
            else 0.6
            if periods[0] != UNDATED
            else 0.2
        )
        + 0.3 * (0.9 if source_basis != "document" else 0.6)
    )
    base = Draft(
        document=scene.document.name,
        value=" ".join(parsed.text.split()),
        amount=parsed.amount,
        low=parsed.low,
        high=parsed.high,
        unit=parsed.unit,
        metric=metric,
        entity=entity,
        period=periods[0],
        source=source,
        quote=_quote(sentence, rel_start, rel_end),
        span=(figure.start, figure.end),
        line=scene.document.line_at(figure.start),
        confidence=round(confidence, 2),
        candidates=candidates,
        period_basis=period_basis,
        source_basis=source_basis,
        entity_basis=entity_basis,
        stage=stage,
        basis=find_basis(sentence),
        via=via,
        metric_phrase=phrase,
    )
    base.id = f"{document_slug(scene.document.name)}-{figure.start}"
    return [base] + [
        replace(base, period=period, id=f"{base.id}-{i}")
        for i, period in enumerate(periods[1:], start=2)
    ]


def _share_metric(made: list[Draft], earlier: list[Draft], restated: Draft | None) -> None:
    """One sentence usually speaks of one measure: a figure no cue decides takes the metric of
    the figure it restates or of the sentence's last decided figure of its kind ("from 307
    billion to 387 billion"); a restatement that is decided lends its metric back."""
    if restated is not None:
        if is_provisional(restated.metric) and not is_provisional(made[0].metric):
            for draft in earlier:
                if draft.span == restated.span:
                    draft.metric, draft.metric_phrase = made[0].metric, ""
        return
    if not is_provisional(made[0].metric):
        return
    kind = _money_or(made[0])
    for draft in reversed(earlier):
        if not is_provisional(draft.metric) and _money_or(draft) == kind:
            for own in made:
                own.metric, own.metric_phrase = draft.metric, ""
            return


def is_provisional(metric: str) -> bool:
    """True for a metric drafted from the figure's own words, not from the catalogue."""
    return metric.startswith(PREFIX)


def _money_or(draft: Draft) -> str:
    unit = draft.unit
    if unit is None:
        return "money" if re.search(r"(?i)illion|\bbn\b|mln|crore|lakh", draft.value) else "?"
    return "money" if len(unit) == 3 and unit.isupper() else unit


def _is_parenthetical(sentence: str, span: tuple[int, int]) -> bool:
    return sentence.rfind("(", 0, span[0]) > sentence.rfind(")", 0, span[0])


def _locate(scene: _Scene, figure: _Figure) -> tuple[InfoboxField | None, Citation | None]:
    """The infobox field a figure fills, and the citation that supports it."""
    text = scene.document.text
    field = next((f for f in scene.document.fields if f.start <= figure.start < f.end), None)
    if field is not None:
        return field, field.citation
    paragraph_end = text.find("\n", figure.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    at = bisect.bisect_left(scene.offsets, figure.end)
    if at < len(scene.citations) and scene.citations[at].offset <= paragraph_end:
        return None, scene.citations[at]
    return None, None


def _date_figure(
    scene: _Scene,
    figure: _Figure,
    mentions: list[PeriodMention],
    explicit: str | None,
    field: InfoboxField | None,
    citation: Citation | None,
) -> tuple[tuple[str, ...], str]:
    """The periods of a figure and what they were read from (first rule that applies)."""
    start, end = figure.sentence
    sentence = scene.document.text[start:end]
    mention = pick_period(
        mentions, figure.start - start, figure.end - start, sentence, figure.others
    )
    if mention and mention.kind == "anaphora":
        return (explicit or mention.periods[0],), "anaphora"
    if mention:
        periods = mention.periods
        if len(periods) == 1 and mention.kind == "year":
            reported = date_of_citation(citation) if citation else None
            periods = (to_date_period(sentence, periods[0], reported or scene.published),)
        return periods, mention.kind
    if citation and year_of_citation(citation):
        return (str(year_of_citation(citation)),), "citation"
    dated = [y for a, b, y in scene.document.dated if a <= figure.start < b]
    if dated:
        return (dated[0],), "caption"
    if scene.document.kind == "wikitext":
        found = year_nearby(
            scene.document.text, figure.start, start, end, citation, scene.citations, scene.stated
        )
        if found:
            return (found[0],), found[1]
    if scene.budget_period and _talks_budget(sentence):
        return (scene.budget_period,), "budget"
    if scene.published:
        return (str(scene.published.year),), "published"
    if scene.inferred:
        return (str(scene.inferred),), "inferred"
    return (UNDATED,), "undated"


def _place_figure(scene: _Scene, figure: _Figure) -> tuple[str, str]:
    """The entity of a figure: a country named in its sentence, else before it in its paragraph,
    else --entity, else the document's main country (or its web domain's)."""
    start, end = figure.sentence
    found = pick_place(scene.places, figure.start, figure.end, start, end)
    if found:
        return found, "sentence"
    paragraph = scene.document.text.rfind("\n", 0, start) + 1
    found = pick_place(scene.places, start, start, paragraph, start, first=True)
    if found:
        return found, "paragraph"
    if scene.entity:
        return scene.entity, "default"
    if scene.main_place:
        return scene.main_place, "document"
    return "unknown", "unknown"


def _attribute(
    scene: _Scene,
    figure: _Figure,
    field: InfoboxField | None,
    citation: Citation | None,
    entity: str,
) -> tuple[str, str, str | None]:
    """(source, how it was found, the outlet it came through)."""
    text, catalogue = scene.document.text, scene.catalogue
    start, end = figure.sentence
    low = max([start, *(o for o in scene.offsets if o <= figure.start)])
    high = min([end, *(o for o in scene.offsets if o >= figure.end)])
    named = find_named_source(text[low:high], figure.start - low, catalogue)
    via = scene.outlet
    if named and not named.startswith("?"):
        source, basis = named, "named"
    elif citation is not None:
        source = source_of_citation(citation, catalogue) or scene.outlet
        basis = "infobox-citation" if field else "citation"
    elif named and (who := name_authority(named[1:])):
        source, basis = qualify_authority(who, entity), "named"
    else:
        return scene.outlet, "document", None
    return source, basis, via if via != source else None


def _measure(
    scene: _Scene, figure: _Figure, parsed: ParsedValue, field: InfoboxField | None
) -> tuple[str, list[str], float, str]:
    """(metric, other candidates, confidence, provisional phrase)."""
    start, end = figure.sentence
    sentence = scene.document.text[start:end]
    rel_start, rel_end = figure.start - start, figure.end - start
    metric, candidates, confidence = pick_metric(
        sentence,
        rel_start,
        rel_end,
        parsed.unit,
        scene.catalogue,
        field.name if field else None,
        tuple(
            o
            for o, unit in zip(figure.others, figure.units, strict=True)
            if unit == parsed.unit and not _is_parenthetical(sentence, o)
        ),
    )
    if metric == UNKNOWN_METRIC:
        metric, candidates, confidence = _headline_metric(scene, parsed.unit)
    if metric != UNKNOWN_METRIC:
        return metric, candidates, confidence, ""
    provisional, phrase = provisional_metric(sentence, rel_start, rel_end, parsed.unit)
    return provisional, candidates, confidence, phrase


def _headline_metric(scene: _Scene, unit: str | None) -> tuple[str, list[str], float]:
    """The metric a text's headline names for figures of this unit ("... approves defense budget
    for 2020"): what a figure without a cue of its own most likely measures."""
    key = f"headline:{unit}"
    if key not in scene.memo:
        text = scene.document.text[scene.document.body_start :]
        headline = " ".join(text.lstrip().split("\n")[:2])[:200]  # a dateline may come first
        found = pick_metric(headline, 0, 0, unit, scene.catalogue)
        scene.memo[key] = (found[0], [], found[2] / 2)
    return scene.memo[key]


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
