"""Which country a figure is about: country names, demonyms and capitals in the text around it.

Names come from pycountry (ISO 3166 names) and CLDR through babel (the names in several
languages), plus reconcile/data/places.yaml for capitals and irregular demonyms. Regular
demonyms are derived from the English name ("Armenia" -> "Armenian", "Lebanon" -> "Lebanese").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from reconcile.core.parsed_value import kind_of_unit

# CLDR languages whose country names are matched; inflected forms are matched by stem.
_LANGUAGES = ("en", "ru", "uk", "pl", "de", "fr", "es", "tr")


@dataclass(frozen=True, slots=True)
class Place:
    """A country named in a text: where, and its ISO 3166-1 alpha-3 code."""

    start: int
    end: int
    code: str
    capital: str | None = None  # the capital's name, when the place is named by its capital


def _demonyms(name: str) -> list[str]:
    """Regular English demonyms of a country name."""
    if " " in name or len(name) < 4:
        return []
    stem = name[:-1] if name[-1] in "aey" else name
    forms = [f"{name}n", f"{stem}ian", f"{stem}an", f"{name}ese", f"{name}i"]
    return [*forms, *(f"{f}s" for f in forms)]


@cache
def _names() -> dict[str, str]:
    """Every name (and its plain-letter form) mapped to an alpha-3 code."""
    import pycountry
    from babel import Locale

    from reconcile.reference.resources import load_yaml_resource

    names: dict[str, str] = {}
    by_alpha2 = {}
    for country in pycountry.countries:
        code = country.alpha_3
        by_alpha2[country.alpha_2] = code
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.setdefault(name, code)
                short = re.sub(r",.*$|\s*\(.*\)$", "", name)
                names.setdefault(short, code)
    for language in _LANGUAGES:
        for alpha2, name in Locale(language).territories.items():
            if alpha2 in by_alpha2 and len(name) >= 4:
                names.setdefault(name, by_alpha2[alpha2])
    english = {n: c for n, c in names.items() if n.isascii()}
    for name, code in english.items():
        for form in _demonyms(name):
            names.setdefault(form, code)
    for code, extra in (load_yaml_resource("places.yaml") or {}).get("places", {}).items():
        for name in extra:
            names[str(name)] = code
    return names


# Where a name can start: an upper-case letter (Latin, Latin-1, Polish, Cyrillic) after no
# letter. Names are looked up from there by their first word: one dict probe per capital.
# The letter class comes first and "after no letter" is tested behind it: a pattern that opens
# with a class is scanned several times faster than one that opens with a test.
_CAPITAL_RE = re.compile("[A-Z\u00c0-\u00de\u0141\u015a\u0179\u017b\u0400-\u042f](?<![\\w-].)")
_WORD_END_RE = re.compile(r"[\w.’'-]*")
_NAME_GOES_ON_RE = re.compile(r" (?:[A-Z][a-z]+|of [A-Z])")
_STEM_END_RE = re.compile(r"\w{0,3}(?!\w)")
# A demonym before a company noun describes the company ("its British luxury unit", "German
# carmaker", "South Korean giant"): the company's figures are not that country's.
_COMPANY_AFTER_RE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:unit|subsidiary|arm|division|carmaker|automaker|company|firm"
    r"|group|bank|lender|insurer|airline|maker|manufacturer|producer|miner|retailer|conglomerate"
    r"|giant|brand|chipmaker|shipbuilder|contractor|operator)s?\b"
)


@cache
def _by_first_word() -> dict[str, list[tuple[str, str, bool]]]:
    """(name or stem, code, is a stem) by the name's first word (or its stem's first 4 letters),
    longest first so that "South Korea" wins over "South"."""
    index: dict[str, list[tuple[str, str, bool]]] = {}
    for name, code in _names().items():
        stem = not name.isascii() and len(name) >= 5 and " " not in name
        key = name[:4] if stem else name.split(" ")[0]
        index.setdefault(key, []).append((name[:-1] if stem else name, code, stem))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@cache
def capitals() -> frozenset[str]:
    """Capital names (the first name places.yaml gives each country)."""
    from reconcile.reference.resources import load_yaml_resource

    places = (load_yaml_resource("places.yaml") or {}).get("places", {})
    return frozenset(str(names[0]) for names in places.values() if names)


# A compass or cultural word before "America", "Asia", "Africa": a region ("Latin America",
# "Central Asia", "sub-Saharan Africa"), whatever the country of that name.
_REGION_BEFORE_RE = re.compile(r"\b(?:Latin|South|North|Central|Sub-Saharan|Southern|Northern)\s+$")


def find_places(text: str) -> list[Place]:
    """Every country named in a text (names, demonyms, capitals), in order."""
    index = _by_first_word()
    found: list[Place] = []
    last_end = 0
    for capital in _CAPITAL_RE.finditer(text):
        at = capital.start()
        if at < last_end:
            continue
        word_end = _WORD_END_RE.match(text, at)
        raw = text[at : word_end.end() if word_end else at]
        word = raw.rstrip(".’'-").removesuffix("’s").removesuffix("'s")
        keys = [raw] if raw != word else []
        for name, code, stem in [e for k in (*keys, word, word[:4]) for e in index.get(k, [])]:
            if not text.startswith(name, at):
                continue
            end = at + len(name)
            if stem:
                rest = _STEM_END_RE.match(text, end)
                if rest is None:
                    continue
                end = rest.end()
            elif end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue
            if _REGION_BEFORE_RE.search(text, max(0, at - 10), at):
                break  # "Latin America", "South Africa's region"... a region, not the country
            if _COMPANY_AFTER_RE.match(text, end):
                break  # "its British luxury unit": the company's, not the country's
            if not (name == "US" and text[end : end + 1] == "$") and not _NAME_GOES_ON_RE.match(
                text, end
            ):
                found.append(Place(at, end, code, name if name in capitals() else None))
                last_end = end
            break
    return found


def is_place_name(word: str) -> bool:
    """True for a one-word country name, demonym or capital ("Armenia", "Armenian's")."""
    return word.removesuffix("’s").removesuffix("'s") in _names()


def place_of_url(url: str | None) -> str | None:
    """The country of a web address's country-code domain ("rp.pl" -> POL), if any."""
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    suffix = host.rsplit(".", 1)[-1].upper()
    if len(suffix) != 2 or suffix in {"TV", "ME", "IO", "CO", "FM", "AI", "LY", "CC"}:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2="GB" if suffix == "UK" else suffix)
    return country.alpha_3 if country else None


def main_place(places: list[Place], title_end: int = 0) -> str | None:
    """The country a document is mostly about (the first name and the title count more)."""
    if not places:
        return None
    counts: dict[str, float] = {}
    for index, place in enumerate(places):
        bonus = (1.0 if place.start < title_end else 0.0) + (0.5 if index == 0 else 0.0)
        counts[place.code] = counts.get(place.code, 0.0) + 1.0 + bonus
    return max(counts, key=lambda code: counts[code])


def pick_place(
    places: list[Place],
    start: int,
    end: int,
    low: int,
    high: int,
    *,
    first: bool = False,
    text: str | None = None,
) -> Place | None:
    """The country a figure at [start, end) is about, from the places in [low, high).

    The nearest name before the figure (its subject, "Turkey's 2018 spending ... $19 billion")
    wins, or with `first` the first one (a paragraph's subject); else the nearest after it.
    `places` are in text order (as find_places gives them).
    """
    starts = _starts(places)
    at = bisect.bisect_left(starts, end)
    if text is not None and at < len(places) and places[at].start < high:
        toll = _TOLL_IN_RE.match(text, end, places[at].start)
        if toll and (toll.group("noun") or _BARE_COUNT_RE.fullmatch(text, start, end)):
            return places[at]  # "with 44,218 deaths in Turkey and 5,914 in Syria": each its own
    left, right = bisect.bisect_left(starts, low), bisect.bisect_left(starts, start)
    before = [p for p in places[left:right] if p.end <= start]
    if text is not None:  # "Romania, which borders Ukraine, has 71,500 troops": Romania's
        before = [p for p in before if not _in_aside(text, p, start)] or before
        # "3 million have fled abroad, mostly to Chad, Egypt and South Sudan": where they went
        before = [p for p in before if not _destination(text, p)]
    if before:
        return before[0 if first else -1]
    at = bisect.bisect_left(starts, end)
    while at < len(places) and places[at].start < high and text is not None:
        if not (
            _COMPARED_BEFORE_RE.search(text, max(0, places[at].start - 30), places[at].start)
            or _destination(text, places[at])
        ):
            break
        at += 1  # "roughly 1,200 euros, the highest after Poland's": not Poland's figure
    return places[at] if at < len(places) and places[at].start < high else None


# Between a toll and the place it is counted in: "44,218 deaths in", "5,914 in", "3,000 people
# killed in". Money and troops "in" a place are their owner's, not the place's ("$5 billion in
# Ukraine", "5,000 troops in Lithuania").
_TOLL_IN_RE = re.compile(
    r"\s*(?P<noun>(?:(?:deaths?|dead|people|persons|killed|victims|fatalities|casualties|injured|"
    r"wounded|cases|lives)\s+){1,2})?(?:were\s+)?(?:killed\s+|recorded\s+|reported\s+)?in\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_BARE_COUNT_RE = re.compile(r"\d[\d,.]*")


# Before a place that is where people or things go: "to Chad", "into Poland, Romania and".
_DESTINATION_RE = re.compile(
    r"\b(?:fled|flee|fleeing|went|moved|crossed|sent|deported|returned|mostly|mainly|abroad)"
    r"\s+(?:[a-z]+\s+)?(?:to|into|towards?)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+))*$"
)


def _destination(text: str, place: Place) -> bool:
    """True when a place is where a movement the sentence tells went to."""
    return bool(_DESTINATION_RE.search(text, max(0, place.start - 90), place.start))


# Before a place a figure is compared with: "the highest after Poland's", "behind Poland".
_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:after|behind|than|ahead\s+of|like|unlike|compared\s+(?:with|to)|versus|vs\.?)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


# A relative clause set off by commas: ", which borders Ukraine,", ", whose ally Russia ...,".
_ASIDE_OPEN_RE = re.compile(r",\s+(?:which|who|whose|where|whom)\b[^,;.]*$", re.IGNORECASE)


def _in_aside(text: str, place: Place, figure: int) -> bool:
    """True when a place is named in a relative clause that closes before the figure."""
    opened = _ASIDE_OPEN_RE.search(text, max(0, place.start - 60), place.start)
    return opened is not None and "," in text[place.end : figure]


_STARTS: dict[int, tuple[list[Place], list[int]]] = {}


def _starts(places: list[Place]) -> list[int]:
    """The start offsets of a list of places, kept while the list lives."""
    kept = _STARTS.get(id(places))
    if kept is None or kept[0] is not places:
        if len(_STARTS) > 64:
            _STARTS.clear()
        kept = (places, [p.start for p in places])
        _STARTS[id(places)] = kept
    return kept[1]


# Currencies several countries use, or that figures of the whole world are given in.
_SHARED_CURRENCIES = frozenset({"USD", "EUR", "XAF", "XOF", "XCD", "XPF", "ANG", "CHF", "AUD"})


@cache
def country_of_currency(unit: str | None) -> str | None:
    """The country a national currency belongs to (the first two letters of its ISO 4217 code
    are the country's ISO 3166 code: KRW -> KOR), or None for shared and world currencies."""
    import pycountry

    if unit is None or kind_of_unit(unit) != "money" or unit in _SHARED_CURRENCIES:
        return None
    if unit.startswith("X"):
        return None  # metals, funds, drawing rights
    country = pycountry.countries.get(alpha_2=unit[:2])
    return country.alpha_3 if country is not None else None
