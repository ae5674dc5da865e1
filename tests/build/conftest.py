"""Fixtures of the build tests: copies of the sample project, built once, and a CLI runner."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from projects import copy_project

from pipeline.cli import cli

SAMPLE = Path(__file__).resolve().parents[2]  # /work/main: ligetil.toml, content/, translations/
SUMMARY_RE = re.compile(r"(\d+) built, (\d+) up to date, (\d+) file\(s\) changed, (\d+) stale removed")


@dataclass
class Built:
    """What one `ligetil build` printed, with the counts of its summary line."""

    output: str
    built: int
    up_to_date: int
    changed: int
    removed: int


def build(project: Path, *args: str) -> Built:
    """Run ``ligetil build ARGS`` in-process; fail the test with its output if it fails."""
    result = CliRunner().invoke(cli, ["-C", str(project), "build", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    found = SUMMARY_RE.search(result.output)
    assert found, result.output
    return Built(result.output, *(int(n) for n in found.groups()))


def snapshot(output: Path) -> dict[str, tuple[int, bytes]]:
    """Return every file of output/ with its mtime in ns and its bytes."""
    return {p.relative_to(output).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(output.rglob("*")) if p.is_file()}


def rewritten(before: dict, after: dict) -> set[str]:
    """Return the files that are new, gone, or whose mtime or bytes changed."""
    return {name for name in set(before) | set(after) if before.get(name) != after.get(name)}


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
