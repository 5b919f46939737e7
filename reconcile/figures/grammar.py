"""The figure grammar: parse a figure as people write it, and find figures in running text.

"nearly $5 billion" -> [4.5e9, 5.0e9] USD; "59th among 127 countries" -> rank 59 of 127;
"14-15" -> [14, 15]. Conversions to other units and currencies happen later (normalize.py).
Qualifiers are in qualifiers.py, ranks in ranks.py, and what only looks like a figure in running
text (dates, model numbers, names) in figure_decoys.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import ParsedValue, kind_of_unit
from reconcile.core.patterns import YEAR
from reconcile.reference.currencies import load_currencies
from reconcile.reference.units import unit_aliases

from .decoys import is_figure
from .numbers import (
    NUMBER_PATTERN,
    SCALE_WORDS,
    TEXT_NUMBER_PATTERN,
    TEXT_WORD_NUMBERS,
    read_number,
    replace_number_words,
)
from .qualifiers import (
    DEFAULT_WIDEN,
    QUALIFIERS,
    apply_qualifier,
    parse_article,
    parse_vague,
    qualifier_pattern,
)
from .ranks import SUPERLATIVE_WORDS, Rank, rank_in_text_pattern, read_rank, read_top_rank

__all__ = [
    "DEFAULT_WIDEN",
    "QUALIFIERS",
    "ParsedValue",
    "find_figures",
    "kind_of_unit",
    "parse_value",
]


@dataclass(frozen=True, slots=True)
class _Grammar:
    figure: re.Pattern[str]
    suffix_currency: re.Pattern[str]
    unit: re.Pattern[str]
    in_text: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    """The compiled grammar: one set of pieces for whole figures and for running text."""
    currencies = load_currencies()
    qualifiers = qualifier_pattern()
    scales = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
    prefix = currencies.prefix_pattern()
    suffix = currencies.suffix_pattern()
    plain, assumed = unit_aliases()
    units = "|".join(
        re.escape(u).replace(r"\ ", r"\s+")
        for u in sorted(set(plain) | set(assumed), key=len, reverse=True)
    )
    number = NUMBER_PATTERN
    figure = re.compile(
        rf"(?P<qual>(?:{qualifiers})\s*)?"
        rf"(?P<cur1>{prefix})?\s*"
        rf"(?P<num1>{number})\s*(?P<scale1>(?:{scales})(?![a-z]))?\s*"
        rf"(?:(?:-|to|and)\s*(?P<cur2>{prefix})?\s*"
        rf"(?P<num2>{number})\s*(?P<scale2>(?:{scales})(?![a-z]))?)?"
        rf"(?P<rest>.*)$",
        re.IGNORECASE,
    )
    # In running text the number is stricter (no spaces inside), words count, and what follows
    # must be a scale, a currency, percent or a unit; anything else ends the figure.
    text_number = (
        rf"(?:{TEXT_NUMBER_PATTERN})(?:\s*(?:-|–|—|to)\s*(?:{TEXT_NUMBER_PATTERN}))?"
        rf"|(?:{TEXT_WORD_NUMBERS})(?:[\s-](?:{TEXT_WORD_NUMBERS}))*"
    )
    in_text_figure = (
        rf"(?:(?P<qual>{qualifier_pattern(_FILLER_WORDS)})\s*)?(?P<cur>{prefix})?\s?"
        rf"(?P<num>{text_number})"
        rf"(?:\s*(?P<scale>{scales})(?![A-Za-z]))?"
        rf"(?:\s*(?P<suffix>%|percent\b|per\s+cent\b|{suffix}|(?:{units})\b)"
        rf"(?![-\w])(?:\s+per\s+(?:year|annum|month))?)?"
    )
    in_text = re.compile(
        rf"(?P<rankfig>{rank_in_text_pattern(TEXT_WORD_NUMBERS)})"
        rf"|(?P<figure>(?<![\w.,]){in_text_figure})",
        re.IGNORECASE,
    )
    return _Grammar(
        figure,
        re.compile(rf"(?P<cur>{suffix})", re.IGNORECASE),
        re.compile(rf"(?P<unit>{units})\b", re.IGNORECASE),
        in_text,
    )


# Words before a figure in running text that do not change it ("a total of 150").
_FILLER_WORDS = ("a total of", "an additional", "to the excess of", "in excess of")
_CLEAN_RE = re.compile(r"&\s*nbsp;|[\u00a0\u2009\u202f]")
_DASH_RE = re.compile(r"\s*[\u2010-\u2015\u2212]\s*")
_PAREN_YEAR_RE = re.compile(rf"\(\s*(?:in\s+)?({YEAR})\s*\)")
_PERCENT_RE = re.compile(r"(?:%|percent\b|per\s+cent\b|pct\b|per\s*cent\b)", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[a-z]+")
_NEEDS_CLEANING_RE = re.compile(r"&|\s\s|[\u00a0\u2009\u202f\u2010-\u2015\u2212\t\n\r]")
# Words before a figure that do not change it ("a total of 150", "an additional 162").
_FILLER_RE = re.compile(
    r"(?:a\s+total\s+of|an\s+additional|a\s+further|another|additional|further|the)\s+"
    r"(?=[^\s]*\d)",
    re.IGNORECASE,
)


def clean_text(text: str) -> str:
    """Undo mangled markup and typographic variants that do not change the figure."""
    if not _NEEDS_CLEANING_RE.search(text):
        return text.strip()
    text = _CLEAN_RE.sub(" ", text)
    text = _DASH_RE.sub("-", text)
    return _SPACES_RE.sub(" ", text).strip()


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
    words = frozenset(_LETTERS_RE.findall(cleaned.lower()))
    rank = read_rank(cleaned, words)
    if rank is not None:
        _set_rank(rank, result)
        return result
    words_replaced = replace_number_words(cleaned, words)
    filler = _FILLER_RE.match(words_replaced)
    if filler:
        words_replaced = words_replaced[filler.end() :]
    top = read_top_rank(words_replaced)
    if top is not None:
        _set_rank(top, result)
        return result
    grammar = _grammar()
    match = grammar.figure.match(words_replaced)
    if match:
        _parse_figure(match, year, dollar, widen, grammar, result)
    elif not (parse_vague(cleaned, result) or parse_article(cleaned, result)):
        result.findings.append(
            Finding(
                "unparseable",
                f"no number found in {text!r}: write the figure with digits or number words",
            )
        )
    return result


def _set_rank(rank: Rank, result: ParsedValue) -> None:
    result.ok = True
    result.unit = "rank"
    result.low, result.high = rank.low, rank.high
    result.amount = (rank.low + rank.high) / 2.0
    result.noun = rank.noun
    result.qualifier = rank.qualifier
    if rank.field is not None:
        result.rank_of = rank.field
        if rank.low > rank.field:
            result.findings.append(
                Finding(
                    "impossible-rank", f"rank {int(rank.low)} is beyond the field of {rank.field}"
                )
            )
        else:
            result.percentile = round(100.0 * rank.low / rank.field, 1)


def _parse_figure(
    match: re.Match[str],
    year: int | None,
    dollar: str,
    widen: float,
    grammar: _Grammar,
    result: ParsedValue,
) -> None:
    qualifier_text, cur1, num1, scale1, cur2, num2, scale2, rest = match.groups()
    qualifier = None
    if qualifier_text:
        qualifier_text = _SPACES_RE.sub(" ", qualifier_text.strip().lower())
        qualifier = QUALIFIERS.get(qualifier_text)
    scale1 = scale1.lower() if scale1 else ""
    scale2 = scale2.lower() if scale2 else ""
    has_range = num2 is not None
    try:
        first = read_number(num1, followed_by_scale=bool(scale1 or scale2))
        second = read_number(num2, followed_by_scale=bool(scale2)) if has_range else None
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

    rest = rest.strip()
    currency_token = cur1 or cur2
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

    low, high = apply_qualifier(qualifier, amount, low, high, widen, has_range)
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


# ---- Figures in running text ---------------------------------------------------------------

_ANCHOR_WORDS = (
    f"{TEXT_WORD_NUMBERS}|{SUPERLATIVE_WORDS}|top|thousands|hundreds|dozens|"
    "first|second|third|fourth|fifth"
)
# Scanned case-sensitively over a lower-cased copy: IGNORECASE makes this scan 5x slower.
_ANCHOR_RE = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{_ANCHOR_WORDS})\b")
_ANCHOR_ANY_CASE_RE = re.compile(_ANCHOR_RE.pattern, re.IGNORECASE)
_WORD_START_RE = re.compile(r"(?<![\w.,'’$€£₼~≈<>-])[\w$€£₼~≈<>]")


@cache
def _start_regex() -> re.Pattern[str]:
    """Word starts (in lower-cased text) that can begin a figure: a qualifier, currency, rank or
    number word, a possessive ("europe's largest"), a digit, a symbol or a non-ASCII letter."""
    currencies = load_currencies()
    written = [*QUALIFIERS, *_FILLER_WORDS, *currencies.symbols, *currencies.codes]
    words = {m.group(0) for w in written if (m := re.match(r"[a-z]+", w.lower()))}
    words |= set(_ANCHOR_WORDS.replace(" ", "|").split("|"))
    words |= {"ranked", "ranks", "ranking", "placed", "the", "its", "in", "one"}
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,'’$€£₼~≈<>-])(?:(?:{alternatives})(?![a-z])|[a-z]+(?=['’]s)|(?![a-z])[\w$€£₼~≈<>])"
    )


def find_figures(text: str) -> list[tuple[int, int, ParsedValue]]:
    """The figures in running text as (start, end, parsed), skipping dates, names and models.

    Figures whose meaning depends on the year ("manat" before 2006) are parsed without one;
    parse the text again with `year=` once the period is known.
    """
    found: list[tuple[int, int, ParsedValue]] = []
    for match in _scan_figures(text):
        start, end = match.span()
        if match.group("rankfig"):
            if match.group("rank"):
                start = match.start("rank")
            written = text[start:end].strip()
        else:
            if not is_figure(text, match):
                continue
            written = match.group(0).strip().rstrip(" ,.")
            end = start + len(written)
        parsed = parse_value(written)
        if parsed.ok:
            found.append((start, end, parsed))
    return found


def _scan_figures(text: str) -> Iterator[re.Match[str]]:
    """Try the figure grammar only at word starts just before digits and number words.

    Matching at a handful of positions per anchor instead of searching every character keeps
    plain text above 1 MB/s.
    """
    regex = _grammar().in_text
    last_end = 0
    lowered = text.lower()
    # lower() may lengthen a few characters ("İ"); then offsets differ, so scan the original.
    anchors = (
        _ANCHOR_RE.finditer(lowered)
        if len(lowered) == len(text)
        else _ANCHOR_ANY_CASE_RE.finditer(text)
    )
    # Most words before a number cannot start a figure: on lower-cased text, find only the
    # words that can (see _start_regex); else every word start.
    same_length = len(lowered) == len(text)
    starts_regex, scanned = (_start_regex(), lowered) if same_length else (_WORD_START_RE, text)
    for anchor in anchors:
        if anchor.start() < last_end:
            continue
        window = max(last_end, anchor.start() - 40)
        starts = [m.start() for m in starts_regex.finditer(scanned, window, anchor.start())]
        limit = min(len(text), anchor.end() + 80)
        for position in [*starts, anchor.start()]:
            match = regex.match(text, position, limit)
            if match and match.end() > anchor.start():
                yield match
                last_end = match.end()
                break
        else:
            last_end = anchor.end()
