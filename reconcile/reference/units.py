"""Physical units through pint: one conversion factor per distinct unit, never per row."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .resources import load_yaml_resource


@cache
def unit_registry() -> Any:
    """The pint registry (imported lazily: pint is slow to import)."""
    import pint

    return pint.UnitRegistry()


@cache
def unit_aliases() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Written forms -> pint names, and the forms read by assumption (with the message)."""
    data = load_yaml_resource("units.yaml")
    plain = {str(k).lower(): str(v) for k, v in data["units"].items()}
    assumed = {
        str(k).lower(): (str(v["unit"]), str(v["message"])) for k, v in data["assumed"].items()
    }
    return plain, assumed


@cache
def _pint_rules() -> tuple[frozenset[str], dict[str, tuple[bool, str]]]:
    data = load_yaml_resource("units.yaml")
    words = frozenset(str(w) for w in data.get("not_units") or [])
    assumed = {
        str(k): (bool(v["at_end"]), str(v["message"]))
        for k, v in (data.get("assumed_pint") or {}).items()
    }
    return words, assumed


# One written unit: letters and unit signs, with digits only inside ("km2", "m^2", "fb-1").
_TOKEN = r"[A-Za-zµμΩ°\"′″Å][A-Za-z0-9µμΩ°/^*·\-−²³]*"
_UNIT_RE = re.compile(
    rf"\s*(?:(?P<power>sq\.?|square|cubic|cu\.?)\s+(?P<base>{_TOKEN})"
    rf"|(?P<first>{_TOKEN})(?:\s+(?P<suffix>squared|cubed)\b|\s+per\s+(?P<per>{_TOKEN}))?)"
)
_POWERS = {"sq": 2, "sq.": 2, "square": 2, "squared": 2, "cubic": 3, "cu": 3, "cu.": 3, "cubed": 3}


@lru_cache(maxsize=4096)
def read_pint_unit(text: str, *, at_end: bool) -> tuple[str, int, str | None] | None:
    """The pint unit written at the start of `text`: (pint name, characters used, message).

    `at_end` says nothing follows the unit word, which some forms need ("2 in" is inches).
    """
    match = _UNIT_RE.match(text)
    if not match:
        return None
    if match.group("power"):
        names = [(match.group("base"), _POWERS[match.group("power").lower()])]
    else:
        suffix = match.group("suffix")
        names = [(match.group("first"), _POWERS[suffix.lower()] if suffix else 1)]
        if match.group("per"):
            names.append((match.group("per"), -1))
    end = match.end()
    parts = []
    message = None
    for written, power in names:
        written = written.rstrip(".'’-")
        read = _read_one_unit(written, at_end and end >= len(text.rstrip()))
        if read is None:
            if len(names) > 1 and power == -1:  # "5 km per day" reads "km" alone
                end = match.start("per") - len(" per ")
                break
            return None
        unit, note = read
        message = message or note
        parts.append(f"({unit}) ** {power}" if power != 1 else f"({unit})")
    expression = " * ".join(parts)
    try:
        name = str(unit_registry().parse_units(expression))
    except Exception:  # pint raises several error types for odd expressions
        return None
    return name, end, message


def _read_one_unit(written: str, at_end: bool) -> tuple[str, str | None] | None:
    """One unit word through pint, or None when pint does not know it (or it is a word)."""
    words, assumed = _pint_rules()
    if written.lower() in words or not written:
        return None
    note = None
    if written in assumed:
        needs_end, note = assumed[written]
        if needs_end and not at_end:
            return None
    if written == '"':
        return "inch", note
    if written == "°":
        return "degree_Celsius", note
    # "km2", "fb-1": a power written as a digit, in lower-case symbols only ("K2" is a tank).
    expression = written.replace("−", "-")
    if re.fullmatch(r"[A-Za-z]+-?\d", expression) and not expression.islower():
        return None
    expression = re.sub(r"(?<=[a-z])(-?\d)$", r"**\1", expression)
    expression = expression.replace("^", "**").replace("²", "**2").replace("³", "**3")
    expression = expression.replace("·", "*")
    registry = unit_registry()
    try:
        unit = registry.parse_units(expression)
    except Exception:  # UndefinedUnitError, and syntax errors for odd strings
        return _read_glued_symbols(written)
    if not all(_plausible(name, expression) for name in unit._units):
        return None
    return str(unit), note


def _read_glued_symbols(written: str) -> tuple[str, str | None] | None:
    """Two unit symbols written together ("Js" is joule-seconds); short symbols only."""
    if not (2 <= len(written) <= 3 and written.isalpha() and not written.islower()):
        return None
    registry = unit_registry()
    for cut in range(1, len(written)):
        try:
            first, second = registry.parse_units(written[:cut]), registry.parse_units(written[cut:])
        except Exception:  # not two symbols
            continue
        symbols = [registry.get_symbol(str(u)) for u in (first, second)]
        if symbols == [written[:cut], written[cut:]]:
            return str(first * second), None
    return None


def _plausible(name: str, written: str) -> bool:
    """False for pint's readings of words as a prefix and a unit ("units" as micro-nits)."""
    registry = unit_registry()
    for prefix, _unit, _ in registry.parse_unit_name(name):
        if not prefix:
            return True
        symbol = registry.get_symbol(name)
        if symbol in written or written.lower().startswith(prefix):
            return True
    return not any(True for _ in registry.parse_unit_name(name))


@cache
def unit_factor(source: str, target: str) -> float:
    """How many `target` units one `source` unit is; raises ValueError if incompatible."""
    import pint

    registry = unit_registry()
    try:
        return float(registry.Quantity(1.0, source).to(target).magnitude)
    except pint.errors.DimensionalityError as error:
        raise ValueError(f"cannot convert {source} to {target}: {error}") from error
    except pint.errors.UndefinedUnitError as error:
        raise ValueError(f"unknown unit: {error}") from error
