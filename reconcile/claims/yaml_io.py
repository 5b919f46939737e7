"""Read YAML with line numbers; YAML library errors become InputError with file and line."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError


class LineDict(dict[str, Any]):
    """A mapping read from YAML that remembers the 1-based line of itself and of its keys."""

    line: int | None = None
    key_lines: dict[str, int]


@cache
def _loader() -> Any:
    """PyYAML's C (libyaml) safe loader, with mappings that keep their line numbers.

    Reading claims is on the start-up path of every command, and the pure-Python YAML parsers
    take about a second for the seed claims; libyaml takes a few milliseconds.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        pass

    def construct_line_mapping(loader: Any, node: Any) -> Any:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {
            str(key.value): key.start_mark.line + 1
            for key, _ in node.value
            if hasattr(key, "value")
        }
        yield data
        data.update(loader.construct_mapping(node))

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_line_mapping)
    return LineLoader


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; mappings are LineDicts (see line_of)."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError("not UTF-8 text", path=str(path), hint="save the file as UTF-8") from error
    try:
        return yaml.load(text, Loader=_loader())  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "invalid YAML"
        raise InputError(
            f"invalid YAML: {problem}",
            path=str(path),
            line=line,
            hint="check indentation and quoting there; values with ':' or '#' need quotes",
        ) from error
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML: {error}", path=str(path)) from error


def line_of(node: Any, key: str | None = None) -> int | None:
    """The 1-based line of a mapping (or of one of its keys) in the file it was read from."""
    if not isinstance(node, LineDict):
        return None
    if key is not None and key in node.key_lines:
        return node.key_lines[key]
    return node.line
