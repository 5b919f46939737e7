"""The stages that draft one figure: where it sits, its period, entity, source and metric.

Each takes the document's `Scene` and the `Figure` and returns what it found with how it was
found (the basis a reviewer reads in the draft's note); the first rule that applies wins.
"""

from __future__ import annotations

import bisect
import re

from reconcile.core.patterns import WEEKDAYS, YEAR
from reconcile.core.periods import UNDATED
from reconcile.figures.grammar import ParsedValue

from .attribution import find_named_source, name_authority, qualify_authority, source_of_citation
from .documents import Citation, InfoboxField
from .entities import country_of_currency, pick_place
from .metric_cues import CLAUSE_BREAK_RE, UNKNOWN_METRIC, cued_metrics, pick_metric
from .period_binding import (
    date_of_citation,
    pick_period,
    to_date_period,
    year_nearby,
    year_of_citation,
)
from .periods import PeriodMention
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
from .scene import Figure, Scene, about_budget, is_parenthetical
from .subdivisions import part_of_country


def locate_figure(scene: Scene, figure: Figure) -> tuple[InfoboxField | None, Citation | None]:
    """The infobox field a figure fills, and the citation that supports it."""
    text = scene.document.text
    field = next((f for f in scene.document.fields if f.start <= figure.start < f.end), None)
    if field is not None:
        return field, field.citation
    paragraph_end = text.find("\n", figure.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    at = bisect.bisect_left(scene.offsets, figure.end)
    if at < len(scene.citations) and scene.citations[at].offset <= paragraph_end:
        return None, scene.citations[at]
    return None, None


def date_figure(
    scene: Scene,
    figure: Figure,
    mentions: list[PeriodMention],
    explicit: str | None,
    field: InfoboxField | None,
    citation: Citation | None,
) -> tuple[tuple[str, ...], str]:
    """The periods of a figure and what they were read from (first rule that applies)."""
    if figure.repair is not None and figure.repair.period:
        return (figure.repair.period,), "year (read with the amount)"
    start, end = figure.sentence
    sentence = scene.document.text[start:end]
    column = re.search(rf"(?<!\d)({YEAR})(?!\d)", field.name) if field is not None else None
    if column:  # a table cell under "2025 budget"
        return (column.group(1),), "column"
    if scene.published and _NOW_AFTER_RE.match(sentence, figure.end - start):
        return (str(scene.published.year),), "now"  # "to 2% of GDP by 2027, from 1.3% now"
    mention = pick_period(
        mentions, figure.start - start, figure.end - start, sentence, figure.others
    )
    if mention and mention.kind == "anaphora":
        return (explicit or mention.periods[0],), "anaphora"
    if mention:
        periods = mention.periods
        if len(periods) == 1 and mention.kind == "year":
            reported = date_of_citation(citation) if citation else None
            periods = (to_date_period(sentence, periods[0], reported or scene.published),)
        return periods, mention.kind
    if citation and year_of_citation(citation):
        return (str(year_of_citation(citation)),), "citation"
    dated = [y for a, b, y in scene.document.dated if a <= figure.start < b]
    if dated:
        return (dated[0],), "caption"
    if scene.document.kind == "wikitext":
        found = year_nearby(
            scene.document.text, figure.start, start, end, citation, scene.citations, scene.stated
        )
        if found:
            return (found[0],), found[1]
    if figure.carried:
        return (figure.carried,), "the sentence before"
    money = figure.parsed.kind == "money"
    if scene.budget_period and about_budget(scene.document.text, figure.sentence, money):
        return (scene.budget_period,), "budget"
    if scene.published:
        return (str(scene.published.year),), "published"
    if scene.inferred:
        return (str(scene.inferred),), "inferred"
    return (UNDATED,), "undated"


# Right after a figure, words that date it to the time of writing: "from about 1.3% now".
_NOW_AFTER_RE = re.compile(r"\s+(?:now|currently|at\s+present|today|at\s+the\s+moment)\b", re.I)


WORLD = "WLD"  # the World Bank's and SIPRI's code for the world as a whole
# "global military expenditure", "world spending", "worldwide": a figure for the whole world.
_WORLD_RE = re.compile(r"\b(?:global|world(?:wide)?|the\s+world's)\s+(?:\w+\s+){0,2}?"
                       r"(?:spending|expenditures?|budgets?|total|output|population|gdp)\b",
                       re.IGNORECASE)  # fmt: skip


# An alliance or a union whose members' figure a sentence gives as one ("NATO members", "the
# European Union's"): its own entity (slug `nato`, `eu`), not the country named before.
_BLOC_RE = re.compile(
    r"\b(?:NATO|Nato)(?:\s+(?:members?|allies|countries|states))?\b|\bNATO['’]s\b"
    r"|\b(?:the\s+)?European\s+Union\b|\bEU\s+(?:members?|countries|states)\b"
)


COMPANY_METRICS = "company_"  # the packaged company metrics' id prefix
# A sentence of a company text that speaks of the state's money, not the company's.
_STATE_RE = re.compile(
    r"\b(?:budget|state|government|tax(?:es)?|ministry|treasury|fiscal|public)\b", re.IGNORECASE
)


def settle_entity(
    scene: Scene, figure: Figure, metric: str, entity: str, basis: str
) -> tuple[str, str]:
    """The entity once the metric is known: a capital's city for a territorial measure, the
    company the text is about for a company measure (revenue, profit, employees)."""
    if scene.company is not None and metric.startswith(COMPANY_METRICS):
        return scene.company.slug, f"the company the text is about ({scene.company.name})"
    return territorial_entity(scene, figure, metric, entity), basis


def territorial_entity(scene: Scene, figure: Figure, metric: str, entity: str) -> str:
    """A territorial measure (a population) of a capital is the city's, not the country's:
    "1.3 million people live in Sofia" is Sofia's population (entity slug `sofia`)."""
    known = scene.catalogue.metrics.get(metric)
    if known is None or not known.territorial:
        return entity
    place = scene.memo.get(f"place:{figure.start}")
    if place is not None and place.capital is not None:
        return re.sub(r"[^a-z0-9]+", "-", place.capital.lower()).strip("-")
    # "Bahia state has 14 million people", "the city of Salvador 2.4 million": a part of it
    start = figure.sentence[0]
    sentence = scene.document.text[start : figure.sentence[1]]
    clause = _clause_of(sentence, figure.start - start, figure.end - start)
    # "Brazil's population": the country itself, named in the clause before the figure
    if place is not None and sentence.find(clause) <= place.start - start <= figure.start - start:
        return entity
    return part_of_country(clause, entity) or entity


def place_figure(scene: Scene, figure: Figure) -> tuple[str, str]:
    """The entity of a figure: a country named in its sentence, else the world when the figure's
    clause speaks of the whole world ("global spending ... rose to $2 trillion"), else a
    country before it in its paragraph, else --entity, else the document's main country (or its
    web domain's)."""
    start, end = figure.sentence
    found = pick_place(scene.places, figure.start, figure.end, start, end, text=scene.document.text)
    if found:
        scene.memo[f"place:{figure.start}"] = found
        return found.code, "sentence"
    if _WORLD_RE.search(scene.document.text, start, figure.start):
        return WORLD, "sentence"
    bloc = _BLOC_RE.search(scene.document.text, start, figure.start)
    if bloc:  # "spending by NATO members totalled $1,341 billion": the alliance's, no country's
        return ("nato" if bloc.group(0).lower().startswith("nato") else "eu"), "sentence"
    paragraph = scene.document.text.rfind("\n", 0, start) + 1
    found = pick_place(scene.places, start, start, paragraph, start, first=True)
    if found:
        scene.memo[f"place:{figure.start}"] = found
        return found.code, "paragraph"
    if _WORLD_RE.search(scene.document.text, paragraph, start):
        return WORLD, "paragraph"  # "Global spending rose ... The 6.8 % increase was ..."
    if scene.entity:
        return scene.entity, "default"
    if scene.main_place:
        return scene.main_place, "document"
    if scene.company is not None:
        return scene.company.slug, f"the company the text is about ({scene.company.name})"
    country = country_of_currency(figure.parsed.unit)
    if country:  # "61.2 trillion won" in a text that names no country: South Korea's
        scene.memo.setdefault("currency-country", (country, figure.parsed.unit))
        return country, f"the country of its currency ({figure.parsed.unit})"
    if "currency-country" in scene.memo:  # "... grew by 32 %" after sums in won
        country, unit = scene.memo["currency-country"]
        return country, f"the country of the text's currency ({unit})"
    return "unknown", "unknown"


def attribute_figure(
    scene: Scene,
    figure: Figure,
    field: InfoboxField | None,
    citation: Citation | None,
    entity: str,
) -> tuple[str, str, str | None]:
    """(source, how it was found, the outlet it came through)."""
    text, catalogue = scene.document.text, scene.catalogue
    start, end = figure.sentence
    low = max([start, *(o for o in scene.offsets if o <= figure.start)])
    high = min([end, *(o for o in scene.offsets if o >= figure.end)])
    named = find_named_source(text[low:high], figure.start - low, catalogue)
    via = scene.outlet
    if named and not named.startswith("?"):
        source, basis = named, "named"
    elif citation is not None:
        source = source_of_citation(citation, catalogue) or scene.outlet
        basis = "infobox-citation" if field else "citation"
    elif named and (who := name_authority(named[1:])):
        source, basis = qualify_authority(who, entity), "named"
    else:
        return scene.outlet, "document", None
    return source, basis, via if via != source else None


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
    if metric != UNKNOWN_METRIC:
        return metric, candidates, confidence, ""
    line = _LINE_RE.search(_clause_of(sentence, rel_start, rel_end))
    if line:  # "spending on new ships was set at X": the line's own words name it
        provisional, phrase = provisional_of(line.group("line"), parsed.unit)
        return provisional, candidates, confidence, phrase
    provisional, phrase = provisional_metric(sentence, rel_start, rel_end, parsed.unit)
    return provisional, candidates, confidence, phrase


def _noun_in_cues(sentence: str, end: int, cues: tuple[str, ...] | list[str]) -> bool:
    """Whether the plural noun right after a count is a word of one of the metric's cues."""
    noun = (
        sentence[end:].split(maxsplit=1)[0].lower().strip(".,;:") if sentence[end:].strip() else ""
    )
    words = {w.rstrip("*") for cue in cues for w in cue.lower().split()}
    return bool(noun) and (noun in words or noun.rstrip("s") in words)


# After a figure, what makes it a rate: "people per square kilometre", "per 1,000 births".
_RATE_AFTER_RE = re.compile(
    r"\s+(?P<rate>(?:[a-z]+\s+){0,2}per\s+(?!cent\b)(?:square\s+|1,000\s+|100,000\s+)?[a-z]+)",
    re.I,
)


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


def _clause_of(sentence: str, start: int, end: int) -> str:
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
    if _LINE_RE.search(_clause_of(sentence, figure.start - figure.sentence[0], end)):
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
