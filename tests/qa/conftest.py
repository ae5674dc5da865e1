"""Shared fixtures for the QA tests: settings without a project on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from pipeline.config import CheckSettings, Settings


def build_settings(root: Path = Path("/nonexistent"), **checks) -> Settings:
    """Return project settings with the four sample languages and optional [check] values."""
    return Settings(root=root, name="Test", source_language="da", languages=("en", "tr", "ar", "ur"),
                    base_url="https://example.org/", protected_terms=("MitID", "Borgerservice"),
                    checks=CheckSettings(**checks))


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    """Return a factory of settings taking ``[check]`` values as keywords."""
    return build_settings


@pytest.fixture
def settings() -> Settings:
    """Return default settings."""
    return build_settings()
