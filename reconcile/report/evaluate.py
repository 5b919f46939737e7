"""`reconcile eval`: the tool's conclusions on articles against a careful human's.

The expected file (the format of the corpus's expected.yaml) lists, per cluster, figures (doc,
quote, entity, metric, period, value, unit) and pairs of figures with a verdict: agree,
conflict, not_a_conflict or unclear. The articles are drafted and reconciled as `reconcile
report DOCS` does; then
- a figure is found when a draft of its document lies in its quote with the same value and unit
  (the matching rule of `extract/corpus_eval.py`);
- a pair is in the same group when both figures' claims (or a figure derived from one of them,
  such as the base a stated growth rate implies) share entity, metric and period;
- the tool's verdict on a grouped pair is `conflict` when the group lists the pair as a
  contradiction, `definition` for a definition difference, `difference` for a stage or
  revision difference (or when both lie in a group of a running tally that later reports
  revised), and `agree` otherwise (the intervals overlap);
- a pair counts as matched when grouped and judged the same way: conflict pairs as conflict
  (flagged: a red conflict); agree pairs as anything but conflict (not flagged; an explained
  difference is no red conflict); not_a_conflict pairs as difference or definition (shown as
  such, not as a conflict).
  Unclear pairs are listed, never scored. A pair in two groups counts as flagged when the
  tool names one side as the other's measure under the wrong label (a contradiction with
  cause `related-metric` whose matching figure is the other side).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.claims.yaml_io import read_yaml
from reconcile.compare.reconciliation import build_report
from reconcile.compare.verdicts import ROUNDING_SPAN
from reconcile.core.errors import InputError
from reconcile.extract.corpus_eval import FigureScore, score_figure

from .inputs import reconcile_inputs

VERDICTS = ("conflict", "agree", "not_a_conflict", "unclear")
_MATCHES = {
    "conflict": {"conflict"},  # flagged as a conflict
    "agree": {"agree", "difference", "definition"},  # not flagged: no red conflict
    "not_a_conflict": {"difference", "definition"},  # shown as an explained difference
}
_KIND_VERDICT = {
    "contradiction": "conflict",
    "definition-difference": "definition",
    "stage-difference": "difference",
    "revision": "difference",
}


@dataclass(slots=True)
class PairResult:
    """One expected pair and what the tool concluded."""

    cluster: str
    figures: tuple[str, str]
    expected: str
    tool: str | None = None  # None: not in the same group (or a figure not found)
    groups: tuple[str, str] = ("not found", "not found")  # each side's entity/metric/period

    @property
    def matched(self) -> bool:
        """Grouped and judged the same way (see the module doc)."""
        return self.tool is not None and self.tool in _MATCHES.get(self.expected, set())


@dataclass(slots=True)
class Evaluation:
    """Figures found and pairs judged, per cluster."""

    figures: list[FigureScore] = field(default_factory=list)
    pairs: list[PairResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: totals, per verdict class and per cluster."""
        clusters = sorted({f.cluster for f in self.figures} | {p.cluster for p in self.pairs})
        return {
            **_counts(self.figures, self.pairs),
            "clusters": [
                {
                    "id": name,
                    **_counts(
                        [f for f in self.figures if f.cluster == name],
                        [p for p in self.pairs if p.cluster == name],
                    ),
                }
                for name in clusters
            ],
            "pair_results": [
                {
                    "cluster": p.cluster,
                    "figures": list(p.figures),
                    "expected": p.expected,
                    "tool": p.tool or "not grouped",
                    "matched": p.matched,
                    "groups": list(p.groups),
                }
                for p in self.pairs
            ],
        }


def _counts(figures: list[FigureScore], pairs: list[PairResult]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "figures": {"found": sum(f.value for f in figures), "total": len(figures)}
    }
    out["pairs"] = {
        verdict: {
            "matched": sum(p.matched for p in pairs if p.expected == verdict),
            "grouped": sum(p.tool is not None for p in pairs if p.expected == verdict),
            "total": sum(p.expected == verdict for p in pairs),
        }
        for verdict in VERDICTS
    }
    return out


def evaluate(
    expected_file: Path,
    documents: Iterable[Path],
    *,
    progress: Callable[[list[Path]], Iterable[Path]] = list,
) -> Evaluation:
    """Draft and reconcile the documents, then score them against the expected file."""
    expected = read_yaml(expected_file)
    if not isinstance(expected, dict) or not isinstance(expected.get("clusters"), list):
        raise InputError(
            "expected a top-level 'clusters:' list",
            path=str(expected_file),
            line=1,
            hint="see docs/evaluation.md for the format (figures and pairs per cluster)",
        )
    reconciliation, drafted = reconcile_inputs(list(documents), progress=progress)
    report = build_report(reconciliation)
    by_doc = {item.path.stem: item for item in drafted}
    evaluation = Evaluation()
    claim_of: dict[str, str] = {}
    for cluster in expected["clusters"]:
        for figure in cluster.get("figures") or []:
            item = by_doc.get(str(figure.get("doc")))
            if item is None:
                raise InputError(
                    f"figure {figure.get('id')} names document {figure.get('doc')!r}, "
                    "which is not among the articles given",
                    path=str(expected_file),
                    line=getattr(figure, "line", None),
                    hint="pass the folder holding every document the file names",
                )
            used = {id(f.draft) for f in evaluation.figures if f.doc == item.path.stem and f.draft}
            score = score_figure(str(cluster["id"]), figure, item.drafts, item.document.text, used)
            evaluation.figures.append(score)
            if score.draft is not None:
                claim_of[str(figure["id"])] = score.draft.id
    judge = _Judge(report)
    for cluster in expected["clusters"]:
        for pair in cluster.get("pairs") or []:
            a, b = (str(x) for x in pair["pair"])
            result = PairResult(str(cluster["id"]), (a, b), str(pair["verdict"]))
            result.groups = (judge.where(claim_of.get(a)), judge.where(claim_of.get(b)))
            if a in claim_of and b in claim_of:
                result.tool = judge.verdict(claim_of[a], claim_of[b])
            evaluation.pairs.append(result)
    return evaluation


class _Judge:
    """The tool's verdict on a pair of claims, read off the report."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.group_of: dict[str, int] = {}
        self.original: dict[str, str] = {}
        self.proxies: dict[str, list[str]] = {}
        self.kinds: dict[frozenset[str], str] = {}
        self.slipped: set[str] = set()  # sides of contradictions caused by a related metric
        self.groups = report["groups"]
        for number, group in enumerate(report["groups"]):
            for claim in group["claims"]:
                self.group_of[claim["id"]] = number
                if claim.get("repeat_of"):
                    self.original[claim["id"]] = claim["repeat_of"]
                for source in claim.get("derived_from") or []:
                    self.proxies.setdefault(source, []).append(claim["id"])
            for conflict in group["conflicts"]:
                kind = conflict.get("kind", "contradiction")
                self.kinds[frozenset((conflict["claim_a"], conflict["claim_b"]))] = kind
                if kind == "contradiction" and conflict.get("cause") == "related-metric":
                    self.slipped.update((conflict["claim_a"], conflict["claim_b"]))

    def _sides(self, claim: str) -> list[str]:
        claim = self.original.get(claim, claim)
        return [claim, *self.proxies.get(claim, [])]

    def verdict(self, a: str, b: str) -> str | None:
        """conflict, definition, difference or agree; None when never in one group."""
        for first in self._sides(a):
            for second in self._sides(b):
                if first == second or self.group_of.get(first) != self.group_of.get(second):
                    continue
                if first not in self.group_of:
                    continue
                kind = self.kinds.get(frozenset((first, second)))
                if kind:
                    return _KIND_VERDICT.get(kind, "conflict")
                return "difference" if self._revised(first, second) else "agree"
        return self._label_slip(a, b) or self._label_slip(b, a)

    def _label_slip(self, a: str, b: str) -> str | None:
        """`conflict` when a's figure is flagged as likely b's measure under a's label (cause
        related-metric: "5,000 killed" that matches another report's 5,000 injured)."""
        for first in self._sides(a):
            if first not in self.group_of or first not in self.slipped:
                continue
            for related in self.groups[self.group_of[first]].get("related") or []:
                if set(self._sides(b)) & set((related.get("matches") or {}).get(first, [])):
                    return "conflict"
        return None

    def _revised(self, first: str, second: str) -> bool:
        """Two reports of a running tally whose stated amounts differ beyond rounding."""
        group = self.groups[self.group_of[first]]
        if not group.get("running"):
            return False
        claims = {c["id"]: c for c in group["claims"]}
        a, b = claims[first], claims[second]
        amounts = (a.get("normalized_amount"), b.get("normalized_amount"))
        if a["document"] == b["document"] or None in amounts:
            return False
        low, high = sorted(float(x) for x in amounts if x is not None)
        return bool(low > 0 and (high - low) / low > ROUNDING_SPAN)

    def where(self, claim: str | None) -> str:
        """The group a claim is in, as entity/metric/period."""
        if claim is None:
            return "not found"
        number = self.group_of.get(self.original.get(claim, claim))
        if number is None:
            return "not reconciled"
        group = self.groups[number]
        return f"{group['entity']}/{group['metric']}/{group['period']}"
