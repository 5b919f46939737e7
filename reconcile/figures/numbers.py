"""Read a written number: separators, decimal commas, number words, and its precision."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

# A digit run with optional grouping (comma, dot, space, thin space, apostrophe) and decimals,
# or a fraction ("3/4", "2 1/4"), with an optional sign, exponent ("1e10", "6.23x10^-4") or
# power ("2.5^-1").
_DIGITS = r"(?:\d+(?:[,.'\u00a0\u202f ]\d+)*|\.\d+)"
NUMBER_PATTERN = (
    r"-?(?:\d+\s+\d+/\d+|\d+/\d+|"
    + _DIGITS
    + r"(?:[eE][-+]?\d+(?![a-z])|\s?[x×]\s?10\^-?\d+|\^-?\d+)?)"
)
# The same in running text, where a space or a second dot ends the number: "1,473,000", "2.46",
# "22,7"; "in 2009 150 tanks" is two numbers.
# Groups of three split by a no-break or thin space ("1 234,5"), or by a plain space before a
# decimal comma ("265 567,6"); U+2024 (one dot leader) is written for a decimal point.
TEXT_NUMBER_PATTERN = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?: \d{3})+,\d+|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:[.,\u2024]\d+)?"
)

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    # Abbreviations and transliterations in English-language news: "bln" and "mln" (Russian
    # and Ukrainian agencies), "mld"/"mlrd" (Polish "miliard", Russian "milliard": 10^9),
    # "trln"/"tln" (trillion), "mil"; the Indian lakh (10^5) and crore (10^7).
    "bln": 1e9,
    "mld": 1e9,
    "mlrd": 1e9,
    "mil": 1e6,
    "trln": 1e12,
    "tln": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    # A dozen as a multiplier: "3 dozen", "3 dzs" (number words are read in words.py).
    "dozen": 12.0,
    "dozens": 12.0,
    "doz": 12.0,
    "dz": 12.0,
    "dzs": 12.0,
}

_UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
# Words that start a run of number words; scale words alone ("2.46 billion") do not.
WORD_NUMBERS = frozenset(w for w in _UNITS if w not in {"a", "an"}) | {"hundred"}
# A run of number words in running text; "thousand", "million" and "billion" after it are read
# as scale words ("one million tons").
TEXT_WORD_NUMBERS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + "|a dozen"
# A part of a scale word in running text: "half a million", "a quarter of a million", "three
# quarters of a billion", "two thirds of a million", "a quarter million" (valued in words.py).
FRACTION_WORDS = ("half", "quarter", "third", "fifth", "sixth", "eighth", "tenth")
_FRACTION_LEAD = r"(?:an?|one|two|three|four|five|six|seven|eight|nine)"
TEXT_FRACTION_OF_SCALE = (
    rf"(?:(?:{_FRACTION_LEAD}|\d+)[\s-]+and[\s-]+an?[\s-]+(?:half|quarter)[\s-]+"
    rf"|(?:{_FRACTION_LEAD}[\s-]+)?(?:{'|'.join(FRACTION_WORDS)})s?\s+(?:of\s+)?(?:an?\s+)?"
    r"|\d+/\d+\s+of\s+(?:an?\s+)?)"  # "1/4 of a million"
    r"(?:thousand|million|billion|trillion)(?![\w-])"
)

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}


class Number(NamedTuple):
    """A number as written: its value, the size of its last written digit, and any doubt."""

    # A named tuple, not a frozen dataclass: it is built for every figure, and a frozen
    # dataclass's __init__ costs a microsecond.

    value: float
    step: float
    ambiguous: str | None = None


_GROUP_SPLIT_RE = re.compile(r"[,. ]")


def _step_of_integer(digits: str) -> float:
    """Size of the last significant digit of an integer: trailing zeros are not significant."""
    stripped = digits.rstrip("0")
    if not stripped:
        return 1.0
    return float(10 ** (len(digits) - len(stripped)))


_EXPONENT_RE = re.compile(r"^(.+?)(?:[eE]([-+]?\d+)|\s?[x×]\s?10\^(-?\d+)|\^(-?\d+))$")
_INDIAN_RE = re.compile(r"^\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?$")


@lru_cache(maxsize=16384)
def read_number(
    token: str, *, followed_by_scale: bool = False, indian: bool = False, dot: str = "decimal"
) -> Number:
    """Read a written number: sign, fraction, exponent, then the digits (see read_digits).

    With `indian`, "4,78,195.62" is Indian grouping (4 lakh 78 thousand ...); without it such
    separators are ambiguous. `dot`: what a dot before three digits is before the scale word
    that follows (figures/scales.dot_of).
    """
    if token.startswith("-"):
        number = read_number(token[1:], followed_by_scale=followed_by_scale, indian=indian, dot=dot)
        return Number(-number.value, number.step, number.ambiguous)
    if "/" in token:
        return _read_fraction(token)
    if "e" in token or "E" in token or "^" in token:
        exponent = _EXPONENT_RE.match(token)
        if exponent:
            base = read_number(exponent.group(1))
            power = int(next(g for g in exponent.groups()[1:] if g is not None))
            try:
                if "^" in token and "10^" not in token:
                    if base.value == 0 and power < 0:
                        raise ValueError(f"zero to a negative power: {token!r}")
                    return Number(base.value**power, 0.0)
                return Number(base.value * 10.0**power, base.step * 10.0**power)
            except OverflowError as error:  # no figure is beyond a float's range
                raise ValueError(f"number too large: {token!r}") from error
    if token.startswith("."):
        token = "0" + token
    if indian and _INDIAN_RE.match(token):
        whole, _, decimals = token.replace(",", "").partition(".")
        step = 10.0 ** -len(decimals) if decimals else _step_of_integer(whole)
        return Number(float(token.replace(",", "")), step)
    return read_digits(token, followed_by_scale=followed_by_scale, dot=dot)


def _read_fraction(token: str) -> Number:
    """ "3/4", "2 1/4": an exact value (the step is zero)."""
    whole, _, fraction = token.strip().rpartition(" ")
    numerator, _, denominator = fraction.partition("/")
    if int(denominator) == 0:
        raise ValueError(f"a fraction with a zero denominator: {token!r}")
    value = int(numerator) / int(denominator)
    return Number((int(whole) if whole.strip() else 0) + value, 0.0)


def read_digits(token: str, *, followed_by_scale: bool = False, dot: str = "decimal") -> Number:
    """Read a digit token, deciding decimal comma vs thousands separator from context.

    "22,7" is 22.7 (one comma, not three digits after it); "1,473" is 1473; "7,126.3" is 7126.3;
    "1.473.000" is 1473000. "1,473 billion" is read as 1473 but flagged: in many languages the
    comma is the decimal mark, and with a scale word both readings are plausible.
    """
    if token.isdigit():
        return Number(float(token), _step_of_integer(token))
    head, point, tail = token.partition(".")
    if point and head.isdigit() and tail.isdigit() and not (len(tail) == 3 and followed_by_scale):
        if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
            return _dot_before_three_digits(head, tail)  # and no scale word
        return Number(float(token), 10.0 ** -len(tail))
    if "," in token and token.replace(",", "").isdigit():
        return _read_commas(token, followed_by_scale)
    token = token.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    separators = [c for c in token if c in ",. "]
    ambiguous: str | None = None
    if not separators:
        return Number(float(token), _step_of_integer(token))
    kinds = set(separators)
    groups = _GROUP_SPLIT_RE.split(token)
    if len(kinds) > 1:
        # Both kinds: the last separator is the decimal mark ("7,126.3", "7.126,3").
        last = separators[-1]
        integer_part = "".join(groups[:-1])
        decimals = groups[-1]
        if last == " ":
            return Number(float("".join(groups)), _step_of_integer("".join(groups)))
        return Number(float(f"{integer_part}.{decimals}"), 10.0 ** -len(decimals))
    mark = separators[0]
    tail_groups = groups[1:]
    all_three = all(len(g) == 3 for g in tail_groups) and 1 <= len(groups[0]) <= 3
    if mark == " ":
        if not all_three:
            raise ValueError(f"digits separated by spaces in an unusual way: {token!r}")
        digits = "".join(groups)
        return Number(float(digits), _step_of_integer(digits))
    if len(separators) > 1:
        if not all_three:
            raise ValueError(f"separators in an unusual place: {token!r}")
        digits = "".join(groups)  # "1,473,000" or "1.473.000"
        return Number(float(digits), _step_of_integer(digits))
    # One separator.
    if all_three and groups[0] != "0":
        if mark == "." and dot != "thousands":  # before a scale word (else read above)
            # "1.473 billion": a decimal point in English; "45.000 millones": Spanish thousands
            doubt = None if dot == "decimal" else _DOT_DOUBT.format(*groups)
            return Number(float(token), 0.001, doubt)
        if mark == "," and followed_by_scale:
            ambiguous = (
                f"'{token}' before a scale word could be {groups[0]}.{groups[1]} "
                f"(decimal comma) or {groups[0]}{groups[1]} (thousands); read as thousands"
            )
        digits = "".join(groups)
        return Number(float(digits), _step_of_integer(digits), ambiguous)
    decimals = tail_groups[0]
    return Number(float(f"{groups[0]}.{decimals}"), 10.0 ** -len(decimals))


_DOT_DOUBT = (
    "'{0}.{1}' could be {0}.{1} (decimal point) or {0}{1} (a thousands dot) before a scale word "
    "whose languages write either; read as {0}.{1}"
)


def _dot_before_three_digits(head: str, tail: str) -> Number:
    """ "50.250" with no scale word: 50.25 with a decimal point, 50250 with the thousands dot of
    German, Spanish, Turkish, ... texts; flagged either way. Three zero decimals ("50.000")
    state a precision no figure in prose has: the thousands are read."""
    thousands = f"{int(head + tail):,}"
    if tail == "000":
        read, step = float(head + tail), _step_of_integer(head + tail)
    else:
        read, step = float(f"{head}.{tail}"), 0.001
    return Number(
        read,
        step,
        f"'{head}.{tail}' could be {head}.{tail} (decimal point) or {thousands} (a thousands "
        f"dot); read as {thousands if tail == '000' else f'{head}.{tail}'}",
    )


def _read_commas(token: str, followed_by_scale: bool) -> Number:
    """The common case of read_number: digits and commas only, by the same rules."""
    groups = token.split(",")
    all_three = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if len(groups) > 2 and not all_three:
        raise ValueError(f"separators in an unusual place: {token!r}")
    if len(groups) > 2 or (all_three and groups[0] != "0"):
        digits = "".join(groups)
        ambiguous = None
        if len(groups) == 2 and followed_by_scale:
            ambiguous = (
                f"'{token}' before a scale word could be {groups[0]}.{groups[1]} "
                f"(decimal comma) or {groups[0]}{groups[1]} (thousands); read as thousands"
            )
        return Number(float(digits), _step_of_integer(digits), ambiguous)
    return Number(float(f"{groups[0]}.{groups[1]}"), 10.0 ** -len(groups[1]))


def format_number(value: float) -> str:
    """Format a number compactly for messages (no float noise)."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def format_numbers(values: Iterable[float]) -> list[str]:
    """format_number of each of many numbers, in one comprehension (no call per number)."""
    return [f"{int(v):,}" if v == int(v) and abs(v) < 1e15 else f"{v:,.6g}" for v in values]


def format_amount(value: float | None) -> str:
    """A number with a scale word for big values (1.473 bn, 126 k) and inf as ∞."""
    if value is None:
        return "∞"
    magnitude = abs(value)
    for threshold, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if magnitude >= threshold:
            return f"{value / threshold:,.4g} {word}"
    if magnitude >= 1e4:
        return f"{value:,.0f}"
    return format_number(round(value, 4))
