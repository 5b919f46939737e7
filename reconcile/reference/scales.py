"""Scale words of other languages: "миллиардов", "млрд", "Milliarden", "mld", "milyar".

The words and their powers of ten come from CLDR (`scale_words.csv`, built from babel by
scripts/build_scale_words.py); `scale_words.yaml` says which forms are dropped and which English
forms win without a finding. English's own scale words are in reconcile/figures/numbers.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache

from .resources import load_yaml_resource, resource_text


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """One power of ten a written form has, and the languages that read it so."""

    factor: float
    languages: tuple[str, ...]
    locales: tuple[str, ...]
    # Where those languages are official (ISO 3166 codes): "bln" with a złoty is Polish.
    territories: frozenset[str] = frozenset()
    # What a dot before three digits is in all those locales: "thousands" ("45.000 millones"),
    # "decimal" (a decimal point), or "" where they differ or write neither (a doubt).
    dot: str = ""


@dataclass(frozen=True, slots=True)
class ScaleWords:
    """The scale words of other languages, by written form (lower case, no final dot)."""

    # Every reading of a form, the most common first.
    readings: dict[str, tuple[ScaleReading, ...]]
    # Forms never read as scale words (they are English words, titles or units), with what
    # they may mean in other languages.
    dropped: dict[str, tuple[ScaleReading, ...]]
    english_prevails: frozenset[str]
    # English forms doubted when the figure's currency is of a territory that reads them
    # otherwise ("3,4 bln zł").
    home_currency_doubt: frozenset[str]
    # How scale words of languages not in the table begin, and English words that begin so.
    scale_like_stems: tuple[str, ...] = ()
    scale_like_exceptions: tuple[str, ...] = ()


def scale_form(written: str) -> str:
    """The form a scale word is looked up by: lower case, single spaces, no final dot."""
    return " ".join(written.lower().split()).rstrip(".")


@cache
def load_scale_words() -> ScaleWords:
    """Read the shipped table (cached)."""
    rules = load_yaml_resource("scale_words.yaml")
    by_form: dict[str, dict[float, dict[str, str]]] = {}
    territories: dict[str, set[str]] = {}
    dots: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(resource_text("scale_words.csv"))):
        form = scale_form(row["word"])
        by_form.setdefault(form, {}).setdefault(float(row["factor"]), {})
        by_form[form][float(row["factor"])][row["locale"]] = row["language"]
        territories[row["locale"]] = set(filter(None, row["territories"].split("|")))
        marks = {row["group"]: "thousands", row["decimal"]: "decimal"}
        dots[row["locale"]] = marks.get(".", "")
    readings: dict[str, tuple[ScaleReading, ...]] = {}
    for form, factors in by_form.items():
        listed = [
            ScaleReading(
                factor,
                tuple(locales[k] for k in sorted(locales)),
                tuple(sorted(locales)),
                frozenset(t for k in locales for t in territories[k]),
                _one({dots[k] for k in locales}),
            )
            for factor, locales in factors.items()
        ]
        # Most locales first; a tie goes to the first locale by name.
        listed.sort(key=lambda r: (-len(r.locales), r.locales[0]))
        readings[form] = tuple(listed)
    not_scale = {scale_form(str(w)) for w in rules.get("not_scale_words") or []}
    dropped = {f: r for f, r in readings.items() if f in not_scale or len(f) == 1}
    return ScaleWords(
        readings={f: r for f, r in readings.items() if f not in dropped},
        dropped=dropped,
        english_prevails=frozenset(str(w) for w in rules.get("english_prevails") or []),
        home_currency_doubt=frozenset(str(w) for w in rules.get("home_currency_doubt") or []),
        scale_like_stems=tuple(str(w) for w in rules.get("scale_like_stems") or []),
        scale_like_exceptions=tuple(str(w) for w in rules.get("scale_like_exceptions") or []),
    )


def _one(values: set[str]) -> str:
    """The one value all share, or "" when they differ."""
    return next(iter(values)) if len(values) == 1 else ""


_POWER_NAMES = {
    1e3: "thousand",
    1e5: "lakh",
    1e6: "million",
    1e7: "crore",
    1e9: "billion",
    1e11: "hundred billion",
    1e12: "trillion",
    1e13: "ten trillion",
}


def describe_factor(factor: float) -> str:
    """ "10^9 (a billion)": a power of ten as a person reads it."""
    power = len(str(int(factor))) - 1
    name = _POWER_NAMES.get(factor)
    return f"10^{power} ({name})" if name else f"10^{power}"


def describe_readings(readings: tuple[ScaleReading, ...]) -> str:
    """ "10^12 (trillion) in Polish and Italian, 10^9 (billion) in English"."""
    return "; ".join(f"{describe_factor(r.factor)} in {_list_words(r.languages)}" for r in readings)


def _list_words(words: tuple[str, ...]) -> str:
    unique = list(dict.fromkeys(words))
    if len(unique) <= 2:
        return " and ".join(unique)
    return ", ".join(unique[:-1]) + " and " + unique[-1]


@cache
@cache
def locale_territories() -> dict[str, frozenset[str]]:
    """The territories where each locale's language is official ("pl": {"PL"}), from the table.

    Read once: the currency names ask it for each of their 600 shared forms."""
    rows = csv.DictReader(io.StringIO(resource_text("scale_words.csv")))
    return {row["locale"]: frozenset(filter(None, row["territories"].split("|"))) for row in rows}


@cache
def load_percent_words(position: str = "after") -> tuple[str, ...]:
    """The words for percent written after (or before) a number in other languages ("процентов",
    "posto"; Turkish "yüzde" and "%" before; `percent_words.csv`, from CLDR by
    scripts/build_percent_words.py), lower case."""
    rows = csv.DictReader(io.StringIO(resource_text("percent_words.csv")))
    return tuple(sorted({row["word"] for row in rows if row["position"] == position}))


@cache
def load_month_names() -> frozenset[str]:
    """The month names of the news languages besides English ("februar", "февраля", "lutego";
    `month_names.csv`, from CLDR by scripts/build_month_names.py), lower case."""
    rows = csv.DictReader(io.StringIO(resource_text("month_names.csv")))
    return frozenset(row["word"] for row in rows)
