"""What follows a number in a figure: a scale word, a currency, a sub-unit, percent or a unit.

"3.5 bln manat", "50 cents", "35%", "16.25 nanometers", "4 square kilometers". Physical units
come from pint's own registry (reference/units.py), with units.yaml for written forms pint does
not know and for forms read by assumption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from reconcile.core.errors import Finding
from reconcile.core.patterns import trie_alternation as alternation
from reconcile.reference.currencies import load_currencies
from reconcile.reference.scales import load_percent_words
from reconcile.reference.unit_names_intl import unit_in_other_language
from reconcile.reference.units import read_pint_unit, unit_aliases

from .numbers import SCALE_WORDS
from .scales import long_scale_forms, scale_factor, scale_table


@dataclass(slots=True)
class Tail:
    """What was read after one number."""

    scale: str = ""
    currency: str = ""
    unit: str = ""
    factor: float = 1.0
    # Tuples, not lists: thousands of figures a second, and lists feed the garbage collector.
    findings: tuple[Finding, ...] = ()
    end: int = 0


_SINGLE_LETTER_SCALES = frozenset(s for s in SCALE_WORDS if len(s) == 1)


@dataclass(frozen=True, slots=True)
class _Patterns:
    scale: re.Pattern[str]
    subunit: re.Pattern[str]
    unit: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    currencies = load_currencies()
    plain, assumed = unit_aliases()
    return _Patterns(
        # A one-letter scale must not start a word or a code ("20 B-52", "1,000 K2"); a longer
        # one may end with an abbreviation's dot ("тыс.", "Mio.", "mld.").
        re.compile(
            rf"\s*(?:(?P<scale>{alternation(long_scale_forms(), flexible_space=True)})\.?(?!\w)"
            rf"|(?P<letter>{alternation(_SINGLE_LETTER_SCALES)})(?![\w-]))"
            # glued to its number, before a range's second end: "1.5m-2m", "$3bn-$4bn"
            rf"|(?P<glued>{alternation(_SINGLE_LETTER_SCALES)})(?=[-–](?:[€$£¥₹]|US\$)?\d)",
            re.IGNORECASE,
        ),
        re.compile(rf"\s*(?P<sub>{currencies.subunit_pattern()})", re.IGNORECASE),
        re.compile(
            rf"\s*(?P<unit>{alternation([*plain, *assumed], flexible_space=True)})(?![\w^²³/-])",
            re.IGNORECASE,
        ),
    )


# English, and the percent words of other languages news is read in: by hand the abbreviations
# CLDR does not give (Polish "proc."), and CLDR's words (reference/scales.py: "процентов",
# "відсотків", "százalék", "posto", "pour cent", "por ciento", "٪").
_ENGLISH_PERCENT = (
    r"%|percentage\s+points?\b|pp\b|ppts?\b|percent(?:age)?\b|per\s*cent\b|pct\b|"
    r"proc(?:ent(?:u|y|ów)?)?\b\.?|prozent\b|процент(?:а|ов)?\b|pour\s+cent\b|por\s+ciento\b"
)


@cache
def percent_pattern() -> str:
    """A regex alternation of what says percent after a number, in every language."""
    words = alternation(load_percent_words(), flexible_space=True)
    return rf"(?:{_ENGLISH_PERCENT}|(?:{words})(?!\w))"


@cache
def _percent_regex() -> tuple[re.Pattern[str], frozenset[str]]:
    """The percent pattern after optional space, and the first letters that can start it."""
    starts = {c for w in load_percent_words() for c in (w[0].lower(), w[0].upper())}
    return re.compile(rf"\s*{percent_pattern()}", re.IGNORECASE), frozenset("%pPпП") | starts


def read_tail(text: str, position: int, has_currency: bool) -> Tail:
    """Read scale, currency, sub-unit, percent or unit after the number at `position`."""
    # What follows a number does not depend on the number: " billion manat" and " troops" are
    # read once (the cache keeps parsing above 50,000 figures a second).
    scale, currency, unit, factor, findings, length = _read_rest(text[position:], has_currency)
    return Tail(scale, currency, unit, factor, findings, position + length)


@lru_cache(maxsize=16384)
def _read_rest(
    rest: str, has_currency: bool
) -> tuple[str, str, str, float, tuple[Finding, ...], int]:
    tail = _read_tail(rest, 0, has_currency)
    return tail.scale, tail.currency, tail.unit, tail.factor, tail.findings, tail.end


def _read_tail(text: str, position: int, has_currency: bool) -> Tail:
    tail = Tail(end=position)
    if position >= len(text):
        return tail
    patterns = _patterns()
    scale = patterns.scale.match(text, position)
    if scale:
        written = scale.group("scale") or scale.group("letter") or scale.group("glued")
        _set_scale(tail, written, scale.end())
        if tail.end >= len(text):
            return tail
    first = text[tail.end : tail.end + 2].lstrip()[:1]
    percent_re, percent_starts = _percent_regex()
    percent = percent_re.match(text, tail.end) if first in percent_starts else None
    if percent:
        tail.unit, tail.end = "percent", percent.end()
        return tail
    scaled = _SCALED_CODE_RE.match(text, tail.end) if first in "mMkK" and not tail.scale else None
    if scaled and scaled.group("code").upper() in load_currencies().codes:
        # "120 meur", "twenty musd": finance shorthand for millions (and thousands) of a currency
        tail.scale, tail.currency = scaled.group("scale").lower(), scaled.group("code")
        tail.end = scaled.end()
        return tail
    currency = _currency_after(text, tail)
    if currency:
        tail.currency, tail.end = currency
        if not tail.scale:  # "75 usd million"
            scale = patterns.scale.match(text, tail.end)
            if scale and scale.group("scale"):
                _set_scale(tail, scale.group("scale"), scale.end())
        _read_rate_unit(text, tail)
        return tail
    if has_currency or tail.currency:
        _read_rate_unit(text, tail)
        return tail
    if _read_glued_sign(text, tail, position):
        return tail
    subunit = patterns.subunit.match(text, tail.end) if first.isalpha() else None
    if subunit:
        _read_subunit(subunit.group("sub").lower(), tail)
        tail.end = subunit.end()
        return tail
    of = _OF_RE.match(text, tail.end) if tail.scale else None
    if of:  # "5 millions de tonnes"; "5 millones de personas": the counted noun
        named = unit_in_other_language(text, of.end())
        if named is not None:
            tail.unit, tail.end = named
        return tail
    _read_unit(text, tail, patterns)
    return tail


def _set_scale(tail: Tail, written: str, end: int) -> None:
    tail.scale = " ".join(written.lower().split()).rstrip(".")
    tail.end = end
    doubt = scale_table()[tail.scale].doubt
    if doubt is not None:
        tail.findings += (doubt,)


# "2 millones de dólares", "2,5 milliards d'euros", "3 miliardi di euro": a preposition between
# a scale word and the currency in Romance languages.
_OF_RE = re.compile(r"\s*(?:d['’]|de\s+|di\s+)", re.IGNORECASE)


def _currency_after(text: str, tail: Tail) -> tuple[str, int] | None:
    return currency_after(text, tail.end, scaled=bool(tail.scale))


def currency_after(text: str, position: int, *, scaled: bool) -> tuple[str, int] | None:
    """The currency written at `position` as (token, end), after "de"/"d'" when `scaled`."""
    currencies = load_currencies()
    currency = currencies.suffix_at(text, position)
    if currency is None and scaled:
        of = _OF_RE.match(text, position)
        currency = currencies.suffix_at(text, of.end()) if of else None
    if currency and currency[0].lower() not in scale_table():
        return currency
    return None


_SCALED_CODE_RE = re.compile(r"\s*(?P<scale>[mk])(?P<code>[A-Za-z]{3})\b", re.IGNORECASE)
_PERIODS = frozenset({"year", "month", "week", "day", "quarter"})
_RATE_RE = re.compile(r"\s*(?:/\s*|per\s+)", re.IGNORECASE)


def _read_rate_unit(text: str, tail: Tail) -> None:
    """ "$15.4/hour", "$350 per kg": money per a physical unit."""
    rate = _RATE_RE.match(text, tail.end)
    if not rate:
        return
    found = read_pint_unit(text[rate.end() : rate.end() + 40], at_end=False)
    # "$7 million per year" is an amount for a period (the claim's), not a rate.
    if found is not None and found[0] not in _PERIODS:
        tail.unit = found[0]
        tail.end = rate.end() + found[1]


# A letter glued to its number that news writes for a unit: "50p" (pence), "40C" and "104F"
# (degrees: pint would read a coulomb and a farad), and the signs "99¢" and "3‰" (per mille).
_GLUED_SIGN_RE = re.compile(r"(?:(?P<letter>[pCF])|\s?(?P<sign>[¢‰]))(?![\w°])")


def _read_glued_sign(text: str, tail: Tail, position: int) -> bool:
    glued = _GLUED_SIGN_RE.match(text, tail.end) if tail.end == position or tail.scale else None
    if glued is None or (glued.group("letter") and tail.scale):
        return False
    sign = glued.group("letter") or glued.group("sign")
    tail.end = glued.end()
    if sign in "p¢":
        _read_subunit("pence" if sign == "p" else "cents", tail)
    elif sign == "‰":
        tail.unit, tail.factor = "percent", 0.1
    else:
        tail.unit = "degree_Celsius" if sign == "C" else "degree_Fahrenheit"
        tail.findings += (
            Finding(
                "ambiguous-unit",
                f"a '{sign}' glued to the number read as degrees "
                f"{'Celsius' if sign == 'C' else 'Fahrenheit'}; write '°{sign}' if it is",
                level="warning",
            ),
        )
    return True


def _read_subunit(name: str, tail: Tail) -> None:
    subunit = load_currencies().subunits[name]
    tail.factor = subunit.factor
    if subunit.code is None:
        tail.currency = "$"
        tail.findings += (
            Finding(
                "assumed-currency",
                f"'{name}' without a currency read as hundredths of the dollar currency; "
                "write the currency (e.g. 'US$0.50', 'EUR 0.50')",
                level="warning",
            ),
        )
    else:
        tail.currency = subunit.code


def _read_unit(text: str, tail: Tail, patterns: _Patterns) -> None:
    plain, assumed = unit_aliases()
    alias = patterns.unit.match(text, tail.end)
    if alias:
        written = " ".join(alias.group("unit").lower().split())
        tail.end = alias.end()
        if written in assumed:
            tail.unit, message = assumed[written]
            tail.findings += (Finding("ambiguous-unit", message),)
        else:
            tail.unit = plain[written]
        return
    found = read_pint_unit(text[tail.end : tail.end + 40], at_end=_rest_is_short(text, tail.end))
    if found is not None:
        tail.unit, length, note = found
        tail.end += length
        if note:
            tail.findings += (Finding("ambiguous-unit", note),)
        return
    named = (
        unit_in_other_language(text, tail.end) if text[tail.end : tail.end + 1].isspace() else None
    )
    if named is not None:  # "10 тыс. т", "5 Tonnen", "300 гектаров"
        tail.unit, tail.end = named


def _rest_is_short(text: str, position: int) -> bool:
    return len(text[position:].split()) <= 1


__all__ = ["Tail", "currency_after", "percent_pattern", "read_tail", "scale_factor"]
