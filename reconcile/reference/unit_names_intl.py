"""Physical units named in other languages: "тонн", "т", "Tonnen", "гектаров", "km²".

From `unit_names_intl.csv` (CLDR through babel, built by scripts/build_unit_names_intl.py), each
written form with pint's name for its unit. Read after a number only where pint and units.yaml
read nothing: English forms always win.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache

from .resources import resource_text

# A word ends at a space, a digit (not ² ³), a bracket, a quote or a comma.
_WORD = r"[^\s\d()\[\]\"«»“”,;:!?]+"
_WORDS_RE = re.compile(rf"\s*({_WORD})(?:(\s+{_WORD})(\s+{_WORD})?)?")


@cache
def unit_names_in_other_languages() -> dict[str, str]:
    """Written form (lower case) -> pint unit."""
    rows = csv.DictReader(io.StringIO(resource_text("unit_names_intl.csv")))
    return {row["written"]: row["unit"] for row in rows}


def unit_in_other_language(text: str, position: int) -> tuple[str, int] | None:
    """(pint unit, end) of a unit named in another language at `position`, or None."""
    words = _WORDS_RE.match(text, position)
    if not words:
        return None
    names = unit_names_in_other_languages()
    for group in (3, 2, 1):
        if not words.group(group):
            continue
        written = text[words.start(1) : words.end(group)]
        for candidate in (written, written.rstrip(".")):
            unit = names.get(" ".join(candidate.lower().split()))
            if unit is not None:
                return unit, words.start(1) + len(candidate)
    return None
