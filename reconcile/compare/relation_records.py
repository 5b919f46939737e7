"""The stated-arithmetic checks as report records, each with its own fingerprint kind."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from reconcile.figures.numbers import format_amount

from .causes import describe_cause
from .groups import fingerprint


def relation_records(relations: pd.DataFrame, claims: pd.DataFrame) -> list[dict[str, Any]]:
    """One record per check: what was computed, what it was set against, and the verdict.

    A record carries the same keys as a conflicting pair (claim_a/b, source_a/b, gap, cause)
    so the CI gate handles it like any contradiction; its fingerprint is keyed by the kind of
    check, so it never collides with a pair's.
    """
    if relations.empty:
        return []
    by_id = claims.drop_duplicates("id").set_index("id")
    records = []
    for raw in relations.to_dict("records"):
        row = {str(key): value for key, value in raw.items()}
        others = [o for o in str(row["others"]).split(",") if o]
        other_sources = sorted({str(by_id.at[o, "source"]) for o in others if o in by_id.index})
        kind = row["kind"]
        target = _amount(row["target_low"], row["target_high"])
        difference = float(row["difference"])
        gap = abs(difference) / abs(target) if target else 0.0
        records.append(
            {
                "kind": kind,
                "fingerprint": fingerprint(
                    row["entity"],
                    row["metric"],
                    row["period"],
                    f"{kind}:{row['source']}",
                    f"{kind}:{'+'.join(other_sources)}",
                ),
                "verdict": row["verdict"],
                "entity": row["entity"],
                "metric": row["metric"],
                "period": row["period"],
                "claim": row["claim"],
                "others": others,
                "low": _finite(row["low"]),
                "high": _finite(row["high"]),
                "target_low": _finite(row["target_low"]),
                "target_high": _finite(row["target_high"]),
                "unit": row["unit"],
                "difference": round(difference, 6),
                "claim_a": others[0] if others else row["claim"],
                "claim_b": row["claim"],
                "source_a": "+".join(other_sources),
                "source_b": row["source"],
                "gap": round(gap, 6),
                "ratio": None,
                "severity": "high" if gap >= 0.25 else "medium" if gap >= 0.05 else "low",
                "cause": row["cause"] if isinstance(row["cause"], str) else None,
                "cause_text": describe_cause(row["cause"], None)
                if isinstance(row["cause"], str)
                else None,
                "detail": row["detail"] or None,
                "text": _sentence(row, by_id, others),
            }
        )
    return records


def _finite(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def _amount(low: Any, high: Any) -> float:
    low, high = float(low), float(high)
    return (low + high) / 2 if math.isfinite(high) else low


def _value(by_id: pd.DataFrame, claim: str) -> str:
    return str(by_id.at[claim, "value"]) if claim in by_id.index else claim


def _sentence(row: dict[str, Any], by_id: pd.DataFrame, others: list[str]) -> str:
    """The check in words, naming figures as stated (never internal ids)."""
    total = _value(by_id, row["claim"])
    if row["kind"] in ("sum", "excluding"):
        parts = " + ".join(_value(by_id, o) for o in others)
        if row["kind"] == "excluding" and others:  # the figure that leaves the part out
            parts = parts.replace(
                _value(by_id, others[0]),
                f"{_value(by_id, others[0])} ({_scope(by_id, others[0])})",
                1,
            )
        verdict = {"agrees": "adds up", "mismatch": row["detail"], "unchecked": row["detail"]}
        text = f"parts {parts} against the total {total}: {verdict[row['verdict']]}"
        if row["verdict"] == "mismatch":
            text += f" ({_difference(row)})"
        return text
    original = _value(by_id, others[0]) if others else "?"
    return f"{total} restates {original}: {row['detail']}"


def _scope(by_id: pd.DataFrame, claim: str) -> str:
    scope = by_id.at[claim, "scope"] if "scope" in by_id and claim in by_id.index else None
    return str(scope) if isinstance(scope, str) else "less a part"


def _difference(row: dict[str, Any]) -> str:
    """ "0.2 bn AZN short": in the stated unit when parts and total share one, else canonical."""
    stated = row.get("stated_difference")
    if isinstance(stated, float) and math.isfinite(stated) and row.get("stated_unit"):
        value, unit = stated, str(row["stated_unit"])
    else:
        value, unit = float(row["difference"]), str(row["unit"])
    return f"{format_amount(abs(value))} {unit} {'short' if value > 0 else 'over'}"
