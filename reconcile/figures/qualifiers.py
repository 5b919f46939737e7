"""Qualifier words and vague magnitudes, and how they shape a figure's interval.

DESIGN.md: "about" widens by 10 percent by default; "nearly" gives [0.9x, x]; "more than" gives
(x, inf); "up to" gives [0, x].
"""

from __future__ import annotations

import math
import re

from reconcile.core.parsed_value import ParsedValue
from reconcile.core.patterns import trie_alternation

DEFAULT_WIDEN = 0.10

# Qualifier words -> how they shape the interval. Sources for the readings: DESIGN.md
# ("about" widens by 10 percent by default; "nearly" gives [0.9x, x]; ...).
QUALIFIERS: dict[str, str] = {
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "approx.": "approximate",
    "approx": "approximate",
    "roughly": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "est.": "approximate",
    "circa": "approximate",
    "c.": "approximate",
    "ca.": "approximate",
    "~": "approximate",
    "≈": "approximate",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "more than": "more",
    "over": "more",
    "above": "more",
    "in excess of": "more",
    "exceeding": "more",
    "upwards of": "more",
    ">": "more",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "up to": "up-to",
    "as many as": "up-to",
    "as much as": "up-to",
    "at most": "up-to",
    "less than": "up-to",
    "fewer than": "up-to",
    "under": "up-to",
    "below": "up-to",
    "<": "up-to",
    "to the excess of": "more",
    "in the excess of": "more",
    "well over": "more",
    "between": "between",
    "only": "exact",
    "just": "exact",
    "exactly": "exact",
    # Comparators (issue 9). "no more than N" is at most N; "not less than N" at least N.
    "greater than": "more",
    "larger than": "more",
    "bigger than": "more",
    "higher than": "more",
    "exceeds": "more",
    "exceed": "more",
    "surpass": "more",
    "surpasses": "more",
    "surpassing": "more",
    # headline verbs of a figure past a mark: "death toll passes 2,900", "sales top $1 billion"
    "passes": "more",
    "tops": "more",
    "topped": "more",
    "crosses": "more",
    "surpassed": "more",
    "exceeded": "more",
    "greater than or equal to": "at-least",
    "more than or equal to": "at-least",
    "larger or equal than": "at-least",
    "greater or equal than": "at-least",
    "larger than or equal to": "at-least",
    "not less than": "at-least",
    "not fewer than": "at-least",
    "no lower than": "at-least",
    "a minimum of": "at-least",
    "minimum": "at-least",
    ">=": "at-least",
    "=>": "at-least",
    "≥": "at-least",
    "no more than": "up-to",
    "not more than": "up-to",
    "no greater than": "up-to",
    "not exceeding": "up-to",
    "a maximum of": "up-to",
    "maximum": "up-to",
    "smaller than": "up-to",
    "lower than": "up-to",
    "less than or equal to": "up-to",
    "less or equal than": "up-to",
    "less or equal to": "up-to",
    "smaller or equal than": "up-to",
    "smaller than or equal to": "up-to",
    "<=": "up-to",
    "=<": "up-to",
    "≤": "up-to",
    "equal to": "exact",
    "equals to": "exact",
    "equals": "exact",
    "=": "exact",
    "from": "between",
    # A figure a little past or short of a round number: "just over 1,000" is [1,000, 1,100],
    # the mirror of "nearly"; "more or less" and "in the region of" are approximate.
    **dict.fromkeys(
        ["just over", "just above", "slightly more than", "slightly over", "slightly above",
         "a little over", "a little more than", "a bit over", "a bit more than"],
        "just-over",
    ),
    **dict.fromkeys(
        ["just below", "slightly less than", "slightly under", "slightly below",
         "a little under", "a little less than", "just shy of", "a bit under", "a bit less than",
         "not quite"],
        "nearly",
    ),
    **dict.fromkeys(
        ["more or less", "in the region of", "on the order of", "in the order of",
         "give or take", "the best part of"],
        "approximate",
    ),
}  # fmt: skip
# The same words in the other languages whose scale words the grammar reads (issue 10):
# written before the number, as in English. Hand-written (CLDR has no such words); words that
# are also English words before a number are left out (German "fast", Polish "do", Dutch
# "tot"), and so are the words for "to" that also say where a figure rises to ("вырастет до 5
# млрд" is 5 billion, not up to it: "до", "hasta", "até", "jusqu'à"); joining two numbers they
# are range words (amounts.py, running_text.py).
QUALIFIERS.update(
    {
        **dict.fromkeys(
            [
                "около", "примерно", "приблизительно", "порядка", "близько", "приблизно",
                "około", "ok.", "blisko", "przeszło", "asi", "přibližně", "zhruba", "etwa", "rund",
                "ungefähr", "zirka", "ongeveer", "environ", "quelque", "près de", "unos", "unas",
                "alrededor de", "aproximadamente", "cerca de", "aproximativ", "yaklaşık",
                "mintegy", "körülbelül", "cirka", "omkring", "ungefär",
            ],
            "approximate",
        ),
        **dict.fromkeys(
            [
                "почти", "майже", "prawie", "niemal", "niespełna", "téměř", "skoro", "knapp",
                "beinahe", "bijna", "presque", "casi", "quasi", "quase", "aproape", "neredeyse",
                "közel", "csaknem", "nästan",
            ],
            "nearly",
        ),
        **dict.fromkeys(
            [
                "более", "более чем", "свыше", "больше", "понад", "більше", "більш ніж",
                "ponad", "więcej niż", "przeszło", "přes", "více než", "über", "mehr als",
                "meer dan", "ruim", "plus de", "más de", "mais de", "più di", "oltre",
                "peste", "több mint", "över", "drygt",
            ],
            "more",
        ),
        **dict.fromkeys(
            [
                "не менее", "не меньше", "не менше", "щонайменше", "co najmniej", "nejméně",
                "mindestens", "ten minste", "au moins", "al menos", "pelo menos", "almeno",
                "cel puțin", "en az", "legalább", "minst",
            ],
            "at-least",
        ),
        **dict.fromkeys(
            [
                "менее", "меньше", "не более", "не больше", "менше", "не більше", "mniej niż",
                "méně než", "bis zu", "weniger als", "höchstens", "minder dan", "moins de",
                "menos de", "meno di", "mai puțin de", "en fazla", "kevesebb mint", "legfeljebb",
                "högst", "upp till",
            ],
            "up-to",
        ),
        **dict.fromkeys(["от", "між", "между", "od", "między", "zwischen", "entre"], "between"),
    }
)  # fmt: skip
# Written after the figure: "500 or more", "200 or greater", "10 or less", "40 and above".
TRAILING_COMPARATORS: dict[str, str] = {
    **dict.fromkeys(
        ["or more", "or greater", "or above", "or higher", "or over", "or larger", "and above",
         "and over", "and more", "and up", "plus", "+", "or so"], "at-least"
    ),
    **dict.fromkeys(
        ["or less", "or fewer", "or under", "or below", "or lower", "or smaller", "and below",
         "and under", "and less"], "up-to"
    ),
}  # fmt: skip
TRAILING_COMPARATORS["or so"] = "approximate"


def qualifier_pattern(extra: tuple[str, ...] = ()) -> str:
    """A regex alternation of the qualifier words (and `extra` ones), longest first.

    A prefix tree (core.patterns.trie_alternation); a word must not run on into letters
    ("over" is not the start of "overall").
    """
    # Not followed by a letter of any script ("около" is not the start of "околица").
    return rf"(?:{trie_alternation([*QUALIFIERS, *extra], flexible_space=True)})(?![^\W\d_])"


# Vague magnitudes, read as the smallest and largest numbers the words allow: "thousands" is at
# least two thousand and less than ten thousand; "in the low thousands" is 1,000-3,999.
VAGUE_MAGNITUDES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "a handful": (2, 9),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 999_999_999),
    "tens of millions": (2e7, 99_999_999),
    "hundreds of millions": (2e8, 999_999_999),
    "billions": (2e9, 999_999_999_999),
    "tens of billions": (2e10, 99_999_999_999),
    "hundreds of billions": (2e11, 999_999_999_999),
    # "several" is three or more and fewer than ten; "a few" two to five (below)
    "in the low hundreds": (100, 399),
    "in the low thousands": (1_000, 3_999),
    "in the high hundreds": (700, 999),
    "in the high thousands": (7_000, 9_999),
}
# "several hundred thousand" is 300,000-999,999; "a few billion" 2-5.999 billion.
_SCALES_OF_VAGUE = {
    "hundred": 100, "thousand": 1e3, "hundred thousand": 1e5, "million": 1e6,
    "hundred million": 1e8, "billion": 1e9, "hundred billion": 1e11, "trillion": 1e12,
}  # fmt: skip
VAGUE_MAGNITUDES.update(
    {
        f"{word} {scale}": (least * factor, most * factor - 1)
        for word, (least, most) in {"several": (3, 10), "a few": (2, 6)}.items()
        for scale, factor in _SCALES_OF_VAGUE.items()
    }
)
VAGUE_RE = re.compile(
    r"^(?P<words>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(VAGUE_MAGNITUDES, key=len, reverse=True)
    )
    + r")\b(?P<rest>.*)$",
    re.IGNORECASE,
)


def apply_qualifier(
    qualifier: str | None,
    amount: float,
    low: float,
    high: float,
    widen: float,
    has_range: bool,
) -> tuple[float, float]:
    """Shape the interval by the qualifier (DESIGN.md: normalisation rules)."""
    if qualifier is None or qualifier == "exact":
        return low, high
    if qualifier == "approximate":
        # The qualifier states the precision: it replaces the half-last-digit rule, so
        # "about 100" is [90, 110], not [50, 150].
        bottom = low if has_range else amount
        top = high if has_range else amount
        return bottom - abs(bottom) * widen, top + abs(top) * widen
    top = high if has_range else amount
    bottom = low if has_range else amount
    if qualifier == "nearly":
        return (1.0 - widen) * top, top
    if qualifier == "just-over":
        return bottom, (1.0 + widen) * bottom
    if qualifier in {"more", "at-least"}:
        return bottom, math.inf
    if qualifier == "up-to":
        # Figures are counts, amounts and sizes: "less than 10" is [0, 10]. A bound at or
        # below zero ("< -30", "under -5 °C") is open below.
        return (0.0 if top > 0 else -math.inf), top
    raise AssertionError(f"unhandled qualifier kind {qualifier}")


_ARTICLE_RE = re.compile(r"(?:a|an|a\s+single|one\s+single)\s+(?P<rest>[^\d]+)$", re.IGNORECASE)


def parse_vague(cleaned: str, result: ParsedValue) -> bool:
    """ "thousands", "in the low thousands": a count between the bounds the words allow."""
    match = VAGUE_RE.match(cleaned)
    if not match:
        return False
    words = " ".join(match.group("words").lower().split())
    low, high = VAGUE_MAGNITUDES[words]
    result.ok = True
    result.unit = "count"
    result.low, result.high = float(low), float(high)
    result.amount = (low + high) / 2.0
    result.qualifier = words
    result.noun = match.group("rest").strip() or None
    return True


def parse_article(cleaned: str, result: ParsedValue) -> bool:
    """ "an artillery brigade", "a single regiment": one of something."""
    match = _ARTICLE_RE.match(cleaned)
    if not match:
        return False
    result.ok = True
    result.unit = "count"
    result.amount = 1.0
    result.low, result.high = 0.5, 1.5
    result.noun = match.group("rest").strip()
    return True
