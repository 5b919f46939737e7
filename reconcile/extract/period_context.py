"""Periods that come from around a figure's sentence: the sentence before, the body for a
headline."""

from __future__ import annotations

import re
from typing import Any

from reconcile.core.parsed_value import kind_of_unit
from reconcile.core.patterns import MONTH_NAMES, SET_AGAINST

# A sentence about the present does not go on about the period of the sentence before: it
# says "now", or speaks in the present tense only ("Finland spends 2.3 %").
_NOW_RE = re.compile(r"\b(?:now|currently|today|at\s+present|presently|these\s+days)\b", re.I)
_PRESENT_RE = re.compile(
    r"\b(?:is|are|has|have|spends|stands|remains|plans|expects|will|employs|counts)\b", re.I
)
_ASIDE_RE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,", re.IGNORECASE)
_STRONG_PAST_RE = re.compile(r"\b(?:was|were|had|did|rose|fell|grew|stood|spent|reached)\b", re.I)
_PAST_RE = re.compile(r"\b(?:was|were|had|did|rose|fell|grew|stood|spent|reached|\w+ed)\b", re.I)


def goes_on(sentence: str) -> bool:
    """Whether a sentence may go on about the period of the sentence before: not when it
    speaks in the present, unless a verb in the past says otherwise (an "-ed" word beside a
    present verb is an adjective: "the army has 75,983 trained soldiers")."""
    if _NOW_RE.search(sentence):
        return False
    main = _ASIDE_RE.sub(",", sentence)  # "Iceland, which joined in 1949, spends ..."
    if not _PRESENT_RE.search(main):
        return True
    return bool(_STRONG_PAST_RE.search(main))


_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|expects?|expected|forecast|to\s+be)\b", re.I
)


def told_in_past(sentence: str) -> bool:
    """Whether a sentence speaks of the past only: a verb in the past tense, none in the present
    or the future."""
    main = _ASIDE_RE.sub(",", sentence)
    return bool(_PAST_RE.search(main)) and not (
        _PRESENT_RE.search(main) or _FUTURE_RE.search(main) or _NOW_RE.search(main)
    )


# Periods a figure takes when nothing in its own sentence dates it.
_FALLBACK_PERIODS = {"published", "inferred", "undated", "budget"}


def date_headline(drafts: list[Any], title_end: int) -> None:
    """A headline figure the body restates with a period of its own takes that period
    ("... seeks record 7.7 trillion yen budget" / "7.7 trillion yen ... for fiscal 2024")."""
    body = [d for d in drafts if d.span[0] > title_end and d.period_basis not in _FALLBACK_PERIODS]
    for draft in drafts:
        if draft.span[0] > title_end or draft.period_basis not in _FALLBACK_PERIODS:
            continue
        periods = {d.period for d in body if _restates(draft, d)}
        if len(periods) == 1:
            draft.period = periods.pop()
            draft.period_basis = "the body figure the headline restates"
    name_headline(drafts, title_end)


def name_headline(drafts: list[Any], title_end: int) -> None:
    """A headline figure no cue names takes the metric of the body figure it restates
    ("Ruritania counts 12 million people" / "Ruritania's population was 12,104,330")."""
    from .provisional import is_provisional

    body = [d for d in drafts if d.span[0] > title_end and not is_provisional(d.metric)]
    for draft in drafts:
        if draft.span[0] > title_end or not is_provisional(draft.metric):
            continue
        metrics = {d.metric for d in body if _restates(draft, d)}
        if len(metrics) == 1:
            draft.metric, draft.metric_phrase = metrics.pop(), ""


def _restates(headline: Any, body: Any) -> bool:
    """True when a body figure lies within the headline figure's rounding."""
    amount = headline.amount or 0.0
    return (
        body.unit == headline.unit
        and body.amount is not None
        and bool(amount)
        and abs(body.amount - amount) <= max(0.005 * abs(amount), _half_width(headline))
    )


def _half_width(draft: Any) -> float:
    """Half the width of a draft's rounding interval ("25.4 million": 0.05 million)."""
    if draft.low is None or draft.high is None or abs(draft.high) == float("inf"):
        return 0.0
    return (draft.high - draft.low) / 2


# The periods a figure's own words give (not a fallback, a carry or a restatement).
_STATED = frozenset({"year", "fiscal", "relative", "span"})


_BUDGET_NOUN_RE = re.compile(
    r"\b(?:budgets?|appropriations?|allocations?|allocated|earmarked)\b"
    # the budget in the other news languages: "presupuesto", "бюджет", "budżet", "Haushalt"
    r"|(?<!\w)(?:presupuest|orçament|бюджет|budżet|rozpočt|haushalt|bütçe|bilanci)\w*",
    re.IGNORECASE,
)


def lead_budget_period(made: list[Any], sentence: str) -> str | None:
    """The budget period a text's lead gives its budget when no "2025 budget" says it: the
    stated period of the lead's first sum of money in a sentence about a budget ("a defence
    budget of 8.7 trillion yen for the fiscal year starting in April 2025")."""
    if not _BUDGET_NOUN_RE.search(sentence):
        return None  # "spending rose to X last year" reports a year, not the budget's
    for draft in made:
        if kind_of_unit(draft.unit) == "money" and draft.period_basis in _STATED:
            return str(draft.period)
    return None


# The words before a figure that make it the baseline of the figure before it ("X, up from Y").
BASELINE_RE = re.compile(
    rf"\b(?:{SET_AGAINST}|than|over)\s+(?:[\w’']+\s+){{0,3}}$",
    re.IGNORECASE,
)
# Of those, the words of a change over time ("against a budget of" sets a stage beside it).
_TEMPORAL_RE = re.compile(
    r"\b(?:from|than|over|compared\s+(?:with|to))\s+(?:[\w’']+\s+){0,3}$",
    re.IGNORECASE,
)
# A period said right after the baseline figure ("up from $11.6bn in 2023", "a year earlier").
_STATED_AFTER_RE = re.compile(
    r"\s*(?:(?:in|for|during|by|of|at\s+the\s+end\s+of)\s+)?(?:the\s+)?"
    rf"(?:\d{{4}}|last|this|previous|prior|preceding|a\s+year|one\s+year|fiscal|fy|q[1-4]|"
    rf"{'|'.join(MONTH_NAMES)})",
    re.IGNORECASE,
)


def date_baseline(made: list[Any], before: Any, text: str, catalogue: Any) -> None:
    """A sum or a rate set against the figure before it with no period of its own ("capital
    spending will be $13.6bn next year, up from $11.6bn") is of the period before that
    figure's. Counts are not (a census "up from 10 million" is ten years back), nor running
    tallies (an earlier report of the same toll)."""
    from .periods import shift_period

    if not _TEMPORAL_RE.search(text, max(0, made[0].span[0] - 40), made[0].span[0]):
        return
    if not re.fullmatch(r"\d{4}(?:-\d{4})?", str(before.period)):
        return
    for draft in made:
        metric = catalogue.metrics.get(draft.metric)
        sum_or_rate = kind_of_unit(draft.unit) in {"money", "ratio"}
        if _STATED_AFTER_RE.match(text, draft.span[1]) or not sum_or_rate:
            continue
        if (metric is not None and metric.running) or draft.period != before.period:
            continue
        if draft.stage and before.stage and draft.stage != before.stage:
            continue  # "spent X, compared with a budget of Y": two stages of one year
        draft.period = shift_period(before.period, -1)
        draft.period_basis = "the period before the figure it is set against"
