"""Fixtures for the build's safety proofs: fixed dates and a small copy of the sample project."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_sample


@pytest.fixture(autouse=True)
def _dates(fixed_dates):
    """Every test here runs with fixed dates."""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the sample project with two guides in Danish, English and Turkish."""
    return copy_sample(tmp_path / "project")
