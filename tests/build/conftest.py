"""Fixtures of the build tests: copies of the sample project, built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import build, copy_project


@pytest.fixture(scope="session")
def html_site(tmp_path_factory) -> Path:
    """The sample project built once as HTML (the state file included)."""
    project = copy_project(tmp_path_factory.mktemp("html-site"))
    build(project, "--format", "html")
    return project


@pytest.fixture
def built_html(html_site, tmp_path) -> Path:
    """A private copy of the HTML-built sample project (state keys hash content, not mtimes)."""
    target = tmp_path / "project"
    shutil.copytree(html_site, target)
    return target
