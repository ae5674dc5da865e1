"""Helpers every test folder shares: copies of the sample project and an in-process CLI."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]  # the sample project: ligetil.toml, content/, translations/
FIXED_EPOCH = "1764547200"  # 2025-12-01 00:00 UTC: deterministic header and PDF dates


@dataclass
class Result:
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str


def copy_project(target: Path) -> Path:
    """Copy the sample project's settings, guides and catalogs into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "ligetil.toml", target / "ligetil.toml")
    shutil.copytree(REPO / "content", target / "content")
    shutil.copytree(REPO / "translations", target / "translations")
    return target


def cli_runner(capsys):
    """Return run(project, *args) -> Result: `ligetil ARGS` in-process, output captured."""
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
