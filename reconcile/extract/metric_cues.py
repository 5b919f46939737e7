"""Pick the metric of a figure from the cue words nearest it, among metrics of its kind."""

from __future__ import annotations

import re
from functools import lru_cache

from reconcile.claims.catalogue import Catalogue, normalise_name
from reconcile.core.patterns import trie_alternation

UNKNOWN_METRIC = "unknown"

_KIND_OF_UNIT = {"rank": "rank", "percent": "ratio", "count": "count"}


def _metrics_of_kind(catalogue: Catalogue, kind: str) -> set[str]:
    """The metrics a figure of this kind may be; a count may also be a quantity."""
    fits = {m.id for m in catalogue.metrics.values() if kind in {"unknown", m.kind}}
    if kind == "count":  # a quantity whose unit the text did not write ("a range of 300")
        fits |= {
            m.id
            for m in catalogue.metrics.values()
            if m.kind == "quantity" and m.unit not in _AREA_UNITS
        }
    return fits


# An area is always written with its unit: a bare count is never one ("656 of the fires").
_AREA_UNITS = frozenset({"hectare", "acre", "square_kilometer", "square_mile"})


_SCALED_RE = re.compile(
    r"\b(?:thousand|million|billion|trillion|mln|bn|bln|mn|tn|crore|lakh)\b", re.I
)


def _figure_kind(unit: str | None, text: str = "") -> str:
    if unit is None:
        # "245.8 billion" with a currency the grammar did not read: money, not just any kind.
        return "money" if _SCALED_RE.search(text) else "unknown"
    if unit in _KIND_OF_UNIT:
        return _KIND_OF_UNIT[unit]
    return "money" if len(unit) == 3 and unit.isupper() else "quantity"


def _stem_term(cue: str) -> str:
    """A cue with "*" kept only after words of three letters or more ("ar*" is no stem)."""
    return " ".join(w if len(w) > 3 or not w.endswith("*") else w[:-1] for w in cue.split(" "))


def _cue_pattern(cue: str) -> str:
    """A cue as a regex: spaces match any white space, and a word ending in "*" is a stem that
    matches any ending ("оборон*": the inflected forms of a word in Slavic languages)."""
    words = _stem_term(cue).split(" ")
    return r"\s+".join(
        re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words
    )


def _cue_regex(catalogue: Catalogue) -> tuple[re.Pattern[str], dict[str, list[str]], _Resolver]:
    """One regex for every cue, the metrics of each cue, and the stem cues with their own
    regex (to tell which stem cue an inflected text matched)."""
    owners: dict[str, list[str]] = {}
    for metric in catalogue.metrics.values():
        for cue in metric.cues:
            owners.setdefault(normalise_name(cue), []).append(metric.id)
    ordered = sorted(owners, key=lambda c: len(c.replace("*", "")), reverse=True)
    # A prefix tree: an alternation of hundreds of cues is tried branch by branch otherwise.
    pattern = trie_alternation(
        [_stem_term(c) for c in owners],
        flexible_space=True,
        stem="*",
    )
    # Matched case-sensitively against lower-cased text: IGNORECASE alternations are slow.
    regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
    stems = [(re.compile(_cue_pattern(c)), c) for c in ordered if "*" in c]
    return regex, owners, _Resolver(regex, set(owners), stems)


def _completes(sentence: str, cue_start: int, ends: list[int]) -> bool:
    """The cue right after another figure (at most a unit word between) is that figure's."""
    return any(
        b <= cue_start <= b + 20 and _UNIT_GAP_RE.fullmatch(sentence, b, cue_start) for b in ends
    )


class _Resolver:
    """The cue a matched text is: itself (a literal cue), or the stem cue ("оборон*") it
    inflects; remembered per text. It carries the cue regex, so that `_cues_in` is cached on
    it: hashing a compiled pattern hashes all its code (20 µs for the cues, per call)."""

    def __init__(
        self, regex: re.Pattern[str], literal: set[str], stems: list[tuple[re.Pattern[str], str]]
    ) -> None:
        self.regex = regex
        self.literal = {c for c in literal if "*" not in c}
        self.stems = stems
        self.memo: dict[str, str] = {}

    def __call__(self, matched: str) -> str:
        found = self.memo.get(matched)
        if found is None:
            found = normalise_name(matched)
            if found not in self.literal:
                found = next((c for stem, c in self.stems if stem.fullmatch(matched)), found)
            self.memo[matched] = found
        return found


@lru_cache(maxsize=32)
def _cues_in(resolve: _Resolver, sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The cue words of a sentence (start, end, cue), kept for its other figures."""
    regex = resolve.regex
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters lengthen when lower-cased ("İ")
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    found = [(m.start(), m.end(), resolve(m.group(0))) for m in regex.finditer(lowered)]

    # "capital budget for the army": a cue opening with a preposition right after another
    # cue is that cue's complement (what it is for), not a measure of its own;
    # "for army pensions": one right before another cue is that cue's modifier.
    def beside(i: int, j: int) -> bool:
        return 0 <= j < len(found) and 0 <= found[max(i, j)][0] - found[min(i, j)][1] <= 1

    def prepositional(i: int) -> bool:
        return 0 <= i < len(found) and found[i][2].split(" ", 1)[0] in _PREPOSITIONS

    # Of two prepositional cues side by side ("2.3% of GDP on defence") the first is the
    # measure and the second its complement.
    return tuple(
        cue
        for i, cue in enumerate(found)
        if not (
            prepositional(i)
            and (beside(i, i - 1) or (beside(i, i + 1) and not prepositional(i + 1)))
        )
    )


_PREPOSITIONS = frozenset({"for", "on", "of", "to", "in"})


# A cue after one of these is the next clause's: "sales reached $12bn, while profit fell".
CLAUSE_BREAK_RE = re.compile(
    r";|,\s*(?:while|whereas|but|although|though)\b|\s(?:while|whereas)\s"
    # ", as orders rose 17%": a clause with a subject of its own, not "as planned", "as of"
    r"|,\s*as\s+(?=(?:the\s+|its\s+|their\s+)?[a-z]+\s+(?:rose|fell|grew|jumped|climbed|"
    r"dropped|declined|increased|decreased|slipped|surged|soared|slumped|gained|rise|fall)\b)",
    re.IGNORECASE,
)
# Between a figure and the cue that is its complement: at most a unit word ("2.1 pct. GDP").
# The figure may end before its abbreviation's dot ("2.1 pct" + ". GDP"); a verb's auxiliary
# may come between ("900 people were injured").
_UNIT_GAP_RE = re.compile(
    r"\.?\s*(?:[^\W\d]+\.?\s*)?(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?:of\s+(?:its|their|the)\s+)?",  # "3.4% of its gross domestic product"
    re.IGNORECASE,
)


# Between a figure and a cue, a purpose whose own words narrow the cue: "for missile defense",
# "on cyber defence" (not "for defence", "for the army", "for national defence").
_SUB_LINE_GAP_RE = re.compile(
    r"\s+(?:for|on)\s+(?!(?:the|its|their|a|an|all|total|overall|national|state|federal|"
    r"public|general)\b)[a-z][a-z-]+\s+",
)


# A sentence that opens with the whole its figures are parts of: "Of the budget, ...".
_WHOLE_OPENING_RE = re.compile(
    r"\s*(?:of|out\s+of)\s+(?:the|this|that|its|their|these)\s+(?:[^\W\d_]+\s+){0,3}$", re.I
)


# A cue right after these words names what a figure leaves out, not what it measures.
_EXCLUDED_RE = re.compile(
    r"\b(?:excluding|excludes|exclusive\s+of|except(?:\s+for)?|without|net\s+of|other\s+than|"
    r"not\s+counting|apart\s+from|minus)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)


# "..., rescue workers said": the speaker of a sentence. ("According to the budget, ..." may
# name the measure, so it is not a speaker here.)
_SPEAKER_RE = re.compile(
    r"(?:^|[,;]\s)\s*(?P<who>(?:(?!(?:have|has|had|been|was|were|is|are)\b)[^\W\d][\w'’-]*\s+)"
    r"{1,5}?)(?:said|says|told|reported|added|announced)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _speakers(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence names who says it (found once for all its figures)."""
    return tuple(match.span("who") for match in _SPEAKER_RE.finditer(sentence))


def cued_metrics(
    sentence: str, unit: str | None, catalogue: Catalogue, elsewhere: tuple[int, ...] = ()
) -> set[str]:
    """The metrics a figure of this unit may be that the sentence's cues name, leaving out
    cues that complete a figure of another kind (`elsewhere`: where those figures end)."""
    kind = _figure_kind(unit)
    fits = catalogue.prepared(f"kind:{kind}", lambda c: _metrics_of_kind(c, kind))
    _, owners, resolve = catalogue.prepared("cues", _cue_regex)
    return {
        m
        for start, _, cue in _cues_in(resolve, sentence)
        if not _completes(sentence, start, list(elsewhere))
        for m in owners[cue]
        if m in fits
    }


def cues_in_order(sentence: str, end: int, unit: str | None, catalogue: Catalogue) -> list[str]:
    """The metrics of a figure's kind that the sentence's cues name before `end`, in the order
    of the text, each once ("Health and education will receive X and Y respectively")."""
    kind = _figure_kind(unit)
    fits = catalogue.prepared(f"kind:{kind}", lambda c: _metrics_of_kind(c, kind))
    _, owners, resolve = catalogue.prepared("cues", _cue_regex)
    found: list[str] = []
    for start, _, cue in _cues_in(resolve, sentence):
        named = [m for m in owners[cue] if m in fits]
        if start < end and len(named) == 1 and named[0] not in found:
            found.append(named[0])
    return found


def pick_metric(
    sentence: str, start: int, end: int, unit: str | None, catalogue: Catalogue,
    field_name: str | None = None, figures: tuple[tuple[int, int], ...] = (),
    others: tuple[tuple[int, int], ...] = (), prefer: str | None = None,
) -> tuple[str, list[str], float]:  # fmt: skip
    """The metric whose cue words sit nearest the figure, among metrics of the figure's kind.

    On equal scores a project's metric wins over a packaged one (it is the more specific). A cue
    after the figure with another of the sentence's `figures` in between is that figure's ("$20.8
    billion, ..., at $245 per capita": per capita is not 20.8's). A cue right after another figure
    before this one is that figure's ("2.1 percent of GDP, or $50 billion": GDP is not 50's).
    """
    kind = _figure_kind(unit, sentence[start:end])
    fits = catalogue.prepared(f"kind:{kind}", lambda c: _metrics_of_kind(c, kind))
    _, owners, resolve = catalogue.prepared("cues", _cue_regex)
    scores: dict[str, float] = {}
    ends = [b for _, b in others if b <= start]
    if field_name:
        for metric_id in owners.get(normalise_name(field_name.replace("_", " ")), []) + owners.get(
            normalise_name(field_name), []
        ):
            if metric_id in fits:
                scores[metric_id] = scores.get(metric_id, 0.0) + 10.0
    speakers = _speakers(sentence)
    between = (*figures, *_outside_brackets(sentence, others))  # figures a cue cannot cross
    for cue_start, cue_end, cue in _cues_in(resolve, sentence):
        if any(a <= cue_start < b for a, b in speakers):
            continue  # "..., rescue workers said": who says it, not what is measured
        distance = _cue_distance(
            sentence, (cue_start, cue_end), (start, end), figures, ends, between
        )
        if distance is None:
            continue
        weight = (1 + 0.5 * len(cue.split())) / (1 + distance / 8)
        for metric_id in owners[cue]:
            if metric_id in fits:
                scores[metric_id] = scores.get(metric_id, 0.0) + weight
    if prefer:  # the text's subject breaks ties: a company text's "revenue" is the company's
        scores = {m: v * (1.5 if m.startswith(prefer) else 1.0) for m, v in scores.items()}
    ranked = sorted(scores, key=lambda m: (-scores[m], catalogue.metrics[m].packaged))
    if not ranked:
        nearby = sorted(fits)[:3] if len(fits) <= 3 else []
        return UNKNOWN_METRIC, nearby, 0.0
    best = scores[ranked[0]]
    runner = scores[ranked[1]] if len(ranked) > 1 else 0.0
    confidence = best / (best + 0.5) * (1 - runner / (best + runner) / 2 if runner else 1.0)
    if confidence < 0.15:
        return UNKNOWN_METRIC, ranked[:3], confidence
    return ranked[0], ranked[1:3], round(confidence, 2)


# Between a cue and the figure it introduces: "deficit of", "debt stood at", "revenue:".
_INTRODUCES_RE = re.compile(
    r"\s*(?::|\s(?:of|at|was|were|is|are|stood\s+at|totall?ing|reached|von|de|du|od)\s)\s*"
    r"(?:\w{1,3}\s?)?",
    re.IGNORECASE,
)


def _outside_brackets(
    sentence: str, spans: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The figures not written in brackets ("$5 billion (2.1 % of GDP)": an aside)."""
    return tuple(s for s in spans if sentence.rfind("(", 0, s[0]) <= sentence.rfind(")", 0, s[0]))


def _cue_distance(
    sentence: str,
    cue: tuple[int, int],
    figure: tuple[int, int],
    figures: tuple[tuple[int, int], ...],
    ends: list[int],
    between: tuple[tuple[int, int], ...] = (),
) -> float | None:
    """How far a cue is from the figure it may name (before it counts three times), or None
    when the cue names something else. `between`: the figures a cue after this one cannot
    reach across."""
    (cue_start, cue_end), (start, end) = cue, figure
    if _EXCLUDED_RE.search(sentence, max(0, cue_start - 24), cue_start):
        return None  # "X, excluding pensions": what the figure leaves out
    if cue_start >= end:
        if any(end <= a and b <= cue_start for a, b in between):
            return None  # "2.2 trillion, or 26 % of GDP": GDP is the percentage's
        if CLAUSE_BREAK_RE.search(sentence, end, cue_start):
            return None  # "$12bn in 2023, while operating profit was ...": the next clause's
        if _SUB_LINE_GAP_RE.fullmatch(sentence, end, cue_start):
            return None  # "$33.1 billion for missile defense": a line within, named by its purpose
        distance = cue_start - end
        if any(
            0 <= a - cue_end < max(distance, 6)
            and (
                ("," in sentence[end:cue_start] and "," not in sentence[cue_end:a])
                or _INTRODUCES_RE.fullmatch(sentence, cue_end, a)
            )
            for a, _ in figures
            if a > end
        ):
            # "revenue of N18 trillion and a deficit of N9 trillion", "... auf 11 Mrd. steigen,
            # die Neuverschuldung liegt bei 4 Mrd.": the cue introduces the next figure
            return None
        return float(distance)
    if cue_end <= start:
        if _WHOLE_OPENING_RE.match(sentence[:cue_start]) and "," in sentence[cue_end:start]:
            return None  # "Of the health budget, 45 billion goes to ...": the whole, not 45
        if any(_SUB_LINE_GAP_RE.fullmatch(sentence, b, cue_start) for b in ends):
            return None  # "$33.1 billion for missile defense and $37.7 billion": 33.1's purpose
        if ends and _completes(sentence, cue_start, ends):
            return None  # "2.1 percent of GDP, or $50 billion": GDP is the percentage's
        if CLAUSE_BREAK_RE.search(sentence, cue_end, start):
            return None  # "sales rose to $12bn, while orders fell to $9bn": 9 is no sales
        return (start - cue_end) * 3.0  # the counted noun usually follows the number
    return 0.0  # the cue shares words with the figure ("23 percent increase")
