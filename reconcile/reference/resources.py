"""Read the reference tables shipped inside the package (reconcile/data)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from reconcile.core.errors import DataError


def resource_text(name: str) -> str:
    """Return the text of a shipped data file."""
    try:
        return (resources.files("reconcile") / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise DataError(
            f"shipped data file reconcile/data/{name} is missing",
            hint="reinstall reconcile, or rebuild the tables with `make rates`",
        ) from error


def load_yaml_resource(name: str) -> Any:
    """Parse a shipped YAML data file.

    With libyaml's parser (PyYAML's CSafeLoader) when it is there: ten times faster than
    ruamel.yaml's pure-Python one at start-up. The shipped files read the same in YAML 1.1 and
    1.2 (tests/test_resources.py checks every one against ruamel.yaml's YAML 1.2 reading).
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resource_text(name), Loader=loader)
