"""The subject of the verb that gives a figure: "orders rose 23% to a record 50.6 billion euros"
is a figure of orders, whatever measure a cue earlier in the sentence names ("net profit").

A sum or a count reached by a verb of change or level ("rose to", "stood at", "totalled") is
said of that verb's subject. When the subject's head noun is no word of the metric a cue
chose, the subject names a measure of its own.
"""

from __future__ import annotations

import re

from .entities import is_place_name
from .provisional import is_function_word

_VERBS = (
    r"rose|fell|grew|climbed|jumped|increased|decreased|declined|dropped|surged|slumped|soared"
    r"|slipped|stood\s+at|stands\s+at|reached|hit|totall?ed|came\s+to|amounted\s+to"
    # a headline's present tense: "damage estimate rises to $30 billion"
    r"|rises|falls|grows|climbs|jumps|increases|declines|drops|surges|soars|reaches|hits|totals"
)
# The subject, its verb, and what may come between the verb and the figure ("rose 23% to a
# record", "climbed by 4% to").
_SUBJECT_RE = re.compile(
    rf"(?<![\w'’-])(?P<np>(?:[^\W\d_][\w'’-]*\s+){{0,6}}?[^\W\d_][\w'’-]*)\s+(?:{_VERBS})\b"
    r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent))?"
    r"(?:\s+(?:to|at|of))?(?:\s+(?:a|an|the|new|record|all-time|high|low|of|about|around|some"
    r"|nearly|almost|over|more\s+than|just))*\s*$",
    re.IGNORECASE,
)
_ESTIMATES = frozenset({"estimate", "estimates", "figure", "figures", "tally", "count"})
_JOINS = frozenset({"and", "or", "but", "while", "whereas", "as", "that", "said", "says"})
# Subjects that say nothing of what is measured: pronouns, the text's generic nouns.
_EMPTY = frozenset(
    {"it", "they", "which", "that", "this", "these", "those", "who", "figure", "total",
     "number", "amount", "sum", "level", "value", "tally", "toll", "company", "group", "firm",
     "numbers", "totals", "levels", "amounts", "values", "strength", "size", "count"}
)  # fmt: skip


def verb_subject(sentence: str, start: int) -> str:
    """The content words of the subject of the verb right before the figure at `start`
    ("order backlog"), or "" when there is no such verb or its subject names nothing."""
    found = _SUBJECT_RE.search(sentence, max(0, start - 80), start)
    if found is None:
        return ""
    written = found.group("np").split()
    # the subject starts after the last word that joins clauses ("800 million euros and
    # operating profit reached": operating profit)
    joins = [i for i, w in enumerate(written) if w.lower() in _JOINS]
    written = written[joins[-1] + 1 :] if joins else written
    while len(written) > 1 and written[-1].lower() in _ESTIMATES:
        written = written[:-1]  # "the damage estimate rises to": the damage
    if not written or written[-1].lower() in _EMPTY or is_function_word(written[-1].lower()):
        return ""  # "it rose", "when it stood at": no measure
    # the head is before the first preposition ("the death toll from the earthquake in X": toll)
    np = re.split(r"\s(?:for|of|on|in|to|at|from|with|by)\s", f" {' '.join(written)} ")[0]
    words = [w for w in np.split() if not is_function_word(w.lower())]
    if not words or words[-1].lower() in _EMPTY:
        return ""
    opens = not sentence[: found.start("np")].strip() and written[0] == words[-1]
    if words[-1][:1].isupper() and (not opens or is_place_name(words[-1])):
        return ""  # "..., Germany reached", "Germany reached": a name ("Orders rose": a measure)
    return " ".join(words).lower()


def names_another_measure(subject: str, cues: tuple[str, ...] | list[str]) -> bool:
    """Whether a subject's head noun is no word of the cues of the metric a cue chose."""
    if not subject:
        return False
    head = subject.split()[-1]
    words = {w.rstrip("*").lower() for cue in cues for w in cue.split()}
    return head not in words and head.rstrip("s") not in words and f"{head}s" not in words
