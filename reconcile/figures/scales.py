"""Scale words in every language the grammar reads: English's own, then CLDR's.

English's are SCALE_WORDS (numbers.py) and win on their own forms; the others come from CLDR
through reference/scales.py ("805 миллионов", "1,2 млрд", "3 Milliarden", "12 milyar"). A form
that languages read with different powers of ten is read one way with an `ambiguous-scale`
finding that says the others ("bln", "mil").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reconcile.core.errors import Finding
from reconcile.core.patterns import trie_alternation as alternation
from reconcile.reference.scales import (
    ScaleReading,
    describe_factor,
    describe_readings,
    load_scale_words,
    scale_form,
)

from .numbers import SCALE_WORDS

_ENGLISH = ("English",)


@dataclass(frozen=True, slots=True)
class Scale:
    """What a scale word multiplies by, and the doubt about it (None: no doubt)."""

    factor: float
    doubt: Finding | None = None
    # Read without a doubt, except in these territories' currencies ("bln" with a złoty).
    home_doubt: Finding | None = None
    contested: frozenset[str] = frozenset()
    # A dot before three digits: "decimal" (English's "1.473 billion"), "thousands" (Spanish's
    # "45.000 millones") or "" (the languages differ: read as decimal, flagged).
    dot: str = "decimal"


# Filled by scale_table(), for the two look-ups made for every figure (plain dictionaries: a
# cached function call each time costs a few percent of parsing).
_FACTORS: dict[str, float] = {}
_HOME_DOUBTED: set[str] = set()
_DOTS: dict[str, str] = {}


@cache
def scale_table() -> dict[str, Scale]:
    """Every scale form (lower case, no final dot) with its factor and doubt."""
    table = _build_table()
    _FACTORS.update((form, scale.factor) for form, scale in table.items())
    _HOME_DOUBTED.update(form for form, scale in table.items() if scale.home_doubt)
    _DOTS.update((form, scale.dot) for form, scale in table.items() if scale.dot != "decimal")
    return table


def _build_table() -> dict[str, Scale]:
    words = load_scale_words()
    table = {form: Scale(factor) for form, factor in SCALE_WORDS.items()}
    for form, readings in words.readings.items():
        english = SCALE_WORDS.get(form)
        if english is None:
            table[form] = Scale(readings[0].factor, _doubt(form, readings), dot=readings[0].dot)
            continue
        if all(r.factor == english for r in readings):
            continue
        same = [r for r in readings if r.factor == english]
        first = ScaleReading(
            english,
            (*_ENGLISH, *(x for r in same for x in r.languages)),
            ("en", *(x for r in same for x in r.locales)),
        )
        others = tuple(r for r in readings if r not in same)
        doubt = _doubt(form, (first, *others))
        if form not in words.english_prevails:
            table[form] = Scale(english, doubt)
        elif form in words.home_currency_doubt:
            contested = frozenset(t for r in others for t in r.territories)
            table[form] = Scale(english, None, doubt, contested)
    return table


def home_currency_doubt(scale: str, currency: str, written: str = "") -> Finding | None:
    """The doubt about an English scale word in the currency of a territory that reads it
    otherwise ("3,4 bln zł" is 10^12 zlotys in Polish), or written in a currency name of that
    territory's language ("13,5 bln rubli": Polish, where "bln" is 10^12)."""
    if scale not in _HOME_DOUBTED:
        return None
    found = scale_table()[scale]
    if currency[:2] in found.contested:
        return found.home_doubt
    from reconcile.reference.currencies import load_currencies
    from reconcile.reference.scales import locale_territories

    territories = locale_territories()
    locales = load_currencies().other.locales.get(written.lower().strip(), frozenset())
    named = any(territories.get(locale, frozenset()) & found.contested for locale in locales)
    return found.home_doubt if named else None


def _doubt(form: str, readings: tuple[ScaleReading, ...]) -> Finding | None:
    if len(readings) < 2:
        return None
    chosen = describe_factor(readings[0].factor)
    return Finding(
        "ambiguous-scale",
        f"'{form}' is {describe_readings(readings)}; read as {chosen}: write the scale word in "
        "full in the text's language (e.g. 'billion', 'trillion') or the figure in digits "
        "to say which",
        level="warning",
    )


def scale_of(written: str) -> Scale | None:
    """The scale a written word is, or None ("Mio." and "mio" are one)."""
    return scale_table().get(scale_form(written))


def scale_factor(scale: str) -> float:
    """The factor of a scale word ("" is 1)."""
    if not scale:
        return 1.0
    if not _FACTORS:
        scale_table()
    return _FACTORS.get(scale, 1.0)


def dot_of(scale: str) -> str:
    """What a dot before three digits is before this scale word (see Scale.dot)."""
    if not _FACTORS:
        scale_table()
    return _DOTS.get(scale, "decimal")


def long_scale_forms() -> list[str]:
    """The scale forms of more than one letter, for regex alternations."""
    return [form for form in scale_table() if len(form) > 1]


def is_scale_word(word: str) -> bool:
    """Whether a word is a scale word of more than one letter ("trillion", "млрд")."""
    form = scale_form(word)
    return len(form) > 1 and form in scale_table()


@cache
def _scale_like_regex() -> re.Pattern[str]:
    # An inflection CLDR does not list ("миллионами", "milionach") starts with a form it does.
    # A dropped short form ("Mr", "md") only as a whole word.
    words = load_scale_words()
    stems = [form for form in scale_table() if len(form) >= 4 and " " not in form]
    stems += words.scale_like_stems
    dropped = [form for form in words.dropped if len(form) > 1]
    return re.compile(
        rf"(?!{alternation(words.scale_like_exceptions)})"
        rf"(?:(?:{alternation(stems)})[\w.]*|(?:{alternation(dropped)})\.?(?!\w))",
        re.IGNORECASE,
    )


def unread_scale(rest: str) -> Finding | None:
    """An `unread-words` finding when the words after a figure start with what looks like a
    scale word the grammar could not read ("5 Mr TL", "3 миллионами"); None otherwise."""
    match = _scale_like_regex().match(rest)
    if not match:
        return None
    word = match.group(0)
    if scale_form(word) in scale_table():
        return None  # a scale word the grammar knows, repeated or misplaced: said elsewhere
    dropped = load_scale_words().dropped.get(scale_form(word))
    meaning = f" (it is {describe_readings(dropped)})" if dropped else ""
    return Finding(
        "unread-words",
        f"'{word}' after the number looks like a scale word the grammar does not read{meaning}; "
        "the figure was read without it: write the scale word in full or the figure in digits",
    )
