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
from dataclasses import replace
from datetime import date

from reconcile.claims.catalogue import Catalogue
from reconcile.core.periods import UNDATED
from reconcile.figures.grammar import ParsedValue, parse_value, year_matters
from reconcile.figures.running_text import find_figures

from .amount_changes import sign_losses
from .arithmetic import is_exchange_rate, link_relations
from .companies import Company
from .documents import Document
from .draft_model import Draft
from .figure_stages import (
    attribute_figure,
    date_figure,
    locate_figure,
    place_figure,
    settle_entity,
    territorial_entity,
)
from .growth import last_level, lend_level, settle_growth
from .home_currency import at_home
from .measure import headline_metric, measure_figure
from .metric_sharing import (
    compare_metric,
    money_or,
    respectively,
    set_side_by_side,
    share_metric,
    share_of_its_part,
)
from .period_context import (
    BASELINE_RE,
    date_baseline,
    date_headline,
    goes_on,
    lead_budget_period,
    told_in_past,
)
from .periods import PeriodMention, find_periods
from .provisional import is_provisional
from .repairs import Repair, repair_figures
from .scene import (
    Figure,
    Scene,
    about_budget,
    document_slug,
    is_parenthetical,
    paragraph_before,
    read_scene,
    talks_budget,
)
from .sentences import split_sentences
from .stages import INCREMENT, find_basis, find_scope, find_stage
from .subgroups import PART, opens_with_the_whole, part_of_a_count

__all__ = ["Draft", "document_slug", "draft_claims", "is_provisional"]

# "X ($Y)", "X (about $Y)", "($Y/€Z)": the second figure restates the first in another unit.
_RESTATEMENT_RE = re.compile(
    r"^\s*(?:\(|/|,?\s+(?:or|i\.e\.|that\s+is|czyli|то\s+есть|т\.\s?е\.|тобто|d\.\s?h\.|"
    r"c['’]est-à-dire|es\s+decir)\s+)\s*"
    r"(?:about|around|approximately|approx\.|some|nearly|almost|~|=)?\s*$",
    re.IGNORECASE,
)


def draft_claims(
    document: Document,
    catalogue: Catalogue,
    *,
    entity: str | None = None,
    published: date | None = None,
    source: str | None = None,
    anchor: str | None = None,
    companies: tuple[Company, ...] = (),
) -> list[Draft]:
    """Draft one claim per figure (per period, when one figure is given for several).

    `anchor`: the period an undated document is about, when known from elsewhere (its figures
    match other documents' figures of that period); it dates "this year" and "last year".
    `companies`: companies other texts name with their legal form, known here by short name.
    """
    text = document.text
    found = [f for f in find_figures(text) if f[0] >= document.body_start]
    # "at 4.6 lei to the dollar": the text's own rate is a receipt, not a figure to draft
    figures, repairs = repair_figures(
        text, [f for f in found if not is_exchange_rate(text, *f[1:])]
    )
    starts = [f[0] for f in figures]
    scene = read_scene(document, catalogue, entity, published, source, starts, anchor, companies)
    drafts: list[Draft] = []
    previous: str | None = None  # the last period the text stated ("that year")
    carry: str | None = None  # the first period of the sentence that stated it
    previous_end = 0  # where that sentence ends
    for start, end in split_sentences(text):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if first == last:
            continue
        sentence = text[start:end]
        # The paragraph goes on about the period of its sentence before, unless this one
        # speaks of the present; a new paragraph only when it speaks of the past alone ("The
        # United States spent $916 billion" after "... $2,443 billion in 2023").
        apart = "\n" in text[previous_end:start]
        same = carry and (_carries_over(scene, sentence, carry) if apart else goes_on(sentence))
        made, explicit, lead = _draft_sentence(
            scene, (start, end), figures[first:last], repairs, previous, carry if same else None
        )
        drafts += made
        if scene.budget_period is None and start < scene.lead_end:
            scene.budget_period = lead_budget_period(made, sentence)
        if explicit:
            previous, carry, previous_end = explicit, lead, end
    date_headline(drafts, text.find("\n", document.body_start + 1))
    return drafts


def _carries_over(scene: Scene, sentence: str, carry: str) -> bool:
    """A new paragraph goes on about a whole year the text stated when it speaks of the past
    alone and is not about the budget the text names."""
    if not re.fullmatch(r"\d{4}(?:-\d{4})?", carry) or not told_in_past(sentence):
        return False
    return not (scene.budget_period and talks_budget(sentence))


def _draft_sentence(
    scene: Scene,
    span: tuple[int, int],
    figures: list[tuple[int, int, ParsedValue]],
    repairs: dict[int, Repair],
    previous: str | None,
    carried: str | None,
) -> tuple[list[Draft], str | None, str | None]:
    """The drafts of one sentence's figures, the last and the first period it states (if
    any)."""
    text, (start, end) = scene.document.text, span
    sentence = text[start:end]
    mentions = find_periods(sentence, scene.published, previous, scene.reference)
    others = tuple((a - start, b - start) for a, b, _ in figures)
    units = tuple(p.unit for _, _, p in figures)
    explicit: str | None = None
    lead: str | None = None
    before: Draft | None = None
    in_sentence: list[Draft] = []
    first_draft: list[Draft | None] = []
    placed: list[tuple[Figure, list[Draft]]] = []
    for figure_start, figure_end, parsed in figures:
        figure = Figure(figure_start, figure_end, parsed, (start, end), others, units)
        figure.repair, figure.carried = repairs.get(figure_start), carried
        if before is not None and _restates(text, before, figure):
            figure.restates = before
        made = _draft_figure(scene, figure, mentions, explicit)
        first_draft.append(made[0] if made else None)
        if made:
            _relate(scene, made, in_sentence, before, figure)
            in_sentence += made
            placed.append((figure, made))
            basis = made[0].period_basis
            if BASELINE_RE.search(text, max(0, figure_start - 40), figure_start):
                pass  # "down from 67.4 % in 2019": the year compared with goes on no further
            elif _WHOLE_YEAR_RE.match(text, figure_end):
                pass  # "4% of the country's 2021 GDP": the whole's year, not the text's
            elif basis not in {"anaphora", "restated"} and basis in {m.kind for m in mentions}:
                lead = lead or made[0].period
                explicit = made[-1].period
            before = made[0]
    _settle_sentence(scene, (start, end), in_sentence, placed)
    local = [(a - start, b - start, p) for a, b, p in figures]
    link_relations(sentence, local, first_draft, scene.catalogue)
    sign_losses(in_sentence, sentence, start)  # "a loss of 2.2 billion euros"
    share_of_its_part(in_sentence, scene.catalogue)  # "damage of $34.2 billion, 4% of GDP"
    respectively(in_sentence, sentence, start, scene.catalogue)
    return in_sentence, explicit, lead


def _relate(
    scene: Scene, made: list[Draft], in_sentence: list[Draft], before: Draft | None, figure: Figure
) -> None:
    """A figure's metric and period from the figures of its sentence before it."""
    text = scene.document.text
    share_metric(made, in_sentence, figure.restates, text)
    if before is not None and set_side_by_side(text, before.span, figure.start):
        compare_metric(made, before)
    level = next((d for d in reversed(in_sentence) if money_or(d) == money_or(made[0])), None)
    if level is not None:  # "an increase of 15 % over the Rs1.8tr of the year before"
        date_baseline(made, level, text, scene.catalogue)


def _settle_sentence(
    scene: Scene,
    span: tuple[int, int],
    in_sentence: list[Draft],
    placed: list[tuple[Figure, list[Draft]]],
) -> None:
    """What a sentence's drafts settle together: the growth metric of each change, and the
    entity of a territorial figure whose metric was shared."""
    text, (start, end) = scene.document.text, span
    # The level the paragraph's sentence before measured: "... 12 million inhabitants. The
    # yearly growth rate was 0.3 %."
    paragraph = text.rfind("\n", 0, start)
    earlier = scene.memo.get("level")
    settle_growth(
        in_sentence, text[start:end], start, scene.catalogue,
        lambda u: headline_metric(scene, u)[0],
        earlier[1] if earlier and earlier[0] == paragraph else None,
    )  # fmt: skip
    if earlier and earlier[0] == paragraph:
        lend_level(in_sentence, earlier[1], scene.catalogue)  # "In 2024 it was 159 bn"
    if level := last_level(in_sentence):
        scene.memo["level"] = (paragraph, level)
    for figure, made in placed:  # a metric shared since: a city's population is the city's
        for draft in made:
            draft.entity = territorial_entity(scene, figure, draft.metric, draft.entity)


def _restates(text: str, before: Draft, figure: Figure) -> bool:
    gap = text[before.span[1] : figure.start]
    return (
        bool(_RESTATEMENT_RE.match(gap))
        and money_or(before) == "money"
        and figure.parsed.unit is not None
        and before.unit != figure.parsed.unit
        and len(figure.parsed.unit) == 3
    )


def _draft_figure(
    scene: Scene, figure: Figure, mentions: list[PeriodMention], explicit: str | None
) -> list[Draft]:
    """The drafts of one figure: one per period it is given for."""
    start, end = figure.sentence
    sentence = scene.document.text[start:end]
    rel_start, rel_end = figure.start - start, figure.end - start
    field, citation = locate_figure(scene, figure)
    periods, period_basis = date_figure(scene, figure, mentions, explicit, field, citation)
    if scene.fiscal_aliases and talks_budget(sentence):
        periods = tuple(scene.fiscal_aliases.get(p, p) for p in periods)
    parsed = _in_year(figure.parsed, periods[0])
    entity, entity_basis = place_figure(scene, figure)
    source, source_basis, via = attribute_figure(scene, figure, field, citation, entity)
    metric, candidates, metric_confidence, phrase = measure_figure(scene, figure, parsed, field)
    entity, entity_basis = settle_entity(scene, figure, metric, entity, entity_basis)
    parsed, repair = _at_home(parsed, entity, periods[0], figure.repair)
    stage = _stage_figure(scene, figure, sentence, parsed.kind == "money")
    scope = _scope(sentence, rel_start, rel_end, parsed)
    restated = figure.restates
    if restated is not None:
        if is_provisional(metric) or not is_provisional(restated.metric):
            metric, phrase = restated.metric, restated.metric_phrase
        entity, stage = restated.entity, restated.stage
        scope = restated.scope
        periods, period_basis = (restated.period,), "restated"
    confidence = _confidence(
        metric_confidence, bool(mentions), period_basis, periods[0], source_basis
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
        scope=scope,
        via=via,
        metric_phrase=phrase,
        repair=repair,
    )  # fmt: skip
    base.id = f"{document_slug(scene.document.name)}-{figure.start}"
    return [base] + [
        replace(base, period=period, id=f"{base.id}-{i}")
        for i, period in enumerate(periods[1:], start=2)
    ]


_WHOLE_YEAR_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:19|20)\d\d\s+[A-Za-z]")
# A subject that is a part of a company: its figures are the part's, not the company's.
_UNIT_OF_RE = re.compile(
    r"\bits\s+(?:[\w-]+\s+){0,3}(?:unit|subsidiary|division|arm|business)\b", re.IGNORECASE
)
_POINTS_RE = re.compile(r"(?i)percentage\s+points?\b|(?<![a-z])pp(?:ts?)?\b")


def _scope(sentence: str, start: int, end: int, parsed: ParsedValue) -> str | None:
    """What the figure includes or leaves out; a change in percentage points ("rose 0.5
    percentage points") is a change of a rate, never its level."""
    if _POINTS_RE.search(parsed.text):
        return INCREMENT
    if (parsed.unit in (None, "count") and part_of_a_count(sentence, start)) or (
        parsed.unit != "percent" and opens_with_the_whole(sentence)
    ):
        return PART
    if _UNIT_OF_RE.search(sentence, 0, start):
        return "a unit of the company"  # "Jaguar Land Rover, its British luxury unit, posted"
    return find_scope(sentence, start, end) if parsed.unit != "percent" else None


def _at_home(
    parsed: ParsedValue, entity: str, period: str, repair: Repair | None
) -> tuple[ParsedValue, str]:
    """The figure in its country's currency ("shillings" in a text about Uganda), and the note
    of every re-reading."""
    homed = at_home(parsed, entity, period)
    notes = (repair.note if repair else "", homed[1] if homed else "")
    return (homed[0] if homed else parsed), "; ".join(n for n in notes if n)


def _confidence(
    metric: float, mentioned: bool, period_basis: str, period: str, source_basis: str
) -> float:
    """How sure the draft is: its metric, its period, its source."""
    dated = 1.0 if mentioned and period_basis != "published" else 0.6
    return (
        0.4 * metric
        + 0.3 * (dated if period != UNDATED else 0.2)
        + 0.3 * (0.9 if source_basis != "document" else 0.6)
    )


def _in_year(parsed: ParsedValue, period: str) -> ParsedValue:
    """A currency name may mean another currency in another year ("manat", 2005)."""
    if parsed.kind == "money" and period[:4].isdigit() and year_matters(parsed.text):
        return parse_value(parsed.text, year=int(period[:4]))
    return parsed


def _stage_figure(scene: Scene, figure: Figure, sentence: str, money: bool) -> str | None:
    """The budget stage from the words nearest the figure, else from the text's lead."""
    start = figure.sentence[0]
    text = scene.document.text
    # The paragraph so far speaks for a budget sentence that names no stage of its own.
    paragraph = paragraph_before(text, start)
    budget = about_budget(text, figure.sentence, money)
    primary = tuple(o for o in figure.others if not is_parenthetical(sentence, o))
    stage = find_stage(
        sentence, figure.start - start, figure.end - start, primary, paragraph if budget else ""
    )
    if stage is None and budget:
        return scene.lead_stage
    return stage


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
