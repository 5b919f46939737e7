"""Find figures in running text: try the figure grammar only where a figure can start.

Dates, model numbers, names and codes that only look like figures are in decoys.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reconcile.core.parsed_value import ParsedValue
from reconcile.core.patterns import YEAR
from reconcile.core.patterns import trie_alternation as alternation
from reconcile.reference.currencies import load_currencies
from reconcile.reference.scales import load_percent_words
from reconcile.reference.units import unit_aliases

from .decoys import is_figure
from .grammar import parse_value
from .numbers import FRACTION_WORDS, TEXT_FRACTION_OF_SCALE, TEXT_NUMBER_PATTERN, TEXT_WORD_NUMBERS
from .qualifiers import QUALIFIERS, qualifier_pattern
from .ranges_in_text import join_ranges, moved_between
from .ranks import SUPERLATIVE_WORDS, rank_in_text_pattern
from .scales import long_scale_forms
from .tails import currency_after, percent_pattern

# The words for "to" between two numbers in other languages ("od 5 do 7 mld", "5 bis 7"); their
# "and" ("5 и 7") is a list in running text, as English "and" is.
_TEXT_RANGE_WORDS = "до|do|bis|à"
# Words before a figure in running text that do not change it ("a total of 150").
FILLER_WORDS = ("a total of", "an additional", "to the excess of", "in excess of")


@cache
def _in_text_regex() -> re.Pattern[str]:
    currencies = load_currencies()
    prefix = currencies.prefix_pattern(in_text=True)
    suffix = currencies.suffix_pattern(in_text=True)
    plain, assumed = unit_aliases()
    units = alternation(set(plain) | set(assumed), flexible_space=True)
    # In running text the number is stricter (no spaces inside), words count, and what follows
    # must be a scale, a currency, percent or a unit; anything else ends the figure.
    range_to = rf"\s*(?:-|–|—|to|{_TEXT_RANGE_WORDS})\s*"
    # number words, with "and" after "hundred" ("one hundred and fifty thousand"); a number
    # word before a fraction word ("two thirds of the budget") is a share, not the number two
    words = (
        rf"(?:{TEXT_WORD_NUMBERS})"
        rf"(?:[\s-](?:{TEXT_WORD_NUMBERS})|(?<=hundred)\s+and\s+(?:{TEXT_WORD_NUMBERS}))*+"
        rf"(?![\s-]+(?:{'|'.join(FRACTION_WORDS)})s?(?![\w-]))"
    )
    # "one point five million": a spelled-out decimal (its scale word follows as usual)
    words += rf"(?:\s+point(?:\s+(?:{TEXT_WORD_NUMBERS}))+)?"
    text_number = (
        rf"(?:{TEXT_FRACTION_OF_SCALE})|"
        # "1 million 200 thousand": whole numbers before scale words (valued in words.py)
        r"\d{1,3}\s+(?:trillion|billion|million)(?:\s+\d{1,3}\s+(?:billion|million|thousand))+"
        r"(?![\w-])|"
        # "a billion dollars": the article as one, before a scale word that follows
        r"(?<!in )an?(?=\s+(?:thousand|million|billion|trillion)\b)|"
        rf"(?:{TEXT_NUMBER_PATTERN})(?:{range_to}(?:{TEXT_NUMBER_PATTERN}))?"
        rf"|{words}(?:{range_to}{words})?"
    )
    # The scale words of running text: the long ones in every language, with an abbreviation's
    # dot ("млн.", "Mrd."); one letter only glued to the number ("$5m").
    long_scales = alternation(long_scale_forms(), flexible_space=True)
    # Percent before its number (Turkish "yüzde 5", "%5"): read by the grammar.
    percent_before = alternation([w for w in load_percent_words("before") if w != "%"])
    # a dash after the scale before the range's second end ("€2.5bn-€3bn") or a compound
    # adjective ("a 1.2 million-strong army", "$1.5 trillion-plus")
    scale_end = r"(?![\w-])|(?=[-–](?:[€$£¥₹]|US\$)?\d)|(?=-[a-z])"
    scales = rf"(?:\s*|-)(?:{long_scales})\.?(?:{scale_end})|(?:[kmb])(?:{scale_end})"
    in_text_figure = (
        rf"(?:(?P<qual>{qualifier_pattern(FILLER_WORDS)})\s*)?"
        rf"(?:(?P<pct>{percent_before})\s*|%(?=\d))?(?P<cur>{prefix})?\s?"
        rf"(?P<num>{text_number})"
        rf"(?P<scale>{scales})?"
        rf"(?:\s*(?P<suffix>{percent_pattern()}|{suffix}|(?:{units})\b|‰|¢|per\s+mille\b)"
        rf"(?![-\w])(?:\s+per\s+(?:year|annum|month))?"
        # glued pence and degrees ("50p", "40C"; the grammar flags the degrees)
        r"|(?<=\d)(?-i:p|C|F)(?![\w°-]))?"
    )
    return re.compile(
        rf"(?P<rankfig>{rank_in_text_pattern(TEXT_WORD_NUMBERS)})"
        rf"|(?P<figure>(?<![\w.,]){in_text_figure})",
        re.IGNORECASE,
    )


_ANCHOR_WORDS = (
    f"{TEXT_WORD_NUMBERS}|{SUPERLATIVE_WORDS}|top|thousands|hundreds|dozens|tens|millions|"
    "billions|thousand|million|billion|trillion|"
    "first|second|third|fourth|fifth|" + "|".join(f"{w}|{w}s" for w in FRACTION_WORDS)
)
# Scanned case-sensitively over a lower-cased copy: IGNORECASE makes this scan 5x slower. The
# words as a prefix tree: at each word start one branch is tried, not fifty.
_ANCHOR_RE = re.compile(rf"\d+(?:[.,\u2024]\d+)*|\b(?:{alternation(_ANCHOR_WORDS.split('|'))})\b")
_ANCHOR_ANY_CASE_RE = re.compile(_ANCHOR_RE.pattern, re.IGNORECASE)
_WORD_START_RE = re.compile(r"(?<![\w.,'’$€£₼~≈<>-])[\w$€£₼~≈<>]")


@cache
def _start_regex() -> re.Pattern[str]:
    """Word starts (in lower-cased text) that can begin a figure: a qualifier, currency, rank or
    number word, a possessive ("europe's largest"), a digit, a symbol or a non-ASCII letter."""
    currencies = load_currencies()
    written = [*QUALIFIERS, *FILLER_WORDS, *currencies.symbols, *currencies.codes]
    written += load_percent_words("before")
    written += [s for s in currencies.shared if len(s) <= 3]
    words = {m.group(0) for w in written if (m := re.match(r"[a-z]+", w.lower()))}
    words |= set(_ANCHOR_WORDS.replace(" ", "|").split("|"))
    words |= {"ranked", "ranks", "ranking", "placed", "the", "its", "in", "one", "several", "a"}
    signs = "".join(sorted({s[0] for s in currencies.symbols if not s[0].isalnum()} | {"%"}))
    signs = re.escape(signs + "~≈<>")
    return re.compile(
        rf"(?<![\w.,'’{signs}-])(?:(?:{alternation(words)})(?![a-z])|[a-z]+(?=['’]s)"
        rf"|(?![a-z])[\w{signs}])"
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
            counted = _counted_currency(text, end)  # "millions of dollars", "several billion euros"
            if counted is not None:
                end, written = counted, text[start:counted].strip()
        else:
            if not is_figure(text, match):
                continue
            written = match.group(0).strip().rstrip(" ,.")
            if _moved_up_to(text, match):  # "inflation edges up to 3.2%": rose to, no bound
                start = (
                    match.end("qual")
                    + len(text[match.end("qual") : match.end()])
                    - len(text[match.end("qual") : match.end()].lstrip())
                )
                written = text[start : match.end()].strip().rstrip(" ,.")
            end = start + len(written)
            if not match.group("suffix"):
                # Names in other languages are looked up, not matched: "5 млрд долларов США".
                named = currency_after(text, match.end(), scaled=bool(match.group("scale")))
                if named is not None:
                    end = named[1]
                    written = text[start:end].strip()
        if text.startswith("-plus", end):
            written, end = f"at least {written}", end + 5  # "5 million-plus", "3,000-plus"
        elif text.startswith("-odd", end) and re.fullmatch(r"[1-9]\d*0", written.replace(",", "")):
            # "40-odd" is forty-something: 40 to 49; "300-odd" 300 to 399
            number = int(written.replace(",", ""))
            zeros = len(str(number)) - len(str(number).rstrip("0"))
            written, end = f"{number} to {number + 10**zeros - 1}", end + 4
        elif (money := _MONEY_ADJECTIVE_RE.match(text, end)) and written[-1:].isalpha():
            # "a billion-dollar fund": about a billion dollars
            written, end = f"{written} {money.group(1).lower()}s", money.end()
        dated = _DATED_RANGE_RE.match(written)
        if dated and _DATE_WORD_BEFORE_RE.search(text, 0, start):
            # "grew 4 percent in 2022 to 950 million euros": a year, then the figure.
            written, start = written[dated.end() :], start + dated.end()
        if _NEGATIVE_BEFORE_RE.search(text, max(0, start - 12), start) and written[:1].isdigit():
            # "returned -0.9%", "growth of −1.2 per cent": the sign is the figure's
            written, start = text[start - 1] + written, start - 1
        parsed = parse_value(written)
        lead = _RANGE_LEAD_RE.match(written)
        if not parsed.ok and lead:
            # "from X last year to Y": the range's words are apart; X is a figure of its own.
            written, start = written[lead.end() :], start + lead.end()
            parsed = parse_value(written)
        if parsed.ok:
            found += moved_between(text, start, written, parsed) or [(start, end, parsed)]
    return join_ranges(text, found)


# A minus sign glued to a number, after a space or a bracket and not after a number ("10 -12"
# and "2020 -21" are ranges; "COVID-19" and "Su-27" are names).
_NEGATIVE_BEFORE_RE = re.compile(r"(?:^|(?<![\d%.,])[\s(\[:])[-\u2212]$")


# A verb of movement before "up to": the figure is where it moved, not an upper bound.
_MOVED_RE = re.compile(
    r"\b(?:edg|inch|tick|mov|go|went|creep|crept|climb|jump|ris|rose|shot|push|bump|revis|"
    r"ramp|step|scal|sen[dt]|br(?:ing|ought)|driv|drove|push)\w*\s+$",
    re.IGNORECASE,
)


_OF_RE = re.compile(r"\s+of\s+", re.IGNORECASE)


def _counted_currency(text: str, end: int) -> int | None:
    """Where the currency a vague magnitude counts ends ("millions of dollars", "several
    billion euros"), or None."""
    of = _OF_RE.match(text, end)
    named = currency_after(text, of.end() if of else end, scaled=not of)
    return None if named is None else named[1]


def _moved_up_to(text: str, match: re.Match[str]) -> bool:
    qualifier = match.group("qual")
    if not qualifier or " ".join(qualifier.lower().split()) != "up to":
        return False
    return bool(_MOVED_RE.search(text, max(0, match.start() - 30), match.start("qual")))


_MONEY_ADJECTIVE_RE = re.compile(r"-(dollar|euro|pound)\b", re.IGNORECASE)
_RANGE_LEAD_RE = re.compile(r"(?i)(?:from|between|от|між|между|od|między|zwischen|entre)\s+")
# A year at the start of a range, after a word that dates it: the range is a date and a figure.
_DATED_RANGE_RE = re.compile(rf"(?:{YEAR})\s*(?:to|-|–|—)\s*(?!(?:{YEAR})\b)(?=\d)", re.I)
_DATE_WORD_BEFORE_RE = re.compile(r"\b(?:in|by|since|until|till|during)\s+$", re.I)


def _scan_figures(text: str) -> Iterator[re.Match[str]]:
    """Try the figure grammar only at word starts just before digits and number words.

    Matching at a handful of positions per anchor instead of searching every character keeps
    plain text above 1 MB/s.
    """
    regex = _in_text_regex()
    last_end = 0
    lowered = text.lower()
    # lower() may lengthen a few characters ("İ"); then offsets differ, so scan the original.
    same_length = len(lowered) == len(text)
    anchors = _ANCHOR_RE.finditer(lowered) if same_length else _ANCHOR_ANY_CASE_RE.finditer(text)
    # Most words before a number cannot start a figure: on lower-cased text, find only the
    # words that can (see _start_regex); else every word start.
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
