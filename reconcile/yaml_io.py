"""Read YAML with line numbers; YAML library errors become InputError with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError


def read_yaml(path: Path) -> Any:
    """Parse a YAML file keeping line numbers (ruamel round-trip nodes)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError("not UTF-8 text", path=str(path), hint="save the file as UTF-8") from error
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "invalid YAML"
        raise InputError(
            f"invalid YAML: {problem}",
            path=str(path),
            line=line,
            hint="check indentation and quoting there; values with ':' or '#' need quotes",
        ) from error
    except YAMLError as error:
        raise InputError(f"invalid YAML: {error}", path=str(path)) from error


def line_of(node: Any, key: str | None = None) -> int | None:
    """The 1-based line of a mapping (or of one of its keys) in the file it was read from."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    if key is not None:
        try:
            return int(lc.key(key)[0]) + 1
        except (KeyError, TypeError):
            pass
    return int(lc.line) + 1
