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
_PLAIN = r"(?:[^ #'\"\[\]{},&*!|>%@`?:\-]|-(?=[^ ]))(?:[^ :#]|:(?=[^ ])|(?<=[^ ])\#| +(?=[^ #]))*"
_VALUE = rf"(?P<value>'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"|{_PLAIN})"
_TAIL = r"(?: +\#.*)? *$"
_KEY_LINE = re.compile(rf"(?P<key>[A-Za-z_][A-Za-z0-9_\-]{{0,127}}):(?: +{_VALUE})?{_TAIL}")
_ITEM = re.compile(rf"{_VALUE}{_TAIL}")
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
        self.pending: tuple[LineDict, str, int] | None = None  # a key whose value is below it
        self.plain: dict[str, Any] = {}
        self.keys: set[str] = set()

    def read(self, text: str) -> LineDict:
        root: LineDict | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            column = len(line) - len(content)
            if root is None:
                if column or content[0] == "-":
                    raise _Declined
                root = self.open_mapping(number, column)
            self.read_line(number, column, content)
        if root is None:
            raise _Declined
        if self.pending is not None:
            mapping, key, _ = self.pending
            mapping[key] = None
        return root

    def read_line(self, number: int, column: int, content: str) -> None:
        dash = content[0] == "-" and content[1:2] in (" ", "")
        if self.pending is not None:
            mapping, key, key_column = self.pending
            self.pending = None
            if column > key_column:
                mapping[key] = self.open_list(column) if dash else self.open_mapping(number, column)
            else:
                mapping[key] = None
        stack = self.stack
        while stack[-1][0] > column:
            stack.pop()
        top_column, top = stack[-1]
        if top_column != column:
            raise _Declined
        if isinstance(top, LineDict):
            if dash:
                raise _Declined  # a sequence at its parent key's column, or a YAML error
            match = _KEY_LINE.match(content)
            if match is None:
                raise _Declined
            self.read_key(top, number, column, match)
            return
        if not dash:
            raise _Declined
        item = content[1:].lstrip(" ")
        if not item:
            raise _Declined
        top.item_lines.append(number)
        item_column = column + len(content) - len(item)
        match = _KEY_LINE.match(item)
        if match is not None:
            mapping = self.open_mapping(number, item_column)
            top.append(mapping)
            self.read_key(mapping, number, item_column, match)
            return
        match = _ITEM.match(item)
        if match is None:
            raise _Declined
        top.append(self.scalar(match["value"]))

    def read_key(self, mapping: LineDict, number: int, column: int, match: re.Match[str]) -> None:
        key = match["key"]
        if key in mapping.key_lines:
            raise _Declined  # a key written twice: libyaml's path names both lines
        if key not in self.keys:
            if resolve_plain(key) != STR_TAG:
                raise _Declined  # a key such as `on` or `null`
            self.keys.add(key)
        mapping.key_lines[key] = number
        value = match["value"]
        if value is None:
            self.pending = (mapping, key, column)
        else:
            mapping[key] = self.scalar(value)

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
            return value[1:-1].replace("''", "'")
        if first == '"':
            return _ESCAPE.sub(_unescape, value[1:-1]) if "\\" in value else value[1:-1]
        if value in self.plain:
            return self.plain[value]
        tag = resolve_plain(value)
        result = value if tag == STR_TAG else _construct(tag, value)
        if tag == STR_TAG:
            self.plain[value] = result  # values repeat (metrics, sources); dates are built anew
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
