"""The stages that draft one figure: where it sits, its period, entity and source (its metric:
extract/measure.py).

Each takes the document's `Scene` and the `Figure` and returns what it found with how it was
found (the basis a reviewer reads in the draft's note); the first rule that applies wins.
"""

from __future__ import annotations

import bisect
import re

from reconcile.core.patterns import YEAR
from reconcile.core.periods import UNDATED

from .attribution import find_named_source, name_authority, qualify_authority, source_of_citation
from .documents import Citation, InfoboxField
from .entities import country_of_currency, pick_place
from .measure import COMPANY_METRICS, clause_of
from .period_binding import (
    date_of_citation,
    pick_period,
    to_date_period,
    year_nearby,
    year_of_citation,
)
from .periods import PeriodMention
from .scene import Figure, Scene, about_budget
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
    if scene.budget_period and (money or about_budget(scene.document.text, figure.sentence, money)):
        # a text about a year's budget: its undated sums are that budget's ("the ministry will
        # receive 175 billion"), not of the year it was written in
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
    clause = clause_of(sentence, figure.start - start, figure.end - start)
    # "Brazil's population": the country itself, named in the clause before the figure
    if place is not None and sentence.find(clause) <= place.start - start <= figure.start - start:
        return entity
    return part_of_country(clause, entity, figure.start - start - sentence.find(clause)) or entity


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
    found = pick_place(
        scene.places, start, start, paragraph, start, first=True, text=scene.document.text
    )
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
