"""Fixtures for the trunk: projects in temp folders and an in-process CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main

REPO = Path(__file__).resolve().parents[2]
FIXED_EPOCH = "1764547200"  # 2025-12-01 00:00 UTC: deterministic header dates


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


SETTINGS = """\
[project]
name = "Testkommune"
source_language = "da"
languages = ["en", "tr", "ar", "ur"]
base_url = "https://example.org/guides/"

[publish]
min_reviewed = 0.8
"""


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


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file below root with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".ligetil.lock"}


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """Run GNU msgfmt -c on a PO/POT file."""
    return subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)


def msgcat(path: Path) -> str:
    """Return GNU msgcat's rendering of a file."""
    return subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout


GUIDE = """\
---
title: Mad til dig
summary: Sådan bestiller du mad.
service: Testservice
contact:
  address: Vej 1, 2700 Brønshøj
  hours: Mandag–fredag kl. 8–15
updated: 2026-11-01
---
# Mad til dig {#top}

Vi bringer **varm mad** ud til dig.
Det koster 58 kr. om dagen.

<!-- i18n: "Visitation" is the municipality's needs assessment. -->
## Sådan får du mad

- Ring til os.
- Vi kommer på besøg.
    - Vi taler om din mad.

| Dag | Tid |
|---|---|
| Mandag | kl. 8–15 |

> Maden er god.

Læs om [madservice på borger.dk](https://www.borger.dk/mad).

![En tallerken med mad](images/mad.svg)

Du kan altid tage en pårørende med.
"""
