"""Recognise currencies by symbol, code and name, and pick the right one for the year.

Every ISO 4217 code, with CLDR's English names and symbols, comes from `currency_names.csv`
(built from babel by scripts/build_currency_names.py); `currencies.yaml` adds what CLDR does not
say: informal names, eras of shared names, names several currencies share, sub-units.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache, partial
from typing import Any

from reconcile.core.patterns import trie_alternation as alternation

from .currency_adjectives import add_forms, qualified_names
from .currency_names_intl import OtherLanguageNames, load_other_language_names
from .resources import load_yaml_resource, resource_text
from .scales import load_scale_words
from .unit_names_intl import unit_names_in_other_languages


@dataclass(frozen=True, slots=True)
class Era:
    """One meaning of a currency name, valid before `until` (None: still valid)."""

    code: str
    until: date | None


@dataclass(frozen=True, slots=True)
class Subunit:
    """A hundredth of a currency ("cent", "pence"); code None: of the caller's dollar."""

    code: str | None
    factor: float = 0.01


@dataclass(slots=True)
class CurrencyCatalogue:
    """Currency symbols, codes and names, from CLDR and the shipped `currencies.yaml`."""

    codes: set[str] = field(default_factory=set)
    symbols: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    eras: dict[str, list[Era]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    # Written forms several currencies share -> (the one assumed, every candidate).
    shared: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    subunits: dict[str, Subunit] = field(default_factory=dict)
    words_not_codes: frozenset[str] = frozenset()
    # Letter symbols as the press writes them ("KSh", "RM"): matched in running text as written.
    written_symbols: set[str] = field(default_factory=set)
    suffix_forms: dict[str, str] = field(default_factory=dict)  # built on first use
    short_forms: set[str] = field(default_factory=set)  # "czech crowns" (currency_adjectives)
    # Names in other languages (currency_names_intl.py): read after a number by dictionary
    # look-up only, never in the regex alternations of English names.
    other: OtherLanguageNames = field(default_factory=OtherLanguageNames)

    def prefix_pattern(self, *, in_text: bool = False) -> str:
        """A regex alternation of what can stand before a number ("US$", "€", "AZN", "C$").

        In running text codes are upper case only: "all 20" is not 20 Albanian lek.
        """
        symbols = [s for s in self.symbols if not s.isalpha() and "$" not in s]
        dollars = sorted({s[:-1] for s in self.symbols if s.endswith("$") and len(s) > 1})
        spaced = [d for d in dollars if d.lower() != "a"]  # "US $", "C $"; "A$" only glued
        dollar = rf"(?:(?:{alternation(spaced)})\s?|(?:{alternation(dollars)}))?\$"
        codes = rf"(?:(?-i:{alternation(self.codes)})|{self._lower_codes()})(?![A-Za-z])"
        if in_text:
            codes = rf"(?-i:{alternation(self.codes)})(?![A-Za-z])"
        shared = [s for s in self.shared if len(s) <= 3]  # "¥", "kr", "Rs", not "dollars"
        symbols += [s for s in shared if not s[0].isalpha()]
        words = [s for s in [*self.symbols, *shared] if s[0].isalpha() and len(s) <= 4]
        words = [w for w in words if "$" not in w]
        # Letter symbols ("Rs", "kr", "Hr", "zł"): in running text as written only.
        named = rf"(?:{alternation(words)})(?![A-Za-z])"
        if in_text:
            forms = [*words, *(w.capitalize() for w in words), *self.written_symbols]
            named = rf"(?-i:{alternation(forms)})(?![A-Za-z])"
        return rf"{dollar}|{alternation(symbols)}|{codes}|{named}"

    def suffix_pattern(self, *, in_text: bool = False) -> str:
        """A regex alternation of what can follow a number ("manat", "US dollars", "AZN")."""
        names = [*self.names, *self.eras, *(s for s in self.shared if s[0].isalpha())]
        names = [n for n in names if n not in self.short_forms]
        symbols = [s for s in self.symbols if not s[-1].isalpha()]
        lettered = [s for s in self.symbols if s[-1].isalpha() and len(s) > 1]
        codes = rf"(?-i:{alternation(self.codes)})" if in_text else self._lower_codes(upper=True)
        # The short forms ("Czech crowns") as their words before their nouns: an alternation of
        # each form costs a third more to build the running-text regex; which pair names which
        # currency is the dictionary's (suffix_at) to say.
        words, nouns = ({form.split()[i] for form in self.short_forms} for i in (0, -1))
        short = rf"|(?:{alternation(words)})\s+(?:{alternation(nouns)})" if nouns else ""
        return (
            rf"(?:{alternation(names, flexible_space=True)}{short}|{codes})\b"
            rf"|{alternation(symbols)}|(?:{alternation(lettered)})\b"
        )

    def is_prefix(self, token: str) -> bool:
        """Whether a token written before a number is a currency ("US $", "€", "usd", "Rs")."""
        key = token.strip()
        if key.endswith("$"):
            letters = key[:-1].strip().lower()
            return not letters or f"{letters}$" in self.symbols
        if key in self.codes:
            return True
        lower = key.lower()
        if lower in self.words_not_codes:
            return False
        if lower.upper() in self.codes or key in self.symbols or lower in self.symbols:
            return True
        return len(key) <= 3 and (key in self.shared or lower in self.shared)

    def suffix_at(self, text: str, position: int) -> tuple[str, int] | None:
        """The currency written at `position` after a number, as (token, end), or None.

        Dictionary look-ups of the next one to three words, not a regex alternation of every
        name: the alternation costs 30 µs a figure.
        """
        words = _SUFFIX_WORDS_RE.match(text, position)
        if not words:
            return None
        lookup = _suffix_lookup(self)
        ends = [words.end(i) for i in (3, 2, 1) if words.group(i)]
        for end in ends:
            written = text[words.start(1) : end]
            for candidate, stop in ((written, end), (written.rstrip('.,;:!?)]"»”’'), None)):
                code = lookup.get(" ".join(candidate.lower().split()))
                if code is None:
                    continue
                if code == "word" and candidate not in self.codes:
                    continue  # a lower-case code that is an English word ("all")
                return candidate, stop if stop is not None else words.start(1) + len(candidate)
        return None

    def subunit_pattern(self) -> str:
        """A regex alternation of the sub-unit names ("cents", "pence")."""
        return rf"(?:{alternation(self.subunits)})\b"

    def _lower_codes(self, *, upper: bool = False) -> str:
        lower = [c.lower() for c in self.codes if c.lower() not in self.words_not_codes]
        both = [*lower, *self.codes] if upper else lower
        return rf"(?-i:{alternation(both)})"

    def resolve(self, token: str, year: int | None, dollar: str = "USD") -> tuple[str, str | None]:
        """Return (ISO code, note) for a written currency token in a given year.

        The note says what was assumed when the token's meaning depends on a year that was not
        given ("manat" is AZM before 2006 and AZN after), or when several currencies write it
        the same way ("$", "¥", "rupees"; a bare "$" is the caller's `dollar`).
        """
        key = re.sub(r"\s+", " ", token.strip())
        if key == "$":
            return dollar, (
                f"a bare '$' is written for many dollars; read as {dollar}: write 'US$', 'C$', "
                "'A$' or the ISO code (e.g. 'CAD 100') to say which"
            )
        upper = key.upper()
        if upper in self.codes:
            return upper, None
        compact = key.replace(" ", "")
        for form in (key, compact, compact.lower()):
            if form in self.symbols:
                return self.symbols[form], None
        name = key.lower()
        if name in self.eras:
            return self._resolve_era(key, self.eras[name], year)
        if name in self.names:
            return self.names[name], None
        if name in self.other.names:
            return self.other.names[name], None
        for form in (key, name):
            if form in self.shared or form in self.other.shared:
                code, candidates = self.shared.get(form) or self.other.shared[form]
                return code, (
                    f"'{key}' is written for {', '.join(candidates)}; read as {code}: "
                    "write the ISO code (e.g. '" + candidates[-1] + " 100') to say which"
                )
        raise KeyError(token)

    def _resolve_era(self, key: str, eras: list[Era], year: int | None) -> tuple[str, str | None]:
        if year is None:
            current = eras[-1].code
            if len(eras) > 1:
                return current, (
                    f"'{key}' read as {current} (today's currency); give the year for "
                    f"figures before {eras[-2].until}"
                )
            return current, None
        for era in eras:
            if era.until is None or date(year, 1, 1) < era.until:
                return era.code, None
        return eras[-1].code, None


# A word ends at a space, a digit, a bracket, a quote or a comma ("долларов).", "euros,").
_SUFFIX_WORD = r"[^\s\d()\[\]\"«»“”,;:!?]+"
_SUFFIX_WORDS_RE = re.compile(rf"\s*({_SUFFIX_WORD})(?:(\s+{_SUFFIX_WORD})(\s+{_SUFFIX_WORD})?)?")


def _suffix_lookup(catalogue: CurrencyCatalogue) -> dict[str, str]:
    """Lower-cased written forms -> "ok" (or "word": a code only in upper case)."""
    lookup = catalogue.suffix_forms
    if not lookup:
        for name in [*catalogue.names, *catalogue.eras]:
            lookup[name] = "ok"
        for name in catalogue.shared:
            if name[0].isalpha() or len(name) <= 3:
                lookup[name.lower()] = "ok"
        for symbol in catalogue.symbols:
            if len(symbol) == 1 and symbol.isalpha():
                continue  # "2025 r." (Polish for year), "5 m": a letter after is no currency
            if not symbol.endswith("$") or len(symbol) == 1:
                lookup[symbol.lower()] = "ok"
        for code in catalogue.codes:
            lower = code.lower()
            lookup[lower] = "word" if lower in catalogue.words_not_codes else "ok"
        for name in [*catalogue.other.names, *catalogue.other.shared]:
            lookup.setdefault(name, "ok")
    return lookup


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _assumed(codes: set[str], assumed_first: list[str]) -> str:
    """The currency assumed for a form several use: the first of `assumed_first`, else by code."""
    order = {code: rank for rank, code in enumerate(assumed_first)}
    return min(codes, key=lambda c: (order.get(c, len(order)), c))


def _add_cldr(
    catalogue: CurrencyCatalogue, hand_names: set[str], generic: set[str], assumed_first: list[str]
) -> None:
    """Codes, names and symbols from CLDR; a short name ("lari") when one currency uses it."""
    rows = _cldr_rows()
    short: dict[str, set[str]] = {}
    symbol_owners: dict[str, set[str]] = {}
    for row in rows:
        code = row["code"]
        catalogue.codes.add(code)
        if row["historical"] == "1":
            continue
        for name in (row["name"], row["plural"]):
            catalogue.names.setdefault(name.lower(), code)
            if not code.startswith("X"):  # X..: metals, funds, drawing rights, test codes
                short.setdefault(name.lower().split()[-1], set()).add(code)
        for symbol in filter(None, row["symbols"].split("|")):
            # Letters are matched in any case ("Rs", "rs"; "zł"), so kept in lower case.
            symbol = symbol.lower() if symbol[0].isalpha() else symbol
            if symbol.isascii() and symbol.replace(".", "").isalpha():
                continue  # "KM", "K", "Br", "L": unit symbols and words; "kr", "Rs" are in the yaml
            if symbol.lower() in unit_names_in_other_languages():
                continue  # Serbian "КМ" (the convertible mark) is the Russian "км" (kilometres)
            symbol_owners.setdefault(symbol, set()).add(code)
            if symbol.endswith("$") and len(symbol) > 1:
                symbol_owners.setdefault(symbol.lower(), set()).add(code)
        if "$" in row["symbols"]:
            symbol_owners.setdefault(f"{code.lower()}$", set()).add(code)
    for name, codes in short.items():
        if name in hand_names or name in catalogue.names or name in generic:
            continue
        if len(codes) == 1:
            catalogue.names[name] = next(iter(codes))
        else:
            catalogue.shared.setdefault(
                name, (_assumed(codes, assumed_first), tuple(sorted(codes)))
            )
    for symbol, codes in symbol_owners.items():
        if symbol == "$" or symbol in catalogue.symbols or symbol.lower() in catalogue.symbols:
            continue
        if len(codes) == 1:
            catalogue.symbols[symbol] = next(iter(codes))
        else:
            catalogue.shared.setdefault(
                symbol, (_assumed(codes, assumed_first), tuple(sorted(codes)))
            )


def _add_hand_written(catalogue: CurrencyCatalogue, data: dict[str, Any]) -> None:
    for entry in data["currencies"]:
        code = str(entry["code"]).upper()
        catalogue.codes.add(code)
        for symbol in entry.get("symbols") or []:
            catalogue.symbols[str(symbol)] = code
        for name in entry.get("names") or []:
            catalogue.names[str(name).lower()] = code
        if entry.get("note"):
            catalogue.notes[code] = str(entry["note"])
    for code, names in (data.get("names_in_use") or {}).items():
        for name in names:
            catalogue.names[str(name).lower()] = str(code)
    for symbol, code in (data.get("prefix_symbols") or {}).items():
        catalogue.symbols[str(symbol).lower()] = str(code)
        catalogue.written_symbols.add(str(symbol))
    for letters, code in (data.get("dollar_prefixes") or {}).items():
        catalogue.symbols[f"{str(letters).lower()}$"] = str(code)
    for name, eras in (data.get("names_by_era") or {}).items():
        catalogue.eras[str(name).lower()] = [
            Era(code=str(e["code"]).upper(), until=_as_date(e.get("until"))) for e in eras
        ]
    for name, code in (data.get("subunits") or {}).items():
        catalogue.subunits[str(name)] = Subunit(None if code is None else str(code))
    catalogue.words_not_codes = frozenset(str(w) for w in data.get("words_not_codes") or [])


@cache
def load_currencies() -> CurrencyCatalogue:
    """Load the shipped currency catalogue (cached)."""
    data = load_yaml_resource("currencies.yaml")
    catalogue = CurrencyCatalogue()
    _add_hand_written(catalogue, data)
    generic = {str(w) for w in data.get("not_currency_names") or []}
    assumed_first = [str(c) for c in data.get("assumed_first") or []]
    _add_cldr(catalogue, set(catalogue.names), generic, assumed_first)
    for symbol, code in list(catalogue.symbols.items()):
        if symbol.endswith("$"):  # "US$", "us $", "Hk$": the letters in any case
            catalogue.symbols.setdefault(symbol.lower(), code)
    for written, value in (data.get("shared") or {}).items():
        listed = [str(c) for c in value] if isinstance(value, list) else [str(value)]
        code = listed[0]
        candidates = {*catalogue.shared.get(str(written), (code, ()))[1], *listed}
        owner = catalogue.symbols.pop(str(written), None)
        candidates |= {owner} if owner else set()
        catalogue.shared[str(written)] = (code, tuple(sorted(candidates)))
    _add_short_forms(catalogue, assumed_first)
    _add_other_languages(catalogue, data, generic, assumed_first)
    return catalogue


@cache
def _cldr_rows() -> tuple[dict[str, str], ...]:
    """The rows of `currency_names.csv`, read once for the names and for their short forms."""
    return tuple(csv.DictReader(io.StringIO(resource_text("currency_names.csv"))))


def _add_short_forms(catalogue: CurrencyCatalogue, assumed_first: list[str]) -> None:
    """ "Czech crowns", "Korean won", "Venezuelan bolivars" (reference/currency_adjectives.py)."""
    current = (row for row in _cldr_rows() if row["historical"] != "1")
    forms = qualified_names(current, catalogue.shared)
    taken = {*catalogue.names, *catalogue.eras, *(s.lower() for s in catalogue.shared)}
    catalogue.short_forms = {f for f in forms if f not in taken and " " in f}
    add_forms(
        forms,
        taken,
        catalogue.names,
        catalogue.shared,
        partial(_assumed, assumed_first=assumed_first),
    )


def _add_other_languages(
    catalogue: CurrencyCatalogue, data: dict[str, Any], generic: set[str], assumed_first: list[str]
) -> None:
    """Names in other languages, where English (and scale words, and words) leave them free."""
    scales = load_scale_words()
    taken = {*catalogue.names, *catalogue.eras, *(s.lower() for s in catalogue.shared)}
    taken |= {*catalogue.symbols, *(s.lower() for s in catalogue.symbols), "$"}
    taken |= {*generic, *catalogue.words_not_codes, *scales.readings, *scales.dropped}
    taken |= set(unit_names_in_other_languages())  # Serbian "КМ" (a mark) is Russian "км"
    aliases = {str(k).lower(): str(v).lower() for k, v in (data.get("aliases") or {}).items()}
    catalogue.other = load_other_language_names(taken, assumed_first, aliases)


@lru_cache(maxsize=4096)
def resolve_currency(token: str, year: int | None, dollar: str = "USD") -> tuple[str, str | None]:
    """CurrencyCatalogue.resolve on the shipped catalogue, cached (raises KeyError)."""
    return load_currencies().resolve(token, year, dollar)
