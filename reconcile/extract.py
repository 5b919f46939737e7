"""Find figures in running text and draft claims: value, metric, period, source, quote, span.

Pure: takes a `Document` (documents.py) and a `Catalogue` (metric cues, source names) and
returns `Draft` records; reading files and writing drafts live in cli_extract.py.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

from .documents import MONTHS, Citation, Document
from .figures import QUALIFIERS, parse_value

UNKNOWN_METRIC = "unknown"
DOCUMENT_SOURCE = "document"


@dataclass(frozen=True, slots=True)
class Metric:
    """The part of a catalogue metric that extraction needs."""

    id: str
    kind: str
    unit: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A catalogue source: its id and every name it goes by."""

    id: str
    names: tuple[str, ...]


@dataclass(slots=True)
class Catalogue:
    """Metric cue words and source names, from claims/metrics.yaml and claims/sources.yaml."""

    metrics: list[Metric] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def prepared(self, key: str) -> Any:
        """Regexes and indexes built once per catalogue (cue words, source names, kinds)."""
        if key not in self._cache:
            if key == "sources":
                self._cache[key] = _source_regex(tuple(self.sources))
            elif key == "cues":
                self._cache[key] = _cue_regex(tuple(self.metrics))
            else:
                fits = {m.id for m in self.metrics if key in {"unknown", m.kind}}
                if key == "count":
                    fits |= {m.id for m in self.metrics if m.kind == "quantity"}
                self._cache[key] = fits
        return self._cache[key]


@dataclass(slots=True)
class Draft:
    """A drafted claim for a person to review."""

    document: str
    value: str
    amount: float | None
    low: float | None
    high: float | None
    unit: str | None
    metric: str
    entity: str
    period: str
    source: str
    quote: str
    span: tuple[int, int]
    line: int
    confidence: float
    candidates: list[str] = field(default_factory=list)
    period_basis: str = ""
    source_basis: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        out = asdict(self)
        out["span"] = list(self.span)
        for key in ("low", "high"):
            if out[key] is not None and abs(out[key]) == float("inf"):
                out[key] = None
        return out


# ---- Figures in running text ---------------------------------------------------------------

_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|a dozen|dozen"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
_SUPERLATIVE = r"largest|biggest|strongest|greatest|highest|best|worst|lowest|smallest"
_SCALE = r"thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b"
_EXTRA_QUALIFIERS = ("a total of", "an additional", "to the excess of", "in excess of")
_NAME_BEFORE = re.compile(
    r"\b(?:project|no|nos|article|section|resolution|page|pp?|vol|volume|issue|isbn|series|"
    r"unit|code|flight|route|model|type|class|version|mark|mk)\.?\s*$",
    re.IGNORECASE,
)
_DESIGNATION_BEFORE = re.compile(r"(?:[°#№]|\b[A-Z]\s|[A-Za-z][-/]|[A-Za-z]|\d[-/.:x×]|[x×])$")
# "the 18–110 military unit", "641st unit": a number before a singular formation noun names it.
_FORMATION_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:unit|division|brigade|regiment|battalion|army|squadron|fleet|flotilla)\b"
    r"(?!\s+[a-z]+s\b)",
    re.IGNORECASE,
)
_PROPER_BEFORE = re.compile(
    r"(?<![.!?\n]\s)(?<![.!?\n])\b(?!(?:The|A|An|In|On|At|Of|By|For|With|And|But|Some|About|Over|Nearly|Only|All|Its|Their|His|Her|Our|Since|From|To|Until|During|After|Before|Around|Total|There)\s)[A-Z][a-z]+\s$"
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(r"\b(?:last|past|next|previous|coming|first|recent)\s+$", re.I)
_WINDOW_AFTER = re.compile(r"^\s+(?:years?|decades?|months?|weeks?|days?|centur(?:y|ies))\b", re.I)
_PRONOUN_ONE = re.compile(r"^\s+(?:of|another|day|side|way)\b|^-", re.IGNORECASE)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH_NAME}\s+$")
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTH_NAME}\b|:\d\d)")
_ATTACHED_AFTER = re.compile(r"^(?:-?[A-Za-z]|[-/×]\d|\.\d|'s\b|’s\b)")


@cache
def _figure_regex() -> re.Pattern[str]:
    from .currencies import load_currencies
    from .units import unit_aliases

    currencies = load_currencies()
    quals = sorted([*QUALIFIERS, *_EXTRA_QUALIFIERS], key=len, reverse=True)
    qual = "|".join(
        re.escape(q).replace(r"\ ", r"\s+") + (r"\b" if q[-1].isalpha() else "") for q in quals
    )
    plain, assumed = unit_aliases()
    units = sorted(set(plain) | set(assumed), key=len, reverse=True)
    unit = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
    number = (
        rf"(?:{_NUMBER})(?:\s*(?:-|–|—|to)\s*(?:{_NUMBER}))?"
        rf"|(?:{_WORD_NUMBERS})(?:[\s-](?:{_WORD_NUMBERS}))*"
    )
    rank = (
        rf"(?:(?:ranked|ranks|ranking|placed)\s+)(?P<rank>\d+(?:st|nd|rd|th))"
        rf"(?:\s+(?:among|of|out\s+of)\s+\d[\d,]*(?:\s+countries)?)?"
        rf"|\d+(?:st|nd|rd|th)\s+(?:among|out\s+of)\s+\d[\d,]*(?:\s+countries)?"
        rf"|(?:{_ORDINAL})[\s-](?:{_SUPERLATIVE})(?:\s+[a-z]+)?"
        rf"|(?:one\s+of\s+)?(?:the\s+)?(?:\w+[’']s\s+)?top\s+(?:{_WORD_NUMBERS}|\d+)(?:\s+[a-z]+){{0,2}}"
        rf"|\w+[’']s\s+(?:{_SUPERLATIVE})(?:\s+[a-z]+){{1,2}}"
        rf"|(?:the|its)\s+(?:{_SUPERLATIVE})\s+[a-z]+(?=\s+(?:in|among)\s+the\b)"
        rf"|(?:in\s+the\s+low\s+|the\s+)?(?:thousands|hundreds|dozens)(?=\s+of\b|\.)"
    )
    figure = (
        rf"(?:(?P<qual>{qual})\s*)?(?P<cur>{currencies.prefix_pattern()})?\s?"
        rf"(?P<num>{number})"
        rf"(?:\s*(?P<scale>{_SCALE})(?![A-Za-z]))?"
        rf"(?:\s*(?P<suffix>%|percent\b|per\s+cent\b|{currencies.suffix_pattern()}|(?:{unit})\b)"
        rf"(?![-\w])(?:\s+per\s+(?:year|annum|month))?)?"
    )
    return re.compile(rf"(?P<rankfig>{rank})|(?P<figure>(?<![\w.,]){figure})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A figure found in text: its span and the text as written."""

    start: int
    end: int
    text: str


def find_figures(text: str) -> list[FigureMatch]:
    """Find the figures in running text, skipping dates, years, model numbers and names."""
    found: list[FigureMatch] = []
    for match in _scan_figures(text):
        start, end = match.span()
        value = match.group(0).strip()
        if match.group("rankfig"):
            if match.group("rank"):
                start = match.start("rank")
            found.append(FigureMatch(start, end, text[start:end].strip()))
            continue
        if not _is_figure(text, match):
            continue
        found.append(FigureMatch(start, start + len(value.rstrip(" ,.")), value.rstrip(" ,.")))
    return found


_ANCHOR_WORDS = (
    f"{_WORD_NUMBERS}|{_SUPERLATIVE}|top|thousands|hundreds|dozens|first|second|third|fourth|fifth"
)
# Scanned case-sensitively over a lower-cased copy: IGNORECASE makes this scan 5x slower.
_ANCHOR_RE = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{_ANCHOR_WORDS})\b")
_ANCHOR_ANY_CASE_RE = re.compile(_ANCHOR_RE.pattern, re.IGNORECASE)


def _scan_figures(text: str) -> Any:
    """Try the full figure grammar only at word starts just before digits and number words.

    Matching at a handful of positions per anchor instead of searching every character keeps
    plain text above 1 MB/s.
    """
    regex = _figure_regex()
    last_end = 0
    lowered = text.lower()
    # lower() may lengthen a few characters ("İ"); then offsets differ, so scan the original.
    anchors = (
        _ANCHOR_RE.finditer(lowered)
        if len(lowered) == len(text)
        else _ANCHOR_ANY_CASE_RE.finditer(text)
    )
    for anchor in anchors:
        if anchor.start() < last_end:
            continue
        window = max(last_end, anchor.start() - 40)
        starts = [m.start() for m in _WORD_START_RE.finditer(text, window, anchor.start())]
        limit = min(len(text), anchor.end() + 80)
        for position in [*starts, anchor.start()]:
            match = regex.match(text, position, limit)
            if match and match.end() > anchor.start():
                yield match
                last_end = match.end()
                break
        else:
            last_end = anchor.end()


_WORD_START_RE = re.compile(r"(?<![\w.,'’$€£₼~≈<>-])[\w$€£₼~≈<>]")


def _is_figure(text: str, match: re.Match[str]) -> bool:
    number = match.group("num")
    start, end = match.start("num"), match.end("num")
    before, after = text[max(0, start - 30) : start], text[end : end + 40]
    bare = not (match.group("qual") or match.group("cur") or match.group("scale"))
    bare = bare and not match.group("suffix")
    plain = not (match.group("cur") or match.group("scale") or match.group("suffix"))
    if plain and re.fullmatch(r"(?:1[89]|20)\d\d(?:\s*(?:[-–—/]|to|and)\s*\d{2,4})?", number):
        return False  # a year or a span of years: a date, not a figure
    if bare and number[0].isdigit() and _FORMATION_AFTER.match(after):
        return False
    if (
        bare
        and number[0].isdigit()
        and _PROPER_BEFORE.search(before)
        and not re.match(r"^\s+[a-z]+s\b", text[end : end + 30])
    ):
        return False  # "Triton 2": part of a name
    if number[0].isalpha() and _DEFINITE_BEFORE.search(before):
        return False  # "the two countries": a reference, not a count
    if number[0].isdigit() and (
        _NAME_BEFORE.search(before)
        or _DESIGNATION_BEFORE.search(before)
        or _DATE_BEFORE.search(before)
    ):
        return False
    tail = text[match.end() : match.end() + 12]
    if not match.group("suffix") and not match.group("scale") and _ATTACHED_AFTER.match(tail):
        return False  # MiG-29, 300mm, 9A52, 641st, two-day, 4x4
    if _DATE_AFTER.match(after) and number[0].isdigit():
        return False
    if _WINDOW_BEFORE.search(before) and _WINDOW_AFTER.match(after):
        return False  # "the last 15 years": a time window, not a figure
    if number.lower() == "one" and (
        _PRONOUN_ONE.match(after) or re.search(r"\b(?:no|the|any|every)\s+$", before, re.I)
    ):
        return False
    if bare and re.fullmatch(r"\d{1,3}", number) and re.match(r"^\s*(?:caliber|calibre)\b", after):
        return False
    return not (bare and number.lower() in {"hundred", "dozen"})


# ---- Sentences -----------------------------------------------------------------------------

_BOUNDARY_RE = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“'(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = {
    "dr", "gen", "lt", "col", "mr", "mrs", "ms", "st", "no", "p", "pp", "vol", "approx", "e.g",
    "i.e", "u.s", "jr", "sr", "maj", "capt", "sgt", "inc", "ltd", "co", "eff", "c", "ca", "vs",
    "etc", "fig", "nos", "u.k", "mt", "ft", "sen", "rep", "gov", "prof", "adm", "cmdr",
}  # fmt: skip


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        if match.group(0)[0] != "\n":
            word = re.search(r"([\w.]+)\.$", text[max(start, match.start() - 12) : match.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        if text[start : match.start()].strip():
            spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---- Periods -------------------------------------------------------------------------------

_Y = r"(?:1[89]|20)\d\d"
_SPAN = rf"{_Y}\s*[-–—/]\s*(?:{_Y}|\d\d)"
_PERIOD_RE = re.compile(
    rf"(?P<list>periods?\s+(?P<items>{_SPAN}(?:\s*(?:,|and)\s*{_SPAN})+))"
    rf"|(?P<months>(?P<m1>{_MONTH_NAME})\s*(?:-|–|—|to|through|until)\s*(?P<m2>{_MONTH_NAME})\s+(?P<my>{_Y}))"
    rf"|(?P<half>(?P<which>first|second)\s+half\s+of\s+(?P<hy>{_Y}))"
    rf"|(?P<quarter>Q(?P<q>[1-4])\s+(?P<qy>{_Y}))"
    rf"|(?P<range>(?:from|between)\s+(?P<r1>{_Y})\s+(?:to|and|until|through|till)\s+(?P<r2>{_Y}))"
    rf"|(?P<since>since\s+(?P<sy>{_Y}))"
    rf"|(?P<span>(?P<s1>{_Y})\s*[-–—/]\s*(?P<s2>{_Y}|\d\d))(?!\d)"
    rf"|(?P<monthyear>(?P<mm>{_MONTH_NAME})\s+(?P<mmy>{_Y}))"
    rf"|(?<![\d,.$])(?P<year>{_Y})(?!\d|,\d)"
    rf"|(?P<relative>\b(?:last|this|next|current|coming|past)\s+year\b)"
    rf"|(?P<anaphora>\b(?:that|the\s+same)\s+year\b)",
    re.IGNORECASE,
)


_PERIOD_HINT_RE = re.compile(r"(?:1[89]|20)\d\d|year|Q[1-4]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in a sentence: where, and the period ids it stands for."""

    start: int
    end: int
    periods: tuple[str, ...]
    kind: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _full_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


def find_periods(
    sentence: str, published: date | None, previous: str | None
) -> list[PeriodMention]:
    """Period expressions in one sentence, resolved ("last year" against the publication date)."""
    found: list[PeriodMention] = []
    if not _PERIOD_HINT_RE.search(sentence):
        return found
    for match in _PERIOD_RE.finditer(sentence):
        kind = match.lastgroup or ""
        g = match.group
        periods: tuple[str, ...] = ()
        if g("list"):
            items = re.findall(rf"({_Y})\s*[-–—/]\s*({_Y}|\d\d)", g("items"))
            periods, kind = tuple(f"{a}-{_full_year(a, b)}" for a, b in items), "list"
        elif g("months"):
            periods, kind = (_month_span(_month(g("m1")), _month(g("m2")), g("my")),), "months"
        elif g("half"):
            periods, kind = (f"{g('hy')}-H{1 if g('which').lower() == 'first' else 2}",), "half"
        elif g("quarter"):
            periods, kind = (f"{g('qy')}-Q{g('q')}",), "quarter"
        elif g("range"):
            periods, kind = (f"{g('r1')}-{g('r2')}",), "range"
        elif g("since"):
            end = published.year if published else None
            periods = (f"{g('sy')}-{end}" if end and end > int(g("sy")) else g("sy"),)
            kind = "since"
        elif g("span"):
            periods, kind = (f"{g('s1')}-{_full_year(g('s1'), g('s2'))}",), "span"
        elif g("monthyear"):
            periods, kind = (f"{g('mmy')}-{_month(g('mm')):02d}",), "monthyear"
        elif g("year"):
            periods, kind = (g("year"),), "year"
        elif g("relative"):
            word = g("relative").split()[0].lower()
            if published is not None:
                offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
                periods = (str(published.year + offset),)
            elif word in {"this", "current"} and previous:
                periods = (previous,)
            kind = "relative"
        elif g("anaphora") and previous:
            periods, kind = (previous,), "anaphora"
        if periods:
            found.append(PeriodMention(match.start(), match.end(), periods, kind))
    return found


def _month_span(first: int, last: int, year: str) -> str:
    named = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
    if (first, last) in named:
        return f"{year}-{named[(first, last)]}"
    return f"{year}-{first:02d}..{year}-{last:02d}"


def pick_period(mentions: list[PeriodMention], start: int, end: int) -> PeriodMention | None:
    """The period mention that binds to a figure at [start, end) of its sentence."""
    best: tuple[float, PeriodMention] | None = None
    for mention in mentions:
        distance: float
        if mention.end <= start:
            distance = start - mention.end
        elif mention.start >= end:
            distance = (mention.start - end) * 0.8  # "$1.67 billion in 2022": after binds tighter
        else:
            continue
        if mention.kind in {"list", "range", "months", "span", "half", "quarter"}:
            distance *= 0.7
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def year_of_citation(citation: Citation) -> str | None:
    """The year a cited work speaks for: an edition year in its title, else its date."""
    title = citation.fields.get("title", "")
    edition = re.search(rf"\b({_Y})\s*$", title)
    if edition:
        return edition.group(1)
    for key in ("year", "date", "access-date", "accessdate"):
        found = re.search(_Y, citation.fields.get(key, ""))
        if found:
            return found.group(0)
    found = re.search(rf"\b{_Y}\b", f"{title} {citation.text}")
    return found.group(0) if found else None


# ---- Sources -------------------------------------------------------------------------------

_REPORTING_AFTER = re.compile(
    r"^[\s,]*(?:\([^)]{1,20}\)\s*)?(?:(?:19|20)\d\d\s+)?(?:[A-Z][\w.]*\s+){0,2}"
    r"(?:also\s+|has\s+|have\s+|had\s+)?(?:said|says|say|reported|reports|report|suggests?|"
    r"suggested|estimated?|estimates|announced|announces|revealed|reveals|recorded|lists?|"
    r"listed|attributes|attributed|ranked|ranks|stated|states|claimed|claims|noted|notes|"
    r"found|finds|shows|showed|puts|put|gives?|counted|counts)\b"
)
# "the annual Global Fire Power review": a named publication vouches for the figure.
_PUBLICATION_AFTER = re.compile(
    r"^\s+(?:(?:19|20)\d\d\s+)?(?:ranking|review|index|report|survey|database|data|estimates?|"
    r"figures|statistics)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:according\s+to|compiled\s+by|reported\s+by|estimated\s+by|cited\s+by|data\s+from|"
    r"figures\s+from|published\s+by)\s+(?:the\s+)?(?:[\w.’']+\s+){0,3}$",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?(?:data\s+(?:compiled\s+)?(?:by|from)\s+(?:the\s+)?)?"
    r"(?P<who>[^,.;:()\n]{3,80}?)(?=\s*(?:[,.;:(\n]|$|\s+for\s|\s+in\s(?:19|20)))",
    re.IGNORECASE,
)


def _normalise_name(name: str) -> str:
    name = name.lower().replace("’", "'").replace("www.", "")
    return re.sub(r"\s+", " ", name).strip(" .,'\"")


@cache
def _source_regex(sources: tuple[Source, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for source in sources:
        for name in (source.id, *source.names):
            key = _normalise_name(name)
            if len(key) >= 3:
                index.setdefault(key, source.id)
    names = sorted(index, key=len, reverse=True)
    pattern = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) or "(?!)"
    return re.compile(rf"(?<![\w.])(?:{pattern})(?![\w])", re.IGNORECASE), index


def resolve_source(text: str, catalogue: Catalogue) -> str | None:
    """The catalogue id of the first source named in a text (longest name wins), if any."""
    regex, index = catalogue.prepared("sources")
    match = regex.search(text.replace("’", "'").replace("www.", ""))
    return index.get(_normalise_name(match.group(0))) if match else None


def source_of_citation(citation: Citation, catalogue: Catalogue) -> str | None:
    """The authority of a cited work: publisher, work, author, title, site, then the ref text."""
    fields = citation.fields
    for key in ("publisher", "work", "newspaper", "agency", "journal", "last", "author",
                "last1", "title", "website", "url"):  # fmt: skip
        value = fields.get(key, "")
        if key == "url":
            value = re.sub(r"^https?://(?:www\d*\.)?", "", value).split("/")[0]
        found = resolve_source(value, catalogue) if value else None
        if found:
            return found
    found = resolve_source(citation.text, catalogue)
    if found:
        return found
    raw = fields.get("publisher") or fields.get("work") or fields.get("website")
    return raw or None


def find_named_source(sentence: str, position: int, catalogue: Catalogue) -> str | None:
    """An authority named in the sentence ("according to X", "X said"), nearest the figure.

    Pass only the part of the sentence between citations: a ref closes the claim it supports.
    """
    regex, index = catalogue.prepared("sources")
    text = sentence.replace("’", "'")
    candidates: list[tuple[int, str]] = []
    for match in regex.finditer(text):
        named = _ATTRIBUTION_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
        after = text[match.end() : match.end() + 60]
        if named or _REPORTING_AFTER.match(after) or _PUBLICATION_AFTER.match(after):
            source_id = index[_normalise_name(match.group(0))]
            candidates.append((abs(match.start() - position), source_id))
    for match in _ACCORDING_RE.finditer(text):
        who = match.group("who").strip()
        if not any(abs(match.start("who") - p) < 5 for p, _ in candidates):
            resolved = resolve_source(who, catalogue)
            candidates.append((abs(match.start() - position) + 1, resolved or f"?{who}"))
    return min(candidates)[1] if candidates else None


# ---- Metrics -------------------------------------------------------------------------------

_KIND_OF_UNIT = {"rank": "rank", "percent": "ratio", "count": "count"}


def _figure_kind(unit: str | None) -> str:
    if unit is None:
        return "unknown"
    if unit in _KIND_OF_UNIT:
        return _KIND_OF_UNIT[unit]
    return "money" if len(unit) == 3 and unit.isupper() else "quantity"


@cache
def _cue_regex(metrics: tuple[Metric, ...]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    owners: dict[str, list[str]] = {}
    for metric in metrics:
        for cue in metric.cues:
            owners.setdefault(_normalise_name(cue), []).append(metric.id)
    cues = sorted(owners, key=len, reverse=True)
    pattern = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), owners


def pick_metric(
    sentence: str, start: int, end: int, unit: str | None, catalogue: Catalogue,
    field_name: str | None = None,
) -> tuple[str, list[str], float]:  # fmt: skip
    """The metric whose cue words sit nearest the figure, among metrics of the figure's kind."""
    kind = _figure_kind(unit)
    fits = catalogue.prepared(kind)
    regex, owners = catalogue.prepared("cues")
    scores: dict[str, float] = {}
    if field_name:
        for metric_id in owners.get(_normalise_name(field_name.replace("_", " ")), []) + owners.get(
            _normalise_name(field_name), []
        ):
            if metric_id in fits:
                scores[metric_id] = scores.get(metric_id, 0.0) + 10.0
    for match in regex.finditer(sentence):
        cue = _normalise_name(match.group(0))
        if match.start() >= end:
            distance = match.start() - end
        elif match.end() <= start:
            distance = (start - match.end()) * 3  # the counted noun usually follows the number
        else:
            distance = 0  # the cue shares words with the figure ("23 percent increase")
        weight = (1 + 0.5 * len(cue.split())) / (1 + distance / 8)
        for metric_id in owners[cue]:
            if metric_id in fits:
                scores[metric_id] = scores.get(metric_id, 0.0) + weight
    ranked = sorted(scores, key=lambda m: -scores[m])
    if not ranked:
        nearby = sorted(fits)[:3] if len(fits) <= 3 else []
        return UNKNOWN_METRIC, nearby, 0.0
    best = scores[ranked[0]]
    runner = scores[ranked[1]] if len(ranked) > 1 else 0.0
    confidence = best / (best + 0.5) * (1 - runner / (best + runner) / 2 if runner else 1.0)
    if confidence < 0.15:
        return UNKNOWN_METRIC, ranked[:3], confidence
    return ranked[0], ranked[1:3], round(confidence, 2)


# ---- Drafting ------------------------------------------------------------------------------

_INLINE_CITATION_RE = re.compile(
    rf"\((?P<who>[^()\n]{{2,60}}?)[\s,]+(?P<year>{_Y})(?:,[^()\n]*)?\)"
)


def _inline_citations(text: str, catalogue: Catalogue) -> list[Citation]:
    """Parenthetical markers such as "(IISS 2007, p. 157)" cite like a ref."""
    found = []
    for match in _INLINE_CITATION_RE.finditer(text):
        who = match.group("who")
        if resolve_source(who, catalogue):
            found.append(
                Citation(match.end(), None, {"publisher": who, "year": match.group("year")})
            )
    return found


def _infer_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(rf"(?<![\d,.$])({_Y})(?!\d|,\d)", text)]
    return max(years) if years else None


def draft_claims(
    document: Document,
    catalogue: Catalogue,
    *,
    entity: str | None = None,
    published: date | None = None,
) -> list[Draft]:
    """Draft one claim per figure (per period, when one figure is given for several)."""
    text = document.text
    published = published or document.published
    inferred = None if published else _infer_year(text)
    entity = entity or "unknown"
    citations = sorted(
        [*document.citations, *_inline_citations(text, catalogue)], key=lambda c: c.offset
    )
    offsets = [c.offset for c in citations]
    figures = find_figures(text)
    drafts: list[Draft] = []
    previous: str | None = None
    index = 0
    import bisect

    context: str | None = None
    paragraph = -1
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if text.rfind("\n", 0, start) != paragraph:
            paragraph, context = text.rfind("\n", 0, start), None
        mentions: list[PeriodMention] | None = None
        explicit_here: str | None = None
        while index < len(figures) and figures[index].start < end:
            figure = figures[index]
            index += 1
            if figure.start < start:
                continue
            if mentions is None:
                mentions = find_periods(sentence, published, previous)
            rel_start, rel_end = figure.start - start, figure.end - start
            field = next((f for f in document.fields if f.start <= figure.start < f.end), None)
            paragraph_end = text.find("\n", figure.end)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            citation = field.citation if field else None
            if field is None:
                at = bisect.bisect_left(offsets, figure.end)
                if at < len(citations) and citations[at].offset <= paragraph_end:
                    citation = citations[at]
            mention = pick_period(mentions, rel_start, rel_end)
            periods: tuple[str, ...]
            if mention and mention.kind == "anaphora":
                periods, period_basis = (explicit_here or mention.periods[0],), "anaphora"
            elif mention:
                periods, period_basis = mention.periods, mention.kind
                explicit_here = periods[-1]
            elif citation and year_of_citation(citation):
                periods, period_basis = (str(year_of_citation(citation)),), "citation"
            elif context and document.kind == "wikitext":
                periods, period_basis = (context,), "context"
            elif published:
                periods, period_basis = (str(published.year),), "published"
            elif inferred:
                periods, period_basis = (str(inferred),), "inferred"
            else:
                periods, period_basis = ("undated",), "undated"
            year = int(periods[0][:4]) if periods[0][:4].isdigit() else None
            parsed = parse_value(figure.text, year=year)
            if not parsed.ok:
                continue
            low = max([start, *(o for o in offsets if o <= figure.start)])
            high = min([end, *(o for o in offsets if o >= figure.end)])
            named = find_named_source(text[low:high], figure.start - low, catalogue)
            if named and not named.startswith("?"):
                source, source_basis = named, "named"
            elif citation is not None:
                source = source_of_citation(citation, catalogue) or DOCUMENT_SOURCE
                source_basis = "infobox-citation" if field else "citation"
            elif named:
                source, source_basis = named[1:], "named"
            else:
                source, source_basis = document.publisher or DOCUMENT_SOURCE, "document"
            metric, candidates, metric_confidence = pick_metric(
                sentence, rel_start, rel_end, parsed.unit, catalogue, field.name if field else None
            )
            confidence = (
                0.4 * metric_confidence
                + 0.3 * (1.0 if mention else 0.6 if period_basis != "undated" else 0.2)
                + 0.3 * (0.9 if source_basis != "document" else 0.6)
            )
            for period in periods:
                drafts.append(
                    Draft(
                        document=document.name,
                        value=" ".join(figure.text.split()),
                        amount=parsed.amount,
                        low=parsed.low,
                        high=parsed.high,
                        unit=parsed.unit,
                        metric=metric,
                        entity=entity,
                        period=period,
                        source=source,
                        quote=_quote(sentence, rel_start, rel_end),
                        span=(figure.start, figure.end),
                        line=document.line_at(figure.start),
                        confidence=round(confidence, 2),
                        candidates=candidates,
                        period_basis=period_basis,
                        source_basis=source_basis,
                    )
                )
        if explicit_here:
            previous = explicit_here
        if document.kind == "wikitext":
            stated = mentions or find_periods(sentence, published, previous)
            if stated and stated[-1].kind != "anaphora":
                context = stated[-1].periods[-1]
    return drafts


def _quote(sentence: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence, or when it is long the clause around the figure."""
    if len(sentence) > limit:
        left = max(
            sentence.rfind(";", 0, start), sentence.rfind(". ", 0, start), start - limit // 2
        )
        right_candidates = [i for i in (sentence.find(";", end), sentence.find(". ", end)) if i > 0]
        right = min([*right_candidates, end + limit // 2])
        sentence = sentence[max(0, left) : right].strip(" ;,.")
    return " ".join(sentence.split())


def read_catalogue(paths: list[Any]) -> Catalogue:
    """Read metric cues and source names from catalogue YAML files or directories of them."""
    from pathlib import Path

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    catalogue = Catalogue()
    seen_metrics: set[str] = set()
    seen_sources: set[str] = set()
    for file in files:
        data = yaml.load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            continue
        for entry in data.get("metrics") or []:
            if entry.get("id") and entry["id"] not in seen_metrics:
                seen_metrics.add(entry["id"])
                cues = tuple(str(c) for c in entry.get("cues") or [])
                catalogue.metrics.append(
                    Metric(
                        entry["id"], str(entry.get("kind", "")), str(entry.get("unit", "")), cues
                    )
                )
        for entry in data.get("sources") or []:
            if entry.get("id") and entry["id"] not in seen_sources:
                seen_sources.add(entry["id"])
                names = [str(entry.get("name", "")), *(str(a) for a in entry.get("aliases") or [])]
                catalogue.sources.append(Source(entry["id"], tuple(n for n in names if n)))
    return catalogue
