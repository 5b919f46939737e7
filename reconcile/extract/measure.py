"""What a figure measures: the metric from its cue words, the headline's or its own words.

The cue nearest the figure names the metric (extract/metric_cues.py); a figure no cue decides
takes the headline's metric unless its sentence names a measure of its own (its subject, a
line it is for, what it counts, a rate "per ..."); else a provisional metric from its words.
"""

from __future__ import annotations

import re

from reconcile.core.parsed_value import kind_of_unit
from reconcile.core.patterns import WEEKDAYS
from reconcile.figures.grammar import ParsedValue

from .documents import InfoboxField
from .metric_cues import CLAUSE_BREAK_RE, UNKNOWN_METRIC, cued_metrics, pick_metric
from .provisional import (
    PEOPLE_NOUNS,
    content_words,
    counts_own_things,
    is_function_word,
    provisional_id,
    provisional_metric,
    provisional_of,
    subject_before,
    whole_after,
)
from .scene import Figure, Scene, is_parenthetical
from .subgroups import subgroup_metric
from .verb_subjects import names_another_measure, verb_subject

COMPANY_METRICS = "company_"  # the packaged company metrics' id prefix
# A sentence of a company text that speaks of the state's money, not the company's.
_STATE_RE = re.compile(
    r"\b(?:budget|state|government|(?<!-)tax(?:es)?|ministry|treasury|fiscal|public)\b",
    re.IGNORECASE,  # "pre-tax profit" is a company's
)


def measure_figure(
    scene: Scene, figure: Figure, parsed: ParsedValue, field: InfoboxField | None
) -> tuple[str, list[str], float, str]:
    """(metric, other candidates, confidence, provisional phrase)."""
    start, end = figure.sentence
    sentence = scene.document.text[start:end]
    rel_start, rel_end = figure.start - start, figure.end - start
    reading = _READING_BEFORE.search(sentence, max(0, rel_start - 24), rel_start)
    if reading and parsed.unit in (None, "count"):
        # "a magnitude 7.8 earthquake", "category 4": a reading on a scale, not a count.
        noun = reading.group(1).lower()
        return f"unreviewed_count_{noun}", [], 0.5, noun
    metric, candidates, confidence = pick_metric(
        sentence,
        rel_start,
        rel_end,
        parsed.unit,
        scene.catalogue,
        field.name if field else None,
        tuple(
            o
            for o, unit in zip(figure.others, figure.units, strict=True)
            if unit == parsed.unit and not is_parenthetical(sentence, o)
        ),
        others=tuple(figure.others),
        prefer=COMPANY_METRICS if scene.company and not _STATE_RE.search(sentence) else None,
    )
    named = _named_by_subject(scene, sentence, rel_start, parsed.unit, metric)
    if named is not None and named != metric:
        # "The deficit is forecast at 6.6% of GDP": the subject names the measure, not the
        # generic "% of GDP" of military spending
        metric, candidates, confidence = named, [metric, *candidates][:2], 0.6
    rate = _RATE_AFTER_RE.match(sentence, rel_end)
    if rate and not any(" per " in f" {c} " for c in _cues_of(scene, metric)):
        # "464 people per square kilometre": a density or a rate, not the count of people
        provisional, phrase = provisional_id(" ".join(rate.group("rate").lower().split()), "count")
        return provisional, [], confidence, phrase
    if metric == UNKNOWN_METRIC and _may_take_the_headline(
        sentence, rel_end, parsed, scene, figure
    ):
        metric, candidates, confidence = headline_metric(scene, parsed.unit)
    known = scene.catalogue.metrics.get(metric)
    # "injured 1,500 people and damaged 235,000 homes": homes; "14,000 homes ..., according to
    # the interior ministry": no ministry's troops, unless the noun is the metric's own
    if (
        known is not None
        and counts_own_things(sentence, rel_end)
        and not _noun_in_cues(sentence, rel_end, known.cues)
    ):
        metric = UNKNOWN_METRIC
    # "the working-age population stood at 6.7 million", "orders rose 23% to 50.6 billion"
    part = _narrower_measure(scene, metric, sentence, (rel_start, rel_end), parsed.unit)
    if part is not None:
        return part[0], [metric, *candidates][:2], confidence, part[1]
    if metric != UNKNOWN_METRIC:
        return metric, candidates, confidence, ""
    provisional, phrase = _own_words_metric(sentence, rel_start, rel_end, parsed.unit)
    return provisional, candidates, confidence, phrase


def _own_words_metric(sentence: str, start: int, end: int, unit: str | None) -> tuple[str, str]:
    """The provisional metric a figure no catalogue metric takes: the line of spending its
    clause names ("spending on new ships was set at X"), else its own words."""
    line = _LINE_RE.search(clause_of(sentence, start, end))
    if line:
        return provisional_of(line.group("line"), unit)
    subject = verb_subject(sentence, start)  # "damage estimate rises to $30 billion"
    if subject and kind_of_unit(unit) in {"money", "count"}:
        return provisional_of(subject, unit)
    return provisional_metric(sentence, start, end, unit)


def _narrower_measure(
    scene: Scene, metric: str, sentence: str, span: tuple[int, int], unit: str | None
) -> tuple[str, str] | None:
    """The provisional metric of what a figure a cue gave to `metric` is said of instead: a
    part of a territory's population (extract/subgroups.py), or the subject of the verb that
    gives a sum or a count when the subject is no word of the metric's cues (extract/
    verb_subjects.py)."""
    known = scene.catalogue.metrics.get(metric)
    if known is None:
        return None
    if known.territorial and known.kind == "count":
        part = subgroup_metric(sentence, *span, unit)
        if part is not None:
            return part
    if kind_of_unit(unit) not in {"money", "count"}:
        return None
    subject = verb_subject(sentence, span[0])
    if not subject:
        return None
    named = cued_metrics(subject, unit, scene.catalogue)  # "net income totalled X and ..."
    if metric in named:
        return None
    if len(named) == 1:
        return next(iter(named)), ""
    return provisional_of(subject, unit) if names_another_measure(subject, known.cues) else None


def _noun_in_cues(sentence: str, end: int, cues: tuple[str, ...] | list[str]) -> bool:
    """Whether the plural noun right after a count is a word of one of the metric's cues."""
    word = _NEXT_WORD_RE.match(sentence, end)  # as counts_own_things reads it
    noun = word.group(1).lower() if word else ""
    words = {w.rstrip("*") for cue in cues for w in cue.lower().split()}
    return bool(noun) and (noun in words or noun.rstrip("s") in words)


# After a figure, what makes it a rate: "people per square kilometre", "per 1,000 births".
_RATE_AFTER_RE = re.compile(
    r"\s+(?P<rate>(?:[a-z]+\s+){0,2}per\s+(?!cent\b)(?:square\s+|1,000\s+|100,000\s+)?[a-z]+)",
    re.I,
)


def _named_by_subject(
    scene: Scene, sentence: str, start: int, unit: str | None, metric: str
) -> str | None:
    """The one catalogue metric of the figure's kind whose cue the figure's subject is
    ("deficit" for "the deficit is forecast at 6.6%"), or None. Without an English subject,
    a share of GDP (`metric`) is the share its clause names before it."""
    if unit != "percent":
        return None  # a sum's subject may be a line of it ("pensions for defence personnel")
    subject = subject_before(sentence, start)
    if not subject:
        if not metric.endswith("_gdp_share"):
            return None
        # "Дефицит ожидается на уровне 0,5% ВВП": a share of GDP is of what its clause names
        # before it, in any language (the GDP after it says only that it is a share of GDP)
        before = re.split(r"[,;:]", sentence[max(0, start - 60) : start])[-1]
        found = {m for m in cued_metrics(before, unit, scene.catalogue) if m.endswith("_gdp_share")}
    else:
        found = cued_metrics(subject, unit, scene.catalogue)
    return next(iter(found)) if len(found) == 1 else None


def _cues_of(scene: Scene, metric: str) -> tuple[str, ...]:
    known = scene.catalogue.metrics.get(metric)
    return tuple(known.cues) if known is not None else ()


_READING_BEFORE = re.compile(
    r"\b(magnitude|category|level|grade|index|score|rating)\s*(?:of\s+)?$", re.IGNORECASE
)


# "six times": a multiple or a frequency, not a count of what the headline counts.
_MULTIPLE_RE = re.compile(r"\s+times?\b", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")


def _counts_its_own_noun(sentence: str, end: int) -> bool:
    """ "6,444 buildings": the noun right after a figure says what it counts; "900 billion
    yen for missiles": a purpose no cue names is a line of its own, not the headline's total."""
    if _FOR_PURPOSE_RE.match(sentence, end):
        return True
    word = _NEXT_WORD_RE.match(sentence, end)
    if word is None:
        return False
    noun = word.group(1).lower()
    return noun not in PEOPLE_NOUNS and not is_function_word(noun)


# What money is spent on, in the figure's clause: a line of a budget, not its total.
_LINE_RE = re.compile(
    r"\b(?:(?:spending|expenditures?|funds?|funding|outlays?|money)\s+(?:on|for)"
    r"|(?:go|goes|going|went)\s+(?:to|toward|towards))"
    r"\s+(?!the\s+year)(?P<line>(?:the\s+|new\s+)?[^\W\d_]{3,}(?:\s+[^\W\d_]{3,}){0,2})",
    re.IGNORECASE,
)


def clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence that holds [start, end): between clause breaks."""
    low = max([0, *(m.end() for m in CLAUSE_BREAK_RE.finditer(sentence, 0, start))])
    after = CLAUSE_BREAK_RE.search(sentence, end)
    return sentence[low : after.start() if after else len(sentence)]


_FOR_PURPOSE_RE = re.compile(
    r"\s+(?:for|on)\s+(?:the\s+|new\s+|its\s+)?"
    rf"(?!(?:{'|'.join(WEEKDAYS)}|average|record)\b)"
    r"[^\W\d_]{3,}"
    # "$37.7 billion to modernise the nuclear triad": the purpose of a line
    r"|\s+to\s+(?:modern|buy|build|fund|pay|replac|upgrad|develop|train|expand|procur|purchas|"
    r"repair|cover|support|financ|boost|hire|recruit|rebuild|restor)\w*\b",
    re.I,
)


def _may_take_the_headline(
    sentence: str, end: int, parsed: ParsedValue, scene: Scene, figure: Figure
) -> bool:
    """A figure with no cue of its own measures what the headline names, unless its sentence
    names only other measures of its kind ("5,000 injured ..., and 120 were in critical
    condition": 120 is not the headline's toll either), or it is a multiple ("six times")."""
    if _MULTIPLE_RE.match(sentence, end) or _counts_its_own_noun(sentence, end):
        return False
    if _LINE_RE.search(clause_of(sentence, figure.start - figure.sentence[0], end)):
        return False  # "spending on roads was set at X", "X will go to schools": a line
    elsewhere = tuple(b for (_, b), unit in zip(figure.others, figure.units, strict=True)
                      if unit != parsed.unit)  # fmt: skip
    named = cued_metrics(sentence, parsed.unit, scene.catalogue, elsewhere)
    if named:
        return headline_metric(scene, parsed.unit)[0] in named
    # "The median age is 21" under a population headline: the sentence names its own measure.
    subject = subject_before(sentence, figure.start - figure.sentence[0])
    if parsed.unit == "percent":
        subject = subject or whole_after(sentence, end)  # "99% of precincts"
    return not subject or bool(set(subject.split()) & _headline_words(scene))


def _headline_words(scene: Scene) -> set[str]:
    """The content words of the text's headline, as provisional phrases write them."""
    if "headline-words" not in scene.memo:
        text = scene.document.text[scene.document.body_start :]
        headline = " ".join(text.lstrip().split("\n")[:2])[:200]
        scene.memo["headline-words"] = content_words(headline)
    return scene.memo["headline-words"]


def headline_metric(scene: Scene, unit: str | None) -> tuple[str, list[str], float]:
    """The metric a text's headline names for figures of this unit ("... approves defense budget
    for 2020"): what a figure without a cue of its own most likely measures."""
    key = f"headline:{unit}"
    if key not in scene.memo:
        text = scene.document.text[scene.document.body_start :]
        headline = " ".join(text.lstrip().split("\n")[:2])[:200]  # a dateline may come first
        found = pick_metric(headline, 0, 0, unit, scene.catalogue)
        scene.memo[key] = (found[0], [], found[2] / 2)
    return scene.memo[key]
