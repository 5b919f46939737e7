"""Read YAML with line numbers; YAML library errors become InputError with file and line."""

from __future__ import annotations

from collections import deque
from functools import cache
from pathlib import Path
from typing import Any

from reconcile.core.errors import InputError

from .yaml_block import LineDict, LineList, implicit_resolvers, read_block_yaml

# Bounds checked before any object is built (docs/errors.md): a claim file is edited by people,
# so nothing legitimate comes near them; an alias bomb ("billion laughs") or a huge or deeply
# nested document is refused in milliseconds instead of exhausting the machine.
MAX_YAML_CHARS = 32 * 2**20
MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 10_000  # nodes that aliases may add to the document, all told


def item_line(sequence: Any, index: int) -> int | None:
    """The 1-based line of a sequence's item, when it was read from YAML."""
    lines = getattr(sequence, "item_lines", None)
    return lines[index] if lines is not None and index < len(lines) else None


class DuplicateKeyError(Exception):
    """A mapping names one key twice (YAML keeps only the last, silently)."""

    def __init__(self, key: str, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


@cache
def _loader() -> Any:
    """PyYAML's C (libyaml) safe loader, with mappings that keep their line numbers.

    Reading claims is on the start-up path of every command, and the pure-Python YAML parsers
    take about a second for the seed claims; libyaml takes a few milliseconds.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    scalar_node = yaml.ScalarNode
    implicit, wildcard = implicit_resolvers()
    scalar_tag = base.DEFAULT_SCALAR_TAG

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind: Any, value: str, implicit_flags: Any) -> Any:
            """BaseResolver.resolve for scalars, without its per-call list building (libyaml
            calls it for every scalar); this loader has no path resolvers."""
            if kind is not scalar_node or self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit_flags)
            if implicit_flags[0]:
                for tag, regexp in implicit.get(value[:1], wildcard):
                    if regexp.match(value):
                        return tag
            return scalar_tag

    def construct_line_mapping(loader: Any, node: Any) -> Any:
        data = line_dict(node)
        yield data
        data.update(loader.construct_mapping(node))

    def construct_line_sequence(loader: Any, node: Any) -> Any:
        data = LineList()
        data.item_lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        data.extend(loader.construct_sequence(node))

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_line_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_line_sequence)
    return LineLoader


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; mappings are LineDicts (see line_of). Bounded: see check_yaml_bounds."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError("not UTF-8 text", path=str(path), hint="save the file as UTF-8") from error
    try:
        check_yaml_bounds(text, path)
        return _load(text)
    except DuplicateKeyError as error:
        raise InputError(
            f"key '{error.key}' is written twice in one mapping (first at line {error.first}); "
            "YAML would keep only the last",
            path=str(path),
            line=error.second,
            hint="keep one of the two",
        ) from error
    except yaml.MarkedYAMLError as error:
        raise _yaml_error(error, path) from error
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML: {error}", path=str(path)) from error


def _load(text: str) -> Any:
    """yaml.load(text, Loader=_loader()): read by read_block_yaml when the text is in its plain
    subset, else built by _Builder from libyaml's nodes when it can be."""
    block = read_block_yaml(text)
    if block is not None:
        return block
    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _Builder(loader).build(node)
        except _Fallback:
            return loader.construct_document(node)
    finally:
        loader.dispose()


def line_dict(node: Any) -> LineDict:
    """An empty mapping for a YAML mapping node, with its line and each key's line; a key
    written twice is an error naming both lines."""
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key, _ in node.value:
        if not isinstance(getattr(key, "value", None), str):
            continue
        name, line = str(key.value), key.start_mark.line + 1
        if name in data.key_lines:
            raise DuplicateKeyError(name, data.key_lines[name], line)
        data.key_lines[name] = line
    return data


class _Fallback(Exception):
    """The document holds what only PyYAML's constructor builds (tags, merges, aliases)."""


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq"))


class _Builder:
    """The constructor of _loader() for plain documents, without its generic machinery: the
    same objects (LineDicts, LineLists), the same duplicate-key errors, in the same order.

    PyYAML fills mappings and sequences breadth first (each one's items after its parent's),
    and so does the queue here, so a document with two errors reports the one PyYAML would.
    Scalars other than strings go to PyYAML's own constructor. A node it would build
    otherwise (an explicit or merge tag, an alias, an unhashable key) raises _Fallback, and the
    whole document is built again by PyYAML.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.pending: deque[tuple[Any, Any]] = deque()
        self.seen: set[int] = set()

    def build(self, node: Any) -> Any:
        import yaml

        scalar, build = yaml.ScalarNode, self.node
        root = build(node)
        while self.pending:
            data, collection = self.pending.popleft()
            if isinstance(data, LineDict):
                mapping = {}
                for key_node, value_node in collection.value:
                    if type(key_node) is scalar and key_node.tag == _STR:
                        key = key_node.value
                    else:
                        key = build(key_node)
                        if isinstance(key, list | dict):
                            raise _Fallback  # PyYAML's "found unhashable key"
                    if type(value_node) is scalar and value_node.tag == _STR:
                        mapping[key] = value_node.value
                    else:
                        mapping[key] = build(value_node)
                data.update(mapping)
            else:
                data.extend(build(item) for item in collection.value)
        return root

    def node(self, node: Any) -> Any:
        import yaml

        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        if isinstance(node, yaml.ScalarNode):
            if tag == "tag:yaml.org,2002:value":
                raise _Fallback
            return self.loader.construct_object(node)
        if id(node) in self.seen:
            raise _Fallback  # an alias: PyYAML shares the object
        self.seen.add(id(node))
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            data = LineList()
            data.item_lines = [item.start_mark.line + 1 for item in node.value]
            self.pending.append((data, node))
            return data
        raise _Fallback

    def _mapping(self, node: Any) -> LineDict:
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            raise _Fallback
        data = line_dict(node)
        self.pending.append((data, node))
        return data


def _yaml_error(error: Any, path: Path) -> InputError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = error.problem or error.context or "invalid YAML"
    return InputError(
        f"invalid YAML: {problem}",
        path=str(path),
        line=line,
        hint="check indentation and quoting there; values with ':' or '#' need quotes",
    )


def check_yaml_bounds(text: str, path: Path) -> None:
    """Refuse a YAML text that is too large, too deep, or whose aliases expand too far.

    Reads libyaml's events only (no objects are built), counting how many nodes each anchored
    node holds, so that `*alias` costs what it would cost expanded.
    """
    import yaml

    if len(text) > MAX_YAML_CHARS:
        raise InputError(
            f"YAML file of {len(text):,} characters; the limit is {MAX_YAML_CHARS:,}",
            path=str(path),
            hint="split it, or use CSV or Parquet for bulk claims",
        )
    if "&" not in text:  # without an anchor there is no alias; libyaml caps nesting at 1000
        return
    open_nodes: list[list[Any]] = []  # [anchor, nodes so far] per open mapping or sequence
    sizes: dict[str, int] = {}
    added = 0
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for event in yaml.parse(text, Loader=base):
        size = 0
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor or "", 1)
            added += size
            if added > MAX_ALIAS_EXPANSION:
                raise _bound_error("aliases expand past the limit (an alias bomb?)", event, path)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            open_nodes.append([event.anchor, 1])
            if len(open_nodes) > MAX_DEPTH:
                raise _bound_error(f"nested deeper than {MAX_DEPTH} levels", event, path)
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_nodes.pop()
            if anchor:
                sizes[anchor] = size
        if open_nodes:
            open_nodes[-1][1] += size


def _bound_error(problem: str, event: Any, path: Path) -> InputError:
    return InputError(
        f"refused YAML: {problem}",
        path=str(path),
        line=event.start_mark.line + 1,
        hint="write the values out instead of repeating them through &anchors and *aliases",
    )


def line_of(node: Any, key: str | None = None) -> int | None:
    """The 1-based line of a mapping (or of one of its keys) in the file it was read from."""
    if not isinstance(node, LineDict):
        return None
    if key is not None and key in node.key_lines:
        return node.key_lines[key]
    return node.line
