"""Verdicts a careful fact-checker would give: which differences are contradictions.

Intervals decide whether two figures can both be right as stated (groups.py). This pass, run
on the pairs whose intervals do not overlap, says what kind of difference each one is:
- `revision`: a running tally (a metric marked `running: true`, such as a death toll) reported
  by different documents: later reports supersede earlier ones. A later report with a lower
  figure stays a contradiction, and so does a figure that matches a related tally's ("5,000
  killed" where another report gives 5,000 injured: a label slip, not an update);
- `stage-difference`: the two figures are different budget stages and one of them is a revised
  budget or the spending outturn (`revised`, `executed`): a later stage legitimately differs.
  A draft against the adopted budget stays a contradiction (cause `budget-stage`): the adopted
  budget normally is the draft, and a gap between them is worth checking. So does a budget
  against an independent estimator's figure (a research institute's or an international
  organisation's estimate is built on its own definition, not a stage of the budget);
- `definition-difference`: different price bases or scopes (a claim's `scope`, "excluding
  pensions" or "the increment only", that the other does not share; this one outranks the
  kinds above), or two figures one document attributes to
  the same source for the same thing (a source does not contradict itself in one article: the
  two measure different scopes), unless the evidence points to an error (a scale slip, a
  currency label, a restatement or arithmetic that does not hold);
- `contradiction`: everything else.
A restated figure that the equivalent check found consistent at a nearby exchange rate is no
difference at all (the pair is dropped), and neither are two figures stated in different
currencies whose stated amounts, converted at the period's reference rate, are within
CONVERSION_SPAN (3 %) of each other: the day of conversion explains that much. Every pair
also gets `stated_gap`, the relative gap between the two stated amounts, the figure a reader
computes (the interval gap is the evidence; "60,000" against "67,000" is 2 % apart as
intervals and 11.7 % as stated).

Groups: `conflict` when some pair is a contradiction, else the most serious explained kind;
a group whose figures overlap only because one is coarsely rounded (its rounding interval is
wider than ROUNDING_SPAN either side of its amount) is `within-rounding`, shown with the gap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.core.dates import dates_at
from reconcile.core.frames import codes_of, holds_any, take, text_column

STAGE_ORDER = {"draft": 0, "approved": 1, "revised": 2, "executed": 3}
LATER_STAGE = 2  # revised or executed: the figure is expected to move
ROUNDING_SPAN = 0.05  # an interval wider than 5 % either side of its amount is coarse
# Two currencies compared through the period's reference rate: a rate moves this much within a
# year for most currencies, so a smaller gap is no evidence of a contradiction.
CONVERSION_SPAN = 0.03
ERROR_CAUSES = {
    "scale",
    "currency",
    "stated-equivalent",
    "implied-by-growth",
    "implied-by-share",
    "sum-mismatch",
}
# Sources whose figures are their own estimates, not a government's budget stages.
ESTIMATOR_KINDS = {"research-institute", "international-organisation", "reference-work"}
KINDS = ("contradiction", "definition-difference", "stage-difference", "revision")
# Group verdicts, most serious first; a group takes the first that any of its pairs has.
GROUP_VERDICT_OF_KIND = {
    "contradiction": "conflict",
    "definition-difference": "definition-difference",
    "stage-difference": "stage-difference",
    "revision": "revision",
}
EXPLAINED_VERDICTS = ("definition-difference", "stage-difference", "revision", "within-rounding")


def classify_pairs(
    pairs: pd.DataFrame,
    claims: pd.DataFrame,
    relations: pd.DataFrame,
    running_metrics: set[str],
    source_kinds: dict[str, str] | None = None,
    related: dict[str, tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """Add `kind` and `stated_gap` to the conflicting pairs; drop agreeing restatements.

    `source_kinds` maps source id to its catalogue kind (government, research-institute, ...);
    `related` maps a metric to its related metrics (a running tally's figure that matches a
    related tally's is a label slip, not a revision).
    """
    out = pairs.copy(deep=False)  # columns are added, none is changed
    if out.empty:
        out["kind"] = pd.Series(dtype=object)
        out["stated_gap"] = pd.Series(dtype=float)
        return out
    dropped = _agreeing_restatements(out, relations)
    dropped |= _within_conversion(out)
    if dropped.any():  # a filtered copy of every pair only when some pair is dropped
        out = out[~dropped].reset_index(drop=True)
    a, b = out["row_a"].to_numpy(), out["row_b"].to_numpy()
    # in the column as it is (Arrow texts, mostly): not through an array of Python objects
    error = out["cause"].isin(list(ERROR_CAUSES)).to_numpy(dtype=bool)
    kind = np.full(len(out), "contradiction", dtype=object)

    # Codes, not Python strings: factorizing an Arrow text column is several times faster
    # than turning a million texts into objects first. A missing value (-1) equals nothing.
    document = codes_of(claims, "document")
    source_codes, sources = pd.factorize(claims["source"])
    same_document = (document[a] == document[b]) & (document[a] >= 0)
    same_document &= (source_codes[a] == source_codes[b]) & (source_codes[a] >= 0)
    basis_differs = _differ(out, "basis")
    kind[(same_document | basis_differs) & ~error] = "definition-difference"

    # Each pair's stages only (the order of a million mostly empty stages is not needed), and
    # each distinct stage looked up once.
    codes, stages = pd.factorize(take(claims, "stage", np.concatenate([a, b])))
    order = np.array([STAGE_ORDER.get(s, np.nan) for s in stages] + [np.nan], dtype=float)[codes]
    stage_a, stage_b = order[: len(a)], order[len(a) :]
    later = np.fmax(stage_a, stage_b) >= LATER_STAGE
    staged = np.isfinite(stage_a) & np.isfinite(stage_b) & (stage_a != stage_b) & later
    kinds = source_kinds or {}
    estimating = np.array([kinds.get(str(s)) in ESTIMATOR_KINDS for s in sources] + [False])
    estimator = estimating[source_codes]  # one look-up per distinct source; -1 (NA) is False
    staged &= ~estimator[a] & ~estimator[b]
    kind[staged & ~error] = "stage-difference"

    running = claims["metric"].isin(list(running_metrics)).to_numpy()[a]
    revised = running & ~same_document & ~error & ~_later_is_lower(claims, a, b)
    revised[revised] = ~_matches_a_related_figure(claims, a[revised], b[revised], related or {})
    kind[revised] = "revision"
    kind[_scope_outranks(out, claims, a, b, error)] = "definition-difference"

    out["kind"] = text_column(kind)
    out["stated_gap"] = _stated_gap(out)
    return out


def _within_conversion(pairs: pd.DataFrame) -> np.ndarray:
    """Figures stated in different currencies whose gap, once converted at the reference rate
    of the period, is within what the day of conversion moves a rate (CONVERSION_SPAN), and
    that nothing else explains (no cause: not two budget stages, not a slip) agree."""
    if "unit_a" not in pairs or pairs.empty:
        return np.zeros(len(pairs), dtype=bool)
    near = _stated_gap(pairs) <= CONVERSION_SPAN
    if not near.any():
        return near
    rows = np.flatnonzero(near)  # only the near pairs are read further
    close = pairs.iloc[rows]
    first, second = _is_currency(close["unit_a"]), _is_currency(close["unit_b"])
    # A stage or a slip is evidence; "under 2 percent apart: rounding" is not.
    cause = close["cause"]
    unexplained = (pd.isna(cause) | (cause == "rounding")).to_numpy(dtype=bool)
    out = np.zeros(len(pairs), dtype=bool)
    out[rows] = first & second & _differ(close, "unit") & unexplained
    return out


def _is_currency(units: pd.Series) -> np.ndarray:
    """A unit that is a currency code, tested once per distinct unit."""
    codes, distinct = pd.factorize(units.astype(object))
    known = np.array(
        [isinstance(u, str) and len(u) == 3 and u.isupper() for u in distinct] + [False]
    )
    return np.asarray(known[codes], dtype=bool)  # -1 (no unit) takes the last: False


def _differ(pairs: pd.DataFrame, column: str) -> np.ndarray:
    if f"{column}_a" not in pairs:
        return np.zeros(len(pairs), dtype=bool)
    first = pairs[f"{column}_a"].to_numpy(dtype=object)
    second = pairs[f"{column}_b"].to_numpy(dtype=object)
    return np.asarray(pd.notna(first) & pd.notna(second) & (first != second), dtype=bool)


def _scope_outranks(
    pairs: pd.DataFrame, claims: pd.DataFrame, a: np.ndarray, b: np.ndarray, error: np.ndarray
) -> np.ndarray:
    """A different scope ("excluding pensions", an increment against a level) outranks the rest
    but an error, and outranks a figure derived from another too (it measures what that one
    measures, not the other side's scope)."""
    derived = pairs["cause"].isin(["implied-by-growth", "implied-by-share"]).to_numpy(dtype=bool)
    return np.asarray(_scope_differs(claims, a, b) & (~error | derived), dtype=bool)


def _scope_differs(claims: pd.DataFrame, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One figure states a scope ("excluding pensions") the other does not share."""
    if "scope" not in claims:
        return np.zeros(len(a), dtype=bool)
    scope = claims["scope"].astype(object).to_numpy()
    first, second = scope[a], scope[b]
    stated = pd.notna(first) | pd.notna(second)
    return np.asarray(stated & (first != second), dtype=bool)


def _matches_a_related_figure(
    claims: pd.DataFrame, a: np.ndarray, b: np.ndarray, related: dict[str, tuple[str, ...]]
) -> np.ndarray:
    """Pairs one of whose figures matches a precise figure of a related metric for the same
    entity and period ("more than 5,000 killed" beside "some 5,000 injured"): likely the other
    measure under the wrong label. Run on the few running-tally pairs only."""
    out = np.zeros(len(a), dtype=bool)
    if not len(a) or not related:
        return out
    lo, hi = claims["lo"].to_numpy(dtype=float), claims["hi"].to_numpy(dtype=float)
    keys = list(zip(claims["entity"], claims["metric"], claims["period"], strict=True))
    rows_of: dict[tuple[object, object, object], list[int]] = {}
    for row, key in enumerate(keys):
        rows_of.setdefault(key, []).append(row)

    def matches(row: int) -> bool:
        entity, metric, period = keys[row]
        for other in related.get(str(metric), ()):
            for o in rows_of.get((entity, other, period), []):
                precise = np.isfinite(hi[o]) and lo[o] > 0 and hi[o] <= lo[o] * 1.25
                # "more than 5,000" stands near 5,000, not for every larger number
                high = hi[row] if np.isfinite(hi[row]) else lo[row] * 1.25
                if precise and lo[o] <= high and lo[row] <= hi[o]:
                    return True
        return False

    for i, (first, second) in enumerate(zip(a, b, strict=True)):
        out[i] = matches(int(first)) or matches(int(second))
    return out


def _later_is_lower(claims: pd.DataFrame, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """b is the higher figure; true where a (the lower) was published after b."""
    days = dates_at(claims, "published", np.concatenate([a, b]))  # the pairs' dates only
    day_a, day_b = days[: len(a)], days[len(a) :]
    return np.asarray(~np.isnat(day_a) & ~np.isnat(day_b) & (day_a > day_b), dtype=bool)


def _agreeing_restatements(pairs: pd.DataFrame, relations: pd.DataFrame) -> np.ndarray:
    """Pairs of a figure and its own restatement that the equivalent check found consistent."""
    if relations.empty:
        return np.zeros(len(pairs), dtype=bool)
    wanted = (relations["kind"] == "equivalent") & (relations["verdict"] == "agrees")
    agreeing = relations[["claim", "others"]][wanted]
    # An equivalent check names one original (a text); a list of them is spread out.
    spread = agreeing
    if _holds_lists(agreeing["others"]):  # an empty list names none
        spread = agreeing.explode("others").dropna(subset=["others"])
    claims = spread["claim"].astype(str).to_numpy(dtype=object)
    others = spread["others"].astype(str).to_numpy(dtype=object)
    if not len(claims):
        return np.zeros(len(pairs), dtype=bool)
    # One key per unordered pair of ids, compared as whole columns (not a set per pair).
    keys = pd.Index(_pair_keys(claims, others))
    # Keys are built only for the pairs whose two ids both take part in such a check.
    named = np.concatenate([claims, others])
    rows = np.flatnonzero(holds_any(pairs["id_a"], named) & holds_any(pairs["id_b"], named))
    first = pairs["id_a"].iloc[rows].astype(str).to_numpy(dtype=object)
    second = pairs["id_b"].iloc[rows].astype(str).to_numpy(dtype=object)
    out = np.zeros(len(pairs), dtype=bool)
    out[rows] = pd.Index(_pair_keys(first, second)).isin(keys)
    return out


def _holds_lists(column: pd.Series) -> bool:
    """Some value of an object column is a list or tuple (not a text)."""
    if column.dtype != object:
        return False
    return any(isinstance(value, list | tuple) for value in column.tolist())


def _pair_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """ "a\x1fb" for the pair (a, b) and for (b, a)."""
    low, high = np.minimum(first, second), np.maximum(first, second)
    return np.asarray(low + "\x1f" + high, dtype=object)


def _stated_gap(pairs: pd.DataFrame) -> np.ndarray:
    first = pairs["normalized_amount_a"].to_numpy(dtype=float)
    second = pairs["normalized_amount_b"].to_numpy(dtype=float)
    smaller = np.fmin(np.abs(first), np.abs(second))
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.abs(second - first) / smaller
    return np.where(np.isfinite(gap), gap, np.nan)


def group_verdicts(
    groups: pd.DataFrame, claims: pd.DataFrame, pairs: pd.DataFrame, running_metrics: set[str]
) -> pd.Series:
    """Each group's verdict from its pairs' kinds (groups carry `stated_gap`), and
    within-rounding for coarse agreement (a revision, for a running tally: "at least 40" and
    a later 52 are an update)."""
    verdict = groups["verdict"].to_numpy(dtype=object).copy()
    in_conflict = verdict == "conflict"
    verdict[in_conflict] = "consistent"  # until a pair says otherwise
    if len(pairs):
        codes = pd.Categorical(pairs["kind"], categories=KINDS).codes.astype(np.int64)
        worst = np.full(len(groups), len(KINDS), dtype=np.int64)
        np.minimum.at(worst, pairs["group"].to_numpy(dtype=np.int64), codes)
        for code, kind in enumerate(KINDS):
            verdict[worst == code] = GROUP_VERDICT_OF_KIND[kind]
    running = groups["metric"].isin(list(running_metrics)).to_numpy()
    moved = groups["stated_gap"].to_numpy(dtype=float) > ROUNDING_SPAN  # group_stated_gaps
    verdict[
        (verdict == "consistent") & running & moved & _several_documents(claims, len(groups))
    ] = "revision"
    # Only where the intervals overlap: a group whose every gap is explained (a restatement, a
    # conversion) agrees outright.
    coarse = ~in_conflict & _coarse_agreement(claims, len(groups))
    verdict[(verdict == "consistent") & coarse] = "within-rounding"
    return pd.Series(verdict, index=groups.index)


def _several_documents(claims: pd.DataFrame, n_groups: int) -> np.ndarray:
    """Groups whose active figures come from more than one document."""
    active = claims["active"].to_numpy(dtype=bool)
    group = claims["group"].to_numpy(dtype=np.int64)[active]
    document = codes_of(claims, "document")[active]
    pairs = pd.unique(group * (int(document.max(initial=0)) + 2) + document + 1)
    counts = np.bincount(pairs // (int(document.max(initial=0)) + 2), minlength=n_groups)
    return np.asarray(counts[:n_groups] > 1, dtype=bool)


def _coarse_agreement(claims: pd.DataFrame, n_groups: int) -> np.ndarray:
    """Groups whose active figures stop overlapping once every rounding interval is clipped to
    ROUNDING_SPAN either side of its amount. An open end ("more than 30") is a bound the text
    states, not rounding: it stays open."""
    active = claims["active"].to_numpy(dtype=bool)
    amount = claims["normalized_amount"].to_numpy(dtype=float)
    rows = np.flatnonzero(active & np.isfinite(amount))
    if not len(rows):
        return np.zeros(n_groups, dtype=bool)
    group = claims["group"].to_numpy(dtype=np.int64)[rows]
    amount = amount[rows]
    span = np.abs(amount) * ROUNDING_SPAN
    lo, hi = (claims[c].to_numpy(dtype=float)[rows] for c in ("lo", "hi"))
    low = np.where(np.isfinite(lo), np.fmax(lo, amount - span), lo)
    high = np.where(np.isfinite(hi), np.fmin(hi, amount + span), hi)
    max_low = np.full(n_groups, -np.inf)
    np.maximum.at(max_low, group, low)
    min_high = np.full(n_groups, np.inf)
    np.minimum.at(min_high, group, high)
    return np.asarray(max_low > min_high, dtype=bool)


def group_stated_gaps(claims: pd.DataFrame, n_groups: int) -> np.ndarray:
    """The relative gap between a group's lowest and highest stated amounts (active figures)."""
    active = claims["active"].to_numpy(dtype=bool)
    amount = claims["normalized_amount"].to_numpy(dtype=float)
    rows = np.flatnonzero(active & np.isfinite(amount))
    group = claims["group"].to_numpy(dtype=np.int64)[rows]
    highest = np.full(n_groups, -np.inf)
    np.maximum.at(highest, group, amount[rows])
    lowest = np.full(n_groups, np.inf)
    np.minimum.at(lowest, group, amount[rows])
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = (highest - lowest) / np.abs(lowest)
    return np.where(np.isfinite(gap), gap, np.nan)
