"""Read ranks as people write them: "59th among 127 countries", "second-largest", "top eight".

Pure: returns a `Rank` reading; figures.py turns it into a parsed value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ORDINAL_WORDS

RANK_SUPERLATIVES = (
    r"largest|biggest|highest|strongest|greatest|most\s+\w+|top|best|worst|lowest|smallest"
)
# Superlatives that, after an ordinal, make a rank in running text ("second-largest importer").
SUPERLATIVE_WORDS = _SUPERLATIVE = (
    r"largest|biggest|strongest|greatest|highest|best|worst|lowest|smallest"
)
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"


@dataclass(frozen=True, slots=True)
class Rank:
    """A rank as read: the best and worst place it allows, the field size and the ranked noun."""

    low: float
    high: float
    field: int | None = None
    noun: str | None = None
    qualifier: str | None = None


_RANK_RE = re.compile(
    r"^(?:the\s+)?(?:(?:was\s+)?ranked\s+|ranks?\s+|placed\s+|no\.\s*)?"
    r"(?P<rank>\d{1,3}(?:,\d{3})+|\d+)\s*(?:st|nd|rd|th)\b(?P<middle>.*?)"
    r"(?:\b(?:among|of|out\s+of|from|in\s+a\s+field\s+of)\s+(?P<field>\d[\d,]*))?"
    r"(?P<rest>\D*)$",
    re.IGNORECASE,
)
_ORDINAL_RANK_RE = re.compile(
    rf"^(?:the\s+)?(?:ranked\s+)?(?P<word>{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))})"
    rf"(?:[\s-]+(?:{RANK_SUPERLATIVES}))?\b"
    r"(?:.*?\b(?:among|of|out\s+of)\s+(?P<field>\d[\d,]*))?(?P<rest>\D*)$",
    re.IGNORECASE,
)
# Cheap test before the rank grammar, on the set of the text's lower-case letter runs: an
# ordinal suffix ("59th" gives "th"), an ordinal word or a superlative. A set look-up is several
# times faster than a regex search, and a false hint only costs the (failing) rank grammar.
_RANK_HINT_WORDS = frozenset(
    {"st", "nd", "rd", "th", *ORDINAL_WORDS}
    | {"largest", "biggest", "best", "strongest", "highest", "greatest", "leading", "most"}
)
_SUPERLATIVE_RE = re.compile(
    r"^(?:the\s+)?(?:[\w.]+['’]s\s+)?(?:the\s+)?(?:single\s+)?"
    r"(?P<word>largest|biggest|best|strongest|highest|greatest|leading|most\s+\w+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_TOP_RANK_RE = re.compile(
    r"^(?:one|1)\s+of\s+the\s+(?:[\w.]+['’]s\s+)?top\s+(?P<n>\d+)\b(?P<rest>.*)$", re.IGNORECASE
)
_DIGIT_RE = re.compile(r"\d")


def read_rank(text: str, words: frozenset[str]) -> Rank | None:
    """An ordinal rank ("59th among 127", "second-largest", "Europe's largest"), if any.

    `words` is the set of lower-case letter runs of the text (figures.py has it already).
    """
    if _RANK_HINT_WORDS.isdisjoint(words):
        return None
    match = _RANK_RE.match(text)
    if match:
        rank = float(match.group("rank").replace(",", ""))  # "the 1,000th visitor"
    else:
        match = _ORDINAL_RANK_RE.match(text)
        if match:
            rank = float(ORDINAL_WORDS[match.group("word").lower()])
        else:
            superlative = _SUPERLATIVE_RE.match(text)
            if superlative and not _DIGIT_RE.search(text):
                # "Europe's largest importer", "the strongest army": first within its scope.
                return Rank(1.0, 1.0, None, superlative.group("rest").strip() or None)
            return None
    field = match.group("field")
    noun = (match.group("rest") or "").strip() or None
    return Rank(rank, rank, int(field.replace(",", "")) if field else None, noun)


def read_top_rank(text: str) -> Rank | None:
    """ "one of the world's top eight exporters" (number words already digits): ranks 1 to 8."""
    if "top" not in text.lower():
        return None
    match = _TOP_RANK_RE.match(text)
    if not match:
        return None
    top = float(match.group("n"))
    return Rank(1.0, top, None, match.group("rest").strip() or None, "one of the top")


def rank_in_text_pattern(word_numbers: str) -> str:
    """The regex (with a named group `rank`) for ranks and vague magnitudes in running text."""
    return (
        rf"(?:(?:ranked|ranks|ranking|placed)\s+)(?P<rank>\d+(?:st|nd|rd|th))"
        rf"(?:\s+(?:among|of|out\s+of)\s+\d[\d,]*(?:\s+countries)?)?"
        rf"|\d+(?:st|nd|rd|th)\s+(?:among|out\s+of)\s+\d[\d,]*(?:\s+countries)?"
        rf"|(?:{_ORDINAL})[\s-](?:{_SUPERLATIVE})(?:\s+[a-z]+)?"
        rf"|(?:one\s+of\s+)?(?:the\s+)?(?:\w+[’']s\s+)?top\s+(?:{word_numbers}|\d+)(?:\s+[a-z]+){{0,2}}"
        rf"|\w+[’']s\s+(?:{_SUPERLATIVE})(?:\s+[a-z]+){{1,2}}"
        rf"|(?:the|its)\s+(?:{_SUPERLATIVE})\s+[a-z]+(?=\s+(?:in|among)\s+the\b)"
        rf"|(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)(?![\w-])"
        rf"|(?:several|a\s+few)\s+(?:hundred(?:\s+(?:thousand|million|billion))?|thousand|million"
        rf"|billion|trillion)(?![\w-])"
        rf"|(?:in\s+the\s+low\s+|the\s+)?(?:thousands|hundreds|dozens|millions|billions)"
        rf"(?=\s+of\b|\.)"
    )
