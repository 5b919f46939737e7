"""Spelled-out numbers, written as digits: "two thirds" -> "2/3", "minus five point five" -> "-5.5".

A hand-written reader, not text2num: text2num 3.1 reads whole-number runs only and rejects "a
hundred and two", "five point five", fractions ("two thirds", "one and a half") and "dozen", and
it does not say which words it used, which the grammar needs to report the words it did not.
"""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import pairwise

from .numbers import ORDINAL_WORDS

_UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FOLD_WORDS = frozenset({*_UNITS, *_TENS, "hundred", "thousand"})
_PAIR_WORDS = frozenset({"couple", "pair"})  # "a couple of hundred": two
# Denominators: "fifths", "a hundredth", "three quarters". "first" and "second" only after a
# tens word ("twenty-first"): alone they are ranks and a unit of time.
_DENOMINATORS = {
    **{w: n for w, n in ORDINAL_WORDS.items() if n > 2},
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
    "half": 2, "halves": 2, "quarter": 4,
}  # fmt: skip
_COMPOUND_ORDINALS = {"first": 1, "second": 2, **{w: n for w, n in ORDINAL_WORDS.items() if n < 10}}
_WORDS = {*_UNITS, *_TENS, *_SCALES, "hundred", "dozen", "dozens", "a", "an", "and", "point"}
_WORDS |= {*_DENOMINATORS, *(f"{d}s" for d in _DENOMINATORS), "firsts", "seconds", "first"}
_WORDS |= {"minus", "negative", "over", "of", "second"}
# A run of words that may be a number; checked and valued by read_number_words.
_RUN_RE = re.compile(
    r"(?<![\w./])(?:(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r"|\d+(?:\.\d+)?)"
    r"(?:\s*-\s*|\s+|$))+",
    re.IGNORECASE,
)
_HINTS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred", "dozen", "dozens", "half", "quarter"}
_HINTS |= {"quarters", "thirds", "minus", "negative", "over"} | {f"{d}s" for d in _DENOMINATORS}
_HINTS |= frozenset(_DENOMINATORS)
_ARTICLES = frozenset({"a", "an"})
# Words that name a number: in what follows a figure they mean the grammar missed something.
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"hundred", "dozen"}


def replace_number_words(text: str, words: frozenset[str], notes: list[str] | None = None) -> str:
    """Write runs of number words as digits ("two hundred tanks" -> "200 tanks").

    `words` is the set of the text's lower-case letter runs: a cheap test for anything to do.
    Readings that could group the words another way are described in `notes`.
    """
    if not _PAIR_WORDS.isdisjoint(words) or any(w.endswith("fold") for w in words):
        text = _COUPLE_RE.sub("2", _FOLD_RE.sub(_fold, text))
        words = frozenset(re.findall(r"[a-z]+", text.lower()))
    nothing = _HINTS.isdisjoint(words) and (
        (_ARTICLES.isdisjoint(words) and len(words & _SCALES.keys()) < 2)
        or words.isdisjoint(_SCALES)
    )
    if nothing and "hundred" not in text.lower():
        return text
    found: list[str] = [] if notes is None else notes
    if "/" in text:  # "1/4 of a million", "3/4 of a billion": that part of the scale
        text = _FRACTION_OF_RE.sub(_fraction_of, text)
    return _RUN_RE.sub(lambda match: _substitute(match, found), text)


# "tenfold", "a hundredfold", "twenty-fivefold": the multiple, as "10-fold" is read.
_FOLD_RE = re.compile(r"(?<![\w-])(?P<number>[a-z]+(?:-[a-z]+)?)fold\b", re.IGNORECASE)
# "a couple of hundred", "a pair of": two.
_COUPLE_RE = re.compile(r"(?<![\w-])an?\s+(?:couple|pair)(?:\s+of)?(?![\w-])", re.IGNORECASE)


def _fold(match: re.Match[str]) -> str:
    number = match.group("number")
    if all(part.lower() in _FOLD_WORDS for part in number.split("-")):
        return f"{number} fold"
    return match.group(0)


_FRACTION_OF_RE = re.compile(
    r"(?<![\w./])(?P<top>\d+)\s*/\s*(?P<bottom>\d+)\s+of\s+(?:an?\s+)?"
    r"(?P<scale>" + "|".join(_SCALES) + r")\b",
    re.IGNORECASE,
)


def _fraction_of(match: re.Match[str]) -> str:
    bottom = int(match.group("bottom"))
    if bottom == 0:
        return match.group(0)
    value = Fraction(int(match.group("top")), bottom) * _SCALES[match.group("scale").lower()]
    return _format(value, exact=value.denominator != 1)


def _substitute(match: re.Match[str], notes: list[str]) -> str:
    written = match.group(0)
    trailing = written[len(written.rstrip(" -")) :]
    trailing = " " if trailing.strip() else trailing
    tokens = [t.lower() for t in re.split(r"\s*-\s*|\s+", written.strip(" -")) if t]
    # Words at the ends that belong to the text around the number, not to it.
    start, end = 0, len(tokens)
    while start < end and tokens[start] in {"and", "of", "over", "point"}:
        start += 1
    while end > start and tokens[end - 1] in {"a", "an", "and", "of", "over", "minus", "point"}:
        end -= 1
    value = _read_split(tokens[start:end]) if end > start else None
    if value is None:
        return written
    if _regroupable(tokens[start:end]):
        written_words = " ".join(tokens[start:end])
        notes.append(
            f"'{written_words}' could also be grouped another way (as in 100/35 or 130/5); "
            f"read as {value}: write the fraction in digits"
        )
    before = match.string[max(0, match.start() - 30) : match.start()]
    if tokens[end - 1] in _SCALES and _RANGE_BEFORE_RE.search(before):
        value = _keep_scale(value, tokens[end - 1])
    head = " ".join(tokens[:start])
    tail = " ".join(tokens[end:])
    parts = [p for p in (head, value, tail) if p]
    return " ".join(parts) + trailing


_MULTIPLIERS = frozenset({"hundred", *_SCALES})
# A number without a scale word, then a range's "to", "and" or dash: "two to three million",
# "between 2 and 3 million". The second end keeps its scale word, which the grammar gives to
# the first end too (as "3000000" it would be the range 2 to 3,000,000).
_RANGE_BEFORE_RE = re.compile(
    r"(?<![\w.,])(?:\d+(?:\.\d+)?|"
    + "|".join(w for w in (*_UNITS, *_TENS, "hundred", "half") if w not in {"a", "an"})
    + r")\s*(?:to|and|-|–|—)\s*$",
    re.IGNORECASE,
)


def _keep_scale(digits: str, scale: str) -> str:
    """ "3000000" before "million" as "3 million"; digits it cannot shorten stay as they are."""
    try:
        short = Fraction(digits) / _SCALES[scale]
    except (ValueError, ZeroDivisionError):
        return digits  # "1 and 2", "2 1/3": not one plain number
    if (short * 1000).denominator != 1:
        return digits
    return f"{float(short):.3f}".rstrip("0").rstrip(".") + f" {scale}"


def _regroupable(tokens: list[str]) -> bool:
    """A fraction like "one hundred thirty fifths": a multiplier, more words, no "and"."""
    if not tokens or "and" in tokens or tokens[-1].rstrip("s") in {"half", "quarter", "halve"}:
        return False
    last = tokens[-1]
    if not (last in _DENOMINATORS or (last.endswith("s") and last[:-1] in _DENOMINATORS)):
        return False
    return any(t in _MULTIPLIERS for t in tokens[: len(tokens) - 2])


def _read_split(tokens: list[str]) -> str | None:
    """The run as one number, else as numbers joined by "and" ("-10 and 15")."""
    value = read_number_words(tokens)
    if value is not None or "and" not in tokens:
        return value
    at = tokens.index("and")
    left = read_number_words(tokens[:at]) or (tokens[at - 1] if at == 1 else None)
    right = _read_split(tokens[at + 1 :]) if at + 1 < len(tokens) else None
    if left is None or right is None:
        return None
    if tokens[-1] in _SCALES and _SCALES.keys().isdisjoint(tokens[:at]):
        right = _keep_scale(right, tokens[-1])  # "between two and three million"
    return f"{left} and {right}"


def read_number_words(tokens: list[str]) -> str | None:
    """The digits for a run of number words, or None when they are not one number."""
    if not tokens or all(t in {"a", "an", "of", "minus", "negative"} for t in tokens):
        return None
    if len(tokens) == 1 and (tokens[0].replace(".", "").isdigit() or tokens[0] == "dozens"):
        return None  # a bare number is the digit grammar's; "dozens" alone a vague magnitude
    sign = ""
    if tokens[0] in {"minus", "negative"}:
        sign, tokens = "-", tokens[1:]
        if len(tokens) == 1 and tokens[0].replace(".", "", 1).isdigit():
            return sign + tokens[0]
    if "over" in tokens:
        at = tokens.index("over")
        top, bottom = _cardinal(tokens[:at]), _cardinal(tokens[at + 1 :])
        if top is None or bottom is None or bottom == 0:
            return None
        return sign + _format(Fraction(top, bottom), exact=True)
    if "point" in tokens:
        return _decimal(tokens, sign)
    value = _value(tokens)
    if value is None:
        return None
    if not any(t[0].isalpha() and t not in {"a", "an", "and"} for t in tokens):
        return None
    if all(t.replace(".", "").isdigit() or t in _SCALES for t in tokens):
        return _scales_in_turn(tokens)  # "2.5 million" is the digit grammar's
    return sign + _format(value, exact=value.denominator != 1)


def _scales_in_turn(tokens: list[str]) -> str | None:
    """ "1 million 200 thousand" -> "1200 thousand": whole numbers before scale words that
    fall in turn, written in the last (smallest) scale, whose precision the figure has. Other
    runs of digits and scale words (one scale: "2.5 million") are left to the digit grammar."""
    scales = [_SCALES[t] for t in tokens if t in _SCALES]
    numbers = tokens[0::2]
    if len(scales) < 2 or tokens[1::2] != [t for t in tokens if t in _SCALES]:
        return None
    if len(numbers) != len(scales) or not all(n.isdigit() for n in numbers):
        return None
    if any(a <= b for a, b in pairwise(scales)):
        return None
    total = sum(int(n) * f for n, f in zip(numbers, scales, strict=True))
    if any(int(n) * f >= a for n, f, a in zip(numbers[1:], scales[1:], scales[:-1], strict=True)):
        return None  # "1 million 2000 thousand": not one number
    return f"{total // scales[-1]} {tokens[-1]}"


def _decimal(tokens: list[str], sign: str) -> str | None:
    """ "five point five" -> "5.5"; "one point five million" -> "1.5 million" (the digit
    grammar then reads the scale word and the precision)."""
    at = tokens.index("point")
    whole = _cardinal(tokens[:at]) if at else 0
    after = tokens[at + 1 :]
    scale = after.pop() if len(after) > 1 and after[-1] in _SCALES else ""
    digits = [_UNITS.get(t) for t in after]
    if whole is None or not digits or any(d is None or d > 9 for d in digits):
        return None
    return f"{sign}{whole}." + "".join(str(d) for d in digits) + (f" {scale}" if scale else "")


def _value(tokens: list[str]) -> Fraction | None:
    """A whole number, a fraction, or a mixed number ("one hundred and three quarters")."""
    if not tokens:  # "of" with nothing before it (found by fuzzing)
        return None
    if tokens[0] in {"a", "an"} and len(tokens) > 3 and tokens[2] == "of" and tokens[-1] in _SCALES:
        # "a quarter of a million", "a third of a billion": one part of the number after "of"
        total, parts = _cardinal(tokens[3:]), _DENOMINATORS.get(tokens[1])
        return None if total is None or parts is None else Fraction(total, parts)
    if tokens[0] in {"a", "an"} and len(tokens) > 2 and tokens[1] in {"half", "quarter"}:
        tokens = tokens[1:]  # "a quarter million"
    and_a = tokens[-4:-2] in (["and", "a"], ["and", "an"])
    if and_a and tokens[-1] in _SCALES and tokens[-2] in {"half", "quarter"}:
        lead = _value(tokens[:-4])  # "one and a half million"
        share = Fraction(1, _DENOMINATORS[tokens[-2]])
        return None if lead is None else (lead + share) * _SCALES[tokens[-1]]
    if tokens[-1] in {"half", "quarter"} and tokens[-3:-1] in (["and", "a"], ["and", "an"]):
        whole = _value(tokens[:-3])  # "one and a half", "two million and a half"
        if whole is None:
            return None
        return whole + Fraction(_last_scale(tokens[:-3]), _DENOMINATORS[tokens[-1]])
    if "of" in tokens:  # "half a million", "three quarters of a billion"
        at = tokens.index("of")
        part, scale = _value(tokens[:at]), _cardinal(tokens[at + 1 :])
        return None if part is None or scale is None else part * scale
    index = _denominator_index(tokens)
    if index is None:
        if len(tokens) >= 2 and tokens[0] in {"half", "quarter"}:  # "half a million"
            rest = _cardinal(tokens[2:] if tokens[1] in {"a", "an"} else tokens[1:])
            return None if rest is None else Fraction(rest, _DENOMINATORS[tokens[0]])
        number = _cardinal(tokens)
        return None if number is None else Fraction(number)
    return _fraction(tokens, index)


def _denominator_index(tokens: list[str]) -> int | None:
    last = tokens[-1]
    word = last[:-1] if last.endswith("s") and last[:-1] in _DENOMINATORS else last
    if word in {"first", "second", "firsts", "seconds"}:
        word = word.rstrip("s")
        compound = len(tokens) >= 3 and tokens[-2] in _TENS
        return len(tokens) - 1 if compound else None
    if word not in _DENOMINATORS:
        return None
    if len(tokens) == 1:  # "third" alone is a rank; "half" alone is a half
        return 0 if word == "half" else None
    return len(tokens) - 1


def _fraction(tokens: list[str], index: int) -> Fraction | None:
    last = tokens[index]
    word = last[:-1] if last.endswith("s") and last[:-1] in _DENOMINATORS else last
    word = word.rstrip("s") if word in {"firsts", "seconds"} else word
    denominator = _DENOMINATORS.get(word) or _COMPOUND_ORDINALS[word]
    numerator_tokens = tokens[:index]
    # "one hundred thirty fifths" is 100/35; "one hundred and thirty fifths" is 130/5.
    compound = len(numerator_tokens) >= 2 and numerator_tokens[-1] in _TENS
    if compound and numerator_tokens[-2] != "and" and denominator < 10:
        denominator += _TENS[numerator_tokens[-1]]
        numerator_tokens = numerator_tokens[:-1]
    if not numerator_tokens:
        numerator_tokens = ["one"]
    # "twenty and three fifths": a whole number and a proper fraction.
    if "and" in numerator_tokens:
        at = len(numerator_tokens) - 1 - numerator_tokens[::-1].index("and")
        whole, part = _cardinal(numerator_tokens[:at]), _cardinal(numerator_tokens[at + 1 :])
        if whole is not None and part is not None and part < denominator:
            # "six million and two thirds" is six and two thirds million.
            return whole + Fraction(part * _last_scale(numerator_tokens[:at]), denominator)
    numerator = _cardinal(numerator_tokens)
    return None if numerator is None else Fraction(numerator, denominator)


def _last_scale(tokens: list[str]) -> int:
    """The scale word a whole number ends with ("six million" -> 10^6), else 1."""
    return _SCALES.get(tokens[-1], 1) if tokens else 1


def _cardinal(tokens: list[str]) -> int | None:
    """A whole number from words (and digits next to them: "4 thousand 3 hundred and 21")."""
    total = current = 0
    since_hundred = 0  # the part of `current` after its last "hundred" ("three hundred and two")
    last = "start"  # what the previous word was: start, unit, tens, hundred, scale
    for token in tokens:
        if token == "and":
            continue
        if token in {"a", "an"}:
            if last != "start":
                return None
            current, since_hundred, last = 1, 1, "article"
        elif token.replace(".", "", 1).isdigit():
            number = float(token)
            if last not in {"start", "scale", "hundred"} or (last == "hundred" and number >= 100):
                return None
            current += number  # type: ignore[assignment]
            since_hundred += number  # type: ignore[assignment]
            last = "unit"
        elif token in _UNITS or token in _TENS:
            value = _UNITS.get(token, _TENS.get(token, 0))
            if last in {"unit", "article"} or (last == "tens" and (value >= 10 or current % 10)):
                return None
            current += value
            since_hundred += value
            last = "tens" if token in _TENS else "unit"
        elif token == "hundred":
            current, since_hundred, last = (current or 1) * 100, 0, "hundred"
        elif token in {"dozen", "dozens"}:
            dozens = since_hundred or (0 if current else 1)
            total += current - since_hundred + dozens * 12
            current, since_hundred, last = 0, 0, "scale"
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current, since_hundred, last = 0, 0, "scale"
        else:
            return None
    if last == "start":
        return None
    result = total + current
    return int(result) if result == int(result) else None


def _format(value: Fraction, *, exact: bool) -> str:
    """Digits for the grammar: "12", "2/3", "103 2/3" (fractions are read as exact)."""
    if value.denominator == 1:
        return str(value.numerator)
    whole, part = divmod(value.numerator, value.denominator)
    if whole and part:
        return f"{whole} {part}/{value.denominator}"
    return f"{value.numerator}/{value.denominator}"
