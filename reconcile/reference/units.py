"""Physical units through pint: one conversion factor per distinct unit, never per row."""

from __future__ import annotations

from functools import cache
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
