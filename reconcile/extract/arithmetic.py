"""Relations a sentence states between its figures: restated equivalents, changes, shares and
parts of a total (the claim fields of docs/claims-format.md, "Relations").

Works on one sentence and the figures found in it (start, end, parsed value), by the wording
between and around them; it never reads a figure itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from reconcile.claims.catalogue import Catalogue
from reconcile.core.parsed_value import ParsedValue
from reconcile.core.patterns import UP_AS_RISE, YEAR
from reconcile.reference.currencies import load_currencies

from .amount_changes import RAISED_BY_RE, is_fall, negated
from .metric_cues import CLAUSE_BREAK_RE
from .stages import INCREMENT, find_scope


class Linkable(Protocol):
    """What link_relations needs of a draft."""

    id: str
    value: str
    relations: dict[str, str]


Figure = tuple[int, int, ParsedValue]

# "X (Y)", "X (about Y)", "X, or about Y,", "X, i.e. Y": a restatement of the figure before.
_RESTATE_GAP = re.compile(r"^\s*(?:[(\[]|,?\s*(?:or|i\.e\.|that is|equivalent to)\s*,?)\s*$", re.I)
_RESTATE_END = re.compile(r"^\s*(?:[)\],;.]|$)")
# "at 2.7 lari to the dollar", "at a rate of 480 drams per US dollar".
_RATE = re.compile(
    r"\bat\s+(?:an?\s+(?:exchange\s+)?rate\s+of\s+)?(?P<rate>\d+(?:[.,]\d+)?)\s+"
    r"(?P<quote>[^\W\d]+(?:\s[^\W\d]+)?)\s+(?:to|per|for|a|an)\s+(?:the\s+|one\s+|a\s+|1\s+)?"
    r"(?P<base>US\s+dollar|dollar|euro|[A-Z]{3})s?\b",
    re.I,
)
# After a price of one currency in another: "4.6 lei to the dollar", "92 rupees per US$".
_PER_CURRENCY_AFTER = re.compile(
    r"\s*(?:to|per|for|against|a|an)\s+(?:the\s+|one\s+|a\s+|each\s+|every\s+|1\s+)?"
    r"(?:(?:US|U\.S\.)\s*)?(?:dollars?|euros?|pounds?|yuan|yen|\$|€|£|[A-Z]{3})"
    r"(?![\w-]|\s+(?:area|zone|region|bloc))"
)


def is_exchange_rate(text: str, end: int, value: ParsedValue) -> bool:
    """True when a small unscaled amount of money is the price of another currency ("at 4.6
    lei to the dollar"): the text's rate, a receipt for its restatements, not a figure."""
    small = value.amount is not None and abs(value.amount) < 100_000
    money = bool(value.unit) and len(value.unit or "") == 3 and (value.unit or "").isupper()
    return money and small and bool(_PER_CURRENCY_AFTER.match(text, end))


_RISE_BEFORE = re.compile(
    rf"\b(?:increase[ds]?|rise|rose|risen|grew|grown|growth|{UP_AS_RISE}|higher|jump(?:ed)?|surge[ds]?|"
    r"(?P<fall>decrease[ds]?|decline[ds]?|cut|fell|fallen|drop(?:ped)?|lower|down|reduc(?:ed|tion)))"
    r"\s+(?:of|by)?\s*$",
    re.I,
)
_RISE_AFTER = re.compile(
    r"^\s*(?:(?:year[- ]on[- ]year|annual|an?)\s+)?(?:increase|rise|growth|higher|more|up|"
    r"(?P<fall>decrease|decline|cut|drop|lower|less|down|reduction))\b",
    re.I,
)
_BASELINE = re.compile(
    rf"\b(?:compared\s+(?:with|to)|than|over|from|on|since|versus|vs\.?)\s+(?:(?:in|the)\s+)?"
    rf"(?P<year>{YEAR})?|\b(?:previous|last|prior)\s+year\b|year[- ]on[- ]year",
    re.I,
)
# After a rise or fall "by X percent": the figure it reached ("in 2019 to $20.8 billion").
_REACHED_AFTER = re.compile(rf"^\s*(?:in\s+{YEAR}\s+)?to\s+(?=\S*\d)", re.I)
_WITH_CHANGE = re.compile(
    r"\bwith\s+an?\s+(?:(?:annual|year[- ]on[- ]year)\s+)?(?:increase|rise|growth|decrease|"
    r"decline|drop|fall|reduction|cut)\s+of\s*$",
    re.I,
)
# "2.1% of GDP", "3 % of the armed forces" (the whole named after "of").
_SHARE_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:\w+['’]s\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?P<whole>(?=[\w\s-]{2,40})[^\W\d_][\w-]*(?:\s+(?!\d)[\w-]+){0,5})",
    re.I,
)
# Between the words naming a whole and its own figure: "of the budget of 4.2 trillion".
_WHOLE_GAP = re.compile(
    r"\s*(?:,\s*)?(?:of|at|worth|totall?ing|amounting\s+to|estimated\s+at)?\s*"
    r"(?:about|some|nearly|around|roughly|almost|over)?\s*",
    re.I,
)
_TOTAL_BEFORE = re.compile(
    r"(?:,|\band|—|-)?\s*(?:a\s+)?total(?:ling|ing)?\s*(?:of)?\s*$|\bin\s+all\s*$", re.I
)
_OF_WHICH = re.compile(
    r"^\W*\s*(?:of\s+which|including|consisting\s+of|comprising|among\s+them)\b", re.I
)


@dataclass(frozen=True, slots=True)
class StatedRelation:
    """One relation: the figure that carries the field, the field, and what it points at."""

    figure: int  # index of the figure whose claim gets the field
    field: str  # equivalent_of | change_of | share_of | part_of
    target: int | None  # index of the figure referred to (None for share_of a metric)
    whole: str | None = None  # share_of: the words naming the whole
    rate: str | None = None  # equivalent_of: "2.7 GEL/USD" when the text states its rate
    change_from: str | None = None  # change_of: the base period when the text names it
    base: int | None = None  # change_of: the figure the change is from, when the text gives it
    negative: bool = False  # change_of: the wording says a fall


def _is_money_or_quantity(value: ParsedValue) -> bool:
    return bool(value.unit) and value.unit not in {"count", "percent", "rank"}


def find_stated_relations(
    text: str, figures: Sequence[Figure], currency_codes: dict[str, str] | None = None
) -> list[StatedRelation]:
    """The relations one sentence states between its figures (in order of the figures)."""
    found: list[StatedRelation] = []
    rate = _stated_rate(text, currency_codes or {})
    found += _equivalents(text, figures, rate)
    # A restatement is never the figure a change or a share is about: its original is.
    restated = {r.figure for r in found}
    found += _changes(text, figures, restated)
    found += _amount_changes(text, figures, restated)
    found += _shares(text, figures, restated)
    found += _totals(text, figures)
    return found


def _code(written: str, codes: dict[str, str]) -> str | None:
    """The ISO code of a currency as the rate writes it ("lari", "lei", "USD"), or None."""
    from reconcile.reference.currencies import resolve_currency

    code = codes.get(written.lower())
    if code is None:
        try:
            code = resolve_currency(written, None)[0]  # a name several share: the one assumed
        except KeyError:
            code = written.upper()
    return code if re.fullmatch(r"[A-Z]{3}", code) and code in load_currencies().codes else None


def _stated_rate(text: str, codes: dict[str, str]) -> str | None:
    match = _RATE.search(text)
    if not match:
        return None
    quote, base = (_code(match[k], codes) for k in ("quote", "base"))
    if quote is None or base is None:
        return None
    return f"{match['rate'].replace(',', '.')} {quote}/{base}"


def _equivalents(text: str, figures: Sequence[Figure], rate: str | None) -> list[StatedRelation]:
    out = []
    for n in range(1, len(figures)):
        (_, end, first), (start, stop, second) = figures[n - 1], figures[n]
        if not (first.ok and second.ok and _is_money_or_quantity(first)):
            continue
        if not _is_money_or_quantity(second) or first.unit == second.unit:
            continue
        if _RESTATE_GAP.match(text[end:start]) and _RESTATE_END.match(text[stop:]):
            out.append(StatedRelation(n, "equivalent_of", n - 1, rate=rate))
    return out


def _nearest(
    figures: Sequence[Figure],
    n: int,
    keep: Callable[[ParsedValue], bool],
    skip: set[int],
    after: bool | None = None,
) -> int | None:
    """The closest figure to figure n (by characters) that `keep` accepts, outside `skip`; on
    one side of it first when `after` says which (True: after it, False: before it)."""
    if after is not None:
        side = [m for m in range(len(figures)) if (m > n) == after and m != n]
        found = _nearest(figures, n, keep, skip | (set(range(len(figures))) - set(side)))
        if found is not None:
            return found
    start, end, _ = figures[n]
    best: tuple[int, int] | None = None
    for m, (s, e, value) in enumerate(figures):
        if m == n or m in skip or not keep(value):
            continue
        distance = start - e if e <= start else s - end
        if best is None or distance < best[0]:
            best = (distance, m)
    return None if best is None else best[1]


def _changes(text: str, figures: Sequence[Figure], skip: set[int]) -> list[StatedRelation]:
    out = []
    for n, (start, end, value) in enumerate(figures):
        if value.unit != "percent" or not value.ok:
            continue
        before = _RISE_BEFORE.search(text[max(0, start - 40) : start]) or RAISED_BY_RE.search(
            text[max(0, start - 60) : start]
        )
        after = _RISE_AFTER.match(text[end : end + 40])
        if not (before or after):
            continue
        baseline = _BASELINE.search(text[end : end + 80]) or _BASELINE.search(text[:start])
        # "increased by 6 percent in 2019 to $20.8 billion": against the period before.
        reached = before is not None and bool(_REACHED_AFTER.match(text[end : end + 30]))
        # "will be $2.5 billion in 2021, with a decrease of 13 %": the figure before it changed.
        reached = reached or bool(_WITH_CHANGE.search(text[max(0, start - 40) : start]))
        if not (baseline or reached):
            continue
        base = _base_figure(text, figures, skip)
        if base is not None and CLAUSE_BREAK_RE.search(text, *sorted((figures[base][1], start))):
            base = None  # "a loss of 2.2 billion a year earlier, as orders rose 17%": not theirs
        changed = (
            None if base is None else _nearest(figures, n, _is_money_or_quantity, skip | {base})
        )
        if changed is None or figures[changed][2].unit != figures[base or 0][2].unit:
            # No base figure in the same unit: the change is of the figure before it ("a 7.95
            # trillion yen budget, up 16.5%, ... a 43 trillion yen buildup"), or after it when
            # it rose to that ("rose 5% to $3 billion").
            side = bool(_REACHED_AFTER.match(text[end : end + 30]))
            base = None
            changed = _nearest(figures, n, _is_money_or_quantity, skip, after=side)
        if changed is None:
            continue
        fall = bool((before and before["fall"]) or (after and after["fall"]))
        year = None if base is not None or not baseline else baseline.groupdict().get("year")
        out.append(
            StatedRelation(n, "change_of", changed, change_from=year, negative=fall, base=base)
        )
    return out


def _amount_changes(text: str, figures: Sequence[Figure], skip: set[int]) -> list[StatedRelation]:
    """ "rose by $850 million to $9.6 billion": an amount of change and the level it reached."""
    out = []
    for n in range(len(figures) - 1):
        start, end, value = figures[n]
        if n in skip or not value.ok or value.unit in (None, "percent", "rank"):
            continue
        reached = _REACHED_AFTER.match(text[end : end + 30])
        after = figures[n + 1]
        if reached is None or end + reached.end() != after[0] or after[2].unit != value.unit:
            continue
        if after[2].ok and find_scope(text, start, end) == INCREMENT:
            fall = is_fall(text, start, value.text)
            out.append(StatedRelation(n, "change_of", n + 1, negative=fall))
    return out


# Words just before the figure a change is measured from: "from $11 billion", "compared with
# last year's revised estimate of 4.8 billion", "than 20 tonnes".
_BASE_BEFORE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|than|versus|vs\.?|against|over|"
    r"(?:last|previous|prior|this|the\s+current)\s+year['’]s)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)


def _base_figure(text: str, figures: Sequence[Figure], skip: set[int]) -> int | None:
    """The figure a stated change is from, when the sentence gives both ends in one unit."""
    money = [m for m, f in enumerate(figures) if m not in skip and _is_money_or_quantity(f[2])]
    if len(money) < 2:
        return None
    based = [
        m for m in money if _BASE_BEFORE.search(text[max(0, figures[m][0] - 60) : figures[m][0]])
    ]
    return based[0] if len(based) == 1 else None


def _shares(text: str, figures: Sequence[Figure], skip: set[int]) -> list[StatedRelation]:
    out = []
    for n, (_, end, value) in enumerate(figures):
        if value.unit != "percent" or not value.ok:
            continue
        match = _SHARE_AFTER.match(text[end : end + 60])
        if not match:
            continue
        # the part is a sum or a count ("1,000 women, 3 % of the forces"), never a rank, nor
        # the whole's own figure ("3 % of the total budget of 4.2 trillion")
        named = end + match.end()
        own = {m for m, f in enumerate(figures) if f[0] >= named and _WHOLE_GAP.fullmatch(
            text, named, f[0])}  # fmt: skip
        part = _nearest(
            figures, n, lambda v: v.ok and v.unit not in {"percent", "rank"}, skip | own
        )
        if part is None:
            continue
        whole = re.split(r"\s+(?:in|for|and|with|on|by|to|at)\b", match["whole"].strip())[0]
        out.append(StatedRelation(n, "share_of", None, whole=whole.strip()))
        out.append(StatedRelation(n, "part", part))
    return out


def _totals(text: str, figures: Sequence[Figure]) -> list[StatedRelation]:
    """ "A, B and C, a total of T" and "T, of which A and B": parts of a total."""
    out = []
    for n, (start, end, value) in enumerate(figures):
        if not value.ok:
            continue
        unit = value.unit
        if _TOTAL_BEFORE.search(text[max(0, start - 30) : start]) or "total" in text[start:end]:
            parts = [m for m in range(n) if figures[m][2].unit == unit and figures[m][2].ok]
        elif _OF_WHICH.match(text[end : end + 30]):
            parts = [m for m in range(n + 1, len(figures)) if figures[m][2].unit == unit]
        else:
            continue
        if len(parts) >= 2:
            out += [StatedRelation(m, "part_of", n) for m in parts]
    return out


# The wholes a share is commonly "of", by the words that name them, and their metric ids.
_WHOLES = (
    (re.compile(r"^(?:gdp|gross domestic product)\b", re.I), "gdp"),
    (
        re.compile(
            r"^(?:(?:government|state|public|total)\s+(?:spending|expenditure)"
            r"|(?:(?:government|state|national|total|overall|annual)\s+)?budget\b)",
            re.I,
        ),
        "state_budget_expenditure",
    ),
)


@cache
def _currency_codes() -> dict[str, str]:
    """Currency names (lower case) to ISO codes, built once: every sentence asks."""
    return {name.lower(): code for name, code in load_currencies().names.items()}


def link_relations(
    sentence: str,
    figures: Sequence[Figure],
    drafts: Sequence[Linkable | None],
    catalogue: Catalogue,
) -> None:
    """Write the relations the sentence states into its drafts (figures and drafts align)."""
    for relation in find_stated_relations(sentence, figures, _currency_codes()):
        draft = drafts[relation.figure]
        target = drafts[relation.target] if relation.target is not None else None
        if draft is None or (relation.target is not None and target is None):
            continue
        if relation.field == "share_of":
            whole = next((m for p, m in _WHOLES if p.match(relation.whole or "")), None)
            if whole is None or whole not in catalogue.metrics:
                continue  # a whole no metric names: better no relation than a wrong one
            draft.relations["share_of"] = whole
        elif relation.field == "part" and "share_of" not in draft.relations:
            continue
        elif relation.field == "part" and getattr(target, "scope", None):
            # "2.5% of GDP by 2030, an extra £75 billion over six years": no part of the share
            draft.relations.pop("share_of", None)
            continue
        elif target is not None:
            draft.relations[relation.field] = target.id
        if relation.rate:
            draft.relations["rate"] = relation.rate
        if relation.change_from:
            draft.relations["change_from"] = relation.change_from
        base = drafts[relation.base] if relation.base is not None else None
        if base is not None:
            draft.relations["change_from"] = base.id
        if relation.negative:
            draft.value = negated(draft.value)  # a fall: the sign the wording gives
