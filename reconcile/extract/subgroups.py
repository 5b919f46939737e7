"""A part of a population counted on its own: "the working-age population", "foreign residents",
"people aged 65 and over". Each is a measure of its own, never the territory's population, so
the count it gives does not conflict with the whole (census articles give several such parts
beside the total).

A part is said by a word before the cue noun that narrows it (any content word but the few
that restate the whole: "total", "resident", "entire"), by an age bound after the noun of
people ("aged", "over the age of", "under 15"), or by a place smaller than a country as the
subject ("the largest city with 11.45 million inhabitants"); the part named nearest before
the figure in its own clause is the one counted.
"""

from __future__ import annotations

import re

from reconcile.figures.scales import is_scale_word

from .provisional import is_function_word, provisional_id

# Words before a population noun that restate the whole, not a part of it.
_WHOLE_WORDS = frozenset(
    {"total", "whole", "entire", "overall", "national", "resident", "usual", "permanent",
     "registered", "official", "estimated", "current", "combined", "country", "nation",
     "state", "its", "their", "the", "a", "an", "of", "whose", "our", "this", "that",
     "population", "census", "de", "jure", "facto", "legal", "new", "latest", "final"}
)  # fmt: skip
_NOUNS = r"population|inhabitants|residents|citizens|people|persons|nationals|households"
# "people aged 65 and over", "residents under the age of 15", "children under five"
_AGED_RE = re.compile(
    rf"\b(?P<noun>{_NOUNS}|children|adults|women|men)\s+(?P<bound>aged|over\s+the\s+age|under"
    r"\s+the\s+age|of\s+working\s+age|born\s+abroad|born\s+outside)\b",
    re.IGNORECASE,
)


def subgroup_metric(clause: str, start: int, end: int, unit: str | None) -> tuple[str, str] | None:
    """(provisional id, phrase) when the clause of a count at [start, end) says it counts a
    part of a population: the part named nearest before the figure ("the working-age
    population stood at 6.7 million"), else right after it ("2.1 million rural residents")."""
    if unit not in (None, "count"):
        return None
    parts = [*_aged_parts(clause), *_narrowed_parts(clause), *_place_parts(clause)]
    opened = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(clause, 0, start)), default=0)
    before = [p for p in parts if opened <= p[0] and p[1] <= start]
    after = [p for p in parts if end <= p[0] <= end + 12]
    chosen = max(before, key=lambda p: p[1]) if before else min(after, default=None)
    # the whole named nearer the figure than any part ("...; the population reached 10 million")
    return provisional_id(chosen[2], unit) if chosen and chosen[2] else None


def _aged_parts(clause: str) -> list[tuple[int, int, str]]:
    return [
        (
            m.start(),
            m.end(),
            f"{m.group('noun').lower()} {' '.join(m.group('bound').lower().split())}",
        )
        for m in _AGED_RE.finditer(clause)
    ]


def _narrowed_parts(clause: str) -> list[tuple[int, int, str]]:
    """The population nouns of the clause: with the word before that narrows them ("urban
    population"), or with "" where nothing narrows them ("the population")."""
    parts = []
    for found in _NOUN_RE.finditer(clause):
        before = _WORD_BEFORE_RE.search(clause, max(0, found.start() - 40), found.start())
        word = before.group(1).strip("-").lower() if before else ""
        phrase = f"{word} {found.group(0).lower()}" if word and _narrows(word) else ""
        parts.append((before.start() if before else found.start(), found.end(), phrase))
    return parts


def _place_parts(clause: str) -> list[tuple[int, int, str]]:
    """A place smaller than the country as the clause's subject: "the largest city with 11.45
    million inhabitants" counts the city's people."""
    return [(m.start(), m.end(), f"{m.group(1).lower()} population")
            for m in _PLACE_RE.finditer(clause)]  # fmt: skip


# A clause of its own before the figure: its parts are not the figure's.
_CLAUSE_BREAK_RE = re.compile(r";|,\s*(?:and|while|whereas|but)\s|\s(?:while|whereas)\s", re.I)
_PLACE_RE = re.compile(
    r"\b(city|capital|town|province|district|municipality|village|county|island)\b", re.I
)
_NOUN_RE = re.compile(rf"(?<![\w-])(?:{_NOUNS})\b", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s+$")


def _narrows(word: str) -> bool:
    """Whether a word before a population noun names a part ("foreign"), not the whole, a
    possessive ("Portugal's"), a scale ("million") or a function word."""
    return not (
        word in _WHOLE_WORDS
        or word.endswith(("'s", "’s"))
        or is_scale_word(word)
        or is_function_word(word)
    )


PART = "a part of the total"
# Before a figure, the words that make it a part of the figure before it: "1,719 people,
# including 639 children", "Sh3.9 trillion, of which Sh1.2 trillion", "among them 40 women".
_PART_BEFORE_RE = re.compile(
    r",\s*(?:including|includ\w+\s+some|of\s+(?:which|whom)|among\s+(?:them|whom))\s+"
    r"(?:(?:almost|nearly|about|around|some|more\s+than|over|at\s+least)\s+)?$",
    re.IGNORECASE,
)


def part_of_a_count(sentence: str, start: int) -> bool:
    """Whether a count is a part of the count before it ("killed 1,719, including 639
    children"): never that total's contradiction. Sums are not (the "207.8 billion for the
    ministry" a budget includes is a line other texts report as such)."""
    return _PART_BEFORE_RE.search(sentence, max(0, start - 40), start) is not None


# A sentence that opens with the whole the one before gave: "Of that, 124.3 billion zlotys will
# come from the state budget and 62.3 billion from the fund".
_OF_THE_WHOLE_RE = re.compile(
    r"^\W*Of\s+(?:that|this|it|these|those|the\s+total|the\s+sum|the\s+amount|which)\b",
    re.IGNORECASE,
)


def opens_with_the_whole(sentence: str) -> bool:
    """Whether a sentence's figures are parts of a whole the sentence before gave."""
    return _OF_THE_WHOLE_RE.match(sentence) is not None
