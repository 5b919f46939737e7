"""Parse a figure as people write it into an interval in the stated unit.

"nearly $5 billion" -> [4.5e9, 5.0e9] USD; "59th among 127 countries" -> rank 59 of 127;
"14-15" -> [14, 15]. Conversions to other units and currencies happen later (normalize.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .currencies import load_currencies
from .errors import Finding
from .numbers import (
    NUMBER_PATTERN,
    ORDINAL_WORDS,
    SCALE_WORDS,
    WORD_NUMBER_RE,
    read_number,
    word_number_value,
)
from .units import unit_aliases

DEFAULT_WIDEN = 0.10

# Qualifier words -> how they shape the interval. Sources for the readings: DESIGN.md
# ("about" widens by 10 percent by default; "nearly" gives [0.9x, x]; ...).
QUALIFIERS: dict[str, str] = {
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "approx.": "approximate",
    "approx": "approximate",
    "roughly": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "est.": "approximate",
    "circa": "approximate",
    "c.": "approximate",
    "ca.": "approximate",
    "~": "approximate",
    "≈": "approximate",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "more than": "more",
    "over": "more",
    "above": "more",
    "in excess of": "more",
    "exceeding": "more",
    "upwards of": "more",
    ">": "more",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "up to": "up-to",
    "as many as": "up-to",
    "as much as": "up-to",
    "at most": "up-to",
    "less than": "up-to",
    "fewer than": "up-to",
    "under": "up-to",
    "below": "up-to",
    "<": "up-to",
    "to the excess of": "more",
    "in the excess of": "more",
    "well over": "more",
    "between": "between",
    "only": "exact",
    "just": "exact",
    "exactly": "exact",
}

RANK_SUPERLATIVES = (
    r"largest|biggest|highest|strongest|greatest|most\s+\w+|top|best|worst|lowest|smallest"
)


@dataclass(slots=True)
class ParsedValue:
    """A figure read from text: the interval in the stated unit, and what was decided."""

    text: str
    ok: bool
    amount: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    rank_of: int | None = None
    percentile: float | None = None
    noun: str | None = None
    year_hint: int | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """money, rank, ratio, count or quantity, from the unit."""
        return kind_of_unit(self.unit)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (open interval ends become null)."""
        return {
            "text": self.text,
            "ok": self.ok,
            "amount": self.amount,
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "rank_of": self.rank_of,
            "percentile": self.percentile,
            "noun": self.noun,
            "findings": [f.to_dict() for f in self.findings],
        }


def _json_number(value: float | None) -> float | None:
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    return value


def kind_of_unit(unit: str | None) -> str:
    """The kind of figure a unit implies."""
    if unit is None:
        return "unknown"
    if unit == "rank":
        return "rank"
    if unit == "percent":
        return "ratio"
    if unit == "count":
        return "count"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return "quantity"


@dataclass(frozen=True, slots=True)
class _Grammar:
    figure: re.Pattern[str]
    rank: re.Pattern[str]
    ordinal_rank: re.Pattern[str]
    suffix_currency: re.Pattern[str]
    unit: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    currencies = load_currencies()
    qualifiers = "|".join(
        re.escape(q) + (r"\b" if q[-1].isalpha() else "")
        for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    qualifiers = qualifiers.replace(r"\ ", r"\s+")
    scales = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
    prefix = currencies.prefix_pattern()
    number = NUMBER_PATTERN
    figure = re.compile(
        rf"^(?P<qual>(?:{qualifiers})\s*)?"
        rf"(?P<cur1>{prefix})?\s*"
        rf"(?P<num1>{number})\s*(?P<scale1>(?:{scales})(?![a-z]))?\s*"
        rf"(?:(?:-|to|and)\s*(?P<cur2>{prefix})?\s*"
        rf"(?P<num2>{number})\s*(?P<scale2>(?:{scales})(?![a-z]))?)?"
        rf"(?P<rest>.*)$",
        re.IGNORECASE,
    )
    rank = re.compile(
        r"^(?:the\s+)?(?:(?:was\s+)?ranked\s+|ranks?\s+|placed\s+|no\.\s*)?"
        r"(?P<rank>\d+)\s*(?:st|nd|rd|th)\b(?P<middle>.*?)"
        r"(?:\b(?:among|of|out\s+of|from|in\s+a\s+field\s+of)\s+(?P<field>\d[\d,]*))?"
        r"(?P<rest>\D*)$",
        re.IGNORECASE,
    )
    ordinal_words = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    ordinal_rank = re.compile(
        rf"^(?:the\s+)?(?:ranked\s+)?(?P<word>{ordinal_words})"
        rf"(?:[\s-]+(?:{RANK_SUPERLATIVES}))?\b"
        r"(?:.*?\b(?:among|of|out\s+of)\s+(?P<field>\d[\d,]*))?(?P<rest>\D*)$",
        re.IGNORECASE,
    )
    suffix_currency = re.compile(rf"^(?P<cur>{currencies.suffix_pattern()})", re.IGNORECASE)
    plain, assumed = unit_aliases()
    unit_words = sorted(set(plain) | set(assumed), key=len, reverse=True)
    unit = re.compile(
        r"^(?P<unit>" + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in unit_words) + r")\b",
        re.IGNORECASE,
    )
    return _Grammar(figure, rank, ordinal_rank, suffix_currency, unit)


_CLEAN_RE = re.compile(r"&\s*nbsp;|[\u00a0\u2009\u202f]")
_DASH_RE = re.compile(r"\s*[\u2010-\u2015\u2212]\s*")
_PAREN_YEAR_RE = re.compile(r"\(\s*(?:in\s+)?((?:1[89]|20)\d\d)\s*\)")
_PERCENT_RE = re.compile(r"^(?:%|percent\b|per\s+cent\b|pct\b|per\s*cent\b)", re.IGNORECASE)


_SPACES_RE = re.compile(r"\s+")
# Words that can start a run of number words; scale words alone ("2.46 billion") do not.
_NUMBER_WORDS = frozenset(
    w
    for w in WORD_NUMBER_RE.pattern.replace("(", "|").replace(")", "|").split("|")
    if w.isalpha() and w not in {"a", "an", "thousand", "million", "billion"}
)
_NUMBER_WORD_HINT_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS)) + r"|an?\s+(?:thousand|million|billion))\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
_NEEDS_CLEANING_RE = re.compile(r"&|\s\s|[\u00a0\u2009\u202f\u2010-\u2015\u2212\t\n\r]")


def clean_text(text: str) -> str:
    """Undo mangled markup and typographic variants that do not change the figure."""
    if not _NEEDS_CLEANING_RE.search(text):
        return text.strip()
    text = _CLEAN_RE.sub(" ", text)
    text = _DASH_RE.sub("-", text)
    return _SPACES_RE.sub(" ", text).strip()


def _replace_number_words(text: str) -> str:
    if not _NUMBER_WORD_HINT_RE.search(text):
        return text

    def substitute(match: re.Match[str]) -> str:
        words = match.group(0)
        if words.lower() in {"a", "an"} or words.split()[0].lower() in SCALE_WORDS:
            return words
        value = word_number_value(words)
        return words if value is None else str(value)

    return WORD_NUMBER_RE.sub(substitute, text)


def parse_value(
    text: str, *, year: int | None = None, dollar: str = "USD", widen: float = DEFAULT_WIDEN
) -> ParsedValue:
    """Parse one figure as written; never raises for bad text (ok is False, with a finding)."""
    cleaned = clean_text(text)
    result = ParsedValue(text=text, ok=False)
    if not cleaned:
        result.findings.append(Finding("unparseable", "empty text: nothing to parse"))
        return result
    year_match = _PAREN_YEAR_RE.search(cleaned) if "(" in cleaned else None
    if year_match:
        result.year_hint = int(year_match.group(1))
        cleaned = (cleaned[: year_match.start()] + cleaned[year_match.end() :]).strip()
    grammar = _grammar()
    if _RANK_HINT_RE.search(cleaned) and _parse_rank(cleaned, grammar, result):
        return result
    words_replaced = _replace_number_words(cleaned)
    filler = _FILLER_RE.match(words_replaced)
    if filler:
        words_replaced = words_replaced[filler.end() :]
    if _parse_top_rank(words_replaced, result):
        return result
    match = grammar.figure.match(words_replaced)
    if not match:
        if _parse_vague(cleaned, result):
            return result
        if _parse_article(cleaned, result):
            return result
        result.findings.append(
            Finding(
                "unparseable",
                f"no number found in {text!r}: write the figure with digits or number words",
            )
        )
        return result
    _parse_figure(match, year, dollar, widen, grammar, result)
    return result


# Words before a figure that do not change it ("a total of 150", "an additional 162").
_FILLER_RE = re.compile(
    r"^(?:a\s+total\s+of|an\s+additional|a\s+further|another|additional|further|the)\s+"
    r"(?=[^\s]*\d)",
    re.IGNORECASE,
)

# Vague magnitudes, read as the smallest and largest numbers the words allow: "thousands" is at
# least two thousand and less than ten thousand; "in the low thousands" is 1,000-3,999.
VAGUE_MAGNITUDES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 999_999_999),
    "in the low hundreds": (100, 399),
    "in the low thousands": (1_000, 3_999),
    "in the high hundreds": (700, 999),
    "in the high thousands": (7_000, 9_999),
}
_VAGUE_RE = re.compile(
    r"^(?P<words>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(VAGUE_MAGNITUDES, key=len, reverse=True)
    )
    + r")\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_ARTICLE_RE = re.compile(r"^(?:a|an|a\s+single|one\s+single)\s+(?P<rest>[^\d]+)$", re.IGNORECASE)
# Cheap test before the rank grammar: an ordinal suffix, an ordinal word or a superlative.
_RANK_HINT_RE = re.compile(
    r"\d\s*(?:st|nd|rd|th)\b|\b(?:"
    + "|".join(ORDINAL_WORDS)
    + r"|largest|biggest|best|strongest|highest|greatest|leading|most)\b",
    re.IGNORECASE,
)
_SUPERLATIVE_RE = re.compile(
    r"^(?:the\s+)?(?:[\w.]+['’]s\s+)?(?:the\s+)?(?:single\s+)?"
    r"(?P<word>largest|biggest|best|strongest|highest|greatest|leading|most\s+\w+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_TOP_RANK_RE = re.compile(
    r"^(?:one|1)\s+of\s+the\s+(?:[\w.]+['’]s\s+)?top\s+(?P<n>\d+)\b(?P<rest>.*)$", re.IGNORECASE
)


def _parse_vague(cleaned: str, result: ParsedValue) -> bool:
    """ "thousands", "in the low thousands": a count between the bounds the words allow."""
    match = _VAGUE_RE.match(cleaned)
    if not match:
        return False
    words = _SPACES_RE.sub(" ", match.group("words").lower())
    low, high = VAGUE_MAGNITUDES[words]
    result.ok = True
    result.unit = "count"
    result.low, result.high = float(low), float(high)
    result.amount = (low + high) / 2.0
    result.qualifier = words
    result.noun = match.group("rest").strip() or None
    return True


def _parse_article(cleaned: str, result: ParsedValue) -> bool:
    """ "an artillery brigade", "a single regiment": one of something."""
    match = _ARTICLE_RE.match(cleaned)
    if not match:
        return False
    result.ok = True
    result.unit = "count"
    result.amount = 1.0
    result.low, result.high = 0.5, 1.5
    result.noun = match.group("rest").strip()
    return True


def _parse_top_rank(text: str, result: ParsedValue) -> bool:
    """ "one of the world's top eight exporters": a rank between 1 and 8."""
    match = _TOP_RANK_RE.match(text)
    if not match:
        return False
    top = float(match.group("n"))
    result.ok = True
    result.unit = "rank"
    result.low, result.high = 1.0, top
    result.amount = (1.0 + top) / 2.0
    result.qualifier = "one of the top"
    result.noun = match.group("rest").strip() or None
    return True


def _parse_rank(cleaned: str, grammar: _Grammar, result: ParsedValue) -> bool:
    rank: int | None = None
    field_text: str | None = None
    match = grammar.rank.match(cleaned)
    if match:
        rank = int(match.group("rank"))
        field_text = match.group("field")
        result.noun = (match.group("rest") or "").strip() or None
    else:
        match = grammar.ordinal_rank.match(cleaned)
        if match:
            rank = ORDINAL_WORDS[match.group("word").lower()]
            field_text = match.group("field")
            result.noun = (match.group("rest") or "").strip() or None
        else:
            superlative = _SUPERLATIVE_RE.match(cleaned)
            if superlative and not _DIGIT_RE.search(cleaned):
                # "Europe's largest importer", "the strongest army": first within its scope.
                rank = 1
                result.noun = superlative.group("rest").strip() or None
    if rank is None:
        return False
    result.ok = True
    result.unit = "rank"
    result.amount = result.low = result.high = float(rank)
    if field_text:
        field_size = int(field_text.replace(",", ""))
        result.rank_of = field_size
        if rank > field_size:
            result.findings.append(
                Finding("impossible-rank", f"rank {rank} is beyond the field of {field_size}")
            )
        else:
            result.percentile = round(100.0 * rank / field_size, 1)
    return True


def _parse_figure(
    match: re.Match[str],
    year: int | None,
    dollar: str,
    widen: float,
    grammar: _Grammar,
    result: ParsedValue,
) -> None:
    groups = match.groupdict()
    qualifier_text = groups["qual"]
    if qualifier_text:
        qualifier_text = _SPACES_RE.sub(" ", qualifier_text.strip().lower())
    qualifier = QUALIFIERS.get(qualifier_text) if qualifier_text else None
    scale1 = (groups["scale1"] or "").lower()
    scale2 = (groups["scale2"] or "").lower()
    has_range = groups["num2"] is not None
    try:
        first = read_number(groups["num1"], followed_by_scale=bool(scale1 or scale2))
        second = read_number(groups["num2"], followed_by_scale=bool(scale2)) if has_range else None
    except ValueError as error:
        result.findings.append(Finding("ambiguous-number", str(error)))
        return
    for number in (first, second):
        if number is not None and number.ambiguous:
            result.findings.append(Finding("ambiguous-number", number.ambiguous))
    if has_range and qualifier == "between":
        qualifier = None
    elif qualifier == "between":
        result.findings.append(
            Finding("unparseable", "'between' needs two figures, as in 'between 5 and 6 billion'")
        )
        return

    rest = groups["rest"].strip()
    currency_token = groups["cur1"] or groups["cur2"]
    suffix = grammar.suffix_currency.match(rest) if rest else None
    if suffix and not _is_scale_only(suffix.group("cur")):
        if currency_token and currency_token.strip().upper() != suffix.group("cur").upper():
            # "$5 million AZN" and the like: the suffix is the more explicit one.
            result.findings.append(
                Finding(
                    "conflicting-currency",
                    f"both {currency_token!r} and {suffix.group('cur')!r} given; "
                    f"read as {suffix.group('cur')}",
                )
            )
        currency_token = suffix.group("cur")
        rest = rest[suffix.end() :].strip()

    unit: str
    if currency_token:
        try:
            code, note = load_currencies().resolve(currency_token, year, dollar)
        except KeyError:
            result.findings.append(
                Finding("unknown-currency", f"unknown currency {currency_token!r}")
            )
            return
        if note:
            result.findings.append(Finding("assumed-currency", note))
        unit = code
    else:
        unit = _parse_trailing_unit(rest, grammar, result)
        rest = result.noun or ""

    scale_word = scale1 or scale2
    if scale_word in {"m", "b", "k"} and not currency_token and unit == "count":
        result.findings.append(
            Finding(
                "ambiguous-unit",
                f"'{scale_word}' read as {_SCALE_NAMES[scale_word]}; write the word in full "
                "(or 'metres' for a length)",
            )
        )
    factor1 = SCALE_WORDS.get(scale1 or scale2, 1.0)
    factor2 = SCALE_WORDS.get(scale2 or scale1, 1.0)
    if has_range and second is not None:
        low = first.value * factor1
        high = second.value * factor2
        if low > high:
            result.findings.append(
                Finding("reversed-range", f"range written high to low: {match.group(0)!r}")
            )
            low, high = high, low
        amount = (low + high) / 2.0
    else:
        amount = first.value * factor1
        half = first.step * factor1 / 2.0
        low, high = amount - half, amount + half

    low, high = _apply_qualifier(qualifier, amount, low, high, widen, has_range)
    result.ok = True
    result.amount = amount
    result.low = max(low, 0.0) if amount >= 0 and not math.isinf(low) else low
    result.high = high
    result.unit = unit
    result.qualifier = qualifier_text or None
    if unit != "count" and rest and not result.noun:
        result.noun = rest
    if result.noun and _DIGIT_RE.search(result.noun):
        result.findings.append(
            Finding(
                "extra-text",
                f"text after the figure was not read: {result.noun!r}; give one figure at a time",
            )
        )


_SCALE_NAMES = {"m": "million", "b": "billion", "k": "thousand"}


def _is_scale_only(token: str) -> bool:
    return token.lower() in SCALE_WORDS


def _parse_trailing_unit(rest: str, grammar: _Grammar, result: ParsedValue) -> str:
    """Read what follows the number: percent, a physical unit, or a counted noun."""
    percent = _PERCENT_RE.match(rest)
    if percent:
        result.noun = rest[percent.end() :].strip() or None
        return "percent"
    unit_match = grammar.unit.match(rest)
    if unit_match:
        written = _SPACES_RE.sub(" ", unit_match.group("unit").lower())
        plain, assumed = unit_aliases()
        result.noun = rest[unit_match.end() :].strip() or None
        if written in assumed:
            pint_name, message = assumed[written]
            result.findings.append(Finding("ambiguous-unit", message))
            return pint_name
        return plain[written]
    result.noun = rest or None
    return "count"


def _apply_qualifier(
    qualifier: str | None,
    amount: float,
    low: float,
    high: float,
    widen: float,
    has_range: bool,
) -> tuple[float, float]:
    """Shape the interval by the qualifier (DESIGN.md: normalisation rules)."""
    if qualifier is None or qualifier == "exact":
        return low, high
    if qualifier == "approximate":
        # The qualifier states the precision: it replaces the half-last-digit rule, so
        # "about 100" is [90, 110], not [50, 150].
        bottom = low if has_range else amount
        top = high if has_range else amount
        return bottom - abs(bottom) * widen, top + abs(top) * widen
    top = high if has_range else amount
    bottom = low if has_range else amount
    if qualifier == "nearly":
        return (1.0 - widen) * top, top
    if qualifier in {"more", "at-least"}:
        return bottom, math.inf
    if qualifier == "up-to":
        return 0.0, top
    raise AssertionError(f"unhandled qualifier kind {qualifier}")
