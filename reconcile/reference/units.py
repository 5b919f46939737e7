"""Physical units through pint: one conversion factor per distinct unit, never per row."""

from __future__ import annotations

import csv
import io
import re
from functools import cache, lru_cache
from typing import Any

from .resources import load_yaml_resource, resource_text


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
    return read_unit_words(text, at_end=at_end, table_first=True)


def read_unit_words(
    text: str, *, at_end: bool, table_first: bool
) -> tuple[str, int, str | None] | None:
    """`read_pint_unit`; `table_first` consults unit_names.csv before building pint's registry
    (False asks pint about every word: the tests compare the two)."""
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
        read = _read_one_unit(written, at_end and end >= len(text.rstrip()), table_first)
        if read is None:
            if len(names) > 1 and power == -1:  # "5 km per day" reads "km" alone
                end = match.start("per") - len(" per ")
                break
            return None
        unit, note = read
        message = message or note
        parts.append(f"({unit}) ** {power}" if power != 1 else f"({unit})")
    expression = " * ".join(parts)
    if table_first and len(parts) == 1 and parts[0] == f"({_unprefixed_unit(parts[0][1:-1])})":
        return parts[0][1:-1], end, message  # "(year)": pint's own name, read without pint
    try:
        name = str(unit_registry().parse_units(expression))
    except Exception:  # pint raises several error types for odd expressions
        return None
    return name, end, message


# An exponent of more than two digits, or a power of a power: never a unit as written.
_HUGE_POWER_RE = re.compile(r"\*\*\s*[-+(]*\s*\d{3,}|\*\*[^*]*\*\*")


def _read_one_unit(
    written: str, at_end: bool, table_first: bool = False
) -> tuple[str, str | None] | None:
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
    if _HUGE_POWER_RE.search(expression):
        return None  # "m**99999999": no unit is written so, and pint would compute the power
    if table_first and not (pint_may_read(expression) or _may_be_glued(written)):
        return None
    unprefixed = _unprefixed_unit(expression) if table_first else None
    if unprefixed:
        return unprefixed, note
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
    if len(written) == 3 and written.istitle():
        return None  # "Big", "Tom": a word with a capital ("Bi" and "g" are no biot-gram)
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


@cache
def _unit_names() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], tuple[str, ...]]:
    """pint's written forms -> (name, symbol), for units and prefixes, and its plural suffixes."""
    tables: dict[str, dict[str, tuple[str, str]]] = {"unit": {}, "prefix": {}, "suffix": {}}
    for row in csv.DictReader(io.StringIO(resource_text("unit_names.csv"))):
        tables[row["kind"]][row["written"]] = (row["name"], row["symbol"])
    return tables["unit"], tables["prefix"], tuple(tables["suffix"])


_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@lru_cache(maxsize=4096)
def _readings(name: str) -> frozenset[tuple[str, str, str]]:
    """Every (prefix, unit, their symbol) `name` splits into, pint's `parse_unit_name` walk."""
    units, prefixes, suffixes = _unit_names()
    out = set()
    for prefix, (prefix_name, prefix_symbol) in prefixes.items():
        for suffix in suffixes:
            middle = name[len(prefix) : len(name) - len(suffix)]
            if suffix and len(middle) == 1:  # pint's rule: "Js" is not plural joules
                continue
            if name.startswith(prefix) and name.endswith(suffix) and middle in units:
                unit_name, unit_symbol = units[middle]
                out.add((prefix_name, unit_name, prefix_symbol + unit_symbol))
    # pint's `_dedup_candidates`: ("kilo", "gram") stands for ("", "kilogram")
    prefixed = {p + u for p, u, _ in out if p}
    return frozenset(r for r in out if r[0] or r[1] not in prefixed)


def pint_may_read(expression: str) -> bool:
    """False when pint cannot read `expression` (or reads it only as an implausible prefixed
    unit, "units" as micro-nits), decided from unit_names.csv without building pint's registry.

    Anything but ASCII names is left to pint.
    """
    if not expression.isascii():
        return True
    names = _NAME_RE.findall(expression)
    if len(names) == 1 and names[0] == expression:
        return any(_may_be_plausible(reading, expression) for reading in _readings(expression))
    return all(_readings(name) for name in names)


def _may_be_plausible(reading: tuple[str, str, str], written: str) -> bool:
    """What `_plausible` could say of a reading: True unless it is surely False."""
    prefix, unit, _ = reading
    others = _readings(prefix + unit)
    if not others or any(not p for p, _, _ in others):
        return True
    return any(s in written or written.lower().startswith(p) for p, _, s in others)


def _may_be_glued(written: str) -> bool:
    """`_read_glued_symbols` could read it: two short symbols the table knows."""
    if not (2 <= len(written) <= 3 and written.isalpha() and not written.islower()):
        return False
    return any(
        _readings(written[:cut]) and _readings(written[cut:]) for cut in range(1, len(written))
    )


@lru_cache(maxsize=4096)
def _unprefixed_unit(written: str) -> str | None:
    """pint's name for a word it reads one way only, as a unit without a prefix ("years")."""
    if not _NAME_RE.fullmatch(written):
        return None
    readings = _readings(written)
    if len(readings) != 1 or next(iter(readings))[0]:
        return None
    name = next(iter(readings))[1]
    # pint's `_plausible` then asks how the name itself splits ("kps" is kilo-meter_per_second)
    return name if any(not p for p, _, _ in _readings(name)) else None


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
