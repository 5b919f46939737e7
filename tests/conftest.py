"""Shared test fixtures: paths to the repository, its claims and ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _run_from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see paths as a user at the repository root does."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def shared_seeds() -> Path:
    """../shared/seeds, or a clean skip saying why."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} not found: the seed documents live in ../shared beside the repo")
    return seeds


def plain_env() -> dict[str, str]:
    """The environment with colour off, for subprocess tests."""
    return {**os.environ, "NO_COLOR": "1"}
