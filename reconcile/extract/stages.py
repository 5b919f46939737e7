"""The budget stage a figure is at (draft, approved, revised, executed) and its price basis.

Stage words as budget reporting uses them, mapped onto the claim format's four stages
(docs/claims-format.md): a plan or proposal is a draft; an adopted, passed or signed budget is
approved; an amendment, revision, cut or supplement is revised; spending, outturn and
execution are executed. The word nearest the figure wins, unless another figure stands between
them ("from the planned 307 billion to 387 billion": "planned" is 307's stage, not 387's).
"""

from __future__ import annotations

import re

from reconcile.core.patterns import YEAR

_STAGE_WORDS = {
    "draft": r"draft|drafts|proposed|proposes|proposal|proposing|planned|plans?\s+to|planning"
    r"|plan|projected|envisaged|envisages|requested|requesting|requests|submitted|presented"
    r"|preliminary|budget\s+bill|bill",
    "approved": r"approved|approves|adopted|adopts|passed|signed|enacted|budget\s+law"
    r"|set\s+aside|earmarked|allocates|allotted|budget\s+estimates?|budgeted|appropriated"
    r"|appropriation|in\s+force",
    "revised": r"amended|amendments?|revised|revises|revision|cut|cuts|reduced|reduction"
    r"|additional|supplementary|extra|increased\s+to|raised\s+to|will\s+receive\s+an\s+additional",
    "executed": r"executed|execution|spent|spending\s+was|actual|actually|outturn|implementation"
    r"|was\s+fully|completed|disbursed|paid\s+out|used\s+up",
}
_STAGE_RE = re.compile(
    "|".join(rf"(?P<{stage}>\b(?:{words})\b)" for stage, words in _STAGE_WORDS.items()),
    re.IGNORECASE,
)
_CONSTANT_RE = re.compile(
    rf"\b(?:in\s+)?(?:constant|real)\s*(?:\(?(?P<year>{YEAR})\)?\s*)?(?:prices|dollars|terms|US\$)?"
    rf"|\b(?P<year2>{YEAR})\s+(?:prices|constant\s+dollars)\b",
    re.IGNORECASE,
)
_CURRENT_RE = re.compile(r"\b(?:current|nominal)\s+(?:prices|dollars|terms)\b", re.IGNORECASE)


def find_stage(
    sentence: str, start: int, end: int, figures: tuple[tuple[int, int], ...] = ()
) -> str | None:
    """The budget stage of the figure at [start, end) of a sentence, or None."""
    best: tuple[int, str] | None = None
    for match in _STAGE_RE.finditer(sentence):
        stage = match.lastgroup or ""
        if match.end() <= start:
            distance, between = start - match.end(), (match.end(), start)
        elif match.start() >= end:
            distance, between = match.start() - end, (end, match.start())
        else:
            continue
        if any(between[0] <= a and b <= between[1] for a, b in figures if (a, b) != (start, end)):
            continue
        if best is None or distance < best[0]:
            best = (distance, stage)
    return best[1] if best else None


def find_basis(sentence: str) -> str | None:
    """'constant-YEAR' or 'current' when the sentence states the price basis."""
    constant = _CONSTANT_RE.search(sentence)
    if constant and (constant.group("year") or constant.group("year2")):
        return f"constant-{constant.group('year') or constant.group('year2')}"
    if _CURRENT_RE.search(sentence):
        return "current"
    return None
