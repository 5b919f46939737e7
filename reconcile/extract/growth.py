"""A change in percent measures the growth of the level it changes.

"Revenue rose 3 % to EUR 75.9 billion", "the population reached 203 million, up 6.5 %": the
change words ("rose", "up", "an increase of") say only that the figure is a change, not of what.
The level it changes is the sentence's figure of another unit in the same clause, else the
measure the sentence's cue words name, else the measure the text's headline names; the change
then takes the catalogue's growth metric of that level (`growth_of` in metrics.yaml), or a
provisional "<level> growth" when the catalogue has none. A growth metric that the sentence
names in its own words ("economic growth", "GDP growth") is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reconcile.claims.catalogue import Catalogue, normalise_name
from reconcile.core.parsed_value import kind_of_unit
from reconcile.core.patterns import UP_AS_RISE

from .amount_changes import RAISED_BY_RE
from .draft_model import Draft
from .metric_cues import CLAUSE_BREAK_RE, UNKNOWN_METRIC, pick_metric
from .provisional import PREFIX, is_provisional, provisional_metric

# Words that say a figure is a change, and nothing about what changes.
_CHANGE_WORDS = frozenset(
    [
        "increase",
        "increased",
        "increases",
        "by",
        "rise",
        "rose",
        "risen",
        "rising",
        "grew",
        "grow",
        "grows",
        "growth",
        "decrease",
        "decreased",
        "decline",
        "declined",
        "declines",
        "fell",
        "fall",
        "falls",
        "fallen",
        "cut",
        "hike",
        "more",
        "less",
        "than",
        "in",
        "year-on-year",
        "compared",
        "to",
        "up",
        "down",
        "expand",
        "expanded",
        "expands",
        "expansion",
        "contract",
        "contracted",
        "contracts",
        "contraction",
        "shrank",
        "shrinks",
        "jump",
        "jumped",
        "drop",
        "dropped",
        "gain",
        "gained",
    ]
)
_CHANGE_RE = re.compile(
    rf"\b(?:{UP_AS_RISE}|down|rose|rise[ns]?|rising|grew|grow(?:s|n|th)?|increas\w*|decreas\w*|declin\w*"
    r"|fell|fall(?:s|en)?|jump\w*|climb\w*|drop\w*|gain\w*|hike\w*|surg\w*|slump\w*)\b",
    re.IGNORECASE,
)


def settle_growth(
    drafts: list[Draft],
    sentence: str,
    offset: int,
    catalogue: Catalogue,
    headline: Callable[[str], str],
    previous: str | None = None,
) -> None:
    """Give each change in percent among a sentence's drafts the growth metric of its level.

    `offset` is where the sentence starts in the text; `headline(unit)` is the metric the text's
    headline names for figures of that unit; `previous` the level the paragraph's sentence
    before measured.
    """
    growth_of: dict[str, str] = catalogue.prepared("growth-of", _growth_metrics)
    growths = set(growth_of.values())
    for draft in drafts:
        if draft.unit != "percent":
            continue
        start, end = draft.span[0] - offset, draft.span[1] - offset
        if draft.metric in growths:
            if _named_in_own_words(draft.metric, sentence, catalogue):
                continue
        elif not (is_provisional(draft.metric) and _is_change(sentence, start, end)):
            continue
        level, phrase = _level(draft, drafts, sentence, offset)
        if level is not None and is_provisional(level):
            slug = re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")
            draft.metric, draft.metric_phrase = f"{PREFIX}ratio_{slug}_growth", f"{phrase} growth"
            continue
        if level is None:
            level = _cued_level(sentence, start, end, catalogue) or previous or headline("USD")
            if level == UNKNOWN_METRIC:
                level = headline("count")
        if level == UNKNOWN_METRIC or is_provisional(level):
            # Of what, nothing says: the figure's own words, not another topic's growth.
            if draft.metric in growths:
                draft.metric, draft.metric_phrase = provisional_metric(
                    sentence, start, end, "percent"
                )
            continue
        grown = growth_of.get(level) or f"{PREFIX}ratio_{level}_growth"
        draft.metric, draft.metric_phrase = grown, "" if grown in growths else f"{level} growth"


def last_level(drafts: list[Draft]) -> str | None:
    """The catalogue metric of a sentence's last figure that is no percentage."""
    levels = [
        d.metric
        for d in drafts
        if d.unit != "percent" and d.metric != UNKNOWN_METRIC and not is_provisional(d.metric)
    ]
    return levels[-1] if levels else None


def lend_level(drafts: list[Draft], level: str, catalogue: Catalogue) -> None:
    """A sum whose sentence names nothing it measures ("In 2024 it was 159 bn") goes on about
    the sum of money the paragraph's sentence before measured."""
    metric = catalogue.metrics.get(level)
    if metric is None or metric.kind != "money":
        return
    for draft in drafts:
        money = kind_of_unit(draft.unit) == "money"
        if money and is_provisional(draft.metric) and draft.metric_phrase in {"", "figure"}:
            draft.metric, draft.metric_phrase = level, ""


def _growth_metrics(catalogue: Catalogue) -> dict[str, str]:
    return {m.growth_of: m.id for m in catalogue.metrics.values() if m.growth_of}


def _named_in_own_words(metric: str, sentence: str, catalogue: Catalogue) -> bool:
    """True when a cue of the metric that is more than change words is in the sentence."""
    lowered = " ".join(sentence.lower().split())
    for cue in catalogue.metrics[metric].cues:
        words = normalise_name(cue).split()
        if any(w not in _CHANGE_WORDS for w in words) and re.search(
            rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", lowered
        ):
            return True
    return False


def _is_change(sentence: str, start: int, end: int) -> bool:
    """A change word right before the figure ("rose 3 %", "up by 2 %", "an increase of 4 %")
    or right after it ("a 3 % rise"); "a turnout of 65 %, down from 67 %" is a level."""
    before = _CHANGE_BEFORE_RE.search(sentence, max(0, start - 30), start)
    raised = RAISED_BY_RE.search(sentence, max(0, start - 60), start)
    return bool(before or raised or _CHANGE_AFTER_RE.match(sentence, end))


_CHANGE_BEFORE_RE = re.compile(
    rf"(?:{_CHANGE_RE.pattern})(?:\s+(?:by|of|to))?\s+(?:(?:about|almost|nearly|some|around)\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER_RE = re.compile(
    r"\s+(?:(?:year-on-year|annual|yearly)\s+)?(?:rise|increase|growth|jump|drop|decline|fall|cut)\b"
    # "70 % more than in 2023", Russian "на 70 % больше", Polish "o 5 % więcej", German "mehr"
    r"|\s+(?:more|less|higher|lower|больше|меньше|більше|менше|więcej|mniej|mehr|weniger|plus"
    r"|moins|más|menos)\b",
    re.IGNORECASE,
)


def _level(draft: Draft, drafts: list[Draft], sentence: str, offset: int) -> tuple[str | None, str]:
    """The metric (and provisional phrase) of the nearest figure of another unit in the same
    clause ("orders fell 4 % to EUR 83.5 billion": the growth of the orders)."""
    best: tuple[int, str, str] | None = None
    for other in drafts:
        if other.unit == "percent" or other.metric == UNKNOWN_METRIC:
            continue
        if is_provisional(other.metric) and other.metric_phrase in {"", "figure"}:
            continue
        low, high = sorted((draft.span[0], other.span[0]))
        if CLAUSE_BREAK_RE.search(sentence, low - offset, high - offset):
            continue
        distance = abs(other.span[0] - draft.span[0])
        if best is None or distance < best[0]:
            best = (distance, other.metric, other.metric_phrase)
    return (best[1], best[2]) if best else (None, "")


def _cued_level(sentence: str, start: int, end: int, catalogue: Catalogue) -> str | None:
    """The money or count measure the sentence's cue words name nearest the figure."""
    for unit in ("USD", "count"):
        metric = pick_metric(sentence, start, end, unit, catalogue)[0]
        if metric != UNKNOWN_METRIC:
            return metric
    return None
