"""`explain`: the chain from quote to verdict for one figure or one conflicting pair.

Built from the report model (build_report), so it says exactly what the report says: the
quote and where it is, how the value was read, every conversion step with its rate and
source, the interval compared, the group, what the figure was compared with and why the
verdict.
"""

from __future__ import annotations

import difflib
from typing import Any

from reconcile.compare.causes import claim_label
from reconcile.core.errors import UsageError
from reconcile.figures.numbers import SCALE_WORDS
from reconcile.figures.qualifiers import QUALIFIERS

from .reference_notes import reference_notes
from .sections import verdict_words
from .text import claim_interval, claim_place, describe_gap, describe_step, format_amount

QUALIFIER_RULES = {
    "approximate": "widens the figure by 10 percent each way",
    "nearly": "means from 90 percent of the figure up to the figure",
    "just-over": "means from the figure up to 10 percent above it",
    "more": "means above the figure, with no upper end",
    "at-least": "means the figure or more, with no upper end",
    "up-to": "means from zero up to the figure",
}


def explain(report: dict[str, Any], key: str) -> dict[str, Any]:
    """The explanation of a claim id, a conflict fingerprint or a relation check's one."""
    for group in report["groups"]:
        for claim in group["claims"]:
            if claim["id"] == key:
                return explain_claim(group, claim)
        for conflict in group["conflicts"]:
            if conflict["fingerprint"] == key:
                return explain_conflict(group, conflict)
    for record in report.get("relations") or []:
        if record["fingerprint"] == key:
            return {**record, "kind": "relation", "check": record["kind"]}
    known = [c["id"] for g in report["groups"] for c in g["claims"]]
    known += [c["fingerprint"] for g in report["groups"] for c in g["conflicts"]]
    close = difflib.get_close_matches(key, known, n=3)
    hint = (
        f"did you mean {', '.join(close)}?"
        if close
        else "pass a claim id (the `id` in a claim file) or a fingerprint from the report"
    )
    raise UsageError(f"no claim or conflict {key!r} in these claims", hint)


def read_words(claim: dict[str, Any]) -> list[dict[str, str]]:
    """Each word of the stated value and what it was read as."""
    qualifier_words = set((claim.get("qualifier") or "").lower().split())
    words = []
    for word in str(claim["value"]).split():
        bare = word.strip(",.;:()").lower()
        if bare in qualifier_words:
            role = f"qualifier ({claim['qualifier']})"
        elif any(ch.isdigit() for ch in word):
            prefix = word[: next(i for i, ch in enumerate(word) if ch.isdigit())]
            role = "number" + (f", currency {claim['unit']}" if prefix.strip("-+") else "")
        elif bare in SCALE_WORDS:
            role = f"scale (x{SCALE_WORDS[bare]:,.0f})"
        elif claim.get("unit") and claim["unit"] not in ("count", "rank"):
            unit = str(claim["unit"])
            role = f"{'currency' if len(unit) == 3 and unit.isupper() else 'unit'} ({unit})"
        else:
            role = "what is counted" if claim.get("unit") == "count" else "word"
        words.append({"word": word, "read_as": role})
    return words


def reading(claim: dict[str, Any]) -> dict[str, Any]:
    """How the stated value was read: words, qualifier, precision, interval as stated."""
    qualifier = claim.get("qualifier")
    rule = QUALIFIER_RULES.get(QUALIFIERS.get((qualifier or "").lower(), ""))
    low, high = claim["low"], claim["high"]
    if rule:
        precision = f"'{qualifier}' {rule}"
    elif low is not None and high is not None and high > low:
        precision = (
            f"as precise as its last stated digit: plus or minus {format_amount((high - low) / 2)}"
        )
    elif low is not None and low == high:
        precision = "exact as stated"
    else:
        precision = "open-ended"
    if claim.get("derived"):
        precision = f"carried from the figures it is derived from ({claim['derived']})"
    return {
        "value": claim["value"],
        "words": [] if claim.get("derived") else read_words(claim),
        "qualifier": qualifier,
        "precision": precision,
        "stated_interval": claim_interval({**claim, **_stated(claim)}),
        "rank_of": claim.get("rank_of"),
        "percentile": claim.get("percentile"),
    }


def _stated(claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "normalized_low": claim["low"],
        "normalized_high": claim["high"],
        "normalized_unit": claim["unit"],
    }


def figure(claim: dict[str, Any]) -> dict[str, Any]:
    """One claim's own part of the chain: quote, place, reading, steps, interval."""
    return {
        "claim": claim["id"],
        "source": claim["source"],
        "source_name": claim.get("source_name"),
        "label": claim_label(claim),
        "quote": claim.get("quote"),
        "document": claim.get("document"),
        "line": claim.get("line"),
        "place": claim_place(claim),
        "claim_file": f"{claim['file']}:{claim['file_line']}" if claim.get("file") else None,
        "published": claim.get("published"),
        "stage": claim.get("stage"),
        "basis": claim.get("basis"),
        "note": claim.get("note"),
        "reading": reading(claim),
        "steps": [{**step, "text": describe_step(step)} for step in claim.get("steps", [])],
        "derived": claim.get("chain") if claim.get("derived") else None,
        "interval": claim_interval(claim),
        "reference": reference_notes(claim),
    }


def _group_head(group: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": group["entity"],
        "metric": group["metric"],
        "metric_label": group.get("metric_label"),
        "period": group["period"],
        "verdict": group["verdict"],
        "verdict_text": verdict_words(group["verdict"]),
        "clusters": [
            {"sources": c["sources"], "low": c["low"], "high": c["high"]} for c in group["clusters"]
        ],
    }


def comparisons(group: dict[str, Any], claim: dict[str, Any]) -> list[dict[str, Any]]:
    """What the claim was compared with in its group, and the outcome of each."""
    pairs = {}
    for conflict in group["conflicts"]:
        if claim["id"] in (conflict["claim_a"], conflict["claim_b"]):
            other = (
                conflict["claim_b"] if conflict["claim_a"] == claim["id"] else conflict["claim_a"]
            )
            pairs[other] = conflict
    out = []
    for other in group["claims"]:
        if other["id"] == claim["id"] or other["repeat_of"] == claim["id"]:
            continue
        conflict = pairs.get(other["id"])
        if conflict is not None:
            outcome = conflict.get("kind") or "contradiction"
            why = f"the intervals do not overlap: {describe_gap(conflict)}" + (
                f"; likely cause: {conflict['cause_text']}" if conflict["cause_text"] else ""
            )
        elif other["repeat_of"] or not other["valid"] or not claim["valid"]:
            outcome, why = "not compared", "a repeat, or a figure that could not be read"
        elif other["cluster"] is not None and other["cluster"] == claim["cluster"]:
            outcome, why = "agrees", "the intervals overlap (or are linked by figures that overlap)"
        else:
            outcome, why = "apart", "in another agreeing cluster"
        out.append(
            {
                "claim": other["id"],
                "label": claim_label(other),
                "value": other["value"],
                "interval": claim_interval(other),
                "outcome": outcome,
                "why": why,
                "fingerprint": conflict["fingerprint"] if conflict else None,
            }
        )
    return out


def why_verdict(group: dict[str, Any], compared: list[dict[str, Any]]) -> str:
    """The group's verdict in a sentence."""
    verdict = group["verdict"]
    if verdict == "single":
        return "no other source gives a figure for this entity, metric and period"
    if verdict == "invalid":
        return "no figure in this group could be read"
    if verdict == "consistent":
        return "every figure's interval overlaps the others' (after the metric's tolerance)"
    if verdict == "conflict":
        count = sum(
            1 for c in group["conflicts"] if (c.get("kind") or "contradiction") == "contradiction"
        )
        pairs = (
            "pair of figures whose intervals do not overlap"
            if count == 1
            else (f"{count} pairs of figures whose intervals do not overlap")
        )
        return f"conflict: {pairs}, so they cannot all be right"
    kinds = sorted({c.get("kind") or "" for c in group["conflicts"]} - {""})
    return f"{verdict_words(verdict)}" + (f" ({', '.join(kinds)})" if kinds else "")


def explain_claim(group: dict[str, Any], claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's chain: its figure, its group and what it was compared with."""
    compared = comparisons(group, claim)
    related = [
        {
            "metric": r["metric"],
            "verdict": r["verdict"],
            "matches": r["matches"].get(claim["id"], []),
        }
        for r in group.get("related", [])
        if r["matches"].get(claim["id"])
    ]
    return {
        "kind": "claim",
        "figure": figure(claim),
        "repeat_of": claim["repeat_of"],
        "group": _group_head(group),
        "compared_with": compared,
        "related": related,
        "why": why_verdict(group, compared),
    }


def evidence(group: dict[str, Any], conflict: dict[str, Any]) -> list[str]:
    """What the cause was inferred from, in words."""
    claims = {c["id"]: c for c in group["claims"]}
    a, b = claims.get(conflict["claim_a"]), claims.get(conflict["claim_b"])
    lines = [f"gap: {describe_gap(conflict)} (severity {conflict['severity']})"]
    if conflict.get("ratio") is not None:
        lines.append(f"ratio of the higher to the lower figure: {conflict['ratio']:.4g}")
    if conflict.get("stated_gap") is not None:
        lines.append(f"the stated figures are {conflict['stated_gap']:.0%} apart")
    if conflict.get("cause_detail"):
        lines.append(f"evidence: {conflict['cause_detail']}")
    for field in ("stage", "basis"):
        if a and b and (a.get(field) or b.get(field)):
            lines.append(
                f"{field}: {claim_label(a)} {a.get(field) or 'not stated'}, "
                f"{claim_label(b)} {b.get(field) or 'not stated'}"
            )
    for related in group.get("related", []):
        for side in (a, b):
            if side and related["matches"].get(side["id"]):
                lines.append(
                    f"{claim_label(side)} overlaps {len(related['matches'][side['id']])} "
                    f"figure(s) of the related metric {related['metric']}"
                )
    return lines


def explain_conflict(group: dict[str, Any], conflict: dict[str, Any]) -> dict[str, Any]:
    """A conflicting pair: both sides' chains and the cause with its evidence."""
    claims = {c["id"]: c for c in group["claims"]}
    sides = [figure(claims[conflict[k]]) for k in ("claim_a", "claim_b") if conflict[k] in claims]
    return {
        "kind": "conflict",
        "fingerprint": conflict["fingerprint"],
        "group": _group_head(group),
        "pair_kind": conflict.get("kind") or "contradiction",
        "sides": sides,
        "gap": conflict["gap"],
        "ratio": conflict.get("ratio"),
        "severity": conflict["severity"],
        "cause": conflict["cause"],
        "cause_text": conflict["cause_text"],
        "evidence": evidence(group, conflict),
    }
