"""Which country a figure is about: country names, demonyms and capitals in the text around it.

Names come from pycountry (ISO 3166 names) and CLDR through babel (the names in several
languages), plus reconcile/data/places.yaml for capitals and irregular demonyms. Regular
demonyms are derived from the English name ("Armenia" -> "Armenian", "Lebanon" -> "Lebanese").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from reconcile.core.patterns import alternation

# CLDR languages whose country names are matched; inflected forms are matched by stem.
_LANGUAGES = ("en", "ru", "uk", "pl", "de", "fr", "es", "tr")


@dataclass(frozen=True, slots=True)
class Place:
    """A country named in a text: where, and its ISO 3166-1 alpha-3 code."""

    start: int
    end: int
    code: str


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


@cache
def _place_regex() -> re.Pattern[str]:
    names = _names()
    exact = [n for n in names if n.isascii() or len(n) < 5]
    # A name in an inflected language changes its ending ("Грузия", "Грузии"; "Polska", "Polski").
    stems = sorted({re.escape(n[:-1]) for n in names if not n.isascii() and len(n) >= 5})
    pattern = rf"(?<![\w-])(?:(?P<exact>{alternation(exact)})|(?P<stem>{'|'.join(stems)})\w{{0,3}})"
    return re.compile(pattern + r"(?![\w-])")


@cache
def _stem_codes() -> dict[str, str]:
    return {n[:-1]: c for n, c in _names().items() if not n.isascii() and len(n) >= 5}


_NAME_GOES_ON_RE = re.compile(r" (?:[A-Z][a-z]+|of [A-Z])")


def find_places(text: str) -> list[Place]:
    """Every country named in a text (names, demonyms, capitals), in order."""
    names = _names()
    found = []
    for match in _place_regex().finditer(text):
        if match.group("exact"):
            code = names.get(match.group("exact"))
        else:
            code = _stem_codes().get(match.group("stem"))
        if code is None or (match.group(0) == "US" and text[match.end() : match.end() + 1] == "$"):
            continue
        if _NAME_GOES_ON_RE.match(text, match.end()):
            continue  # part of a longer proper name ("Stockholm International ...", "Kyiv Post")
        found.append(Place(match.start(), match.end(), code))
    return found


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
    places: list[Place], start: int, end: int, low: int, high: int, *, first: bool = False
) -> str | None:
    """The country a figure at [start, end) is about, from the places in [low, high).

    The nearest name before the figure (its subject, "Turkey's 2018 spending ... $19 billion")
    wins, or with `first` the first one (a paragraph's subject); else the nearest after it.
    """
    before = [p for p in places if low <= p.start and p.end <= start]
    if before:
        return before[0 if first else -1].code
    after = [p for p in places if end <= p.start < high]
    return after[0].code if after else None
