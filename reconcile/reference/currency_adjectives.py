"""Currency names as the press shortens them: one word of CLDR's name before the currency's noun.

CLDR names the Czech koruna "Czech Koruna" and the won of Seoul "South Korean Won"; the press
writes "Czech crowns", "Norwegian crowns", "Korean won", "Taiwan dollars". Each such form is
one word of the name (not a generic one: "New", "South") before a noun the currency is written
with: the last word of its CLDR name, singular or plural, or a shared English noun that lists
it ("crowns": SEK, NOK, DKK, CZK, ISK). A form one currency alone gives is its name; one that
several give ("Korean won": KRW and KPW) is shared, read as the one assumed and flagged. Names
written with accents are also read without them ("Venezuelan bolivars").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reconcile.core.patterns import fold_accents

# Words of CLDR names that say no country: a form made with them would name no one currency.
_GENERIC = frozenset(
    {"new", "old", "south", "north", "east", "west", "central", "african", "special", "states",
     "united", "convertible", "islands", "and", "of", "the", "&", "dollar", "franc", "pound",
     "peso"}
)  # fmt: skip

Rows = Iterable[dict[str, str]]


def qualified_names(
    rows: Rows, shared: dict[str, tuple[str, tuple[str, ...]]]
) -> dict[str, set[str]]:
    """Each short form ("czech crowns") and the codes that give it, from CLDR's current rows
    (code, name, plural) and the shared nouns (written form -> (assumed, candidates))."""
    nouns_of: dict[str, set[str]] = {}
    for noun, (_, candidates) in shared.items():
        if noun.isalpha():
            for code in candidates:
                nouns_of.setdefault(code, set()).add(noun.lower())
    forms: dict[str, set[str]] = {}
    for row in rows:
        code, name, plural = row["code"], row["name"], row["plural"]
        words = name.split()
        if len(words) < 2 or code.startswith("X"):
            continue
        nouns = {words[-1].lower(), plural.split()[-1].lower(), *nouns_of.get(code, ())}
        for adjective in words[:-1]:
            if adjective.lower() in _GENERIC or not adjective[:1].isupper():
                continue
            for noun in nouns:
                forms.setdefault(f"{adjective.lower()} {noun}", set()).add(code)
        # "Venezuelan Bolívar" as "venezuelan bolivar", and its noun alone ("bolivars")
        for written in (name, plural, words[-1], plural.split()[-1]):
            folded = fold_accents(written.lower())
            if folded != written.lower():
                forms.setdefault(folded, set()).add(code)
    return forms


def add_forms(
    forms: dict[str, set[str]],
    taken: set[str],
    names: dict[str, str],
    shared: dict[str, tuple[str, tuple[str, ...]]],
    assume: Callable[[set[str]], str],
) -> None:
    """Each form not `taken` already: a name when one currency gives it, else shared (the one
    `assume` picks, and every candidate)."""
    for form, codes in forms.items():
        if form in taken:
            continue
        if len(codes) == 1:
            names[form] = next(iter(codes))
        else:
            shared[form] = (assume(codes), tuple(sorted(codes)))
