"""claims/yaml_io's builder gives what PyYAML's constructor gives: objects, lines, errors."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.claims import yaml_io
from reconcile.claims.yaml_io import DuplicateKeyError, LineDict, LineList


def pyyaml(text: str) -> Any:
    """The document as PyYAML's own constructor (with the line-keeping loader) builds it."""
    return yaml.load(text, Loader=yaml_io._loader())


def shape(value: Any) -> Any:
    """Values with their line numbers, for comparing two loads."""
    if isinstance(value, LineDict):
        items = {k: shape(v) for k, v in value.items()}
        return ("map", value.line, dict(value.key_lines), items)
    if isinstance(value, LineList):
        return ("seq", list(value.item_lines), [shape(v) for v in value])
    return (type(value).__name__, value)


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["yes", "no", "on", "2024-01-02", "1e3", "0x1F", "~", "null", "1_000"])
)
_DOCS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(_DOCS, st.booleans())
def test_random_documents_load_alike(value: Any, flow: bool) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    assert shape(yaml_io._load(text)) == shape(pyyaml(text))
    # and the values (tags resolved by the loader's faster resolve) are plain PyYAML's
    assert yaml_io._load(text) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize(
    "scalar",
    ["", "~", "null", "Null", "yes", "No", "on", "OFF", "true", "0x1F", "0o17", "017", "1_000",
     "-1.5e3", ".inf", "-.Inf", ".nan", "2024-01-02", "2001-12-14 21:59:43.10 -5", "1:30",
     "=", "plain text", "'quoted'", '"yes"', "+12", "190:20:30"],
)  # fmt: skip
def test_each_implicit_scalar_resolves_as_pyyaml_resolves_it(scalar: str) -> None:
    text = f"key: {scalar}\nlist: [{scalar or '~'}]\n"
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            yaml_io._load(text)
        return
    assert repr(yaml_io._load(text)) == repr(expected)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # an alias: PyYAML shares the object
        "base: &b {k: 1}\nc:\n  <<: *b\n  j: 2\n",  # a merge key
        "s: !!set {a, b}\n",  # an explicit tag
        "o: !!omap [{a: 1}, {b: 2}]\n",
        "? [1, 2]\n: unhashable key\n",
        "t: 2001-12-14t21:59:43.10-05:00\nb: !!binary aGVsbG8=\n",
        "",
        "just a scalar\n",
    ],
)
def test_what_only_pyyaml_builds_is_built_by_pyyaml(text: str) -> None:
    try:
        expected = shape(pyyaml(text))
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            yaml_io._load(text)
        return
    assert shape(yaml_io._load(text)) == expected


def test_two_duplicate_keys_report_the_one_pyyaml_would() -> None:
    """PyYAML fills mappings breadth first: the shallower duplicate (b's) is met before the
    deeper one inside a, and the builder reports the same."""
    text = "a:\n  x:\n    k: 1\n    k: 2\nb:\n  j: 1\n  j: 2\n"
    with pytest.raises(DuplicateKeyError) as fast:
        yaml_io._load(text)
    with pytest.raises(DuplicateKeyError) as slow:
        pyyaml(text)
    assert (fast.value.key, fast.value.first, fast.value.second) == ("j", 6, 7)
    assert (slow.value.key, slow.value.first, slow.value.second) == ("j", 6, 7)
