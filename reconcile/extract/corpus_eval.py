"""Measure drafts against a corpus of articles with hand-written expectations (expected.yaml).

For each expected figure (doc, quote, entity, period, value, unit, stage) the draft of the same
document whose parsed value overlaps the expected one (both read with parse_value) and lies
in the quote is its match; the value is right when the units agree too. Then, per cluster:
- entity, period and stage of the matched drafts (periods that are not a label, "as of 7 Aug
  2020", count as right when the draft's label is in a year they name; "FY2021-22" is
  "2021-2022"; stage words map onto draft / approved / revised / executed, and expected
  stages that map to none, "third-party estimate", are not scored);
- grouping: a figure is grouped right when its draft shares the metric id with the draft of
  every figure of another document that expected.yaml pairs it with as the same thing (verdict
  agree or not_a_conflict, or conflict for a reason other than a different definition or scope).
A miss whose quote holds a draft with another value is a grammar misread (figures/ grammar).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import Catalogue, load_catalogue
from reconcile.core.patterns import YEAR
from reconcile.figures.grammar import parse_value

from .drafts import Draft, draft_claims
from .readers import read_document

_STAGE_OF_WORD = (
    ("revised", r"revis|amend|cut\b|supplement|end-of-year"),
    ("executed", r"execut|outturn|actual|spent"),
    ("draft", r"draft|plan|propos"),
    ("approved", r"adopt|approv|passed|signed|in force|budget estimate|initial allocation"),
)
_UNIT_OF_TEXT = {"persons": "count", "tons": "tonne", "tonnes": "tonne", "percent": "percent",
                 "percent of gdp": "percent"}  # fmt: skip
_SAME_THING = {"agree", "not_a_conflict", "conflict"}
_OTHER_DEFINITION_RE = re.compile(r"definition|scope|not the same metric", re.IGNORECASE)


@dataclass(slots=True)
class FigureScore:
    """How one expected figure was drafted."""

    id: str
    cluster: str
    doc: str
    draft: Draft | None = None
    value: bool = False  # amount and unit right
    amount_only: bool = False  # amount right, unit misread
    misread: bool = False  # a draft in the quote with another value (grammar)
    entity: bool = False
    period: bool = False
    stage: bool | None = None  # None: expected.yaml gives no stage that maps to one
    grouped: bool | None = None  # None: no other document's figure of the same thing


@dataclass(slots=True)
class CorpusScore:
    """Scores per figure, summed per cluster."""

    figures: list[FigureScore] = field(default_factory=list)
    drafts: int = 0

    def clusters(self) -> dict[str, dict[str, Any]]:
        """Counts and rates per cluster and in total."""
        out: dict[str, dict[str, Any]] = {}
        names = sorted({f.cluster for f in self.figures})
        for name in [*names, "total"]:
            mine = [f for f in self.figures if name in {"total", f.cluster}]
            out[name] = _summary(mine)
        return out


def _summary(figures: list[FigureScore]) -> dict[str, Any]:
    def share(hits: int, of: int) -> float | None:
        return round(hits / of, 3) if of else None  # nothing to score: no rate

    found = [f for f in figures if f.draft is not None]
    staged = [f for f in found if f.stage is not None]
    grouped = [f for f in found if f.grouped is not None]
    full = sum(f.value and f.entity and f.period for f in figures)
    return {
        "figures": len(figures),
        "value": share(sum(f.value for f in figures), len(figures)),
        "amount_only": sum(f.amount_only for f in figures),
        "misread": sum(f.misread for f in figures),
        "missing": sum(f.draft is None and not f.misread for f in figures),
        "entity": share(sum(f.entity for f in found), len(figures)),
        "period": share(sum(f.period for f in found), len(figures)),
        "value_entity_period": share(full, len(figures)),
        "grouping": share(sum(bool(f.grouped) for f in grouped), len(grouped)),
        "grouping_of": len(grouped),
        "stage": share(sum(bool(f.stage) for f in staged), len(staged)),
        "stage_of": len(staged),
    }


def evaluate_corpus(corpus: Path, catalogue: Catalogue | None = None) -> CorpusScore:
    """Draft every document expected.yaml names and score the drafts (see the module doc)."""
    from reconcile.claims.yaml_io import read_yaml

    from .folders import draft_documents

    expected = read_yaml(corpus / "expected.yaml")
    catalogue = catalogue or load_catalogue(None)
    score = CorpusScore()
    # Drafted together, as `reconcile extract docs/ --out FOLDER` drafts them: an undated
    # article is dated by the others.
    names = sorted({str(f["doc"]) for c in expected["clusters"] for f in c["figures"]})
    drafted = draft_documents([corpus / "docs" / f"{name}.txt" for name in names], catalogue)
    drafts = {item.path.stem: item.drafts for item in drafted}
    texts = {item.path.stem: item.document.text for item in drafted}
    score.drafts = sum(len(d) for d in drafts.values())
    for cluster in expected["clusters"]:
        for figure in cluster["figures"]:
            doc = figure["doc"]
            used = {id(f.draft) for f in score.figures if f.doc == doc and f.draft}
            score.figures.append(score_figure(cluster["id"], figure, drafts[doc], texts[doc], used))
    _score_grouping(score, expected["clusters"])
    return score


def draft_and_validate(corpus: Path, folder: Path) -> dict[str, Any]:
    """Write one draft claim file per document of corpus/docs into `folder` (as `reconcile
    extract DOC --out folder/DOC.yaml` does) and validate the folder as `reconcile validate`."""
    from reconcile.normalize.validation import validate

    from .claim_yaml import render_claim_yaml

    catalogue = load_catalogue(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((corpus / "docs").glob("*.txt")):
        document = read_document(path, name=str(path))
        drafts = draft_claims(document, catalogue)
        text = render_claim_yaml([document], drafts, catalogue)
        (folder / f"{path.stem}.yaml").write_text(text, encoding="utf-8")
    return validate([folder])


def _interval(text: str) -> tuple[float, float] | None:
    parsed = parse_value(re.sub(r"\[|\]|\(.*?\)", "", str(text)))
    if not parsed.ok or parsed.amount is None:
        return None
    low = parsed.low if parsed.low is not None else parsed.amount
    high = parsed.high if parsed.high is not None else parsed.amount
    return low, high


def _overlaps(a: tuple[float, float], draft: Draft) -> bool:
    if draft.amount is None:
        return False
    low = draft.low if draft.low is not None and not math.isnan(draft.low) else draft.amount
    high = draft.high if draft.high is not None and not math.isnan(draft.high) else draft.amount
    return a[0] <= high and low <= a[1]


def _quote_span(text: str, quote: str) -> tuple[int, int] | None:
    flat = re.sub(r"\s+", " ", quote).strip()
    pattern = r"\s+".join(re.escape(w) for w in flat.split(" "))
    match = re.search(pattern, text)
    return match.span() if match else None


def score_figure(
    cluster: str, figure: dict[str, Any], drafts: list[Draft], text: str, used: set[int]
) -> FigureScore:
    score = FigureScore(str(figure["id"]), cluster, str(figure["doc"]))
    span = _quote_span(text, str(figure.get("quote", "")))
    inside = [d for d in drafts if span and span[0] <= d.span[0] < span[1] and id(d) not in used]
    interval = _interval(str(figure["value"]))
    matches = [d for d in inside if interval and _overlaps(interval, d)]
    if not matches and interval:
        matches = [d for d in drafts if _overlaps(interval, d) and id(d) not in used and not span]
    if not matches:
        score.misread = bool(inside)
        return score
    unit = _expected_unit(str(figure.get("unit", "")))
    digits = _digits(str(figure["value"]))
    best = sorted(matches, key=lambda d: (_digits(d.value) != digits, d.unit != unit, d.span[0]))[0]
    score.draft = best
    same_digits = _digits(best.value) == digits
    score.value = best.unit == unit and same_digits
    score.amount_only = same_digits and not score.value
    score.misread = not same_digits
    score.entity = best.entity == figure.get("entity")
    score.period = period_matches(str(figure.get("period", "")), best.period)
    expected_stage = stage_of_text(str(figure.get("stage", "")))
    score.stage = None if expected_stage is None else best.stage == expected_stage
    return score


def _digits(value: str) -> str:
    """The digits of a value as written: "301․2 billion" is not "AMD 301"."""
    return re.sub(r"\D", "", re.sub(r"\(.*?\)", "", value))


def _expected_unit(unit: str) -> str:
    unit = unit.strip()
    return _UNIT_OF_TEXT.get(unit.lower(), unit)


def period_matches(expected: str, drafted: str) -> bool:
    """True when a drafted period label is the expected period (see the module doc)."""
    from reconcile.core.periods import parse_period

    expected = expected.strip()
    fiscal = re.match(r"FY\s*(\d{4})-(\d\d)", expected)
    if fiscal:
        return drafted == f"{fiscal[1]}-{fiscal[1][:2]}{fiscal[2]}"
    try:
        return parse_period(expected).label == drafted
    except ValueError:
        years = re.findall(rf"\b{YEAR}\b", expected)
        return any(drafted[:4] == y for y in years)


def stage_of_text(text: str) -> str | None:
    """The claim-format stage that an expected.yaml stage description names first, if any."""
    text = text.lower()
    found = [
        (match.start(), stage)
        for stage, pattern in _STAGE_OF_WORD
        if (match := re.search(pattern, text))
    ]
    return min(found)[1] if found else None


def _score_grouping(score: CorpusScore, clusters: Iterable[dict[str, Any]]) -> None:
    by_id = {f.id: f for f in score.figures}
    partners: dict[str, set[str]] = {}
    for cluster in clusters:
        for pair in cluster.get("pairs") or []:
            a, b = (str(x) for x in pair["pair"])
            if a not in by_id or b not in by_id or by_id[a].doc == by_id[b].doc:
                continue
            same = pair["verdict"] in _SAME_THING and not (
                pair["verdict"] == "conflict"
                and _OTHER_DEFINITION_RE.search(str(pair.get("reason", "")))
            )
            if same:
                partners.setdefault(a, set()).add(b)
                partners.setdefault(b, set()).add(a)
    for figure_id, others in partners.items():
        figure = by_id[figure_id]
        drafted = [d for o in others if (d := by_id[o].draft) is not None]
        if figure.draft is None or not drafted:
            continue
        figure.grouped = all(d.metric == figure.draft.metric for d in drafted)
