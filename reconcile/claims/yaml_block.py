"""Mappings and sequences that keep their lines, and a line reader for plain block YAML.

Claim files are mostly `key: value` lines under `- id:` items. libyaml composes a node with two
marks for every scalar before anything is built, about 4 µs a scalar, which is most of the time
a folder of 200,000 claims takes to read. `read_block_yaml` reads the plain block subset those
files are written in (one regex a line) and gives what the loader of claims/yaml_io.py gives:
the same LineDicts and LineLists, lines and values. It gives None for anything else (flow
collections, anchors, tags, block or multi-line scalars, escapes, tabs, a key written twice,
bad indentation), and the file is read by libyaml, with its own objects and error messages.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any


class LineDict(dict[str, Any]):
    """A mapping read from YAML that remembers the 1-based line of itself and of its keys."""

    line: int | None = None
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence read from YAML that remembers the 1-based line of each item."""

    item_lines: list[int]


STR_TAG = "tag:yaml.org,2002:str"

# What the subset leaves to libyaml wherever it stands: tabs, carriage returns and the other
# line breaks of YAML 1.1 (NEL, LS, PS), a byte-order mark, and the characters libyaml refuses.
_DECLINED = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A plain scalar: not starting with an indicator (a '-' only before a non-space), no ': ' or
# ' #' inside, no trailing space. Quoted scalars: on one line.
_PLAIN = (
    r"(?:[^ #'\"\[\]{},&*!|>%@`?:\-]|-(?=[^ ]))"
    r"(?:[^ :#]++|:(?=[^ ])|(?<=[^ ])\#| ++(?=[^ #]))*+"
)  # possessive: what the tail needs is never inside a scalar, so nothing is given back
_VALUE = rf"'(?:[^']++|'')*+'|\"(?:[^\"\\]++|\\.)*+\"|{_PLAIN}"
# A line after its indent: a dash, then `key:` with its value or nothing, or a value alone.
_LINE = re.compile(
    rf"(?:(?P<dash>-)(?: +|$))?(?:(?P<key>[A-Za-z_][A-Za-z0-9_\-]{{0,127}}):"
    rf"(?: +(?P<value>{_VALUE}))?|(?P<item>{_VALUE}))?(?: +\#.*)? *$"
)
# The escapes of double-quoted scalars (YAML 1.1, section 5.7), as libyaml reads them.
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip


class _Declined(Exception):
    """The text is outside the subset: libyaml reads it."""


@cache
def implicit_resolvers() -> tuple[dict[str, list[Any]], list[Any]]:
    """The safe loader's implicit resolvers by a scalar's first character, and those for any."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    wildcard = base.yaml_implicit_resolvers.get(None, [])
    by_first = {
        first: [*resolvers, *wildcard]
        for first, resolvers in base.yaml_implicit_resolvers.items()
        if first is not None
    }
    return by_first, wildcard


def resolve_plain(value: str) -> str:
    """The tag the safe loader gives a plain (unquoted) scalar."""
    by_first, wildcard = implicit_resolvers()
    for tag, regexp in by_first.get(value[:1], wildcard):
        if regexp.match(value):
            return str(tag)
    return STR_TAG


def read_block_yaml(text: str) -> LineDict | None:
    """The document as the loader builds it when `text` is a block mapping in the plain subset
    (see the module's docstring); None otherwise."""
    if _DECLINED.search(text):
        return None
    try:
        return _BlockReader().read(text)
    except _Declined:
        return None


class _BlockReader:
    """One pass over the lines with a stack of the open mappings and sequences (column, data)."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, Any]] = []
        self.scalars: dict[str, Any] = {}  # values repeat (metrics, sources): strings read once
        self.keys: set[str] = set()

    def read(self, text: str) -> LineDict:
        stack, keys = self.stack, self.keys
        pending: tuple[LineDict, str, int] | None = None  # a key whose value is below it
        for number, line in enumerate(text.split("\n"), start=1):
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            column = len(line) - len(content)
            match = _LINE.match(content)
            if match is None:
                raise _Declined
            dash, key = match["dash"], match["key"]
            if not stack:
                if column or dash:
                    raise _Declined  # an indented top, or a sequence
                self.open_mapping(number, column)
            if pending is not None:
                self.open_value(pending, number, column, dash is not None)
                pending = None
            while stack[-1][0] > column:
                stack.pop()
            top_column, top = stack[-1]
            if top_column != column:
                raise _Declined  # indented past its parent: a YAML error or a multi-line scalar
            if dash is None:
                if key is None or type(top) is not LineDict:
                    raise _Declined  # a value alone, or a sequence at its parent key's column
                mapping = top
            else:
                if type(top) is not LineList:
                    raise _Declined
                top.item_lines.append(number)
                if key is None:
                    item = match["item"]
                    if item is None:
                        raise _Declined  # an item on the lines below its dash
                    top.append(self.scalar(item))
                    continue
                column += match.start("key")
                mapping = self.open_mapping(number, column)
                top.append(mapping)
            if key in mapping.key_lines:
                raise _Declined  # a key written twice: libyaml's path names both lines
            if key not in keys:
                if resolve_plain(key) != STR_TAG:
                    raise _Declined  # a key such as `on` or `null`
                keys.add(key)
            mapping.key_lines[key] = number
            value = match["value"]
            if value is None:
                pending = (mapping, key, column)
            else:
                known = self.scalars.get(value)
                mapping[key] = self.scalar(value) if known is None else known
        if not stack:
            raise _Declined
        if pending is not None:
            pending[0][pending[1]] = None
        root: LineDict = stack[0][1]
        return root

    def open_value(
        self, pending: tuple[LineDict, str, int], number: int, column: int, dash: bool
    ) -> None:
        """The value of a key written alone on its line: what is indented below it, or null."""
        parent, key, key_column = pending
        if column <= key_column:
            parent[key] = None
        elif dash:
            parent[key] = self.open_list(column)
        else:
            parent[key] = self.open_mapping(number, column)

    def open_mapping(self, number: int, column: int) -> LineDict:
        mapping = LineDict()
        mapping.line = number
        mapping.key_lines = {}
        self.stack.append((column, mapping))
        return mapping

    def open_list(self, column: int) -> LineList:
        sequence = LineList()
        sequence.item_lines = []
        self.stack.append((column, sequence))
        return sequence

    def scalar(self, value: str) -> Any:
        first = value[0]
        if first == "'":
            result: Any = value[1:-1].replace("''", "'")
        elif first == '"':
            result = _ESCAPE.sub(_unescape, value[1:-1]) if "\\" in value else value[1:-1]
        else:
            tag = resolve_plain(value)
            if tag != STR_TAG:
                return _construct(tag, value)  # built anew each time, as PyYAML does
            result = value
        self.scalars[value] = result
        return result


def _unescape(match: re.Match[str]) -> str:
    hexadecimal = match[1] or match[2] or match[3]
    if hexadecimal is None:
        if match[4] not in _ESCAPED:
            raise _Declined  # libyaml's "found unknown escape character"
        return _ESCAPED[match[4]]
    code = int(hexadecimal, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Declined  # libyaml's "found invalid Unicode character escape code"
    return chr(code)


def _construct(tag: str, value: str) -> Any:
    """A plain scalar of another type (int, float, bool, null, timestamp) as PyYAML builds it."""
    import yaml

    constructor = yaml.constructor.SafeConstructor.yaml_constructors.get(tag)
    if constructor is None or tag == "tag:yaml.org,2002:value":
        raise _Declined
    try:
        return constructor(_constructor(), yaml.ScalarNode(tag, value))
    except Exception as error:  # whatever PyYAML would say, it says it on its own path
        raise _Declined from error


@cache
def _constructor() -> Any:
    import yaml

    return yaml.constructor.SafeConstructor()
