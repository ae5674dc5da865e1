"""Fixtures every test folder may use: fixed dates and the in-process CLI."""

from __future__ import annotations

import pytest
from projects import FIXED_EPOCH, cli_runner


@pytest.fixture
def fixed_dates(monkeypatch):
    """Make header and PDF dates deterministic."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture
def ligetil(capsys):
    """Run `ligetil ARGS` in-process in a project folder; return code and output."""
    return cli_runner(capsys)
