"""The part of a country a territorial figure is about: a state, province or region
(ISO 3166-2, through pycountry), or a city the text names as one ("the city of X").

"Brazil has 203 million people; Bahia state has 14 million, the city of Salvador 2.4 million":
the three populations are three entities (BRA, br-ba, salvador), not three readings of one.
"""

from __future__ import annotations

import re
from functools import cache

from reconcile.core.patterns import fold_accents

# "the city of Porto Alegre", "Quezon City", "the town of Y": a city named as one.
_CITY_RE = re.compile(
    r"\b(?:the\s+)?(?:city|town|municipality|capital)\s+of\s+(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"|\b(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+[Cc]ity\b"
)


def _fold(text: str) -> str:
    """Lower case without accents ("São Paulo" -> "sao paulo")."""
    return fold_accents(text).lower()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")


@cache
def _subdivision_regex(alpha3: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One regex over the folded names of a country's ISO 3166-2 subdivisions."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return None
    own = {_fold(getattr(country, a, "") or "") for a in ("name", "common_name", "official_name")}
    codes: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country.alpha_2) or []:
        name = _fold(re.sub(r"\s*\(.*\)$|,.*$", "", sub.name))
        if len(name) >= 4 and name not in own:
            codes.setdefault(name, sub.code.lower())
    if not codes:
        return None
    names = sorted(codes, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"), codes


def part_of_country(clause: str, alpha3: str, at: int | None = None) -> str | None:
    """The entity slug of a city or subdivision of `alpha3` that a clause names, else None:
    with the figure's place in the clause (`at`), the one named nearest before it ("X has
    16.9 million, followed by Y with 14.0 million": 14.0 million is Y's)."""
    city = _CITY_RE.search(clause)
    if city:
        return slug(city.group("a") or city.group("b"))
    found = _subdivision_regex(alpha3)
    if found is None:
        return None
    regex, codes = found
    folded = _fold(clause)
    named = []
    for match in regex.finditer(folded):
        written = clause[match.start() : match.end()] if len(folded) == len(clause) else ""
        if not written.isupper():  # "RIO DE JANEIRO (Wire) -": a dateline, not the subject
            named.append((match.start(), codes[match.group(0)]))
    before = [code for start, code in named if at is not None and start < at]
    return (before[-1] if before else named[0][1]) if named else None
