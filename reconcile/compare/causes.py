"""Likely causes of a conflict, inferred from the two figures (vectorised over pairs)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

    from reconcile.claims.catalogue import Metric

NEAR = 0.03  # "near" means within 3 percent
ROUNDING_GAP = 0.02  # intervals this close would overlap with a little more rounding
# Ratios that mean a thousand/million/billion slip, with the words shown for them; and those of
# the Indian scale words, a lakh (100,000) and a crore (10,000,000): "1,13,734 lakh crore"
# written for 1,13,734 crore is 100,000 times too much. (A lakh written for a crore, 100
# times, is left out: a factor of 100 is also a percentage read as a fraction.)
SCALE_POWERS = (
    (1e3, "1,000"),
    (1e6, "1,000,000"),
    (1e9, "1,000,000,000"),
    (1e5, "100,000"),
    (1e7, "10,000,000"),
)
# The words a scale slip of each ratio confuses, for the cause's sentence.
SCALE_SLIPS = {"100,000": "lakh or crore", "10,000,000": "lakh or crore"}

# The sentence for each cause; {a} is the lower figure's side, {b} the higher's (a source with
# its document and line), {detail} the evidence, {first}/{second} the two sides of "x vs y".
CAUSE_TEXT = {
    "scale": "the figure from {b} is about {detail} times the one from {a}: a {slip} slip",
    "currency": "the ratio between {a} and {b} is near the {detail} exchange rate: a figure in "
    "one currency labelled as another, or not converted",
    "budget-stage": "different budget stages: {a} gives the {first} figure, {b} the {second} "
    "one; {stages}",
    "price-basis": "different price bases: {a} is in {first} prices, {b} in {second} prices",
    "rounding": "{a} and {b} are under 2 percent apart: rounding or a revision",
    "implied-by-growth": "the figure from {derived} ({detail}) rests on a stated growth rate: "
    "the rate, its base year or the later figure is wrong",
    "implied-by-share": "the figure from {derived} ({detail}) rests on a stated share: the "
    "share, the part or the whole is wrong, or the whole is another measure",
    "conversion-date": "{a} and {b} restate the same figure in another currency, converted on "
    "different dates",
    "stated-equivalent": "a figure restated in another currency or unit does not match its "
    "original at any nearby rate",
    "sum-mismatch": "the parts do not add up to the stated total",
}


def _near(values: np.ndarray, target: np.ndarray | float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.abs(values / target - 1.0) < NEAR


# A rate far from 1 ("29.1 hryvnias to the dollar") is recognisable 10 % off the reference rate
# of the period: writers convert at the rate of their day or at the budget law's forecast. A
# rate near 1 is not: "EUR 100m" against "EUR 110m" is no currency slip.
RATE_SLACK = 0.10
DISTINCT_RATE = 3.0


def _near_rate(ratio: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """The ratio of two figures is a conversion factor (or its inverse)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        off = np.fmin(np.abs(ratio * factor - 1.0), np.abs(ratio / factor - 1.0))
        distinct = np.abs(np.log(np.abs(factor))) > np.log(DISTINCT_RATE)
    return np.asarray(off < np.where(distinct, RATE_SLACK, NEAR), dtype=bool)


def _distinct(factor: np.ndarray) -> np.ndarray:
    """A conversion factor far from 1 (three times or more either way)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.abs(np.log(np.abs(factor))) > np.log(DISTINCT_RATE), dtype=bool)


def infer_causes(pairs: pd.DataFrame) -> pd.DataFrame:
    """Add `cause` (the most specific likely cause, or None) and `cause_detail` to pairs.

    Needs ratio, gap, and per side: amount (as stated), unit (as stated), normalized_amount,
    stage and basis (optional).
    """
    out = pairs.copy(deep=False)  # two columns are added, none is changed
    from reconcile.core.frames import text_column  # here: the out-of-core path has no pandas

    cause, detail = likely_causes(out, len(out))
    out["cause"], out["cause_detail"] = text_column(cause), text_column(detail)
    return out


def likely_causes(pairs: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The cause and cause detail of each of `n` pairs (object arrays, None where no cause):
    `pairs` maps column names to columns (a DataFrame, or a dict of arrays), those that
    infer_causes names."""
    cause = np.full(n, None, dtype=object)
    detail = np.full(n, None, dtype=object)
    ratio = np.asarray(pairs["ratio"], dtype=float)
    given = np.zeros(n, dtype=bool)  # the pairs that have a cause (cheaper than cause == None)

    def assign(mask: np.ndarray, code: str, text: np.ndarray | str) -> None:
        free = mask & ~given
        given[free] = True
        cause[free] = code
        detail[free] = text[free] if isinstance(text, np.ndarray) else text

    if "derived_a" in pairs and "value_a" in pairs:
        for code, mask, text in _derived_causes(pairs, n):
            assign(mask, code, text)

    for power, word in SCALE_POWERS:
        assign(_near(ratio, power), "scale", word)

    if all(c in pairs for c in ("amount_a", "amount_b", "unit_a", "unit_b")):
        with np.errstate(divide="ignore", invalid="ignore"):
            factor_a = _floats(pairs, "normalized_amount_a") / _floats(pairs, "amount_a")
            factor_b = _floats(pairs, "normalized_amount_b") / _floats(pairs, "amount_b")
        converted_a = ~_near(factor_a, 1.0) & np.isfinite(factor_a)
        converted_b = ~_near(factor_b, 1.0) & np.isfinite(factor_b)
        unit_a = _texts(pairs["unit_a"])
        unit_b = _texts(pairs["unit_b"])
        # The higher figure b looks like a's figure in a's own currency, or the reverse.
        # A rate near 1 (EUR, GBP) tells a slip from an ordinary gap only when the two figures
        # are stated in different currencies: "EUR 9.0bn" against "EUR 8.5bn" is no slip.
        other = unit_a != unit_b
        by_a = converted_a & _near_rate(ratio, factor_a) & (_distinct(factor_a) | other)
        by_b = converted_b & _near_rate(ratio, factor_b) & (_distinct(factor_b) | other)
        assign(by_a, "currency", unit_a)
        assign(by_b, "currency", unit_b)

    for column, code in (("stage", "budget-stage"), ("basis", "price-basis")):
        if f"{column}_a" in pairs:  # the claims frame's columns: pandas is loaded
            import pandas as pd

            first = np.asarray(pairs[f"{column}_a"], dtype=object)
            second = np.asarray(pairs[f"{column}_b"], dtype=object)
            differ = pd.notna(first) & pd.notna(second) & (first != second)
            text = np.full(n, None, dtype=object)
            for i in np.flatnonzero(differ):
                text[i] = f"{first[i]} vs {second[i]}"
            assign(differ, code, text)

    assign(np.asarray(pairs["gap"], dtype=float) < ROUNDING_GAP, "rounding", "")
    return cause, detail


def _floats(pairs: Any, column: str) -> np.ndarray:
    return np.asarray(pairs[column], dtype=float)


def _missing(value: object) -> bool:
    """None, NaN, pd.NA or NaT (pd.isna of a scalar), without importing pandas for the
    common cases."""
    if value is None:
        return True
    if isinstance(value, str):
        return False
    if isinstance(value, float):
        return math.isnan(value)
    import pandas as pd

    return bool(pd.isna(value))  # type: ignore[call-overload]


def _derived_causes(pairs: Any, n: int) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(cause, pairs, detail) for the pairs with a growth-derived side, then a share-derived
    one: the detail is the derived side's value (the first side's when both are). Only the
    pairs with a derived side (a few of many) are compared and read."""
    side_a = np.asarray(pairs["derived_a"], dtype=object)
    side_b = np.asarray(pairs["derived_b"], dtype=object)
    rows = np.flatnonzero((side_a != None) | (side_b != None))  # noqa: E711 - elementwise
    side_a, side_b = side_a[rows], side_b[rows]
    value_a = np.asarray(pairs["value_a"], dtype=object)[rows]
    value_b = np.asarray(pairs["value_b"], dtype=object)[rows]
    out = []
    for kind, code in (("growth", "implied-by-growth"), ("share", "implied-by-share")):
        first = side_a == kind
        held = first | (side_b == kind)
        mask = np.zeros(n, dtype=bool)
        mask[rows[held]] = True
        text = np.full(n, None, dtype=object)
        shown = np.where(first, value_a, value_b)[held]
        text[rows[held]] = [v if type(v) is str else str(v) for v in shown.tolist()]
        out.append((code, mask, text))
    return out


def _texts(column: Any) -> np.ndarray:
    """A column as text (an object array): pandas' astype(str) for a Series (missing values
    stay NaN); an array of strings and None (from Arrow) gets NaN for None alike."""
    if hasattr(column, "iloc"):
        return np.asarray(column.astype(str).to_numpy(dtype=object))
    values = np.array(column, dtype=object)
    values[values == None] = math.nan  # noqa: E711 - elementwise comparison
    return values


def describe_cause(
    code: str | None,
    detail: str | None,
    a: str = "the lower figure",
    b: str = "the higher figure",
    derived: str = "one figure",
) -> str | None:
    """The sentence shown to people for a cause code, naming the two sides as given."""
    if code is None or _missing(code):
        return None
    detail = "" if detail is None or _missing(detail) else str(detail)
    first, _, second = detail.partition(" vs ")
    stages = (
        "an allocation is not the spending"
        if "executed" in (first, second)
        else "a budget changes between draft, approval and revision"
    )
    return CAUSE_TEXT[code].format(
        detail=detail,
        a=a,
        b=b,
        derived=derived,
        first=first,
        second=second or "other",
        stages=stages,
        slip=SCALE_SLIPS.get(detail, "thousand, million or billion"),
    )


def claim_label(claim: dict[str, Any]) -> str:
    """A claim as people know it: its source and where it was read (document:line)."""
    place = claim.get("document") or claim.get("file")
    line = claim.get("line") if claim.get("document") else claim.get("file_line")
    if not place:
        return str(claim["source"])
    return f"{claim['source']} ({place}{f':{line}' if line else ''})"


def name_conflict_causes(groups: list[dict[str, Any]]) -> None:
    """Rewrite each conflict's cause_text naming its two sides by source and document."""
    for group in groups:
        claims = {c["id"]: c for c in group["claims"]}
        for conflict in group["conflicts"]:
            a, b = claims.get(conflict["claim_a"]), claims.get(conflict["claim_b"])
            if a is None or b is None or conflict["cause"] in (None, "related-metric"):
                continue
            derived = next((c for c in (a, b) if c.get("derived")), a)
            conflict["cause_text"] = describe_cause(
                conflict["cause"],
                conflict.get("cause_detail"),
                a=claim_label(a),
                b=claim_label(b),
                derived=claim_label(derived),
            )


def _precise(claim: dict[str, Any]) -> bool:
    """A figure precise enough to be matched ("some 5,000", not "thousands")."""
    low, high = claim["normalized_low"], claim["normalized_high"]
    return low is not None and high is not None and low > 0 and high <= low * 1.25


def _reaches(claim: dict[str, Any], precise: dict[str, Any]) -> bool:
    """A claim overlaps a precise figure; an open end ("more than 5,000") reaches a quarter
    above its bound, not every larger number."""
    low, high = claim["normalized_low"], claim["normalized_high"]
    if low is None:
        return False
    if high is None and low > 0:
        high = low * 1.25
    return _overlaps({**claim, "normalized_high": high}, precise)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["normalized_low"] is None or b["normalized_low"] is None:
        return False
    a_high = a["normalized_high"] if a["normalized_high"] is not None else math.inf
    b_high = b["normalized_high"] if b["normalized_high"] is not None else math.inf
    return a["normalized_low"] <= b_high and b["normalized_low"] <= a_high


def add_related_metric_causes(groups: list[dict[str, Any]], metrics: dict[str, Metric]) -> None:
    """For each group, the groups of related metrics for the same entity and period.

    A conflict with no other likely cause whose one side matches a related metric's figure is
    marked `related-metric` (a budget figure set against spending, say).
    """
    index = {(g["entity"], g["metric"], g["period"]): g for g in groups}
    for group in groups:
        metric = metrics.get(group["metric"])
        related = []
        for other_id in metric.related if metric else ():
            other = index.get((group["entity"], other_id, group["period"]))
            if other is None:
                continue
            matches = {
                claim["id"]: [
                    o["id"] for o in other["claims"] if _precise(o) and _reaches(claim, o)
                ]
                for claim in group["claims"]
            }
            related.append({"metric": other_id, "verdict": other["verdict"], "matches": matches})
            for conflict in group["conflicts"]:
                if conflict["cause"] is not None:
                    continue
                for side in ("claim_a", "claim_b"):
                    if matches.get(conflict[side]):
                        conflict["cause"] = "related-metric"
                        conflict["cause_text"] = _related_text(
                            group, conflict[side], other, matches[conflict[side]], metric
                        )
                        break
        group["related"] = related


def _related_text(
    group: dict[str, Any],
    claim_id: str,
    other: dict[str, Any],
    matching: list[str],
    metric: Metric | None,
) -> str:
    """ "AzerNEWS (doc:63) matches Reuters (doc:64) on defence_budget ...", no internal ids."""
    claim = next(c for c in group["claims"] if c["id"] == claim_id)
    others = {c["id"]: c for c in other["claims"]}
    named = [claim_label(others[i]) for i in matching if i in others]
    more = f" and {len(named) - 1} more" if len(named) > 1 else ""
    measure = _lower_first(other.get("metric_label") or other["metric"])
    this = _lower_first((metric.label if metric else None) or group["metric"])
    return (
        f"{claim_label(claim)} gives {claim['value']}, which matches the figure "
        f"{named[0] if named else 'another source'}{more} gives for {measure} "
        f"({other['period']}): likely {measure} reported as {this}"
    )


def _lower_first(label: str) -> str:
    """ "Defence budget" -> "defence budget", but "GDP share" stays as it is."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def near_power(ratio: np.ndarray) -> np.ndarray:
    """Where a ratio is near one of SCALE_POWERS (either way): power_word, vectorised."""
    near = np.zeros(len(ratio), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for power, _ in SCALE_POWERS:
            near |= (np.abs(ratio / power - 1) < NEAR) | (np.abs(ratio * power - 1) < NEAR)
    return near


def power_word(ratio: float) -> str:
    """ "1,000" when a ratio is near one of SCALE_POWERS (either way), else ""."""
    for power, word in SCALE_POWERS:
        if abs(ratio / power - 1) < NEAR or abs(ratio * power - 1) < NEAR:
            return word
    return ""
