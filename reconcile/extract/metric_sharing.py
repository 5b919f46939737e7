"""One sentence, one measure: the metric a figure shares with the figures beside it.

A figure no cue decides takes the metric of the figure it restates or of its sentence's last
decided figure of its kind; a figure set against another ("X as against Y", "from X to Y")
measures the same thing.
"""

from __future__ import annotations

import re

from reconcile.claims.catalogue import Catalogue
from reconcile.core.patterns import SET_AGAINST

from .draft_model import Draft
from .metric_cues import CLAUSE_BREAK_RE, cues_in_order
from .provisional import (
    PREFIX,
    counts_own_things,
    is_provisional,
    names_a_measure,
    whole_after,
)
from .verb_subjects import verb_subject

# What was done to what a figure counts, right after it: "people were killed", "240 taken".
_PARTICIPLE_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?([a-z]{3,}(?:ed|en))\b",
    re.IGNORECASE,
)


def share_metric(
    made: list[Draft], earlier: list[Draft], restated: Draft | None, text: str
) -> None:
    """One sentence usually speaks of one measure: a figure no cue decides takes the metric of
    the figure it restates or of the sentence's last decided figure of its kind ("from 307
    billion to 387 billion"); a restatement that is decided lends its metric back. A figure
    of the next clause that names what it counts keeps its own words ("sales rose to $12bn,
    while orders fell to $9bn")."""
    if restated is not None:
        if is_provisional(restated.metric) and not is_provisional(made[0].metric):
            for draft in earlier:
                if draft.span == restated.span:
                    draft.metric, draft.metric_phrase = made[0].metric, ""
        return
    if not is_provisional(made[0].metric):
        return
    kind = money_or(made[0])
    if kind != "money" and counts_own_things(text, made[0].span[1]):
        return  # "1,500 people injured and 235,000 homes damaged": homes are no casualties
    if " per " in f" {made[0].metric_phrase} ":
        return  # "52 million, or 91 people per square kilometre": a density of its own
    if made[0].unit == "percent" and whole_after(text, made[0].span[1]):
        return  # "53.9% of the vote, with 99% of precincts counted": precincts are no votes
    if names_a_measure(made[0].metric_phrase) and verb_subject(text, made[0].span[0]):
        return  # "..., and said orders rose 23% to 50.6 billion": the verb's subject says
    done = _PARTICIPLE_AFTER_RE.match(text, made[0].span[1])
    for draft in reversed(earlier):
        if names_a_measure(made[0].metric_phrase) and CLAUSE_BREAK_RE.search(
            text, draft.span[1], made[0].span[0]
        ):
            return
        theirs = _PARTICIPLE_AFTER_RE.match(text, draft.span[1])
        if done and theirs and done.group(1).lower() != theirs.group(1).lower():
            return  # "1,200 people were killed ... and about 240 taken hostage": no toll
        if not is_provisional(draft.metric) and money_or(draft) == kind:
            for own in made:
                own.metric, own.metric_phrase = draft.metric, ""
            return


# "X as against Y", "X compared with Y", "up from Y": two figures of one measure set side by side.
_COMPARED_RE = re.compile(rf"[^.;:]{{0,60}}?\b(?:{SET_AGAINST})\b[^.;:]{{0,60}}", re.IGNORECASE)


_FROM_RE = re.compile(r"(?i)\b(?:from|between)\s+$")
_TO_RE = re.compile(r"(?i)[^.;:]{0,40}?\b(?:to|and)\s+(?:\w+\s+){0,2}")


def set_side_by_side(text: str, before: tuple[int, int], start: int) -> bool:
    """True when the figure at `start` is compared with the figure at `before` ("X as against
    Y", "from X last year to Y")."""
    if _COMPARED_RE.fullmatch(text, before[1], start):
        return True
    return bool(_FROM_RE.search(text, max(0, before[0] - 12), before[0])) and bool(
        _TO_RE.fullmatch(text, before[1], start)
    )


def compare_metric(made: list[Draft], before: Draft) -> None:
    """A figure set against the one before it measures the same thing (same kind of unit)."""
    if money_or(before) != money_or(made[0]):
        return
    if is_provisional(before.metric) and names_a_measure(made[0].metric_phrase):
        return  # a provisional figure lends its words only to one that has none of its own
    for own in made:
        own.metric, own.metric_phrase = before.metric, before.metric_phrase


_SCALED_RE = re.compile(r"(?i)illion|\bbn\b|mln|crore|lakh")


def money_or(draft: Draft) -> str:
    unit = draft.unit
    if unit is None:
        return "money" if _SCALED_RE.search(draft.value) else "?"
    return "money" if len(unit) == 3 and unit.isupper() else unit


def share_of_its_part(drafts: list[Draft], catalogue: Catalogue) -> None:
    """A share of GDP and its part lend each other what they measure: a part no catalogue
    metric names makes the share that part's ("damage of $34.2 billion, equal to 4% of GDP"); a
    part that names nothing takes the share's level ("3.4% of GDP on defence, or about 1.6
    billion euros": military spending)."""
    by_id = {d.id: d for d in drafts}
    for draft in drafts:
        part = by_id.get(draft.relations.get("part", ""))
        if draft.relations.get("share_of") != "gdp" or part is None:
            continue
        if not is_provisional(part.metric) or money_or(part) != "money":
            continue
        if names_a_measure(part.metric_phrase):
            slug = part.metric.removeprefix(f"{PREFIX}money_")
            draft.metric = f"{PREFIX}ratio_{slug}_gdp_share"
            draft.metric_phrase = f"{part.metric_phrase or slug.replace('_', ' ')} share of GDP"
            continue
        share = catalogue.metrics.get(draft.metric)
        levels = [m for m in (share.related if share else ()) if m in catalogue.metrics]
        money = [m for m in levels if catalogue.metrics[m].kind == "money"]
        if money:
            part.metric, part.metric_phrase = money[0], ""


_RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)


def respectively(drafts: list[Draft], sentence: str, offset: int, catalogue: Catalogue) -> None:
    """ "Health and education will receive 141 billion and 702 billion respectively": the
    figures take the metrics the sentence names before them, one each, in order."""
    if not _RESPECTIVELY_RE.search(sentence):
        return
    for kind in {money_or(d) for d in drafts}:
        mine = [d for d in drafts if money_or(d) == kind and not d.relations.get("equivalent_of")]
        if len(mine) < 2:
            continue
        named = cues_in_order(sentence, mine[0].span[0] - offset, mine[0].unit, catalogue)
        if len(named) == len(mine):
            for draft, metric in zip(mine, named, strict=True):
                draft.metric, draft.metric_phrase = metric, ""
