"""One figure's numbers and what they make together: a point, a range, a comparison, an amount.

"more than $5 billion" is one part; "between 44 mg and 50 mg", "more than 10 and less than 40",
"2,000.45±0.01 pounds" are two; "3 dollars 50 cents" is one part and its hundredths. What the
parts leave unread is reported (see _report_rest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import ParsedValue
from reconcile.core.patterns import alternation
from reconcile.reference.currencies import load_currencies, resolve_currency

from .flags import COMMA_RANGE, letter_scale_finding, report_year_like
from .numbers import NUMBER_PATTERN, read_number
from .qualifiers import QUALIFIERS, TRAILING_COMPARATORS, apply_qualifier, qualifier_pattern
from .scales import dot_of, home_currency_doubt, unread_scale
from .tails import Tail, read_tail, scale_factor

_SPACES_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")


@dataclass(slots=True)
class Part:
    """One number of a figure with what stands around it: "more than $5 billion"."""

    qualifier: str | None  # the kind ("more", "up-to", ...), from QUALIFIERS
    qualifier_text: str
    currency: str
    value: float
    step: float
    tail: Tail
    findings: tuple[Finding, ...] = ()

    @property
    def factor(self) -> float:
        return scale_factor(self.tail.scale) * self.tail.factor

    @property
    def has_unit(self) -> bool:
        return bool(self.currency or self.tail.currency or self.tail.unit)


# What may be a currency before a number, checked against the catalogue (CurrencyCatalogue.
# is_prefix) rather than matched as an alternation of every code and symbol (ten times slower).
# Letters before "$" name the dollar ("US$", "US $", "C $", "A$"); "a $1.5 trillion plan" is
# the article and a US dollar figure, not Australian dollars: "A" only glued to the "$".
_PREFIX = (
    r"(?:(?![Aa]\s)[A-Za-z]{1,4}\s?)?\$|[A-Za-z]{1,3}[^\w\s.,()+~<>=≈±/'\"%$-]"  # "GH₵"
    r"|[A-Za-z\u00c0-\u024f.]{2,5}"
    r"|[^\w\s.,()+~<>=≈±/'\"%-]{1,2}"
)


@cache
def _part_regex() -> re.Pattern[str]:
    # One-letter symbols ("N28.7 trillion" naira) only as written and glued to the number.
    letters = sorted(w for w in load_currencies().written_symbols if len(w) == 1)
    prefix = f"(?-i:[{''.join(letters)}])(?=\\d)|{_PREFIX}" if letters else _PREFIX
    return re.compile(
        rf"\s*(?P<qual>(?:{qualifier_pattern()})\s*)?(?P<cur>{prefix})?\s*(?P<num>{NUMBER_PATTERN})",
        re.IGNORECASE,
    )


# The range words of other languages ("от 5 до 7", "od 5 do 7", "zwischen 5 und 7", "entre 5 et
# 7", "de 5 a 7") join two numbers only: a number must follow.
_OTHER_RANGE_WORDS = ("до", "и", "і", "та", "do", "i", "a", "bis", "und", "et", "y", "e", "à")
_RANGE_RE = re.compile(
    r"\s*(?:-|to\b|through\b|thru\b|till\b|until\b|~|and\b|but\b|,|"
    rf"(?:{'|'.join(_OTHER_RANGE_WORDS)})(?=\s+\d))\s*",
    re.I,
)
# "500 or more", but not the start of a second comparison ("10 and less than 40").
_TRAILING_RE = re.compile(
    rf"\s*(?P<comp>{alternation(TRAILING_COMPARATORS, flexible_space=True)})(?![\w])"
    r"(?:\s+or\s+equal(?:\s+to)?\b)?(?!\s*(?:than|to|or)\b)",
    re.IGNORECASE,
)
_NEXT_WORD_RE = re.compile(r"\s*(\S+)")
_CONNECTOR_WORDS = frozenset(
    {"or", "and", "to", "through", "thru", "till", "until", "but", "plus", *_OTHER_RANGE_WORDS}
    | {w.split()[0] for w in TRAILING_COMPARATORS}
)
_OR_EQUAL_RE = re.compile(r"\s*or\s+equal(?:\s+to)?\b", re.IGNORECASE)
_PLUS_MINUS_RE = re.compile(rf"\s*(?:±|\+/-|\+-|plus\s+or\s+minus)\s*(?P<num>{NUMBER_PATTERN})")
_SUBUNIT_AMOUNT_RE = re.compile(r"\s*(?:and\s+)?(?P<num>\d{1,2})\b", re.IGNORECASE)


# Indian grouping ("4,78,195.62") is read only next to these (else it is ambiguous).
_INDIAN_SCALES = frozenset({"lakh", "lakhs", "lac", "crore", "crores", "lakh crore"})
_INDIAN_CURRENCIES = frozenset({"rs", "rs.", "₹", "inr", "rupees", "rupee"})


def _read_part(text: str, position: int, result: ParsedValue) -> tuple[Part, int] | None:
    """One number with its qualifier, currency and what follows it; None if none is there."""
    match = _part_regex().match(text, position)
    if not match:
        return None
    qualifier_text, currency, digits = match.groups()
    if currency and not load_currencies().is_prefix(currency):
        return None
    qualifier_text = " ".join(qualifier_text.lower().split()) if qualifier_text else ""
    tail = read_tail(text, match.end(), bool(currency))
    indian = "," in digits and (
        tail.scale in _INDIAN_SCALES
        or (currency or "").lower() in _INDIAN_CURRENCIES
        or tail.currency.lower() in _INDIAN_CURRENCIES
    )
    # Indian figures never use a decimal comma: "Rs 20,776 crore" is 20776 crore, no doubt.
    scaled, dot = bool(tail.scale) and not indian, dot_of(tail.scale)
    try:
        number = read_number(digits, followed_by_scale=scaled, indian=indian, dot=dot)
    except (ValueError, OverflowError, ZeroDivisionError) as error:
        result.findings.append(Finding("ambiguous-number", str(error)))
        return None
    part = Part(
        QUALIFIERS.get(qualifier_text) if qualifier_text else None,
        qualifier_text,
        currency or "",
        number.value,
        number.step,
        tail,
    )
    if number.ambiguous:
        part.findings = (Finding("ambiguous-number", number.ambiguous),)
    return part, tail.end


def read_figure(
    text: str, year: int | None, dollar: str, widen: float, result: ParsedValue
) -> bool:
    """Parse a whole figure: one part, a range or comparison of two, or a compound amount."""
    read = _read_part(text, 0, result)
    if read is None:
        return False
    first, position = read
    if position >= len(text):  # the common case: nothing after the number and its unit
        unit = _resolve_units(first, None, year, dollar, result)
        if unit is None or not _combine(first, None, widen, result):
            return False
        result.unit = unit
        if first.tail.scale:
            report_year_like(text, result)
        return True
    second = None
    # Cheap look at what follows, to skip the connector patterns for a counted noun.
    following = _NEXT_WORD_RE.match(text, position)
    next_word = following.group(1).lower() if following else ""
    connects = not next_word[:1].isalpha() or next_word in _CONNECTOR_WORDS
    trailing = _TRAILING_RE.match(text, position) if connects else None
    plus_minus = _PLUS_MINUS_RE.match(text, position) if connects else None
    if not connects:
        pass
    elif trailing:
        first.qualifier = TRAILING_COMPARATORS[" ".join(trailing.group("comp").lower().split())]
        first.qualifier_text = " ".join(trailing.group(0).lower().split())
        position = trailing.end()
    elif plus_minus:
        second, position = _read_plus_minus(first, plus_minus, result)
    elif (compound := _read_subunit_amount(text, position, first, None)) != position:
        position = compound
    else:
        connector = _RANGE_RE.match(text, position)
        if connector:
            read = _read_part(text, connector.end(), result)
            if read is not None:
                second, position = read
                if connector.group(0).strip() == ",":
                    result.findings.append(COMMA_RANGE)
    or_equal = _OR_EQUAL_RE.match(text, position) if first.qualifier and connects else None
    if or_equal:
        position = or_equal.end()
    unit = _resolve_units(first, second, year, dollar, result)
    if unit is None:
        return False
    if not _combine(first, second, widen, result):
        return False
    result.unit = unit
    _report_rest(text[position:].strip(), result)
    report_year_like(text[:position], result)
    return True


def _read_plus_minus(
    first: Part, match: re.Match[str], result: ParsedValue
) -> tuple[Part | None, int]:
    """ "2,000.45±0.01 pounds": a range around the value."""
    try:
        spread = read_number(match.group("num")).value
    except (ValueError, OverflowError, ZeroDivisionError) as error:
        result.findings.append(Finding("ambiguous-number", str(error)))
        return None, match.start()
    tail = read_tail(match.string, match.end(), bool(first.currency))
    if tail.unit or tail.currency:
        first.tail = tail
    low = Part(None, "", first.currency, first.value - spread, 0.0, first.tail)
    first.value, first.step = first.value + spread, 0.0
    high = first
    return _swap(low, high), tail.end


def _swap(low: Part, high: Part) -> Part:
    """Make `high` the second part of a range whose first part is `low` (in place)."""
    low.value, high.value = high.value, low.value
    return low


def _resolve_units(
    first: Part, second: Part | None, year: int | None, dollar: str, result: ParsedValue
) -> str | None:
    """The one unit of the figure, from either part; a finding when they disagree."""
    if second is None:
        return _unit_of(first, year, dollar, result)
    _share_scale_and_unit(first, second)
    units = [_unit_of(part, year, dollar, result) for part in (first, second)]
    if any(u is None for u in units):
        return None
    if len(units) == 2 and units[0] != units[1]:
        result.findings.append(
            Finding(
                "conflicting-unit",
                f"the two ends are in different units ({units[0]}, {units[1]}); "
                "write both in the same unit",
            )
        )
    return units[-1]


def _share_scale_and_unit(first: Part, second: Part) -> None:
    """ "between 5 and 6 billion", "44 to 50 mg", "$1.5-2bn": the second end's words go to both."""
    tail = first.tail  # a unit after the first number closes that end ("5 kg to 6 million")
    inherits = second.tail.scale and not (tail.scale or tail.unit or tail.currency)
    if inherits and first.value * scale_factor(second.tail.scale) <= second.value * second.factor:
        first.tail.scale = second.tail.scale
    if not first.has_unit and second.has_unit:
        first.currency = first.currency or second.currency
        first.tail.currency, first.tail.unit = second.tail.currency, second.tail.unit
        first.tail.factor = second.tail.factor
    elif first.has_unit and not second.has_unit:
        second.currency = second.currency or first.currency
        second.tail.currency, second.tail.unit = first.tail.currency, first.tail.unit
        second.tail.factor = first.tail.factor


def _unit_of(part: Part, year: int | None, dollar: str, result: ParsedValue) -> str | None:
    written = part.tail.currency or part.currency
    if part.currency and part.tail.currency:
        resolved = {resolve_currency(c, year, dollar)[0] for c in (part.currency, written)}
        if len(resolved) > 1:
            result.findings.append(
                Finding(
                    "conflicting-currency",
                    f"both {part.currency!r} and {written!r} given; read as {written}",
                )
            )
    if part.findings or part.tail.findings:
        result.findings.extend(part.findings + part.tail.findings)
        part.findings, part.tail.findings = (), ()
    if not written:
        unit = part.tail.unit or "count"
        finding = letter_scale_finding(part.tail.scale) if unit == "count" else None
        if finding is not None and finding not in result.findings:  # once for "3m-4m"
            result.findings.append(finding)
        return unit
    try:
        code, note = resolve_currency(written, year, dollar)
    except KeyError:
        result.findings.append(Finding("unknown-currency", f"unknown currency {written!r}"))
        return None
    # Said once: "50 cents" already says whose hundredths it assumed, "$5 to $6" assumes once.
    if note and not any(f.code == "assumed-currency" for f in result.findings):
        result.findings.append(Finding("assumed-currency", note))
    doubt = home_currency_doubt(part.tail.scale, code, written)
    if doubt is not None and doubt not in result.findings:
        result.findings.append(doubt)
    return f"{code} / {part.tail.unit}" if part.tail.unit else code


def _read_subunit_amount(text: str, position: int, first: Part, second: Part | None) -> int:
    """ "3 dollars 50 cents", "one dollar and two": hundredths after a currency amount."""
    if second is not None or not (first.currency or first.tail.currency) or first.tail.scale:
        return position
    if first.tail.factor != 1.0:
        return position
    match = _SUBUNIT_AMOUNT_RE.match(text, position)
    if not match:
        return position
    end = match.end()
    sub = read_tail(text, end, False)
    if sub.factor == 1.0 and sub.end != end:
        return position
    if sub.factor == 1.0 and text[end:].strip():
        return position
    first.value += int(match.group("num")) / 100.0
    first.step = 0.01
    return sub.end if sub.factor != 1.0 else end


def _combine(first: Part, second: Part | None, widen: float, result: ParsedValue) -> bool:
    """Set the interval from one part, or from both ends of a range or a two-sided comparison."""
    if second is None:
        if first.qualifier == "between":
            result.findings.append(
                Finding(
                    "unparseable",
                    f"'{first.qualifier_text}' needs two figures, as in 'between 5 and 6 billion'",
                )
            )
            return False
        amount = first.value * first.factor
        half = first.step * first.factor / 2.0
        low, high = apply_qualifier(
            first.qualifier, amount, amount - half, amount + half, widen, False
        )
        _set_interval(result, amount, low, high, first.qualifier_text)
        return True
    low_end, high_end = first.value * first.factor, second.value * second.factor
    kinds = {first.qualifier, second.qualifier}
    if kinds & {"more", "at-least"} and kinds & {"up-to"}:  # two-sided comparison
        bottom, top = (
            (first, second) if first.qualifier in {"more", "at-least"} else (second, first)
        )
        low_end, high_end = bottom.value * bottom.factor, top.value * top.factor
        qualifier_text = f"{first.qualifier_text} ... {second.qualifier_text}"
    else:
        qualifier_text = first.qualifier_text
        if low_end > high_end:
            result.findings.append(
                Finding("reversed-range", f"range written high to low: {result.text!r}")
            )
            low_end, high_end = high_end, low_end
        if second.qualifier_text and first.qualifier not in {"between", None}:
            result.findings.append(
                Finding(
                    "unread-words", f"the second qualifier {second.qualifier_text!r} was not read"
                )
            )
    amount = (low_end + high_end) / 2.0
    qualifier = None if first.qualifier == "between" else first.qualifier
    if kinds & {"more", "at-least"} and kinds & {"up-to"}:
        qualifier = None
    low, high = apply_qualifier(qualifier, amount, low_end, high_end, widen, True)
    _set_interval(result, amount, low, high, qualifier_text, clamp=low_end >= 0)
    return True


def _set_interval(
    result: ParsedValue,
    amount: float,
    low: float,
    high: float,
    qualifier_text: str,
    clamp: bool = True,
) -> None:
    result.ok = True
    result.amount = amount
    # Counts and amounts do not go below zero by imprecision ("0.4" is [0.35, 0.45]); a range
    # keeps the ends as written ("between -10 and 15").
    result.low = max(low, 0.0) if clamp and amount >= 0 and low > -1e308 else low
    result.high = high
    result.qualifier = qualifier_text or None


_NOT_A_NOUN_RE = re.compile(
    r"^(?:[^A-Za-z\s]|(?:and|or|of|per|to|from|than|over|under|plus|minus|k|m|b|bn|mn|"
    r"the|a|an|in|at|by|\d)\b)",
    re.IGNORECASE,
)


def _report_rest(rest: str, result: ParsedValue) -> None:
    """What follows the figure: the counted noun, or words the grammar could not place."""
    if not rest:
        return
    if result.unit == "count" or not result.noun:
        result.noun = rest
    if _DIGIT_RE.search(rest):
        result.findings.append(
            Finding(
                "extra-text",
                f"text after the figure was not read: {rest!r}; give one figure at a time",
            )
        )
    elif (scale_like := unread_scale(rest)) is not None:
        result.findings.append(scale_like)
    elif _NOT_A_NOUN_RE.match(rest):
        result.findings.append(
            Finding(
                "unread-words",
                f"words after the figure were not read: {rest!r}; write the figure alone, "
                "or with its unit or currency",
            )
        )
