"""The package layout: the library API, the README example, and the size limits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import reconcile

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = REPO_ROOT / "reconcile"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_every_public_name_resolves() -> None:
    for name in reconcile.__all__:
        assert getattr(reconcile, name) is not None, name
    assert sorted(reconcile.__all__) == sorted(dir(reconcile))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'reconcile_everything'"):
        reconcile.reconcile_everything  # noqa: B018 - the access is the test


def test_the_readme_library_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None, "README has no python example under 'Library'"
    monkeypatch.chdir(REPO_ROOT)
    exec(compile(code.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    # Each `# comment` after a print in the example is what it prints.
    promised = re.findall(r"print\(.*\)\s+# (.*)", code.group(1))
    assert printed == promised


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines: split it by stage"
    too_long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {', '.join(too_long)}"
