"""Signs of figures that the wording gives: a fall stated as an amount, a loss under a profit.

"fell by 2 billion to 7 billion": the change is -2 billion (extract/arithmetic.py links it to
the level it reached, `change_of`); "a loss of 2.2 billion euros" under a profit metric is -2.2
billion. A change stated as an amount keeps the level's metric with the scope "the increment
only" (extract/stages.py), so it is never set against a level as a contradiction.
"""

from __future__ import annotations

import re

from reconcile.core.parsed_value import kind_of_unit

from .draft_model import Draft

_FALL = (
    r"decrease[ds]?|decreasing|decline[ds]?|declining|cut|cuts|fell|fallen|fall(?:s|ing)?|"
    r"drop(?:ped|s)?|reduc(?:e|ed|es|tion)|lower(?:ed)?|shrank|shrunk|slash(?:ed|es)?"
)
_QUALIFIER = r"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|less\s+than)\s+)?"
# Before an amount of change, the words that make it a fall: "fell by", "a cut of".
_FALL_BEFORE_RE = re.compile(
    rf"\b(?:{_FALL})\s+(?:of|by)\s+{_QUALIFIER}$|\bthe\s+(?:{_FALL})\s+(?:is|was|will\s+be)\s+"
    rf"(?:worth\s+)?{_QUALIFIER}$",
    re.IGNORECASE,
)


# "raised its defence budget by 14.98%", "cut the army's budget by 5%": the verb of change
# further back, "by" right before the figure (`fall` when it is a fall).
RAISED_BY_RE = re.compile(
    r"\b(?:rais|increas|boost|hik|expand|(?P<fall>cut|reduc|lower|slash|trimm|decreas))\w*\b"
    r"[^.;,]{0,40}?\bby\s+(?:(?:about|almost|nearly|some|around)\s+)?$",
    re.IGNORECASE,
)


_LEAD_WORDS_RE = re.compile(r"(?:[^\W\d_]+\s+)+")


def is_fall(sentence: str, start: int, written: str) -> bool:
    """Whether the words before the change at `start` (written `written`) say it is a fall."""
    lead = _LEAD_WORDS_RE.match(written)
    window = sentence[max(0, start - 40) : start] + (lead.group(0) if lead else "")
    return _FALL_BEFORE_RE.search(window) is not None


# "a loss of 2.2 billion euros", "a net loss of $40 million": a profit below zero.
_LOSS_BEFORE_RE = re.compile(
    rf"\b(?:net\s+|operating\s+|pre-?tax\s+)?loss(?:es)?\s+(?:of\s+)?{_QUALIFIER}$", re.IGNORECASE
)


def sign_losses(drafts: list[Draft], sentence: str, offset: int) -> None:
    """A loss drafted under a profit or income metric is that measure below zero: the value
    is written negative ("-2.2 billion euros"), the quote as the text has it."""
    for draft in drafts:
        if not draft.metric.endswith(("_profit", "_income")) or kind_of_unit(draft.unit) != "money":
            continue
        start = draft.span[0] - offset
        lead = _LEAD_WORDS_RE.match(draft.value)
        window = sentence[max(0, start - 30) : start] + (lead.group(0) if lead else "")
        if _LOSS_BEFORE_RE.search(window):
            draft.value = negated(draft.value)
            draft.repair = "; ".join(
                n for n in (draft.repair, "a loss: the profit written negative") if n
            )


def negated(value: str) -> str:
    """A figure as written with a minus before its number ("about -12", "$-2 billion"), as the
    grammar reads a negative; unchanged when it is negative already."""
    if re.search(r"[-−]\s*\d", value):
        return value
    signed = re.sub(r"(?=\d)", "-", value, count=1)
    return signed if signed != value else "-" + value
