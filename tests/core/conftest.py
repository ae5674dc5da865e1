"""Fixtures for the trunk: projects in temp folders and an in-process CLI runner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main
from support import FIXED_EPOCH, REPO, SETTINGS



@dataclass
class Result:
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def fixed_dates(monkeypatch):
    """Make header dates deterministic."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture
def ligetil(capsys):
    """Run `ligetil ARGS` in-process in a project folder; return code and output."""
    def run(project: Path, *args: str) -> Result:
        capsys.readouterr()
        try:
            main(["-C", str(project), *args])
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)
    return run


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
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy(REPO / "ligetil.toml", root)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "translations", root / "translations")
    return root
