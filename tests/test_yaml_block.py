"""claims/yaml_block's line reader gives what PyYAML's loader gives, or declines."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.claims import yaml_io
from reconcile.claims.yaml_block import read_block_yaml
from tests.test_yaml_builder import pyyaml, shape

CLAIM_FILE = """\
# written by hand
document:
  id: doc-1
  title: "A report: with a colon"
  published: 2024-05-01
  lines: file

claims:
  - id: c1   # the first
    entity: AZE
    metric: military_expenditure
    period: '2009'
    value: US$2.46 billion
    quote: "the \\"Smerch\\" system, \\u20ac5 and a tab\\tstop"
    line: 12
    share: 1.5e3
    reviewed: yes
    note: it's 50% of C# code, see http://example.org/a#b
  -   id: c2
      value: 'nearly ''5'' billion'
      tags:
        - one
        - 2
      empty:
      relations:
        part_of: c1
  - plain item
"""


def test_a_claim_file_is_read_as_pyyaml_reads_it() -> None:
    fast = read_block_yaml(CLAIM_FILE)
    assert fast is not None
    assert shape(fast) == shape(pyyaml(CLAIM_FILE))
    assert fast == yaml.safe_load(CLAIM_FILE)
    assert fast["claims"][0]["quote"] == 'the "Smerch" system, €5 and a tab\tstop'
    assert fast["claims"][1]["empty"] is None


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2]\n",  # flow collections
        "a: {b: 1}\n",
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "a: |\n  block\n",  # block scalars
        "a: >\n  folded\n",
        "a: two\n  lines\n",  # a multi-line plain scalar
        "a: 'two\n  lines'\n",
        "a: 1\na: 2\n",  # a key written twice: libyaml's path names both lines
        "a:\n- indentless\n",  # a sequence at its key's column
        "a:\tb\n",  # a tab
        "a: b\r\n",  # a carriage return
        "\ufeffa: b\n",  # a byte-order mark
        "a: b\x85c\n",  # NEL, a YAML 1.1 line break
        "on: b\n",  # a key that is a boolean
        "null: b\n",
        "a: b: c\n",  # a YAML error
        "a: 'b' c\n",
        '"a": b\n',  # a quoted key
        'a: "\\q"\n',  # an unknown escape
        'a: "\\ud800"\n',  # a surrogate
        "a: =\n",  # the value tag
        "---\na: b\n",  # a document marker
        "- a\n- b\n",  # a sequence at the top
        "  a: b\n",  # an indented top
        "a: b\n    c: d\n",
        "",
        "# only a comment\n",
    ],
)
def test_what_is_outside_the_subset_is_left_to_libyaml(text: str) -> None:
    assert read_block_yaml(text) is None
    try:
        expected = shape(pyyaml(text))
    except (yaml.YAMLError, yaml_io.DuplicateKeyError) as error:
        with pytest.raises(type(error)):
            yaml_io._load(text)
        return
    assert shape(yaml_io._load(text)) == expected


_KEYS = st.sampled_from(["id", "value", "a", "b_c", "on", "yes", "null", "x-y", "True", "k1"])
_VALUES = st.sampled_from(
    [
        "", "plain", "two words", "'quoted'", "'it''s'", '"dq"', '"esc \\" \\\\ \\x41 \\u00e9"',
        '"\\N\\_\\L\\P\\0\\e"', "2024-01-02", "2001-12-14 21:59:43.10 -5", "12", "-3", "0x1F",
        "1_000", "1:30", "1.5e3", ".inf", "~", "null", "yes", "Off", "a: b", "a #c", "a#c",
        "http://x.org/a#b", "-x", "- x", "-", "?x", ":x", "x:", "[a]", "{a: 1}", "&a x", "*a",
        "!t x", "|", ">", "%x", "@x", "`x", "'open", '"open', "'a' b", "# comment", "a   # c",
        "=", "<<", "€5 and ₼", "a\xa0b", "'' ", "x ",
    ]
)  # fmt: skip


_SCALAR_TEXT = _VALUES.filter(bool)
_TREES = st.recursive(
    _SCALAR_TEXT,
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3)
        | st.dictionaries(_KEYS, inner | st.just(""), min_size=1, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def _block_texts(draw: Any) -> str:
    """A block mapping drawn as people write one (dashes, indents, comments and blank lines
    drawn too), with scalars written verbatim, tricky ones among them, so some are not YAML."""
    lines: list[str] = []

    def render(node: Any, column: int, prefix: str) -> None:
        """Write node at column; prefix is what goes before its first line ('- ' or '')."""
        if isinstance(node, dict):
            for index, (key, value) in enumerate(node.items()):
                lead = prefix if index == 0 else " " * len(prefix)
                if isinstance(value, dict | list):
                    lines.append(f"{' ' * column}{lead}{key}:" + draw(_COMMENTS))
                    step = draw(st.sampled_from([2, 2, 4, 1, 0]))
                    render(value, column + len(lead) + step, "")
                else:
                    lines.append(f"{' ' * column}{lead}{key}: {value}".rstrip() + draw(_COMMENTS))
        elif isinstance(node, list):
            dash = draw(st.sampled_from(["- ", "- ", "-   "]))
            for item in node:
                if isinstance(item, list):
                    lines.append(f"{' ' * column}-")
                    render(item, column + 2, "")
                else:
                    render(item, column, dash)
        else:
            lines.append(f"{' ' * column}{prefix}{node}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", "# between", "      # deeper"])))

    tree = draw(st.dictionaries(_KEYS, _TREES | st.just(""), min_size=1, max_size=4))
    render(tree, 0, "")
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


_COMMENTS = st.sampled_from(["", "", "", "  # note", " #x", "#x", "   "])


@settings(max_examples=3000, deadline=None)
@given(_block_texts())
def test_what_the_reader_accepts_libyaml_reads_the_same(text: str) -> None:
    fast = read_block_yaml(text)
    if fast is None:
        return
    assert shape(fast) == shape(pyyaml(text)), text
    assert fast == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_generated_texts_are_often_inside_the_subset() -> None:
    """The property above means something only when the reader accepts many of the texts."""
    accepted = 0
    texts = st.lists(_block_texts(), min_size=200, max_size=200)

    @settings(max_examples=1, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(texts)
    def count(values: list[str]) -> None:
        nonlocal accepted
        accepted = sum(read_block_yaml(text) is not None for text in values)

    count()
    assert accepted >= 10  # about a tenth are, by a run of 40,000
