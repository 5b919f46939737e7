"""Figures written out of order or in part, read as a careful reader reads them, and said so.

Each repair is a general writing pattern, and every repaired draft says in its note what was
read and why, so a reviewer checks it against the text:

- a year and an amount swapped, as machine translation writes them: "it was 2020 billion
  liras in 93,91" is 93,91 billion liras in 2020;
- a scale or unit written once for two figures given for two years: "17.4 in 2020 and 15.4
  billion in 2021" gives 17.4 billion;
- a scaled amount without its currency right after a figure that has one: "$20.6 billion in
  2019 ... 15.4 billion in 2021" is in dollars too;
- a proportion written as two counts: "one in five" is 20 percent, not a one and a five;
- a decimal comma with a space after it before a scale word: "60, 54 million" is 60,54 million.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from reconcile.core.parsed_value import ParsedValue
from reconcile.figures.flags import spaced_decimal
from reconcile.figures.grammar import parse_value

from .home_currency import shared_word

_YEAR_FIRST_RE = re.compile(
    r"((?:19|20)\d\d)(\s+(?:trillion|billion|million|thousand|bn|mln|mn|tn)\b.*)", re.IGNORECASE
)
_BARE_NUMBER_RE = re.compile(r"\d{1,3}(?:[.,]\d+)?")
# "2020 billion liras in 93,91", "2021 billion liras in defense in 99"
_SWAP_GAP_RE = re.compile(r"\s+in\s+(?:[^\W\d]+\s+in\s+)?", re.IGNORECASE)
# "17.4 in 2020 and; 15.4 billion in 2021", "17.4 in 2020, 15.4 billion in 2021"
_PAIRED_GAP_RE = re.compile(
    r"\s+in\s+(?:19|20)\d\d\s*(?:[,;]\s*(?:and|or)?|and|or)\s*;?\s*", re.IGNORECASE
)
_SCALED_RE = re.compile(r"\d\s*(?:trillion|billion|million|bn|mln|mn|tn)\b", re.IGNORECASE)
# What may follow an amount whose currency is left out: the end of a clause, or a year.
_CLAUSE_END_RE = re.compile(
    r"\s*(?:[.,;:)]|$|(?:in|for|by|and|de|del|en|w|в|у|im|à|pour)\s+(?:19|20)\d\d\b)"
)
_CURRENCY_REACH = 600  # characters back to the figures whose currency may be repeated
# A sentence that counts people or things: "The population is 1.2 million."
_COUNTED_RE = re.compile(
    r"\b(?:people|persons|population|residents|inhabitants|citizens|troops|soldiers|personnel"
    r"|workers|employees|users|voters|votes|visitors|tourists|cases|barrels|tons|tonnes|units)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Repair:
    """How a figure was re-read: its new reading, the period the text gives it, and why."""

    parsed: ParsedValue
    period: str | None
    note: str


Figures = list[tuple[int, int, ParsedValue]]


def repair_figures(text: str, figures: Figures) -> tuple[Figures, dict[int, Repair]]:
    """The figures with the repairs above made; the repairs by figure start."""
    repairs: dict[int, Repair] = {}
    out = _spaced_decimals(text, figures, repairs)
    out = _proportions(text, out, repairs)
    out = _swapped_years(text, out, repairs)
    out = _paired_scales(text, out, repairs)
    out = _repeated_currencies(text, out, repairs)
    return out, repairs


Figure = tuple[int, int, ParsedValue]


def _merge_pairs(
    figures: Figures, merge: Callable[[Figure, Figure], tuple[ParsedValue, str | None, str] | None],
    repairs: dict[int, Repair],
) -> Figures:  # fmt: skip
    """Each figure and the next read as one where `merge` says how: (reading, period, note)."""
    out: Figures = []
    skip = -1
    for i, figure in enumerate(figures):
        if i == skip:
            continue
        after = figures[i + 1] if i + 1 < len(figures) else None
        merged = merge(figure, after) if after is not None else None
        if merged is None:
            out.append(figure)
            continue
        reread, period, note = merged
        repairs[figure[0]] = Repair(reread, period, note)
        out.append((figure[0], figures[i + 1][1], reread))
        skip = i + 1
    return out


def _spaced_decimals(text: str, figures: Figures, repairs: dict[int, Repair]) -> Figures:
    """ "60, 54 million lira" is 60,54 million lira (as machine translation and hasty typing
    write a decimal comma), not a 60 and a 54 million: said in the note, for a person to check."""

    def merge(figure: Figure, after: Figure) -> tuple[ParsedValue, str | None, str] | None:
        start, end, parsed = figure
        if not (
            re.fullmatch(r"\d{1,3}", parsed.text.strip())
            and text[end : after[0]] == ", "
            and after[1] - start < 60
            and spaced_decimal(text[start : after[1]])  # the grammar's own test
        ):
            return None
        written = text[start : after[1]]
        reread = parse_value(written)  # the grammar reads it so, with its finding
        if not reread.ok or reread.amount is None:
            return None
        note = (f"read {written!r} as {reread.amount:,.6g}: a decimal comma written with a "
                "space after it; check the original")  # fmt: skip
        return reread, None, note

    return _merge_pairs(figures, merge, repairs)


def _proportions(text: str, figures: Figures, repairs: dict[int, Repair]) -> Figures:
    def merge(figure: Figure, after: Figure) -> tuple[ParsedValue, str | None, str] | None:
        start, end, parsed = figure
        if not (
            _is_count(parsed) and _is_count(after[2]) and _IN_RE.fullmatch(text, end, after[0])
        ):
            return None
        part, whole = parsed.amount or 0.0, after[2].amount or 0.0
        if not (0 < part < whole <= 1000 and whole == int(whole) and part == int(part)):
            return None
        share = 100 * part / whole
        # "fewer than one in twenty": the bound is the proportion's
        bound = parsed.text.rsplit(None, 1)[0] + " " if parsed.qualifier else ""
        reread = parse_value(f"{bound}{share:.3g} percent")
        written = text[start : after[1]]
        return reread, None, f"read {written!r} as {reread.text}: a proportion, not two counts"

    return _merge_pairs(figures, merge, repairs)


_IN_RE = re.compile(r"\s+in\s+")


def _is_count(parsed: ParsedValue) -> bool:
    return parsed.unit in (None, "count") and parsed.ok and parsed.amount is not None


def _is_bare(parsed: ParsedValue) -> bool:
    return parsed.unit in (None, "count") and bool(_BARE_NUMBER_RE.fullmatch(parsed.text.strip()))


def _swapped_years(text: str, figures: Figures, repairs: dict[int, Repair]) -> Figures:
    def merge(figure: Figure, after: Figure) -> tuple[ParsedValue, str | None, str] | None:
        start, end, parsed = figure
        found = _YEAR_FIRST_RE.fullmatch(parsed.text.strip())
        if not (found and _is_bare(after[2]) and _SWAP_GAP_RE.fullmatch(text, end, after[0])):
            return None
        reread = parse_value(after[2].text.strip() + found.group(2))
        if not reread.ok or reread.amount is None:
            return None
        written = text[start : after[1]]
        note = (
            f"read as {reread.text!r} in {found.group(1)}: the text writes {written!r}, a year "
            "where the amount goes (as machine translation does); check the original"
        )
        # The figure is the whole phrase, year and amount, where the text writes it.
        return reread, found.group(1), note

    return _merge_pairs(figures, merge, repairs)


def _paired_scales(text: str, figures: Figures, repairs: dict[int, Repair]) -> Figures:
    out = list(figures)
    for i in range(len(out) - 1):
        start, end, parsed = out[i]
        after_start, _, after = out[i + 1]
        if not _is_bare(parsed) or start in repairs or _is_bare(after):
            continue  # the next figure must carry a scale or a unit to lend
        if not _PAIRED_GAP_RE.fullmatch(text, end, after_start):
            continue
        number = _BARE_NUMBER_RE.search(after.text)
        if number is None:
            continue
        prefix, rest = after.text[: number.start()], after.text[number.end() :]
        reread = parse_value(prefix + parsed.text.strip() + rest)
        if reread.ok and reread.unit == after.unit:
            note = (f"read as {reread.text!r}: the scale and unit are written once, with the "
                    f"next figure {after.text.strip()!r}")  # fmt: skip
            repairs[start] = Repair(reread, None, note)
            out[i] = (start, end, reread)
    return out


def _is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit or "") == 3 and (unit or "").isupper()


def _scaled(written: str) -> bool:
    """A figure written with a scale word of any language ("15.4 billion", "17.200 millones")."""
    from reconcile.figures.scales import is_scale_word

    return bool(_SCALED_RE.search(written)) or any(
        is_scale_word(w.strip(".,")) for w in written.split()[1:]
    )


def _size_gap(parsed: ParsedValue, amount: float) -> float:
    other = abs(parsed.amount or 0.0)
    return abs(math.log(other / abs(amount))) if other and amount else math.inf


def _repeated_currencies(text: str, figures: Figures, repairs: dict[int, Repair]) -> Figures:
    out = list(figures)
    for i, (start, end, parsed) in enumerate(out):
        if parsed.unit not in (None, "count") or not _scaled(parsed.text):
            continue
        # "cut by 75 million ($25.9 million) to 805 million lari": restated in brackets in a
        # currency, it is money, in the currency its sentence writes after it
        restated = (
            i + 1 < len(out)
            and _is_currency(out[i + 1][2].unit)
            and bool(_BRACKET_OPEN_RE.fullmatch(text, end, out[i + 1][0]))
        )
        if not (restated or _CLAUSE_END_RE.match(text, end) or _GOES_ON_RE.match(text, end)):
            continue  # "15.4 billion people": the noun after it says what it counts
        near = [f for f in out[:i] if _is_currency(f[2].unit) and start - f[1] < _CURRENCY_REACH]
        if restated:
            stop = _SENTENCE_END_RE.search(text, end)
            near += [f for f in out[i + 2 :] if _is_currency(f[2].unit)
                     and f[0] < (stop.start() if stop else len(text))]  # fmt: skip
        amount = parsed.amount
        if (
            not near
            or amount is None
            or _COUNTED_RE.search(text, text.rfind(".", 0, start) + 1, start)
        ):
            continue  # the sentence counts people or things
        # A restatement in brackets is an aside: the text's own currency is outside them.
        main = [f for f in near if not _in_brackets(text, f[0])] or near
        # The series it continues: of the figures in reach, the one nearest in size ("$20.6
        # billion in 2019, ... 388 billion TL in 2023, ... 15.4 billion in 2021": dollars);
        # a text of one currency lends it to a part a hundred times smaller ("of which 45
        # billion for hospitals").
        before = min(main, key=lambda f: (_size_gap(f[2], amount), -f[0]))
        reach = math.log(100 if len({f[2].unit for f in main}) == 1 else 10)
        if _size_gap(before[2], amount) > reach:
            continue  # no series of that size
        code = str(before[2].unit)
        word = shared_word(before[2])  # "crowns": left for the country's currency to decide
        reread = parse_value(f"{parsed.text.strip()} {word}" if word else f"{code} {parsed.text}")
        if reread.ok and reread.unit == code:
            earlier = repairs.get(start)
            where = "before" if before[0] < start else "after"
            note = (f"read in {word or code}: the currency is written with the figure {where} "
                    f"it, {before[2].text.strip()!r}")  # fmt: skip
            if earlier is not None:
                note = f"{earlier.note}; {note}"
            repairs[start] = Repair(reread, earlier.period if earlier else None, note)
            out[i] = (start, end, reread)
    return out


# After an amount whose currency is left out, words that go on with the sentence rather than
# name what it counts: "up from 15.8 trillion a year earlier", "45 billion will go to ...".
_GOES_ON_RE = re.compile(
    r"\s+(?:an?\s+year\s+(?:earlier|before|ago)|(?:in\s+)?the\s+(?:previous|prior|same)\s+"
    r"(?:year|period|quarter)|(?:last|next|this)\s+year|earlier|before|previously|ago|"
    r"will|would|could|should|may|might|is|was|were|are|has|had|have|went|goes|go|"
    r"(?:to|for|on|from|against)\s+(?!\d))\b",
    re.IGNORECASE,
)


_BRACKET_OPEN_RE = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+|nearly\s+)?")
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|[\"»”]|$)")


def _in_brackets(text: str, position: int) -> bool:
    return text.rfind("(", 0, position) > text.rfind(")", 0, position)
