"""Fixtures every test folder may use: fixed dates and the in-process CLI."""

from __future__ import annotations

import pytest
from helpers import FIXED_EPOCH, run_ligetil


@pytest.fixture
def fixed_dates(monkeypatch):
    """Make header and PDF dates deterministic."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture
def ligetil():
    """Return run(project, *args) -> Result: `ligetil [-C project] ARGS` in-process, output captured."""
    return run_ligetil
