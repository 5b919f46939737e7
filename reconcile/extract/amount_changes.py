"""Changes stated as amounts: "rose by $850 million", "an increase of 12".

Such a figure is the difference between two levels, not a level: drafted under the level's
metric it would conflict with every level figure of that measure ("the budget is $9.6 billion"
against "the increase is $950 million"). It is drafted under a change metric of its own,
`<level>_change`, and where its sentence gives the level it changed to ("rose by X to Y") the
arithmetic links them (extract/arithmetic.py: `change_of`).
"""

from __future__ import annotations

import re

from reconcile.core.parsed_value import kind_of_unit

from .draft_model import Draft
from .provisional import PREFIX, is_provisional, metric_kind

_RISE = (
    r"increase[ds]?|increasing|rise|rose|risen|rising|gr[eo]w|grown|growing|jump(?:ed|s)?|"
    r"climb(?:ed|s)?|surge[ds]?|boost(?:ed|s)?|hike[ds]?|rais(?:e|ed|es|ing)|add(?:ed|s|ing)?"
)
_FALL = (
    r"decrease[ds]?|decreasing|decline[ds]?|declining|cut|cuts|fell|fallen|fall(?:s|ing)?|"
    r"drop(?:ped|s)?|reduc(?:e|ed|es|tion)|lower(?:ed)?|shrank|shrunk|slash(?:ed|es)?"
)
_QUALIFIER = r"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|less\s+than)\s+)?"
# Before a figure, the words that make it a change ("rose by", "an increase of", "the increase
# is worth"); `fall` when the change is a fall. "An additional 40 billion" is not among them: a
# supplementary allocation is a later stage of the budget (extract/stages.py), as a
# fact-checker reads it, and is compared with the budget as such.
CHANGE_BEFORE_RE = re.compile(
    rf"(?:\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:of|by)\s+"
    rf"|\bthe\s+(?:(?:{_RISE})|(?P<fall2>{_FALL}))\s+(?:is|was|will\s+be|would\s+be)\s+"
    r"(?:worth\s+)?)"
    rf"{_QUALIFIER}$",
    re.IGNORECASE,
)


_LEAD_WORDS_RE = re.compile(r"(?:[^\W\d_]+\s+)+")


def change_words(sentence: str, start: int, written: str) -> re.Match[str] | None:
    """The words that make the figure at `start` (written `written`, its qualifier and filler
    words included) an amount of change, or None."""
    lead = _LEAD_WORDS_RE.match(written)
    window = sentence[max(0, start - 40) : start] + (lead.group(0) if lead else "")
    return CHANGE_BEFORE_RE.search(window)


def is_fall(match: re.Match[str]) -> bool:
    return bool(match.group("fall") or match.group("fall2"))


def mark_amount_changes(drafts: list[Draft], sentence: str, offset: int) -> None:
    """Give each amount of change among a sentence's drafts the change metric of its level, and
    the same metric to its restatement ("an additional 40 billion drams ($82 million)")."""
    changed: dict[str, tuple[str, str]] = {}
    for draft in drafts:
        original = draft.relations.get("equivalent_of")
        if original in changed:
            draft.metric, draft.metric_phrase = changed[original]
            continue
        if draft.unit == "percent" or kind_of_unit(draft.unit) == "rank":
            continue
        if change_words(sentence, draft.span[0] - offset, draft.value) is None:
            continue
        level = draft.metric
        if not level.endswith("_change"):
            phrase = draft.metric_phrase or level.replace("_", " ")
            kind = metric_kind(draft.unit)[0]
            draft.metric = f"{level}_change" if is_provisional(level) else (
                f"{PREFIX}{kind}_{level}_change")  # fmt: skip
            draft.metric_phrase = f"{phrase} change"
        changed[draft.id] = (draft.metric, draft.metric_phrase)
