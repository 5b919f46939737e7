"""JSON text that is always valid JSON: NaN and infinities become null, never `Infinity`."""

from __future__ import annotations

import json
import math
from typing import Any


def finite(value: Any) -> Any:
    """The value with every non-finite float (NaN, +-inf), however deep, replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def dump_json(value: Any, *, indent: int | None = None) -> str:
    """JSON text (UTF-8 kept) that any strict reader accepts: allow_nan is off."""
    try:
        return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere: open ends and unknowns are null
        return json.dumps(finite(value), indent=indent, ensure_ascii=False, allow_nan=False)
