"""The shipped YAML tables read the same with the fast loader as with a YAML 1.2 reader."""

from __future__ import annotations

from importlib import resources

import pytest
from ruamel.yaml import YAML

from reconcile.reference.resources import load_yaml_resource, resource_text

SHIPPED = sorted(
    path.name
    for path in (resources.files("reconcile") / "data").iterdir()
    if path.name.endswith(".yaml")
)


def test_every_shipped_table_is_checked() -> None:
    assert {"currencies.yaml", "places.yaml", "units.yaml", "scale_words.yaml"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_yaml_reads_as_yaml_1_2(name: str) -> None:
    # PyYAML reads YAML 1.1: "no", "on", "0755", "1:30" would be a bool, an octal, a
    # sexagesimal number there, but a string or a decimal in YAML 1.2.
    expected = YAML(typ="safe", pure=True).load(resource_text(name))
    loaded = load_yaml_resource(name)
    assert loaded == expected
    assert repr(loaded) == repr(expected)  # the same types too (1 is not True, "1" not 1)


def test_a_yaml_1_1_only_reading_is_caught() -> None:
    text = "codes: [NO, SE]\n"
    import yaml

    assert yaml.safe_load(text) != YAML(typ="safe", pure=True).load(text)
