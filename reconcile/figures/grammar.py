"""The figure grammar: parse a figure as people write it, and find figures in running text.

"nearly $5 billion" -> [4.5e9, 5.0e9] USD; "59th among 127 countries" -> rank 59 of 127;
"14-15" -> [14, 15]; "more than 10 and less than 40" -> (10, 40). Conversions to other units
and currencies happen later (normalize/). Qualifiers are in qualifiers.py, spelled-out numbers
in words.py, what follows a number in tails.py, ranks in ranks.py, and running text in
running_text.py (with what only looks like a figure there in decoys.py).

The rule that keeps the rest safe: every part of the text is read, or reported. Words the
grammar could not place get an `unread-words` (or `extra-text`) finding; a clean result means
every word was understood.
"""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction
from functools import cache, lru_cache

from reconcile.core.errors import Finding
from reconcile.core.parsed_value import ParsedValue, kind_of_unit
from reconcile.core.patterns import YEAR
from reconcile.reference.currencies import load_currencies
from reconcile.reference.scales import load_percent_words

from .amounts import read_figure
from .flags import SPACED_DECIMAL, spaced_decimal
from .qualifiers import DEFAULT_WIDEN, QUALIFIERS, parse_article, parse_vague, qualifier_pattern
from .ranks import Rank, read_rank, read_top_rank
from .scales import is_scale_word
from .words import NUMBER_WORDS, replace_number_words

__all__ = [
    "DEFAULT_WIDEN",
    "QUALIFIERS",
    "ParsedValue",
    "kind_of_unit",
    "parse_value",
]


_CLEAN_RE = re.compile(r"&\s*nbsp;|[\u00a0\u2009\u202f]")
_DASH_RE = re.compile(r"\s*[\u2010-\u2015\u2212]\s*")
_PAREN_YEAR_RE = re.compile(rf"\(\s*(?:in\s+)?({YEAR})\s*\)")
_SPACES_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[a-z]+")
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_NEEDS_CLEANING_RE = re.compile(
    rf"&|\s\s|[\u00a0\u2009\u202f\u2010-\u2015\u2212\u2024\t\n\r{_VULGAR}]|\d-|^\(.*\)$"
)
_VULGAR_RE = re.compile(rf"(\d?)\s*([{_VULGAR}])")
_GLUED_WORD_RE = re.compile(r"(?<=\d)-(?=[A-Za-z])|(?<=\d)-\s+(?=to\b)")
# Words before a figure that do not change it ("a total of 150", "an additional 162").
_FILLER_RE = re.compile(
    r"(?:a\s+total\s+of|an\s+additional|a\s+further|another|additional|further|the"
    r"|an?(?=\s+[$€£¥₹]))\s+"  # "a $1.5 trillion plan": the article, before a symbol
    r"(?=[^\s]*\d)",
    re.IGNORECASE,
)


_PERCENT_FIRST_RE = re.compile(
    r"^(?:per\s*cent(?:age)?|percent(?:age)?)\s+of\s+(?P<rest>[-\d.,]+)$", re.IGNORECASE
)


@cache
def _percent_before_regex() -> re.Pattern[str]:
    """Percent written before its number (Turkish "yüzde 5", "%5"; CLDR), after a qualifier."""
    words = [re.escape(w) for w in load_percent_words("before") if w != "%"]
    return re.compile(
        rf"^(?P<qual>(?:{qualifier_pattern()})\s*)?(?:(?:{'|'.join(words) or '(?!)'})\s*|%(?=\d))"
        r"(?P<num>-?\d[\d.,]*)(?P<tail>.*)$",
        re.IGNORECASE,
    )


def _percent_before(text: str) -> str:
    """ "yüzde 2,5 artış" -> "2,5% artış"; other text as it is."""
    match = _percent_before_regex().match(text) if "%" in text or "z" in text else None
    if match is None:
        return text
    return f"{match.group('qual') or ''}{match.group('num')}%{match.group('tail')}"


def _vulgar(match: re.Match[str]) -> str:
    fraction = Fraction(unicodedata.numeric(match.group(2))).limit_denominator(10)
    whole = f"{match.group(1)} " if match.group(1) else ""
    return f"{whole}{fraction.numerator}/{fraction.denominator}"


def clean_text(text: str) -> str:
    """Undo mangled markup and typographic variants that do not change the figure."""
    if not _NEEDS_CLEANING_RE.search(text):
        return text.strip()
    text = _CLEAN_RE.sub(" ", text)
    text = _DASH_RE.sub("-", text).replace("\u2024", ".")  # U+2024 one dot leader as a point
    text = _VULGAR_RE.sub(_vulgar, text)
    text = _GLUED_WORD_RE.sub(" ", text)  # "12-cent", "two-year", "8- to 16-meter"
    return _SPACES_RE.sub(" ", text).strip()


def parse_value(
    text: str, *, year: int | None = None, dollar: str = "USD", widen: float = DEFAULT_WIDEN
) -> ParsedValue:
    """Parse one figure as written; never raises for bad text (ok is False, with a finding)."""
    # Claim files and articles repeat their figures ("three", "about 100", "$1.5 billion"):
    # each distinct text is read once, and every caller gets its own copy to change.
    read = _parse_once(text, year, dollar, widen)
    return ParsedValue(
        read.text,
        read.ok,
        read.amount,
        read.low,
        read.high,
        read.unit,
        read.qualifier,
        read.rank_of,
        read.percentile,
        read.noun,
        read.year_hint,
        list(read.findings),
    )


def year_matters(text: str) -> bool:
    """Whether reading a figure with `year=` can change it: only a currency name with eras
    ("manat": AZM before 2006, AZN after) depends on the year. The test is a superset: the
    last word of an era's name anywhere in the text, or a bracket (a "(2020)" the grammar cuts
    out could join the letters around it)."""
    lowered = text.lower()
    return "(" in text or any(word in lowered for word in _era_words())


@cache
def _era_words() -> tuple[str, ...]:
    return tuple(sorted({name.split()[-1] for name in load_currencies().eras}))


@lru_cache(maxsize=65536)
def _parse_once(text: str, year: int | None, dollar: str, widen: float) -> ParsedValue:
    joined = spaced_decimal(text)  # "60, 54 million": 60,54 million, flagged
    result = _read_text(joined or text, year, dollar, widen)
    if joined is not None:
        result.text = " ".join(text.split())
        result.findings.append(SPACED_DECIMAL)
    enforce_invariants(result)
    return result


def enforce_invariants(result: ParsedValue) -> None:
    """What every reading must satisfy, checked once at the end of the grammar.

    A figure that overflows a float, a stacked scale ("$999 trillion trillion") or an interval
    whose ends are out of order is refused with a finding (ok False, no numbers); an amount that
    fell outside its own interval (a qualifier applied to a range) is put back inside it.
    """
    if not result.ok:
        result.amount = result.low = result.high = None
        result.rank_of = result.percentile = None
        return
    numbers = [n for n in (result.amount, result.low, result.high) if n is not None]
    problem = None
    if result.amount is None or any(math.isnan(n) for n in numbers):
        problem = Finding("unparseable", f"no number could be read from {result.text!r}")
    elif math.isinf(result.amount) or any(abs(n) > _LARGEST for n in numbers if math.isfinite(n)):
        problem = Finding(
            "too-large",
            f"the figure in {result.text!r} is too large to be a real figure (over 1e300); "
            "check the digits and the scale words",
        )
    elif result.noun and _stacked_scale(result.noun):
        problem = Finding(
            "stacked-scale",
            f"scale words repeated in {result.text!r}: write one scale (e.g. '$999 trillion') "
            "or the figure in digits",
        )
    elif result.low is not None and result.high is not None and result.low > result.high:
        problem = Finding("reversed-range", f"the interval of {result.text!r} is out of order")
    if problem is not None:
        result.ok = False
        result.findings.append(problem)
        enforce_invariants(result)
        return
    amount = float(result.amount or 0.0)
    low = -math.inf if result.low is None else result.low
    high = math.inf if result.high is None else result.high
    if not low <= amount <= high:
        both = math.isfinite(low) and math.isfinite(high)
        result.amount = (low + high) / 2.0 if both else min(max(amount, low), high)


# Past this a float has lost every digit that matters; no real figure is this large.
_LARGEST = 1e300


def _stacked_scale(noun: str) -> bool:
    """True when what follows the figure is only more scale words ("trillion trillion")."""
    words = noun.lower().split()
    return bool(words) and all(is_scale_word(word) for word in words)


def _read_text(text: str, year: int | None, dollar: str, widen: float) -> ParsedValue:
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
    if cleaned.count("(") != cleaned.count(")"):  # "(UAH 8.47 billion": a cut-off bracket
        cleaned = cleaned.strip("()").strip() or cleaned
    negative = cleaned.startswith("(") and cleaned.endswith(")") and bool(_DIGIT_RE.search(cleaned))
    if negative:  # accounting parentheses: "($99.99)" is minus 99.99
        cleaned = cleaned[1:-1].strip()
    notes: list[str] = []
    words_replaced = replace_number_words(cleaned, words, notes)
    result.findings.extend(Finding("ambiguous-number", note) for note in notes)
    filler = _FILLER_RE.match(words_replaced)
    if filler:
        words_replaced = words_replaced[filler.end() :]
    top = read_top_rank(words_replaced)
    if top is not None:
        _set_rank(top, result)
        return result
    percent_first = _PERCENT_FIRST_RE.match(words_replaced)
    if percent_first:  # "per cent of 210": the percentage written before its number
        words_replaced = f"{percent_first.group('rest')}%"
        result.findings.append(
            Finding(
                "assumed-percent",
                f"{cleaned!r} read as {percent_first.group('rest')} percent; write "
                f"'{percent_first.group('rest')}%' (or give the share and the whole)",
                level="warning",
            )
        )
    words_replaced = _percent_before(_one_in(words_replaced))
    if read_figure(words_replaced, year, dollar, widen, result):
        if negative:
            _negate(result)
    elif not result.findings and not (
        (parse_vague(cleaned, result) and _vague_unit(result, year, dollar, widen))
        or parse_article(cleaned, result)
    ):
        result.findings.append(
            Finding(
                "unparseable",
                f"no number found in {text!r}: write the figure with digits or number words",
            )
        )
    _check_noun(result)
    return result


# "1 in twenty-one", "one in five adults" (number words already digits): the fraction N/M.
_ONE_IN_RE = re.compile(r"^(?P<n>\d+)\s+in\s+(?P<m>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,])(?P<rest>.*)$")


def _one_in(text: str) -> str:
    """ "1 in 5 adults" -> "1/5 adults"; a year after "in" ("3 in 2025") stays a year."""
    match = _ONE_IN_RE.match(text) if " in " in text else None
    if match is None:
        return text
    n, m = int(match.group("n")), int(match.group("m").replace(",", ""))
    if not 0 < n < m or (len(match.group("m")) == 4 and 1800 <= m <= 2100):
        return text
    return f"{n}/{m}{match.group('rest')}"


def _vague_unit(result: ParsedValue, year: int | None, dollar: str, widen: float) -> bool:
    """ "millions of dollars", "thousands of tonnes", "several billion euros": the magnitude
    counts the unit after it (it was read as a count of people). Units whose one is not one of
    them ("pence") stay a count."""
    noun = result.noun or ""
    counted = noun[3:] if noun[:3].lower() == "of " else noun  # "several billion euros"
    plural = (result.qualifier or "").endswith("s")  # "thousands people" counts nothing else
    if counted.strip() and (noun[:3].lower() == "of " or not plural):
        measured = _parse_once(f"1 {counted}", year, dollar, widen)
        if measured.ok and measured.unit not in (None, "count") and measured.amount == 1.0:
            result.unit, result.noun = measured.unit, measured.noun
            result.findings.extend(measured.findings)
    return True


def _check_noun(result: ParsedValue) -> None:
    """A counted noun with a number word in it ("a baker's dozen") or a currency's noun in it
    ("Zimbabwean dollars", a currency no longer issued) was not fully understood."""
    if not result.ok or not result.noun or result.unit == "rank":
        return
    if any(f.code in {"unread-words", "extra-text"} for f in result.findings):
        return
    words = _LETTERS_RE.findall(result.noun.lower())
    if not NUMBER_WORDS.isdisjoint(words):
        message = (f"number words after the figure were not read: {result.noun!r}; "
                   "write the figure in digits")  # fmt: skip
    elif result.unit == "count" and not _currency_nouns().isdisjoint(words[:3]):
        message = (f"the currency in {result.noun!r} after the figure was not read; write its "
                   "ISO code (e.g. 'USD 5 billion')")  # fmt: skip
    else:
        return
    result.findings.append(Finding("unread-words", message))


@cache
def _currency_nouns() -> frozenset[str]:
    """The one-word currency names ("dollars", "pesos", "crowns"; not the short ones that are
    also English words: "rand", "real", "won")."""
    currencies = load_currencies()
    names = (n.lower() for n in [*currencies.names, *currencies.shared])
    return frozenset(name for name in names if name.isalpha() and len(name) > 4)


def _negate(result: ParsedValue) -> None:
    assert result.amount is not None and result.low is not None and result.high is not None
    result.amount, result.low, result.high = -result.amount, -result.high, -result.low
    result.findings.append(
        Finding(
            "negative-in-parentheses",
            "the figure in parentheses was read as negative (accounting style); "
            "write '-' if it is not",
            level="warning",
        )
    )


def _set_rank(rank: Rank, result: ParsedValue) -> None:
    result.ok = True
    result.unit = "rank"
    result.low, result.high = rank.low, rank.high
    result.amount = (rank.low + rank.high) / 2.0
    result.noun = rank.noun
    result.qualifier = rank.qualifier
    if rank.low < 1 or (rank.field is not None and rank.field < 1):
        result.ok = False
        result.findings.append(
            Finding("impossible-rank", "ranks start at 1 and a field holds at least one")
        )
        return
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
