"""Read a written number: separators, decimal commas, number words, and its precision."""

from __future__ import annotations

import re
from typing import NamedTuple

# A digit run with optional grouping (comma, dot, space, thin space, apostrophe) and decimals.
NUMBER_PATTERN = r"\d+(?:[,.'\u00a0\u202f ]\d+)*"
# The same in running text, where a space or a second dot ends the number: "1,473,000", "2.46",
# "22,7"; "in 2009 150 tanks" is two numbers.
TEXT_NUMBER_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"

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
_CARDINAL_WORDS = sorted(
    [w for w in _UNITS if w not in {"a", "an"}] + list(_MULTIPLIERS), key=len, reverse=True
)
_WORD = "|".join(_CARDINAL_WORDS)
# A run of number words: "one million", "twenty-five", "two hundred and ten", "a dozen".
WORD_NUMBER_RE = re.compile(
    rf"\b(?:(?:a|an)\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?"
    rf"(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b",
    re.IGNORECASE,
)

# Words that start a run of number words; scale words alone ("2.46 billion") do not.
WORD_NUMBERS = frozenset(w for w in _UNITS if w not in {"a", "an"}) | {"hundred"}
# A run of number words in running text; "thousand", "million" and "billion" after it are read
# as scale words ("one million tons").
TEXT_WORD_NUMBERS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + "|a dozen"

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


def word_number_value(words: str) -> int | None:
    """Return the value of a run of number words ("two hundred and ten" -> 210)."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in {"and", ""}:
            continue
        if word in {"a", "an"}:
            current += 1
            seen = True
        elif word in _UNITS:
            if word == "dozen":
                current = (current or 1) * 12
            else:
                current += _UNITS[word]
            seen = True
        elif word in _MULTIPLIERS:
            multiplier = _MULTIPLIERS[word]
            if multiplier == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * multiplier
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_GROUP_SPLIT_RE = re.compile(r"[,. ]")


def _step_of_integer(digits: str) -> float:
    """Size of the last significant digit of an integer: trailing zeros are not significant."""
    stripped = digits.rstrip("0")
    if not stripped:
        return 1.0
    return float(10 ** (len(digits) - len(stripped)))


def read_number(token: str, *, followed_by_scale: bool = False) -> Number:
    """Read a digit token, deciding decimal comma vs thousands separator from context.

    "22,7" is 22.7 (one comma, not three digits after it); "1,473" is 1473; "7,126.3" is 7126.3;
    "1.473.000" is 1473000. "1,473 billion" is read as 1473 but flagged: in many languages the
    comma is the decimal mark, and with a scale word both readings are plausible.
    """
    if token.isdigit():
        return Number(float(token), _step_of_integer(token))
    head, dot, tail = token.partition(".")
    if dot and head.isdigit() and tail.isdigit() and not (len(tail) == 3 and followed_by_scale):
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
        if mark == "." and not followed_by_scale:
            # "1.473" with no scale word: a decimal point in English text.
            return Number(float(token), 0.001)
        if mark == "," and followed_by_scale:
            ambiguous = (
                f"'{token}' before a scale word could be {groups[0]}.{groups[1]} "
                f"(decimal comma) or {groups[0]}{groups[1]} (thousands); read as thousands"
            )
        if mark == ".":
            # "1.473 billion" is a decimal point in English figures.
            return Number(float(token), 0.001)
        digits = "".join(groups)
        return Number(float(digits), _step_of_integer(digits), ambiguous)
    decimals = tail_groups[0]
    return Number(float(f"{groups[0]}.{decimals}"), 10.0 ** -len(decimals))


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


# Run on lower-cased text: case-sensitive alternations are several times faster.
_SCALES = frozenset({"thousand", "million", "billion"})


def replace_number_words(text: str, words: frozenset[str]) -> str:
    """Write runs of number words as digits ("two hundred tanks" -> "200 tanks").

    `words` is the set of lower-case letter runs of the text; it tells cheaply whether there
    is anything to replace.
    """
    if WORD_NUMBERS.isdisjoint(words) and not (
        ("a" in words or "an" in words) and not _SCALES.isdisjoint(words)
    ):
        return text

    def substitute(match: re.Match[str]) -> str:
        words = match.group(0)
        if words.lower() in {"a", "an"} or words.split()[0].lower() in SCALE_WORDS:
            return words
        value = word_number_value(words)
        return words if value is None else str(value)

    return WORD_NUMBER_RE.sub(substitute, text)


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
