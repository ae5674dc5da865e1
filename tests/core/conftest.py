"""Fixtures for the trunk: projects in temp folders and an in-process CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SETTINGS, copy_project


@pytest.fixture(autouse=True)
def _dates(fixed_dates):
    """Every test here runs with fixed dates."""


@pytest.fixture
def make_project(tmp_path):
    """Create a project with the given guides {slug: text}."""
    def make(guides: dict[str, str], settings: str = SETTINGS) -> Path:
        root = tmp_path / "project"
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "ligetil.toml").write_text(settings, encoding="utf-8")
        for slug, text in guides.items():
            (root / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
        return root
    return make


@pytest.fixture
def sample_project(tmp_path):
    """A copy of the repository's sample project (settings, guides, translations)."""
    return copy_project(tmp_path / "sample")
