"""What looks like a figure in running text but is not one.

Calendar dates, years used as dates, ordinals and numbers that name units, model numbers and
calibres, citation metadata, time windows ("the past 15 years"), moments ("five years ago"),
ages that bound a group ("aged 65 and over") and pronouns ("one of").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reconcile.core.patterns import MONTH, YEAR
from reconcile.reference.scales import load_month_names

_NAME_BEFORE = re.compile(
    r"\b(?:project|no|nos|article|section|resolution|page|pp?|vol|volume|issue|isbn|series|"
    r"unit|code|flight|route|model|type|class|version|mark|mk)\.?\s*$",
    re.IGNORECASE,
)
_DESIGNATION_BEFORE = re.compile(r"(?:[°#№]|\b[A-Z]\s|[A-Za-z][-/]|[A-Za-z]|\d[-/.:x×]|[x×])$")
# "the 18–110 military unit", "641st unit": a number before a singular formation noun names it.
_FORMATION_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:unit|division|brigade|regiment|battalion|army|squadron|fleet|flotilla)\b"
    r"(?!\s+[a-z]+s\b)",
    re.IGNORECASE,
)
_PROPER_BEFORE = re.compile(
    r"(?<![.!?\n]\s)(?<![.!?\n])\b(?!(?:The|A|An|In|On|At|Of|By|For|With|And|But|Some|About|Over|Nearly|Only|All|Its|Their|His|Her|Our|Since|From|To|Until|During|After|Before|Around|Total|There)\s)[A-Z][a-z]+\s$"
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(
    r"\b(?:last|past|next|previous|coming|first|recent|in|within|over|during|after)\s+$", re.I
)
_WINDOW_AFTER = re.compile(
    r"^\s+(?:years?|decades?|months?|weeks?|days?|hours?|centur(?:y|ies))\b", re.I
)
_PRONOUN_ONE = re.compile(r"^\s+(?:of|another|day|side|way)\b|^-", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b{MONTH}\s+$")
_DATE_AFTER = re.compile(rf"^\s*(?:{MONTH}\b|:\d\d)")
# Letters glued on name a model ("MiG-29", "300mm"); "-plus", "-odd" and "-strong" say how many.
_ATTACHED_AFTER = re.compile(r"^(?:-?(?!-?(?:plus|odd|strong)\b)[A-Za-z]|[-/×]\d|\.\d|'s\b|’s\b)")
_PRONOUN_BEFORE = re.compile(r"\b(?:no|the|any|every)\s+$", re.IGNORECASE)
_CALIBRE_AFTER = re.compile(r"^\s*(?:caliber|calibre)\b")
_TIME_UNITS = r"(?:years?|decades?|months?|weeks?|days?|hours?|centur(?:y|ies))"
_AGO_AFTER = re.compile(
    rf"^\s*{_TIME_UNITS}\s+(?:ago|earlier|later|before|after|previously|from\s+now)\b", re.I
)
_AGE_AFTER = re.compile(
    rf"^(?:\s*(?:and|to|-|–)\s*\d{{1,3}})?\s*(?:{_TIME_UNITS}\s+old|years?\s+of\s+age|-year-olds?)\b",
    re.I,
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages|(?:over|under|above|below)\s+(?:the\s+)?age\s+of|the\s+age\s+of)\s+$", re.I
)


@dataclass(frozen=True, slots=True)
class Place:
    """A match of the figure grammar in running text, with the text around its number."""

    number: str
    before: str
    after: str
    tail: str
    following: str
    bare: bool  # no qualifier, currency, scale or suffix
    plain: bool  # no currency, scale or suffix
    has_suffix_or_scale: bool
    currency: str = ""  # the currency written before the number, as written
    glued: bool = False  # the currency touches the number ("COP28", "$5")


_YEAR_RE = re.compile(rf"{YEAR}(?:\s*(?:[-–—/]|to|and)\s*\d{{2,4}})?")


def _year(p: Place) -> bool:
    """A year or a span of years: a date, not a figure."""
    return p.plain and bool(_YEAR_RE.fullmatch(p.number))


def _formation(p: Place) -> bool:
    """ "the 18–110 military unit": a number before a singular formation noun names it."""
    return p.bare and p.number[0].isdigit() and bool(_FORMATION_AFTER.match(p.after))


def _part_of_name(p: Place) -> bool:
    """ "Triton 2": a number after a capitalised word, unless a plural noun follows."""
    if not (p.bare and p.number[0].isdigit() and _PROPER_BEFORE.search(p.before)):
        return False
    return not re.match(r"^\s+[a-z]+s\b", p.following)


def _reference(p: Place) -> bool:
    """ "the two countries": a reference, not a count."""
    return p.number[0].isalpha() and bool(_DEFINITE_BEFORE.search(p.before))


def _designation(p: Place) -> bool:
    """ "Project 1388M", "No. 5", "Su-25", "S-300", "9 May": names, designations and dates."""
    if not p.number[0].isdigit():
        return False
    # Each pattern ends at the end of `before` (its white space aside), so a match starts at
    # most its longest word ("resolution.", "September.") from there: the same search, shorter.
    before = p.before
    words_end = len(before.rstrip())
    return bool(
        _NAME_BEFORE.search(before, max(0, words_end - 11))
        or _DESIGNATION_BEFORE.search(before, max(0, len(before) - 3))
        or _DATE_BEFORE.search(before, max(0, words_end - 10))
    )


def _attached(p: Place) -> bool:
    """ "MiG-29", "300mm", "9A52", "641st", "two-day", "4x4", "K2": letters glued on."""
    return not p.has_suffix_or_scale and bool(_ATTACHED_AFTER.match(p.tail))


def _date_after(p: Place) -> bool:
    """ "15 March", "10:30", "2. Februar", "12 февраля"."""
    if not p.number[0].isdigit():
        return False
    if _DATE_AFTER.match(p.after):
        return True
    word = _WORD_AFTER.match(p.after)
    return word is not None and word.group(1).lower() in load_month_names()


# The word after a day's number, past its dot or "de": "2. Februar", "15 de noviembre".
_WORD_AFTER = re.compile(r"^\.?\s*(?:(?:de|del|di|du)\s+)?([^\W\d_]{4,})", re.IGNORECASE)


def _time_window(p: Place) -> bool:
    """ "the last 15 years": a time window, not a figure."""
    return bool(_WINDOW_BEFORE.search(p.before) and _WINDOW_AFTER.match(p.after))


def _pronoun(p: Place) -> bool:
    """ "one of", "no one", "the one": the pronoun, not the number."""
    if p.number.lower() != "one":
        return False
    return bool(_PRONOUN_ONE.match(p.after) or _PRONOUN_BEFORE.search(p.before))


def _time_ago(p: Place) -> bool:
    """ "five years ago", "two decades earlier": a moment in time, not a figure."""
    return not p.currency and bool(_AGO_AFTER.match(p.after))


def _age(p: Place) -> bool:
    """ "under 15 years old", "aged 65 and over", "under the age of five": an age that bounds a
    group of people, not a figure of its own."""
    return not p.currency and bool(_AGE_AFTER.match(p.after) or _AGE_BEFORE.search(p.before))


def _calibre(p: Place) -> bool:
    """ "152 calibre": the size of a gun."""
    return p.bare and bool(re.fullmatch(r"\d{1,3}", p.number) and _CALIBRE_AFTER.match(p.after))


def _letter_currency(p: Place) -> bool:
    """ "N95", "R2", "SR 71", "COP28": a currency symbol of one or two capitals, or a code glued
    to the number, counts only before a scaled amount ("N28.7 trillion", "SR 3 billion",
    "EUR1.2bn"); otherwise the letters name a model, a road or a meeting."""
    letters = p.currency
    capitals = letters.isalpha() and (
        len(letters) == 1 or (len(letters) == 2 and letters.isupper())
    )
    code = p.glued and len(letters) == 3 and letters.isalpha() and letters.isupper()
    return (capitals or code) and not p.has_suffix_or_scale


def _lone_multiplier(p: Place) -> bool:
    """ "hundred", "dozen" alone: part of a phrase ("a hundred ways"), not a figure."""
    return p.bare and p.number.lower() in {"hundred", "dozen"}


# Applied in order; the first that matches says the place is not a figure.
RULES: tuple[tuple[str, Callable[[Place], bool]], ...] = (
    ("year", _year),
    ("formation", _formation),
    ("part-of-name", _part_of_name),
    ("reference", _reference),
    ("designation", _designation),
    ("attached", _attached),
    ("date", _date_after),
    ("time-window", _time_window),
    ("time-ago", _time_ago),
    ("age", _age),
    ("pronoun", _pronoun),
    ("calibre", _calibre),
    ("lone-multiplier", _lone_multiplier),
    ("letter-currency", _letter_currency),
)


def decoy_rule(text: str, match: re.Match[str]) -> str | None:
    """The name of the first rule that says this match is not a figure, or None."""
    start, end = match.start("num"), match.end("num")
    # A currency glued on ("Ksh3.9 trillion") is the figure's, not a designation's letters.
    ahead = match.start("cur") if match.group("cur") else start
    has_suffix_or_scale = bool(match.group("suffix") or match.group("scale"))
    plain = not (match.group("cur") or has_suffix_or_scale)
    place = Place(
        number=match.group("num"),
        before=text[max(0, ahead - 30) : ahead],
        after=text[end : end + 40],
        tail=text[match.end() : match.end() + 12],
        following=text[end : end + 30],
        bare=plain and not match.group("qual"),
        plain=plain,
        has_suffix_or_scale=has_suffix_or_scale,
        currency=(match.group("cur") or "").strip(),
        glued=bool(match.group("cur")) and match.end("cur") == start,
    )
    return next((name for name, rule in RULES if rule(place)), None)


def is_figure(text: str, match: re.Match[str]) -> bool:
    """False when a match of the figure grammar at this place in the text is not a figure."""
    return decoy_rule(text, match) is None
